;;; run-forms.el --- print each form of a file with its value or error  -*- lexical-binding: t -*-
;; Usage: emacs --batch -Q -l run-forms.el FILE.el > FILE.expected
;; Each top-level form of FILE is evaluated in turn (lexical binding) and printed as
;; "FORM => VALUE" or "FORM => ERR (ERROR-SYMBOL . DATA)", one line per form.
(let ((file (car command-line-args-left))
      (print-escape-newlines t)
      (print-escape-control-characters t))
  (setq command-line-args-left nil)
  (with-temp-buffer
    (insert-file-contents file)
    (goto-char (point-min))
    (let (form)
      (while (setq form (condition-case nil (read (current-buffer)) (end-of-file nil)))
        ;; Print the form before evaluating it: evaluation may change literals inside it.
        (let ((text (format "%S" form)))
          (princ (format "%s => %s\n" text
                         (condition-case err (prin1-to-string (eval form t))
                           (error (format "ERR %S" err))))))))))
