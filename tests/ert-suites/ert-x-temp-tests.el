;;; ert-x-temp-tests.el --- Tests of ert-x's temporary files and directories  -*- lexical-binding: t -*-

;; Emacs 29's `ert-with-temp-file' and `ert-with-temp-directory', which
;; Emacs 28 (the conformance oracle) lacks, so they are tested here.

(require 'ert-x)

(ert-deftest ert-x-temp-file-exists-during-body ()
  (let (name)
    (ert-with-temp-file file
      (setq name file)
      (should (file-regular-p file))
      (should (file-name-absolute-p file))
      (should (string-prefix-p ert-temp-file-prefix (file-name-nondirectory file)))
      ;; The default suffix comes from this file's name, less "-tests".
      (should (string-suffix-p "-ert-x-temp" file))
      (should (equal (with-temp-buffer (insert-file-contents file) (buffer-string)) "")))
    (should name)
    (should-not (file-exists-p name))))

(ert-deftest ert-x-temp-file-deleted-after-error ()
  (let (name)
    (should-error (ert-with-temp-file file
                    (setq name file)
                    (error "Leaving")))
    (should name)
    (should-not (file-exists-p name))))

(ert-deftest ert-x-temp-file-keywords ()
  (ert-with-temp-file file
    :prefix "pre-" :suffix ".txt" :text "contents\n"
    (should (string-prefix-p "pre-" (file-name-nondirectory file)))
    (should (string-suffix-p ".txt" file))
    (should (equal (with-temp-buffer (insert-file-contents file) (buffer-string)) "contents\n"))))

(ert-deftest ert-x-temp-file-buffer ()
  (let (buffer)
    (ert-with-temp-file file
      :text "abc" :buffer buf
      (setq buffer buf)
      (should (bufferp buf))
      (should (equal (buffer-file-name buf) file))
      (should (equal (with-current-buffer buf (buffer-string)) "abc"))
      ;; A modified buffer is killed without asking.
      (with-current-buffer buf (insert "x")))
    (should-not (buffer-live-p buffer))))

(ert-deftest ert-x-temp-file-value ()
  (should (equal (ert-with-temp-file _file 1 2 3) 3)))

(ert-deftest ert-x-temp-file-bad-keyword ()
  (should (equal (cadr (should-error (macroexpand '(ert-with-temp-file f :bogus 1 :other 2 t))))
                 "Invalid keywords: :other :bogus")))

(ert-deftest ert-x-temp-directory ()
  (let (name)
    (ert-with-temp-directory dir
      (setq name dir)
      (should (file-directory-p dir))
      (should (directory-name-p dir))
      (should (string-prefix-p ert-temp-file-prefix (file-name-nondirectory (directory-file-name dir))))
      (with-temp-file (expand-file-name "inside" dir) (insert "x"))
      (make-directory (expand-file-name "sub" dir))
      (with-temp-file (expand-file-name "sub/deeper" dir) (insert "y")))
    (should-not (file-exists-p name))))

(ert-deftest ert-x-temp-directory-prefix ()
  (ert-with-temp-directory dir :prefix "my-dir-" :suffix "-end"
    (should (string-prefix-p "my-dir-" (file-name-nondirectory (directory-file-name dir))))
    (should (string-suffix-p "-end/" dir))))

(ert-deftest ert-x-temp-directory-no-text ()
  (should (equal (cadr (should-error (macroexpand '(ert-with-temp-directory d :text "x" t))))
                 "Invalid keyword for directory: :text")))

(ert-deftest ert-x-temp-suffix-from-file-name ()
  (should (equal (ert--with-temp-file-generate-suffix "/a/b/foo-tests.el") "-foo"))
  (should (equal (ert--with-temp-file-generate-suffix "/a/b/foo-test.el") "-foo"))
  (should (equal (ert--with-temp-file-generate-suffix "bartest.el") "-bar"))
  (should (equal (ert--with-temp-file-generate-suffix "baz.el") "-baz")))

;;; ert-x-temp-tests.el ends here
