;;; -*- lexical-binding: t -*-
;;; mule conformance: `find-file-literally' and `find-file-noselect' with RAWFILE: a literal
;;; visit (unibyte, no-conversion, Fundamental mode), and the questions asked when a buffer
;;; already visits the file the other way (answers in find-file-literally.in).
;;; Expected values: GNU Emacs 28.2.
(defconst fl-dir (file-name-as-directory (expand-file-name "mule-literal" "/tmp/asv-vectors")))
(when (file-exists-p fl-dir) (delete-directory fl-dir t))
(make-directory fl-dir t)
(setq auto-mode-alist '(("\\.el\\'" . emacs-lisp-mode)) make-backup-files nil)
(defun fl-file (name bytes)
  (let ((f (expand-file-name name fl-dir)) (coding-system-for-write 'no-conversion))
    (write-region bytes nil f nil 'silent)
    f))
(defun fl-state (b)
  (with-current-buffer b
    (list (buffer-name) buffer-file-coding-system enable-multibyte-characters find-file-literally
          (append (buffer-string) nil) major-mode (buffer-modified-p) (eq b (window-buffer)))))
(defmacro fl (form)
  `(princ (format "%S\n    => %S\n" ',form (condition-case err ,form (error (list 'ERR err))))))

(defconst f1 (fl-file "a.el" ";; -*- coding: latin-1 -*-\ncaf\303\251\r\n"))
(fl (let ((b (find-file-literally f1))) (prog1 (list (fl-state b) (eq b (current-buffer))) (kill-buffer b))))
;; Visited normally, then literally: unmodified (asked once), then modified (save or discard).
(defconst b1 (find-file-noselect f1))
(fl (fl-state b1))
(fl (fl-state (find-file-noselect f1 nil t)))             ; n: refused
(fl (fl-state (find-file-noselect f1 nil t)))             ; y: revisited literally
(fl (fl-state (find-file-noselect f1)))                   ; y: back to normal
(with-current-buffer b1 (goto-char (point-max)) (insert "x"))
(fl (fl-state (find-file-noselect f1 nil t)))             ; n, n: refused
(fl (fl-state (find-file-noselect f1 nil t)))             ; n, y: changes discarded
(with-current-buffer b1 (goto-char (point-min)) (insert "y"))
(fl (fl-state (find-file-noselect f1)))                   ; y: saved, then visited normally
(fl (list (fl-state b1) (with-temp-buffer (insert-file-contents-literally f1) (append (buffer-string) nil))))
(fl (fl-state (find-file-noselect f1)))                   ; same way: nothing asked
(kill-buffer b1)
;; A file that does not exist is not asked about.
(defconst f2 (expand-file-name "new.txt" fl-dir))
(defconst b2 (find-file-noselect f2))
(fl (fl-state (find-file-noselect f2 nil t)))
(kill-buffer b2)
(fl (find-file-literally (expand-file-name "nodir/x" fl-dir)))
