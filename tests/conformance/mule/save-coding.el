;;; -*- lexical-binding: t -*-
;;; mule conformance: saving a visited file keeps its coding system (text and line ends);
;;; `set-buffer-file-coding-system', `save-buffer-coding-system', reverting with a coding
;;; system, and `select-safe-coding-system' asking (answers in save-coding.in) when the buffer
;;; cannot be encoded or contradicts a coding tag.  Printed: `buffer-file-coding-system' and
;;; the bytes on disk.  Expected values: GNU Emacs 28.2.
(defconst ms-dir (file-name-as-directory (expand-file-name "mule-save" "/tmp/asv-vectors")))
(when (file-exists-p ms-dir) (delete-directory ms-dir t))
(make-directory ms-dir t)
(setq make-backup-files nil)
(defun ms-hex (s) (mapconcat (lambda (c) (format "%02x" c)) (string-to-list s) " "))
(defun ms-bytes (f)
  (with-temp-buffer (set-buffer-multibyte nil) (insert-file-contents-literally f) (ms-hex (buffer-string))))
(defun ms-file (name bytes)
  (let ((f (expand-file-name name ms-dir))
        (coding-system-for-write 'no-conversion))
    (write-region bytes nil f nil 'silent)
    f))
(defmacro ms-visiting (name bytes &rest body)
  "Visit a file NAME holding BYTES, run BODY there, then kill the buffer."
  (declare (indent 2))
  `(let ((f (ms-file ,name ,bytes))
         (auto-mode-alist nil)
         (enable-local-variables nil))
     (with-current-buffer (find-file-noselect f)
       (unwind-protect (progn ,@body)
         (set-buffer-modified-p nil)
         (kill-buffer)))))
(defun ms-report (tag)
  (princ (format "%s: bfcs=%S explicit=%S modified=%S bytes=%s\n" tag buffer-file-coding-system
                 buffer-file-coding-system-explicit (buffer-modified-p) (ms-bytes buffer-file-name))))
(defun ms-try (tag thunk)
  (condition-case err (funcall thunk)
    (error (princ (format "%s: error %S\n" tag err)))))

(dolist (spec '(("latin1" "caf\351\n") ("crlf" "a\r\nb\r\n") ("u8crlf" "caf\303\251\r\n")
                ("cr" "a\rb\r") ("ascii" "abc\n") ("bom" "\357\273\277abc\n")
                ("u16" "\376\377\0a\0\n") ("cookie" "-*- coding: latin-1 -*-\nabc\n")
                ("empty" "") ("noeol" "abc")))
  (ms-visiting (car spec) (cadr spec)
    (goto-char (point-max))
    (insert "é!\n")
    (save-buffer)
    (ms-report (car spec))))

;; A character the file's coding system cannot encode: the default coding system takes over.
(ms-visiting "latin1-cjk" "caf\351\n"
  (goto-char (point-max)) (insert "中\n")
  (save-buffer)
  (ms-report "latin1-cjk"))

;; An explicitly chosen coding system that cannot encode the text: the user is asked.
(ms-visiting "explicit-cjk" "caf\351\n"
  (set-buffer-file-coding-system 'latin-1)
  (ms-report "explicit-before")
  (goto-char (point-max)) (insert "中\n")
  (ms-try "explicit-save" #'save-buffer)
  (princ (format "last-coding-system-specified=%S\n" last-coding-system-specified))
  (ms-report "explicit-cjk"))

;; Changing the line ends only, and the text conversion only.
(ms-visiting "to-dos" "a\nb\n"
  (set-buffer-file-coding-system 'dos)
  (save-buffer)
  (ms-report "to-dos"))
(ms-visiting "to-latin1" "caf\303\251\r\n"
  (set-buffer-file-coding-system 'latin-1)
  (save-buffer)
  (ms-report "to-latin1"))
(ms-visiting "force" "caf\303\251\r\n"
  (set-buffer-file-coding-system 'latin-1 t)
  (save-buffer)
  (ms-report "force"))

;; save-buffer-coding-system writes with another coding system; the buffer's stays.
(ms-visiting "sbcs" "caf\303\251\n"
  (setq save-buffer-coding-system 'latin-1-dos)
  (set-buffer-modified-p t)
  (save-buffer)
  (princ (format "sbcs: save-buffer-coding-system=%S\n" save-buffer-coding-system))
  (ms-report "sbcs"))

;; Reverting with a coding system, and reverting what was visited with one.
(ms-visiting "revert" "caf\303\251\r\n"
  (revert-buffer-with-coding-system 'latin-1)
  (princ (format "revert-with: %S %S\n" (append (buffer-string) nil) buffer-file-coding-system))
  (revert-buffer t t)
  (princ (format "revert-again: %S %S explicit=%S\n" (append (buffer-string) nil)
                 buffer-file-coding-system buffer-file-coding-system-explicit)))
(let ((coding-system-for-read 'latin-1))
  (ms-visiting "visit-cfr" "caf\303\251\n"
    (princ (format "visit-cfr: %S explicit=%S\n" buffer-file-coding-system buffer-file-coding-system-explicit))
    (revert-buffer t t)
    (princ (format "visit-cfr reverted: %S %S\n" (append (buffer-string) nil) buffer-file-coding-system))
    (insert "x")
    (save-buffer)
    (ms-report "visit-cfr")))

;; A coding tag that disagrees with the chosen coding system: confirmation is asked.
(ms-visiting "tag-conflict" "-*- coding: latin-1 -*-\nx\n"
  (set-buffer-file-coding-system 'utf-16)
  (ms-try "tag-conflict-save" #'save-buffer)
  (ms-report "tag-conflict"))

;; The second explicit choice finds standard input at its end.
(ms-visiting "eof" "caf\351\n"
  (set-buffer-file-coding-system 'latin-1)
  (goto-char (point-max)) (insert "中\n")
  (ms-try "eof-save" #'save-buffer)
  (ms-report "eof"))
