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

;; `macroexpand-all' walks code with an environment of local macros, as
;; Emacs's does.  Two extra kinds of environment entries serve cl-lib's
;; lexical bindings: (:cl-symbol-macros (SYM EXPANSION)...) makes SYM a
;; symbol macro (`setq' of it becomes `setf' of the expansion; `let',
;; `lambda' and `condition-case' bindings of SYM shadow it), and
;; (:cl-local-functions (NAME . VAR)...) makes #\\='NAME evaluate VAR (the
;; calls themselves are ordinary macro entries expanding into `funcall').

(defvar macroexpand-all-environment nil
  "The macro environment used by `macroexpand-all'.")

(defun macroexp--walk-forms (forms env)
  "Expand all macros in the list of FORMS (a dotted tail is kept as is)."
  (let ((out nil))
    (while (consp forms)
      (push (macroexp--walk (car forms) env) out)
      (setq forms (cdr forms)))
    (nconc (nreverse out) forms)))

(defun macroexp--symbol-macro (sym env)
  "The (SYM EXPANSION) entry making SYM a symbol macro in ENV, or nil."
  (assq sym (cdr (assq :cl-symbol-macros env))))

(defun macroexp--shadow (vars env)
  "ENV in which the symbol macros named by VARS no longer apply."
  (let* ((entry (assq :cl-symbol-macros env))
         (kept (and entry
                    (let ((out nil))
                      (dolist (b (cdr entry))
                        (unless (memq (car b) vars) (push b out)))
                      (nreverse out)))))
    (if (and entry (not (= (length kept) (length (cdr entry)))))
        (cons (cons :cl-symbol-macros kept) env)
      env)))

(defun macroexp--arg-names (arglist)
  "The variables of the lambda list ARGLIST."
  (let ((out nil))
    (dolist (a (if (listp arglist) arglist (list arglist)))
      (unless (memq a '(&optional &rest)) (push a out)))
    out))

(defun macroexp--walk-lambda (fun env)
  "Expand macros in the body of the lambda expression FUN."
  (let ((benv (macroexp--shadow (macroexp--arg-names (cadr fun)) env)))
    (cons (car fun) (cons (cadr fun) (macroexp--walk-forms (cddr fun) benv)))))

(defun macroexp--walk-let (form env)
  "Expand macros in the `let' or `let*' FORM."
  (let ((star (eq (car form) 'let*)) (benv env) (bindings nil))
    (dolist (b (cadr form))
      (let ((var (if (consp b) (car b) b)))
        (push (if (consp b)
                  (cons var (macroexp--walk-forms (cdr b) (if star benv env)))
                b)
              bindings)
        (setq benv (macroexp--shadow (list var) benv))))
    (cons (car form)
          (cons (nreverse bindings) (macroexp--walk-forms (cddr form) benv)))))

(defun macroexp--walk-setq (form env)
  "Expand the `setq' FORM, turning assignments to symbol macros into `setf'."
  (let ((args (cdr form)) (pairs nil) (convert nil))
    (while args
      (let ((place (pop args)) (entry nil))
        (while (and (symbolp place) (setq entry (macroexp--symbol-macro place env)))
          (setq place (cadr entry)))
        (unless (symbolp place) (setq convert t))
        (push place pairs)
        (push (pop args) pairs)))
    (setq pairs (nreverse pairs))
    (if convert
        (macroexp--walk (cons 'setf pairs) env)
      (cons 'setq (macroexp--walk-forms pairs env)))))

(defun macroexp--walk (form env)
  "Expand all macros in FORM, with the macro environment ENV."
  (cond
   ((symbolp form)
    (let ((entry (and form (macroexp--symbol-macro form env))))
      (if entry (macroexp--walk (cadr entry) env) form)))
   ((not (consp form)) form)
   (t
    (let ((head (car form)))
      (cond
       ((eq head 'quote) form)
       ((eq head 'function)
        (let ((f (cadr form)))
          (cond ((eq (car-safe f) 'lambda)
                 (list 'function (macroexp--walk-lambda f env)))
                ((and (symbolp f)
                      (cdr (assq f (cdr (assq :cl-local-functions env))))))
                (t form))))
       ((eq head 'setq) (macroexp--walk-setq form env))
       ((memq head '(let let*)) (macroexp--walk-let form env))
       ((eq head 'cond)
        (cons 'cond (mapcar (lambda (clause) (macroexp--walk-forms clause env))
                            (cdr form))))
       ((eq head 'condition-case)
        (let ((henv (macroexp--shadow (list (cadr form)) env)))
          (cons 'condition-case
                (cons (cadr form)
                      (cons (macroexp--walk (nth 2 form) env)
                            (mapcar (lambda (h)
                                      (if (consp h)
                                          (cons (car h) (macroexp--walk-forms (cdr h) henv))
                                        h))
                                    (nthcdr 3 form)))))))
       ((memq head '(defvar defconst))
        (cons head (cons (cadr form) (macroexp--walk-forms (cddr form) env))))
       ((eq head 'interactive) form)
       ((eq (car-safe head) 'lambda)
        (cons (macroexp--walk-lambda head env) (macroexp--walk-forms (cdr form) env)))
       (t
        (let ((new (let ((macroexpand-all-environment env))
                     (macroexpand-1 form env))))
          (if (eq new form)
              (cons head (macroexp--walk-forms (cdr form) env))
            (macroexp--walk new env)))))))))

(defun macroexpand-all (form &optional environment)
  "Return result of expanding macros at all levels in FORM.
If no macros are expanded, FORM is returned unchanged.
The second optional arg ENVIRONMENT specifies an environment of macro
definitions to shadow the loaded ones for use in file byte-compilation."
  (let ((macroexpand-all-environment environment))
    (macroexp--walk form environment)))

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
