;;; pcase.el --- pattern matching  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; pcase.el does: `pcase' and its destructuring relatives, with the
;; same patterns, results and errors.
;;
;; The compiler here is deliberately simple (Emacs builds an optimised
;; decision tree; we do not).  A pattern compiles to a form that returns
;; non-nil when the value matches.  While it runs, the form stores what
;; the pattern's variables should be bound to in uninterned temporaries;
;; the clause body is then wrapped in a `let' binding the real variable
;; names to those temporaries.  So match code never shadows the user's
;; variables, and `guard', `pred' and `app' code that mentions variables
;; bound earlier in the pattern sees them through a local `let'.

;;; Code:

(defvar pcase--temps nil
  "Temporaries allocated by the expansion being built (dynamically bound).")

(defvar pcase--clause-vars nil
  "Alist (VAR . TEMP) of the pattern variables of the clause being compiled.")

(defvar pcase--lenient nil
  "Non-nil while compiling destructuring code (`pcase-let' and friends).
Then a failed test does not stop the match: the variables are bound to
whatever the accessors return, as in Emacs.")

(defun pcase--new-temp (name)
  "Allocate a fresh uninterned temporary called NAME."
  (let ((s (make-symbol name)))
    (push s pcase--temps)
    s))

(defun pcase--temp-for (var)
  "The temporary holding the value of the pattern variable VAR."
  (or (cdr (assq var pcase--clause-vars))
      (let ((tmp (pcase--new-temp (symbol-name var))))
        (push (cons var tmp) pcase--clause-vars)
        tmp)))

