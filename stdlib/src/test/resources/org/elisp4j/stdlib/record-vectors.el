;;; record-vectors.el --- record call vectors from GNU Emacs  -*- lexical-binding: t -*-

;; Shared by the *-cases.el files next to it (run by tools/record-stdlib-vectors.sh).
;; Each call (FUNCTION ARG...) is applied to its arguments as data; the
;; output line is the call, a tab, "ok" or "err", a tab, and the printed
;; value or error object, read back by CallVectors in the Java tests.

;;; Code:

(defun elisp4j-record-vectors (file calls)
  "Apply each of CALLS and write the vectors to FILE."
  (let ((print-escape-newlines t)
        (print-escape-control-characters t)
        (print-length nil)
        (print-level nil)
        (float-output-format nil)
        (coding-system-for-write 'utf-8-unix))
    (with-temp-file file
      (dolist (call calls)
        (let* ((result (condition-case err
                           (cons 'ok (apply (car call) (cdr call)))
                         (error (cons 'err err)))))
          (insert (prin1-to-string call) "\t"
                  (symbol-name (car result)) "\t"
                  (prin1-to-string (cdr result)) "\n"))))))

;;; record-vectors.el ends here
