;;; -*- lexical-binding: t -*-
;;; mule conformance: what the defaults chosen by `prefer-coding-system',
;;; `set-language-environment' and friends do to visiting and saving files; the hooks
;;; `auto-coding-functions' and `file-coding-system-alist' functions; `inhibit-null-byte-detection';
;;; `universal-coding-system-argument'.  Expected values: GNU Emacs 28.2.
(defconst me-dir (file-name-as-directory (expand-file-name "mule-env" "/tmp/asv-vectors")))
(when (file-exists-p me-dir) (delete-directory me-dir t))
(make-directory me-dir t)
(setq make-backup-files nil)
(defun me-hex (s) (mapconcat (lambda (c) (format "%02x" c)) (string-to-list s) " "))
(defun me-bytes (f)
  (with-temp-buffer (set-buffer-multibyte nil) (insert-file-contents-literally f) (me-hex (buffer-string))))
(defun me-file (name bytes)
  (let ((f (expand-file-name name me-dir)) (coding-system-for-write 'no-conversion))
    (write-region bytes nil f nil 'silent)
    f))
(defun me-visit (tag name bytes &optional edit)
  "Visit NAME holding BYTES; print the coding system and text; with EDIT, insert it and save."
  (let ((f (me-file name bytes)) (auto-mode-alist nil) (enable-local-variables nil))
    (with-current-buffer (find-file-noselect f)
      (princ (format "%s: bfcs=%S text=%S" tag buffer-file-coding-system
                     (append (buffer-substring-no-properties (point-min) (point-max)) nil)))
      (when edit
        (goto-char (point-max)) (insert edit) (save-buffer)
        (princ (format " saved=%S bytes=%s" buffer-file-coding-system (me-bytes f))))
      (terpri)
      (set-buffer-modified-p nil)
      (kill-buffer))))

(me-visit "default" "d1" "caf\303\251\n" "é")
(me-visit "default-new" "d2" "" "é\n")
(prefer-coding-system 'latin-1)
(me-visit "prefer-latin1-utf8" "p1" "caf\303\251\n")
(me-visit "prefer-latin1-new" "p2" "" "é\n")
(me-visit "prefer-latin1-ascii" "p3" "abc\n" "é\n")
(prefer-coding-system 'utf-8)
(me-visit "prefer-utf8" "p4" "caf\303\251\n")
(set-language-environment "Latin-1")
(me-visit "latin1-env-new" "l1" "" "é\n")
(me-visit "latin1-env-utf8" "l2" "caf\303\251\n")
(set-language-environment "English")
(me-visit "english-env-new" "e1" "" "é\n")
(me-visit "english-env-ascii" "e2" "abc\n" "é\n")
(set-language-environment "UTF-8")
(me-visit "utf8-env-new" "u1" "" "é\n")
(me-visit "utf8-env-crlf" "u2" "a\r\n" "é\n")
(set-default-coding-systems 'utf-8-dos)
(me-visit "default-dos-new" "s1" "" "é\n")
(set-default-coding-systems 'utf-8-unix)

;; auto-coding-functions and functions in file-coding-system-alist.
(let ((auto-coding-functions (list (lambda (size) (and (> size 3) (looking-at "L1") 'latin-1)))))
  (me-visit "auto-fn" "a1" "L1 caf\351\n")
  (me-visit "auto-fn-no" "a2" "caf\303\251\n"))
(defun me-alist-fn (args) (princ (format "[called with %S] " (car args))) 'latin-1-dos)
(let ((file-coding-system-alist (cons (cons "\\.me\\'" 'me-alist-fn) file-coding-system-alist)))
  (me-visit "alist-fn" "x.me" "caf\351\n" "é\n"))

;; inhibit-null-byte-detection
(me-visit "nul" "n1" "a\0caf\303\251\n")
(let ((inhibit-null-byte-detection t))
  (me-visit "nul-inhibited" "n2" "a\0caf\303\251\n"))

;; universal-coding-system-argument makes the next command bind the coding systems.
(universal-coding-system-argument 'latin-1)
(princ (format "hook=%S next=%S\n" (memq 'mule-cmds--prefixed-command-pch (default-value 'pre-command-hook))
               mule-cmds--prefixed-command-next-coding-system))
(defvar me-seen nil)
(defun me-command () (interactive) (setq me-seen (list coding-system-for-read coding-system-for-write
                                                       coding-system-require-warning)))
(let ((this-command 'me-command))
  (run-hooks 'pre-command-hook)
  (funcall this-command)
  (princ (format "this-command=%S seen=%S next=%S last=%S\n" (functionp this-command) me-seen
                 mule-cmds--prefixed-command-next-coding-system
                 mule-cmds--prefixed-command-last-coding-system)))
(run-hooks 'pre-command-hook)
(princ (format "hook after=%S\n" (memq 'mule-cmds--prefixed-command-pch (default-value 'pre-command-hook))))

;; The end-of-line type left open at the end of choosing is Unix; no coding system is raw text.
(let ((f (expand-file-name "w" me-dir)))
  (let ((coding-system-for-write 'utf-8)) (write-region "a\n" nil f nil 0))
  (princ (format "cfw utf-8: %S\n" last-coding-system-used))
  (with-temp-buffer (insert "a\n") (setq buffer-file-coding-system 'latin-1) (write-region nil nil f nil 0)
    (princ (format "local latin-1: %S\n" last-coding-system-used)))
  (with-temp-buffer (insert "a\n") (setq buffer-file-coding-system nil) (write-region nil nil f nil 0)
    (princ (format "local nil: %S\n" last-coding-system-used)))
  (let ((default (default-value 'buffer-file-coding-system)))
    (setq-default buffer-file-coding-system nil)
    (with-temp-buffer (insert "a\n")
      (let ((select-safe-coding-system-function nil)) (write-region nil nil f nil 0))
      (princ (format "default nil: %S\n" last-coding-system-used)))
    (with-temp-buffer (set-buffer-multibyte nil) (insert "a\n") (write-region nil nil f nil 0)
      (princ (format "unibyte: %S\n" last-coding-system-used)))
    (setq-default buffer-file-coding-system default)))
