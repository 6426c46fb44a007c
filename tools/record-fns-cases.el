;;; record-fns-cases.el --- fill in GNU Emacs's results in the stdlib case files  -*- lexical-binding: t -*-

;; Usage, from the repository root, with GNU Emacs 28.2:
;;   emacs --batch -Q -l tools/record-fns-cases.el stdlib/src/test/resources/org/elisp4j/stdlib/cases/*.cases
;;
;; A case file holds Lisp forms, each followed by the line Emacs's result gives:
;;   "=> VALUE" (printed with prin1) or "!! (ERROR-SYMBOL . DATA)" for a signal.
;; Lines starting with ";" are comments.  This script evaluates every form in order, with
;; lexical binding, one Emacs session per file, and rewrites the result lines.  The JUnit
;; runner (CaseFilesTest) evaluates the same forms in elisp4j and compares.

(defun circular (list)
  "Make LIST circular by pointing its last cdr back to its start; return it."
  (setcdr (last list) list)
  list)

(defun record-cases--result (form)
  (let ((print-escape-newlines t)
        (print-escape-control-characters t))
    (condition-case err
        (concat "=> " (prin1-to-string (eval form t)))
      (error (concat "!! " (prin1-to-string err))))))

(defun record-cases-file (file)
  (let ((out nil))
    (with-temp-buffer
      (insert-file-contents file)
      (goto-char (point-min))
      (while (not (eobp))
        (cond
         ((looking-at "[ \t]*$") (forward-line 1))
         ((looking-at "[ \t]*;") (push (buffer-substring (point) (line-end-position)) out)
          (forward-line 1))
         ((looking-at "\\(=>\\|!!\\) ") (forward-line 1))
         (t (let* ((start (point))
                   (form (read (current-buffer)))
                   (text (buffer-substring start (point))))
              (push text out)
              (push (record-cases--result form) out)
              (forward-line 1))))))
    (with-temp-file file
      (set-buffer-file-coding-system 'utf-8-unix)
      (insert (mapconcat #'identity (nreverse out) "\n") "\n"))))

(dolist (file command-line-args-left)
  (record-cases-file file))
(setq command-line-args-left nil)
