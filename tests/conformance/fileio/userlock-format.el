;;; -*- lexical-binding: t -*-
;;; The Lisp that the file primitives call: userlock.el's supersession check (a buffer whose
;;; file changed on disk; unchanged contents only update the modtime) and unlock error report,
;;; and format.el's decoding on reading (`format-decode' from `insert-file-contents') and
;;; encoding on writing (`format-annotate-function' for `buffer-file-format').
;;; Expected values: GNU Emacs 28.2.
(defconst ul-dir (file-name-as-directory (expand-file-name "userlock-format" "/tmp/asv-vectors")))
(when (file-exists-p ul-dir) (delete-directory ul-dir t))
(make-directory ul-dir t)
(defun ul-path (name) (expand-file-name name ul-dir))
(defun ul-bytes (f) (with-temp-buffer (insert-file-contents-literally f) (buffer-string)))
(defmacro ul (form)
  `(princ (format "%S\n    => %S\n" ',form (condition-case err ,form (error (list 'ERR err))))))

;; Supersession.
(let ((f (ul-path "sup.txt")))
  (write-region "hello\n" nil f nil 'silent)
  (with-current-buffer (find-file-noselect f)
    (set-file-times f (encode-time '(0 0 0 1 1 2030 nil nil t)))
    (ul (verify-visited-file-modtime))
    (ul (progn (insert "x") (list (buffer-string) (verify-visited-file-modtime) (buffer-modified-p))))
    (set-buffer-modified-p nil)
    (erase-buffer)
    (insert-file-contents f nil nil nil t)
    (set-buffer-modified-p nil)
    (write-region "changed\n" nil f nil 'silent)
    (set-file-times f (encode-time '(0 0 0 1 1 2031 nil nil t)))
    (ul (progn (insert "y") 'inserted))
    (ul (list (buffer-string) (buffer-modified-p)))
    (ul (userlock--check-content-unchanged f))
    (set-buffer-modified-p nil)
    (kill-buffer)))
(ul (userlock--handle-unlock-error '(file-error "Unlocking file" "Permission denied" "/x")))
(ul (condition-case e (ask-user-about-supersession-threat "/a/b.txt") (error e)))

;; Formats.
(defun ul-upcase-decode (from to)
  (upcase-region from to)
  (save-excursion (goto-char from) (when (looking-at "UP:") (delete-char 3) (setq to (- to 3))))
  to)
(defun ul-downcase-encode (from to _buffer)
  (downcase-region from to)
  (goto-char from) (insert "UP:")
  (+ to 3))
(defun ul-annotate (from _to _buffer)
  ;; write-region passes FROM nil for the whole buffer.
  (setq from (or from (point-min)))
  (list (cons from "<") (cons (1+ from) ">")))
(let ((format-alist '((ul-up "upper case" "UP:" ul-upcase-decode ul-downcase-encode t nil)
                      (ul-ann "annotations" nil nil ul-annotate nil nil))))
  (let ((f (ul-path "fmt.txt")))
    (write-region "UP:hello world\n" nil f nil 'silent)
    (with-current-buffer (find-file-noselect f)
      (ul (list (buffer-string) buffer-file-format (buffer-modified-p)))
      (goto-char (point-max)) (insert "MORE\n")
      (save-buffer)
      (ul (ul-bytes f))
      (setq buffer-file-format '(ul-ann))
      (set-buffer-modified-p t)
      (save-buffer)
      (ul (ul-bytes f))
      (set-buffer-modified-p nil)
      (kill-buffer)))
  (with-temp-buffer
    (insert "UP:abc")
    (goto-char 1)
    (ul (list (format-decode nil 6 t) (buffer-string) buffer-file-format)))
  (with-temp-buffer
    (insert "abc")
    (ul (list (format-decode 'ul-up 3) (buffer-string))))
  (with-temp-buffer
    (insert "xyz")
    (ul (list (format-decode '(nope) 3) (buffer-string))))
  (with-temp-buffer
    (insert "ABC")
    (ul (progn (format-encode-region 1 4 'ul-up) (buffer-string))))
  (with-temp-buffer
    (insert "abc")
    (ul (progn (format-encode-region 1 4 'ul-ann) (buffer-string))))
  (with-temp-buffer
    (insert "abc")
    (setq buffer-file-format '(ul-up))
    (ul (progn (format-encode-buffer) (buffer-string)))))
(with-temp-buffer
  (insert "Content-Type: x\nabc")
  (goto-char 1)
  (ul (list (format-decode nil 19 t) buffer-file-format)))
