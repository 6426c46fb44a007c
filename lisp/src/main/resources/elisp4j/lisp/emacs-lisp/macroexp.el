;;; macroexp.el --- macro-expansion helpers  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to provide the functions of GNU
;; Emacs 28's macroexp.el that macros use: `macroexpand-all', `macroexp-let2',
;; `macroexp-progn', `macroexp-quote' and friends.

;;; Code:

(defun macroexp-progn (exps)
  "Return EXPS (a list of expressions) with `progn' prepended, if needed."
  (if (cdr exps) (cons 'progn exps) (car exps)))

(defun macroexp-unprogn (exp)
  "Turn EXP into a list of expressions to execute in sequence."
  (if (eq (car-safe exp) 'progn) (or (cdr exp) '(nil)) (list exp)))

(defun macroexp-let* (bindings exp)
  "Return an expression equivalent to (let* BINDINGS EXP), simplified."
  (cond ((null bindings) exp)
        ((eq (car-safe exp) 'let*) (cons 'let* (cons (append bindings (cadr exp)) (cddr exp))))
        (t (cons 'let* (cons bindings (macroexp-unprogn exp))))))

(defun macroexp-if (test then else)
  "Return an expression equivalent to (if TEST THEN ELSE)."
  (cond ((null else) (list 'if test then))
        (t (list 'if test then else))))

(defun macroexp-quote (v)
  "Return an expression E such that `(eval E)' is V."
  (if (and (not (memq v '(nil t)))
           (or (keywordp v)
               (symbolp v)
               (consp v)))
      (list 'quote v)
    v))

(defun macroexp-const-p (exp)
  "Return non-nil if EXP will always evaluate to the same value."
  (cond ((consp exp) (or (eq (car exp) 'quote)
                         (and (eq (car exp) 'function) (symbolp (cadr exp)))))
        ((symbolp exp) (or (memq exp '(nil t)) (keywordp exp)))
        (t t)))

(defun macroexp-copyable-p (exp)
  "Return non-nil if EXP can be copied without extra cost."
  (or (symbolp exp) (macroexp-const-p exp)))

(defun macroexp-small-p (exp)
  "Return non-nil if EXP can be considered small."
  (or (macroexp-copyable-p exp) (and (consp exp) (null (cdr exp)))))

(defmacro macroexp-let2 (test sym exp &rest body)
  "Evaluate BODY with SYM bound to an expression for EXP's value.
If EXP is not trivial (as decided by TEST, default `macroexp-const-p'),
bind a fresh variable to it in the generated code."
  (declare (indent 3) (debug (sexp sexp form body)))
  (let ((expsym (make-symbol "exp"))
        (bodysym (make-symbol "body")))
    `(let* ((,expsym ,exp)
            (,sym (if (funcall #',(or test #'macroexp-const-p) ,expsym)
                      ,expsym (make-symbol ,(symbol-name sym))))
            (,bodysym ,(macroexp-progn body)))
       (if (eq ,sym ,expsym) ,bodysym
         (macroexp-let* (list (list ,sym ,expsym)) ,bodysym)))))

(defmacro macroexp-let2* (test bindings &rest body)
  "Multiple binding version of `macroexp-let2'."
  (declare (indent 2) (debug (sexp (&rest (sexp form)) body)))
  (if (null bindings) (macroexp-progn body)
    `(macroexp-let2 ,test ,(car (car bindings)) ,(cadr (car bindings))
       (macroexp-let2* ,test ,(cdr bindings) ,@body))))

;; `macroexpand-all' itself is a builtin in elisp4j (see MacroexpandAll.java).

(defun macroexp-warn-and-return (_msg form &optional _category _compile-only _arg)
  "Return code equivalent to FORM (the warning is dropped: there is no compiler)."
  form)

(defun macroexp-compiling-p ()
  "Return non-nil if we're macroexpanding for the compiler (never, here)."
  nil)

(defun macroexp-file-name ()
  "Return the name of the file from which the code comes."
  (or load-file-name buffer-file-name))

(defun macroexp-parse-body (body)
  "Parse a function BODY into (DECLARATIONS . EXPS)."
  (let ((decls ()))
    (while (and (cdr body)
                (let ((e (car body)))
                  (or (stringp e)
                      (memq (car-safe e) '(:documentation declare interactive cl-declare)))))
      (push (pop body) decls))
    (cons (nreverse decls) body)))


(provide 'macroexp)

;;; macroexp.el ends here