(defun pcase--and (forms)
  "A form true when all FORMS are, dropping the trivially true ones."
  (let ((kept nil))
    (dolist (f forms)
      (cond ((eq f t))
            ((and (eq (car-safe f) 'and)) (setq kept (append (reverse (cdr f)) kept)))
            (t (push f kept))))
    (cond ((null kept) t)
          ((null (cdr kept)) (car kept))
          (t (cons 'and (nreverse kept))))))

(defun pcase--test (form)
  "FORM used as a test: in destructuring mode its result is ignored."
  (if pcase--lenient `(progn ,form t) form))

(defun pcase--check (form)
  "FORM as a side-effect-free type check: dropped in destructuring mode."
  (if pcase--lenient t form))

(defun pcase--mentions-p (sym form)
  "Non-nil if the symbol SYM occurs anywhere in FORM."
  (cond ((eq sym form) t)
        ((consp form)
         (or (pcase--mentions-p sym (car form))
             (pcase--mentions-p sym (cdr form))))
        ((vectorp form)
         (let ((found nil) (i 0) (n (length form)))
           (while (and (not found) (< i n))
             (setq found (pcase--mentions-p sym (aref form i))
                   i (1+ i)))
           found))))

(defun pcase--with-bound (bound form)
  "Wrap FORM so that the pattern variables in BOUND it mentions are visible."
  (let ((bindings nil))
    (dolist (var bound)
      (when (pcase--mentions-p var form)
        (push (list var (pcase--temp-for var)) bindings)))
    (if bindings `(let ,(nreverse bindings) ,form) form)))

(defun pcase--call (fun arg)
  "The form applying the `pred'/`app' function FUN to the form ARG."
  (cond ((symbolp fun) (list fun arg))
        ((eq (car fun) 'not) `(not ,(pcase--call (cadr fun) arg)))
        ((memq (car fun) '(lambda closure)) `(funcall #',fun ,arg))
        (t `(,@fun ,arg))))

(defun pcase--unknown (pat)
  "Signal that PAT is not a pattern."
  (if (consp pat)
      (error "Unknown %s pattern: %S" (car pat) pat)
    (error "Unknown pattern `%S'" pat)))

(defun pcase--literal-test (val lit)
  "A test that the form VAL equals the constant LIT."
  (cond ((null lit) `(null ,val))
        ((symbolp lit) `(eq ,val ',lit))
        ((integerp lit) `(eql ,val ,lit))
        ((or (stringp lit) (floatp lit)) `(equal ,val ,lit))
        (t `(equal ,val ',lit))))

(defun pcase--self-quoting-p (pat)
  "Non-nil if PAT is a pattern matching itself (keyword, integer, string)."
  (or (keywordp pat) (integerp pat) (stringp pat)))

(defun pcase--in-symbol (val k)
  "Call K with a symbol holding the value of form VAL; return (CODE . BOUND).
K returns (CODE . BOUND) too; a temporary is set first when VAL is not a symbol."
  (if (symbolp val)
      (funcall k val)
    (let* ((tmp (pcase--new-temp "x"))
           (res (funcall k tmp)))
      (cons (pcase--and (list `(progn (setq ,tmp ,val) t) (car res))) (cdr res)))))

(defun pcase--compile (pat val bound)
  "Compile PAT matched against the form VAL, with the variables BOUND bound.
Return (CODE . BOUND): CODE is true when the value matches, and BOUND
lists the variables bound once it has run."
  (cond
   ((eq pat '_) (cons t bound))
   ((eq pat t) (cons t bound))
   ((null pat) (pcase--unknown pat))
   ((pcase--self-quoting-p pat)
    (cons (pcase--check (pcase--literal-test val pat)) bound))
   ((symbolp pat)
    (if (memq pat bound)
        (cons (pcase--check `(eql ,val ,(pcase--temp-for pat))) bound)
      (cons `(progn (setq ,(pcase--temp-for pat) ,val) t) (cons pat bound))))
   ((not (consp pat)) (pcase--unknown pat))
   (t
    (let ((head (car pat)))
      (cond
       ((eq head 'quote)
        (cons (pcase--check (pcase--literal-test val (cadr pat))) bound))
       ((eq head 'pred)
        (cons (pcase--test (pcase--with-bound bound (pcase--call (cadr pat) val)))
              bound))
       ((eq head 'guard)
        (cons (pcase--test (pcase--with-bound bound (cadr pat))) bound))
       ((eq head 'and) (pcase--compile-and (cdr pat) val bound))
       ((eq head 'or) (pcase--compile-or (cdr pat) val bound))
       ((eq head 'app)
        (pcase--compile-bind (nth 2 pat)
                             (pcase--with-bound bound (pcase--call (nth 1 pat) val))
                             bound))
       ((eq head 'let)
        (pcase--compile-bind (nth 1 pat) (pcase--with-bound bound (nth 2 pat)) bound))
       ((eq head '\`) (pcase--compile-bq (cadr pat) val bound))
       ((and (symbolp head) (get head 'pcase-macroexpander))
        (pcase--compile (apply (get head 'pcase-macroexpander) (cdr pat)) val bound))
       (t (pcase--unknown pat)))))))

(defun pcase--compile-bind (pat form bound)
  "Compile PAT matched against the value of FORM, computed once."
  (cond
   ((eq pat '_) (cons `(progn ,form t) bound))
   ((and (symbolp pat) pat (not (eq pat t)) (not (keywordp pat)) (not (memq pat bound)))
    (cons `(progn (setq ,(pcase--temp-for pat) ,form) t) (cons pat bound)))
   (t (pcase--in-symbol form (lambda (sym) (pcase--compile pat sym bound))))))

(defun pcase--compile-and (pats val bound)
  "Compile the conjunction of PATS against VAL."
  (if (and (cdr pats) (not (symbolp val)))
      (pcase--in-symbol val (lambda (sym) (pcase--compile-and pats sym bound)))
    (let ((codes nil))
      (dolist (p pats)
        (let ((res (pcase--compile p val bound)))
          (push (car res) codes)
          (setq bound (cdr res))))
      (cons (pcase--and (nreverse codes)) bound))))

(defun pcase--compile-or (pats val bound)
  "Compile the disjunction of PATS against VAL.
The variables of every branch are bound afterwards (to nil when the
branch that matched does not bind them)."
  (cond
   ((null pats) (cons (if pcase--lenient t nil) bound))
   ((null (cdr pats)) (pcase--compile (car pats) val bound))
   ((not (symbolp val))
    (pcase--in-symbol val (lambda (sym) (pcase--compile-or pats sym bound))))
   (t
    (let ((codes nil) (all bound) (set-before nil))
      (let ((rest pats))
        (while rest
          (let* ((last (null (cdr rest)))
                 (res (let ((pcase--lenient (and last pcase--lenient)))
                        (pcase--compile (car rest) val bound)))
                 (new (let ((vs nil))
                        (dolist (v (cdr res))
                          (unless (memq v bound) (push v vs)))
                        vs))
                 (resets (let ((out nil))
                           (dolist (v set-before)
                             (push (pcase--temp-for v) out)
                             (push nil out))
                           (nreverse out))))
            (push (if resets (pcase--and (list `(progn (setq ,@resets) t) (car res)))
                    (car res))
                  codes)
            (dolist (v new)
              (unless (memq v set-before) (push v set-before))
              (unless (memq v all) (push v all))))
          (setq rest (cdr rest))))
      (cons (cons 'or (nreverse codes)) all)))))

(defun pcase--compile-bq (qpat val bound)
  "Compile the backquote pattern QPAT against VAL."
  (cond
   ((eq (car-safe qpat) '\,) (pcase--compile (cadr qpat) val bound))
   ((consp qpat)
    (pcase--in-symbol
     val
     (lambda (sym)
       (let* ((a (pcase--compile-bq (car qpat)
                                    (if pcase--lenient `(car-safe ,sym) `(car ,sym))
                                    bound))
              (d (pcase--compile-bq (cdr qpat)
                                    (if pcase--lenient `(cdr-safe ,sym) `(cdr ,sym))
                                    (cdr a))))
         (cons (pcase--and (list (pcase--check `(consp ,sym)) (car a) (car d)))
               (cdr d))))))
   ((vectorp qpat)
    (let ((n (length qpat)))
      (pcase--in-symbol
       val
       (lambda (sym)
         (let ((codes (list (pcase--check `(and (vectorp ,sym) (= (length ,sym) ,n)))))
               (i 0))
           (while (< i n)
             (let ((res (pcase--compile-bq (aref qpat i) `(aref ,sym ,i) bound)))
               (push (car res) codes)
               (setq bound (cdr res)))
             (setq i (1+ i)))
           (cons (pcase--and (nreverse codes)) bound))))))
   (t (cons (pcase--check (pcase--literal-test val qpat)) bound))))

(defun pcase--clause-code (pat val)
  "Compile the clause pattern PAT against VAL.
Return (CODE . BINDINGS), BINDINGS being the `let' bindings for the body."
  (let* ((pcase--clause-vars nil)
         (res (pcase--compile pat val nil))
         (bindings nil))
    (dolist (var (cdr res))
      (push (list var (pcase--temp-for var)) bindings))
    (cons (car res) bindings)))

(defun pcase--body (bindings body)
  "BODY (a list of forms) with the pattern variable BINDINGS around it."
  (if bindings
      `(let ,bindings ,@body)
    (macroexp-progn body)))

(defun pcase--expand-match (exp clauses exhaustive)
  "The expansion of `pcase' (or `pcase-exhaustive' when EXHAUSTIVE)."
  (let* ((pcase--temps nil)
         (val (if (and (symbolp exp) exp (not (eq exp t)) (not (keywordp exp)))
                  exp
                (make-symbol "val")))
         (conds
          (mapcar (lambda (clause)
                    (let* ((compiled (pcase--clause-code (car clause) val))
                           (code (car compiled))
                           (bindings (cdr compiled))
                           (body (or (cdr clause) '(nil))))
                      ;; EMACS-COMPAT: bodies are wrapped in a `let' even
                      ;; without variables, as Emacs's expansions print.
                      (list code `(let ,bindings ,@body))))
                  clauses)))
    (when exhaustive
      (setq conds (append conds `((t (error "No clause matching `%S'" ,val))))))
    (let ((temps (nreverse pcase--temps)))
      (if (eq val exp)
          (if temps `(let ,temps (cond ,@conds)) `(cond ,@conds))
        `(let ((,val ,exp) ,@temps) (cond ,@conds))))))

(defmacro pcase (exp &rest cases)
  "Evaluate EXP to get EXPVAL; run the body of the first of CASES whose pattern matches.
CASES are (PATTERN CODE...).  Patterns:
  _                 matches anything
  SYMBOL            matches anything and binds it to SYMBOL (a second
                    occurrence in the same pattern tests `eql'ity)
  \\='VAL             matches if EXPVAL is `equal' to VAL
  KEYWORD, INTEGER, STRING   shorthands for \\='VAL
  \\=`QPAT             a backquote-style structural pattern, with ,PAT inside
  (pred FUN)        matches if FUN applied to EXPVAL is non-nil
  (pred (not FUN))  matches if it is nil
  (app FUN PAT)     matches if FUN applied to EXPVAL matches PAT
  (guard BOOLEXP)   matches if BOOLEXP is non-nil
  (and PAT...)      matches if all the PATs match
  (or PAT...)       matches if one of the PATs matches
  (let PAT EXP)     matches if the value of EXP matches PAT
FUN is a symbol, a lambda form, or (F ARGS...), called as (F ARGS... EXPVAL).
More patterns are defined with `pcase-defmacro'.
Return nil if no case matches."
  (declare (indent 1) (debug (form &rest (pcase-PAT body))))
  (pcase--expand-match exp cases nil))

(defmacro pcase-exhaustive (exp &rest cases)
  "Like `pcase', but signal an error if no case of CASES matches EXP's value."
  (declare (indent 1) (debug pcase))
  (pcase--expand-match exp cases t))

(defun pcase--trivial-p (pat)
  "Non-nil if PAT is a plain variable name."
  (and (symbolp pat) pat (not (memq pat '(_ t))) (not (keywordp pat))))

(defun pcase--destructure (pat exp body)
  "Code binding the variables of PAT to parts of EXP's value, then running BODY.
BODY is a list of forms."
  (cond
   ((pcase--trivial-p pat) `(let ((,pat ,exp)) ,@body))
   (t
    (let* ((pcase--temps nil)
           (pcase--lenient t)
           (val (make-symbol "x"))
           (compiled (pcase--clause-code pat val))
           (temps (nreverse pcase--temps))
           (code (car compiled)))
      `(let ((,val ,exp) ,@temps)
         ,@(unless (eq code t) (list code))
         ,(pcase--body (cdr compiled) body))))))

(defmacro pcase-let* (bindings &rest body)
  "Like `let*', but each binding may be (PATTERN EXP) with a `pcase' PATTERN.
The variables of each pattern are bound to the parts of EXP's value;
EXP is assumed to match (a mismatch is not detected)."
  (declare (indent 1) (debug ((&rest (pcase-PAT &optional form)) body)))
  (if (null bindings)
      (macroexp-progn body)
    (let ((b (car bindings)))
      (pcase--destructure (if (consp b) (car b) b)
                          (if (consp b) (cadr b) nil)
                          (list (if (cdr bindings)
                                    `(pcase-let* ,(cdr bindings) ,@body)
                                  (macroexp-progn body)))))))

(defmacro pcase-let (bindings &rest body)
  "Like `let', but each binding may be (PATTERN EXP) with a `pcase' PATTERN.
All EXPs are evaluated before any variable is bound."
  (declare (indent 1) (debug pcase-let*))
  (if (null (cdr bindings))
      `(pcase-let* ,bindings ,@body)
    (let ((plain nil) (patterns nil) (i 0))
      (dolist (b bindings)
        (let ((pat (if (consp b) (car b) b))
              (exp (if (consp b) (cadr b) nil)))
          (if (pcase--trivial-p pat)
              (push (list pat exp) plain)
            (let ((tmp (make-symbol (format "x%d" i))))
              (push (list tmp exp) plain)
              (push (list pat tmp) patterns))))
        (setq i (1+ i)))
      `(let ,(nreverse plain) (pcase-let* ,(nreverse patterns) ,@body)))))

(defmacro pcase-dolist (spec &rest body)
  "Like `dolist', but the variable may be a `pcase' pattern destructuring each element.
\n(fn (PATTERN LIST) BODY...)"
  (declare (indent 1) (debug ((pcase-PAT form) body)))
  (if (pcase--trivial-p (car spec))
      `(dolist ,spec ,@body)
    (let ((elt (make-symbol "x")))
      `(dolist (,elt ,@(cdr spec))
         (pcase-let* ((,(car spec) ,elt)) ,@body)))))

(defmacro pcase-lambda (lambda-list &rest body)
  "Like `lambda', but each argument may be a `pcase' pattern."
  (declare (doc-string 2) (indent defun) (debug (&define (&rest pcase-PAT) lambda-doc def-body)))
  (let* ((bindings nil)
         (parsed (macroexp-parse-body body))
         (args (mapcar (lambda (pat)
                         (if (symbolp pat)
                             pat
                           (let ((arg (make-symbol (format "arg%d" (length bindings)))))
                             (push (list pat arg) bindings)
                             arg)))
                       lambda-list)))
    `(lambda ,args ,@(car parsed)
       (pcase-let* ,(nreverse bindings) ,@(cdr parsed)))))

(defmacro pcase-setq (pat val &rest args)
  "Assign the variables of each pattern PAT from the destructured value VAL.
Assignments happen in sequence, as with `setq'; the value is that of the
last assignment.
\n(fn PATTERN VALUE [PATTERN VALUE]...)"
  (declare (debug (&rest [pcase-PAT form])))
  (cond
   (args
    (unless (= 0 (% (length args) 2))
      (signal 'wrong-number-of-arguments (list 'pcase-setq (+ 2 (length args)))))
    (let ((forms (list `(pcase-setq ,pat ,val))))
      (while args
        (push `(pcase-setq ,(pop args) ,(pop args)) forms))
      (cons 'progn (nreverse forms))))
   ((pcase--trivial-p pat) `(setq ,pat ,val))
   (t
    (let* ((pcase--temps nil)
           (pcase--lenient t)
           (tmp (make-symbol "x"))
           (compiled (pcase--clause-code pat tmp))
           (temps (nreverse pcase--temps))
           (assigns (apply #'append (cdr compiled))))
      `(let ((,tmp ,val) ,@temps)
         ,@(unless (eq (car compiled) t) (list (car compiled)))
         (setq ,@assigns))))))

(defmacro pcase--flip (fun arg1 arg2)
  "Call FUN with ARG2 then ARG1 (for `pred' and `app' patterns)."
  (declare (debug (sexp body)))
  `(,fun ,arg2 ,arg1))

(defmacro pcase-defmacro (name args &rest body)
  "Define a new kind of pcase PATTERN, (NAME ARGS...), expanding to BODY's value.
BODY computes, from the arguments, another pattern to match instead."
  (declare (indent 2) (debug defun) (doc-string 3))
  (let ((fsym (intern (format "%s--pcase-macroexpander" name))))
    `(progn
       (defalias ',fsym (lambda ,args ,@body))
       (put ',name 'pcase-macroexpander #',fsym))))

(provide 'pcase)

;;; pcase.el ends here
