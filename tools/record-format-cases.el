;;; record-format-cases.el --- record `format' results for elisp4j's tests  -*- lexical-binding: t -*-

;; Usage: emacs --batch -Q -l tools/record-format-cases.el CASES > OUT
;; CASES holds (ID BINDINGS CALL) entries; CALL is evaluated (lexical binding) with the
;; variables of BINDINGS bound.  Each output line:
;;   ID <TAB> M|U <TAB> EQ <TAB> PRINTED
;; where M/U says whether the result is multibyte, EQ is `format' if the result is eq to the
;; format string, `arg' if eq to the first argument after it, else `-', and PRINTED is the
;; result as prin1 prints it (so text properties show), with characters outside printable
;; ASCII (and the backslash) written as \u{HEX}.  A call that signals gives
;;   ID <TAB> ERR <TAB> PRINTED-ERROR

(require 'cl-lib)

(defun rfc-encode (s)
  (mapconcat (lambda (c) (if (and (>= c 32) (< c 127) (/= c ?\\)) (string c) (format "\\u{%x}" c))) s ""))

(let* ((file (pop command-line-args-left))
       (cases (with-temp-buffer
                (insert-file-contents file)
                (let (l) (condition-case nil (while t (push (read (current-buffer)) l)) (end-of-file)) (nreverse l)))))
  (dolist (c cases)
    (let* ((id (nth 0 c)) (bindings (nth 1 c)) (call (nth 2 c))
           (fn (car call))
           (args (mapcar (lambda (a) (eval a t)) (cdr call))))
      (princ
       (condition-case err
           (let ((r (cl-progv (mapcar #'car bindings) (mapcar (lambda (b) (eval (cadr b) t)) bindings)
                      (apply fn args))))
             (format "%s\t%s\t%s\t%s\n" id (if (multibyte-string-p r) "M" "U")
                     (cond ((eq r (car args)) "format") ((and (cdr args) (eq r (cadr args))) "arg") (t "-"))
                     (rfc-encode (prin1-to-string r))))
         (error (format "%s\tERR\t%s\n" id (rfc-encode (prin1-to-string err)))))))))
