;;; macroexp.el --- macro-expansion helpers  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to provide the functions of GNU
;; Emacs 28's macroexp.el that macros use: `macroexpand-all', `macroexp-let2',
;; `macroexp-progn', `macroexp-quote' and friends.

;;; Code:

(defun macroexp-progn (exps)
  "One expression doing what the list of expressions EXPS does.
A single expression is returned as it is, several in a `progn'."
  (if (cdr exps) (cons 'progn exps) (car exps)))

(defun macroexp-unprogn (exp)
  "The list of expressions EXP runs: the body of a `progn', else (EXP).
The list is never empty."
  (cond ((not (eq (car-safe exp) 'progn)) (list exp))
        ((cdr exp))
        (t (list nil))))

(defun macroexp-let* (bindings exp)
  "Code for (let* BINDINGS EXP), merged into EXP when that is a `let*' already."
  (cond ((null bindings) exp)
        ((eq (car-safe exp) 'let*)
         (cons 'let* (cons (append bindings (nth 1 exp)) (nthcdr 2 exp))))
        (t (list 'let* bindings exp))))

(defun macroexp-if (test then else)
  "Code for (if TEST THEN ELSE), simplified where that is easy.
Nested conditionals in ELSE are merged into one `cond' or `if', and
when THEN is itself a conditional the test is inverted."
  (let ((else-head (car-safe else)))
    (cond
     ((eq else-head 'if)
      (let ((test2 (nth 1 else)) (then2 (nth 2 else)) (else2 (nthcdr 3 else)))
        (cond
         ((equal then then2) `(if (or ,test ,test2) ,then ,@else2))
         ((equal (macroexp-unprogn then) else2)
          `(if (or ,test (not ,test2)) ,then ,@(macroexp-unprogn then2)))
         (t `(cond (,test ,@(macroexp-unprogn then))
                   (,test2 ,@(macroexp-unprogn then2))
                   ,@(and else2 (list (cons t else2))))))))
     ((eq else-head 'cond)
      `(cond (,test ,@(macroexp-unprogn then)) ,@(cdr else)))
     ((memq (car-safe then) '(if cond))
      (macroexp-if (list 'not test) else then))
     (t (append (list 'if test then) (and else (macroexp-unprogn else)))))))

(defun macroexp-quote (v)
  "An expression whose value is V: V itself if it evaluates to itself, else \\='V."
  (if (or (consp v)
          (and (symbolp v) (not (keywordp v)) (not (memq v '(nil t)))))
      (list 'quote v)
    v))

(defun macroexp-const-p (exp)
  "Non-nil when EXP evaluates to the same value every time.
That is a quoted object, #\\='SYMBOL, nil, t, a keyword, or any
self-evaluating object."
  (if (consp exp)
      (or (eq (car exp) 'quote)
          (and (eq (car exp) 'function) (symbolp (cadr exp))))
    (or (not (symbolp exp)) (memq exp '(nil t)) (keywordp exp))))

(defun macroexp-copyable-p (exp)
  "Non-nil when EXP may be duplicated freely: a variable or a constant."
  (or (symbolp exp) (macroexp-const-p exp)))

(defun macroexp--size-left (exp budget)
  "BUDGET minus the size of EXP, counting symbols, conses, vectors and
every 16 characters of strings as 1 and other objects as too big
\(negative when the budget is exceeded)."
  (cond ((< budget 0) budget)
        ((symbolp exp) (1- budget))
        ((stringp exp) (- budget (/ (length exp) 16)))
        ((or (consp exp) (vectorp exp))
         (let ((left budget))
           (if (vectorp exp)
               (dotimes (i (length exp)) (setq left (macroexp--size-left (aref exp i) left)))
             (dolist (part exp) (setq left (macroexp--size-left part left))))
           (1- left)))
        (t -1)))

(defun macroexp-small-p (exp)
  "Non-nil when EXP is small enough to duplicate in generated code."
  (> (macroexp--size-left exp 10) 0))

(defun macroexp--let2-variable (exp simple-p name)
  "EXP itself when SIMPLE-P says so, else a new variable named NAME."
  (if (funcall simple-p exp) exp (make-symbol (symbol-name name))))

(defun macroexp--let2-wrap (var exp code)
  "CODE, inside a binding of VAR to EXP unless VAR is EXP itself."
  (if (eq var exp) code (macroexp-let* (list (list var exp)) code)))

(defmacro macroexp-let2 (test sym exp &rest body)
  "Run BODY, code generation, with SYM standing for the value of EXP.
SYM is EXP itself when TEST (default `macroexp-const-p') accepts it;
otherwise it is a fresh variable, and the code BODY returns is
wrapped in a `let*' binding it to EXP, so EXP is evaluated once."
  (declare (indent 3) (debug (sexp sexp form body)))
  (let ((value (make-symbol "exp")) (code (make-symbol "body")))
    `(let* ((,value ,exp)
            (,sym (macroexp--let2-variable ,value #',(or test #'macroexp-const-p) ',sym))
            (,code ,(macroexp-progn body)))
       (macroexp--let2-wrap ,sym ,value ,code))))

(defmacro macroexp-let2* (test bindings &rest body)
  "`macroexp-let2' for each (SYM EXP) of BINDINGS in turn; later EXPs may use earlier SYMs."
  (declare (indent 2) (debug (sexp (&rest (sexp form)) body)))
  (if (null bindings)
      (macroexp-progn body)
    (let ((first (car bindings)))
      `(macroexp-let2 ,test ,(car first) ,(cadr first)
         (macroexp-let2* ,test ,(cdr bindings) ,@body)))))

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

(defun macroexp--declaration-p (form)
  "Non-nil when FORM, in a function body, is a docstring or a declaration."
  (or (stringp form)
      (memq (car-safe form) '(declare interactive cl-declare :documentation))))

(defun macroexp-parse-body (body)
  "Split a function BODY into (DECLARATIONS . FORMS).
DECLARATIONS are its leading docstrings, `declare', `interactive',
`cl-declare' and :documentation forms; the last element of BODY is
always a form."
  (let ((declarations nil) (rest body))
    (while (and (cdr rest) (macroexp--declaration-p (car rest)))
      (setq declarations (cons (car rest) declarations)
            rest (cdr rest)))
    (cons (nreverse declarations) rest)))


(provide 'macroexp)

;;; macroexp.el ends here
