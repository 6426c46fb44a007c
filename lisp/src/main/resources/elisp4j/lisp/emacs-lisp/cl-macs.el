;;; cl-macs.el --- Common Lisp macros  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; cl-macs.el does: Common Lisp argument lists (`cl-defun' and friends),
;; blocks, `cl-case' and `cl-typecase', `cl-typep', the loop macros,
;; local functions and macros, generalized-variable macros and
;; `cl-defstruct' and `cl-loop'.

;;; Code:

(require 'cl-lib)

(defconst cl--lambda-list-keywords
  '(&optional &rest &key &allow-other-keys &aux &whole &body &environment)
  "The lambda-list keywords of Common Lisp argument lists.")

;;;; Symbols.

(defun cl-gensym (&optional prefix)
  "Generate a new uninterned symbol.
The name is made by appending a number to PREFIX, default \"G\"."
  (let ((pfix (if (stringp prefix) prefix "G"))
        (num (if (integerp prefix)
                 prefix
               (prog1 cl--gensym-counter
                 (setq cl--gensym-counter (1+ cl--gensym-counter))))))
    (make-symbol (format "%s%d" pfix num))))

(defun cl-gentemp (&optional prefix)
  "Generate a new interned symbol with a unique name.
The name is made by appending a number to PREFIX, default \"T\"."
  (let ((pfix (if (stringp prefix) prefix "T")) name)
    (while (intern-soft (setq name (format "%s%d" pfix cl--gensym-counter)))
      (setq cl--gensym-counter (1+ cl--gensym-counter)))
    (intern name)))

;;;; Argument lists.

;; A Common Lisp argument list is compiled into `let*' bindings that take
;; the arguments apart, plus checks run once they are all bound.  The
;; parser works on the dynamic state below; `cl--transform-lambda' lets
;; a plain `lambda' take the leading simple arguments itself.

(defvar cl--al-lets nil
  "Bindings (VAR EXP) made so far by the argument-list parser, last first.")
(defvar cl--al-checks nil
  "Checks to run after all the bindings, last first.")
(defvar cl--al-name nil
  "What `wrong-number-of-arguments' errors name (`cl-none' for nil).")
(defvar cl--al-defs nil
  "Defaults for optional and key arguments without one: (DEFAULT . ALIST).
DEFAULT applies to every such argument; ALIST gives (VAR DEFAULT) pairs.")

(defun cl--al-name-form ()
  "Code for the function named in argument-count errors."
  (if (eq cl--al-name 'cl-none) nil (list 'quote cl--al-name)))

(defun cl--al-default (var)
  "The implicit default of the optional or key argument VAR."
  (or (car cl--al-defs) (cadr (assq var (cdr cl--al-defs)))))

(defun cl--al-normalize (args)
  "A fresh copy of the argument list ARGS: dotted tail and &body as &rest."
  (let ((out nil))
    (while (consp args)
      (push (if (eq (car args) '&body) '&rest (car args)) out)
      (setq args (cdr args)))
    (when args (push '&rest out) (push args out))
    (nreverse out)))

(defun cl--al-bind (pattern exp)
  "Bind PATTERN, a variable or a nested argument list, to the value of EXP."
  (if (consp pattern)
      (cl--al-list pattern exp nil)
    (when (or (not (symbolp pattern)) (memq pattern cl--lambda-list-keywords))
      (error "Invalid argument name: %s" pattern))
    (push (list pattern exp) cl--al-lets)))

(defun cl--al-aux (args)
  "Bind the &aux variables at the head of ARGS; error if anything else follows."
  (while (and (eq (car args) '&aux) (pop args))
    (while (and args (not (memq (car args) cl--lambda-list-keywords)))
      (let ((a (pop args)))
        (if (consp a)
            (cl--al-bind (car a) (cadr a))
          (cl--al-bind a nil)))))
  (when args (error "Malformed argument list ends with: %S" args)))

(defun cl--al-key-check (rest keys)
  "Code signalling an error when the list REST holds a keyword not in KEYS."
  (let ((msg (format "Keyword argument %%s not one of %s" keys)))
    (if (null keys)
        `(if ,rest (error ,msg (car ,rest)))
      (let ((tail (make-symbol "--cl-keys--")))
        `(let ((,tail ,rest))
           (while ,tail
             (cond ((memq (car ,tail) ',(append keys '(:allow-other-keys)))
                    (setq ,tail (cdr (cdr ,tail))))
                   ((car (cdr (memq :allow-other-keys ,rest)))
                    (setq ,tail nil))
                   (t (error ,msg (car ,tail))))))))))

(defun cl--al-list (args exp num)
  "Bind the argument list ARGS to the list value of EXP.
NUM counts the arguments a plain `lambda' took before these."
  (setq args (cl--al-normalize args))
  (when (memq '&environment args) (error "&environment used incorrectly"))
  (let* ((rest-spec (cadr (memq '&rest args)))
         (rest (if (and rest-spec (symbolp rest-spec)) rest-spec (make-symbol "--cl-rest--")))
         (num (or num 0))
         (required nil))
    (push (list rest exp) cl--al-lets)
    (when (eq (car args) '&whole)
      (pop args)
      (cl--al-bind (pop args) rest))
    (while (and args (not (memq (car args) cl--lambda-list-keywords)))
      (push (pop args) required))
    (setq required (nreverse required))
    (let ((exact (memq (car args) '(nil &aux)))
          (k (length required))
          (first t))
      ;; The first required argument checks that all of them are there.
      (dolist (r required)
        (cl--al-bind r (if first
                           `(if ,(if exact
                                     `(= (length ,rest) ,k)
                                   (let ((tail rest))
                                     (dotimes (_ (1- k)) (setq tail (list 'cdr tail)))
                                     tail))
                                (pop ,rest)
                              (signal 'wrong-number-of-arguments
                                      (list ,(cl--al-name-form) (length ,rest))))
                         `(pop ,rest)))
        (setq first nil))
      (setq num (+ num k))
      (when (eq (car args) '&optional)
        (while (eq (car args) '&optional) (pop args))
        (while (and args (not (memq (car args) cl--lambda-list-keywords)))
          (let* ((spec (let ((a (pop args))) (if (consp a) a (list a))))
                 (def (if (cdr spec) (nth 1 spec) (cl--al-default (car spec)))))
            (when (cddr spec) (cl--al-bind (nth 2 spec) `(and ,rest t)))
            (cl--al-bind (car spec) (if def `(if ,rest (pop ,rest) ,def) `(pop ,rest)))
            (setq num (1+ num)))))
      (if (eq (car args) '&rest)
          (progn
            (pop args)
            (let ((r (pop args)))
              (when (consp r) (cl--al-list r rest nil))))
        (unless (or (eq (car args) '&key) exact)
          (push `(if ,rest (signal 'wrong-number-of-arguments
                                   (list ,(cl--al-name-form) (+ ,num (length ,rest)))))
                cl--al-checks)))
      (when (eq (car args) '&key)
        (pop args)
        (let ((keys nil))
          (while (and args (not (memq (car args) cl--lambda-list-keywords)))
            (let* ((spec (let ((a (pop args))) (if (consp a) a (list a))))
                   (kw (if (consp (car spec))
                           (car (car spec))
                         (let ((n (symbol-name (car spec))))
                           ;; A leading underscore only marks the variable unused.
                           (intern (concat ":" (if (eq (aref n 0) ?_) (substring n 1) n))))))
                   (var (if (consp (car spec)) (cadr (car spec)) (car spec)))
                   (def (if (cdr spec) (nth 1 spec) (cl--al-default var)))
                   (look `(plist-member ,rest ',kw)))
              (if (cddr spec)
                  (let ((sv (or (nth 2 spec) (make-symbol "--cl-var--"))))
                    (cl--al-bind sv look)
                    (cl--al-bind var `(if ,sv (prog1 (car (cdr ,sv)) (setq ,sv t)) ,def)))
                (cl--al-bind var
                             `(car (cdr ,(if (null def)
                                             look
                                           `(or ,look
                                                ,(if (macroexp-const-p def)
                                                     (list 'quote (list nil (eval def t)))
                                                   `(list nil ,def))))))))
              (push kw keys)))
          (if (eq (car args) '&allow-other-keys)
              (pop args)
            (push (cl--al-key-check rest (nreverse keys)) cl--al-checks))))
      (cl--al-aux args)
      nil)))

(defun cl--usage-var (x)
  "X (a variable or an argument list) as it shows in a usage string."
  (cond ((symbolp x) (make-symbol (upcase (symbol-name x))))
        ((consp x) (cl--usage-args x))
        (t x)))

(defun cl--usage-args (arglist)
  "ARGLIST as shown in the \"(fn ...)\" usage line: upper case, no &aux."
  (let ((aux (and (proper-list-p arglist) (memq '&aux arglist))))
    (when aux (setq arglist (cl-ldiff arglist aux))))
  (if (not (proper-list-p arglist))
      (let ((out nil))
        (while (consp arglist) (push (pop arglist) out))
        (nconc (cl--usage-args (nreverse out)) (cl--usage-var arglist)))
    (let ((d (memq '&cl-defs arglist)))
      (when d (setq arglist (delq (car d) (remq (cadr d) arglist)))))
    (let ((state nil))
      (mapcar (lambda (x)
                (cond
                 ((symbolp x)
                  (let ((n (symbol-name x)))
                    (if (eq (aref n 0) ?&)
                        (setq state x)
                      (make-symbol (upcase (if (eq (aref n 0) ?_) (substring n 1) n))))))
                 ((not (consp x)) x)
                 ((memq state '(nil &rest)) (cl--usage-args x))
                 (t (cl-list* (if (and (consp (car x)) (eq state '&key))
                                  (list (caar x) (cl--usage-var (nth 1 (car x))))
                                (cl--usage-var (car x)))
                              (nth 1 x)
                              (cl--usage-args (nthcdr 2 x))))))
              arglist))))

(defun cl--add-usage (doc arglist)
  "DOC (a docstring or nil) followed by the usage line of ARGLIST."
  (setq doc (or doc ""))
  (if (string-match-p "\n\n(fn\\(\\( .*\\)?)\\)?\\'" doc)
      doc
    (let ((usage (let ((print-gensym nil) (print-quoted t) (print-escape-newlines t))
                   (format "%S" (cons 'fn (cl--usage-args arglist))))))
      (concat doc
              (cond ((string-suffix-p "\n\n" doc) "")
                    ((string-suffix-p "\n" doc) "\n")
                    (t "\n\n"))
              (replace-regexp-in-string "[`']" "\\\\=\\&" usage)))))

(defun cl--transform-lambda (form name &optional no-block)
  "Turn FORM, (ARGLIST . BODY) with a Common Lisp ARGLIST, into a plain one.
NAME names the block around BODY (none if it is `cl-none' or NO-BLOCK)
and the function in argument-count errors.  Return (ARGLIST . BODY)."
  (let* ((args (car form))
         (orig-args args)
         (cl--al-name name)
         (cl--al-defs nil)
         (cl--al-lets nil)
         (cl--al-checks nil)
         (parsed (macroexp-parse-body (cdr form)))
         (header (car parsed))
         (body (cdr parsed))
         (simple nil)
         (rest-args nil))
    (setq args (if (listp args) (cl--al-normalize args) (list '&rest args)))
    (let ((defs-tail (memq '&cl-defs args)))
      (when defs-tail
        (setq cl--al-defs (cadr defs-tail)
              args (delq '&cl-defs (delq (cadr defs-tail) args)))))
    (if (memq '&whole args) (error "&whole not currently implemented"))
    ;; &environment VAR becomes an &aux binding of VAR to the macro environment.
    (let ((env-tail (memq '&environment args)))
      (when env-tail
        (let ((env-var (cadr env-tail)))
          (setq args (nconc (delq (car env-tail) (delq env-var args))
                            (list '&aux (list env-var 'macroexpand-all-environment)))))))
    ;; Leading plain variables go to the `lambda' itself.
    (let ((optional nil))
      (while (and args (symbolp (car args))
                  (not (memq (car args) '(nil &rest &body &key &aux)))
                  (or (not optional)
                      (null (cadr (assq (car args) (cdr cl--al-defs)))))
                  (not (and (eq (car args) '&optional) (setq optional t)
                            (car cl--al-defs))))
        (push (pop args) simple))
      (when optional
        (if args (push '&optional args))
        (if (eq (car simple) '&optional) (pop simple))))
    (unless (or no-block (eq name 'cl-none))
      (setq body (list `(cl-block ,name ,@body))))
    (cond
     ((null args))
     ((eq (car args) '&aux) (cl--al-aux args))
     (t
      (setq header (cons (cl--add-usage (if (stringp (car header)) (pop header)) orig-args)
                         header))
      (cl--al-list args :dummy (length (remq '&optional simple)))
      ;; The outermost binding holds the rest of the arguments: the
      ;; `lambda' binds that variable itself.
      (let ((lets (nreverse cl--al-lets)))
        (setq rest-args (list '&rest (car (car lets))))
        (setq cl--al-lets (nreverse (cdr lets))))))
    (let ((inner (macroexp-progn `(,@(nreverse cl--al-checks) ,@body))))
      `((,@(nreverse simple) ,@rest-args)
        ,@header
        ,(if cl--al-lets `(let* ,(nreverse cl--al-lets) ,inner) inner)))))

(defmacro cl-defun (name args &rest body)
  "Define NAME as a function.
Like normal `defun', except ARGLIST allows full Common Lisp conventions,
and BODY is implicitly surrounded by (cl-block NAME ...).
\n(fn NAME ARGLIST [DOCSTRING] BODY...)"
  (declare (doc-string 3) (indent 2))
  `(defun ,name ,@(cl--transform-lambda (cons args body) name)))

(defmacro cl-defmacro (name args &rest body)
  "Define NAME as a macro.
Like normal `defmacro', except ARGLIST allows full Common Lisp conventions,
and BODY is implicitly surrounded by (cl-block NAME ...).
\n(fn NAME ARGLIST [DOCSTRING] BODY...)"
  (declare (doc-string 3) (indent 2))
  `(defmacro ,name ,@(cl--transform-lambda (cons args body) name)))

(defmacro cl-function (func)
  "Introduce a function.
Like normal `function', except that if argument is a lambda form,
its argument list allows full Common Lisp conventions."
  (if (eq (car-safe func) 'lambda)
      `(function (lambda . ,(cl--transform-lambda (cdr func) 'cl-none)))
    `(function ,func)))

(defmacro cl-defsubst (name args &rest body)
  "Define NAME as a function (to be inlined by a compiler; here, a plain one).
Like `cl-defun', with Common Lisp argument lists.
\n(fn NAME ARGLIST [DOCSTRING] BODY...)"
  (declare (debug cl-defun) (indent 2))
  `(cl-defun ,name ,args ,@body))

(defmacro cl-destructuring-bind (args expr &rest body)
  "Bind the variables in ARGS to the result of EXPR and execute BODY."
  (declare (indent 2))
  (let ((cl--al-lets nil)
        (cl--al-checks nil)
        (cl--al-defs nil)
        (cl--al-name args))
    (cl--al-list (or args '(&aux)) expr nil)
    (macroexp-let* (nreverse cl--al-lets)
                   (macroexp-progn (append (nreverse cl--al-checks) body)))))

;;;; Evaluation control.

(defmacro cl-eval-when (when &rest body)
  "Control when BODY is evaluated.
Interpreted code evaluates BODY only if WHEN contains `eval' (or :execute).
\n(fn (WHEN...) BODY...)"
  (declare (indent 1))
  (if (or (memq 'eval when) (memq :execute when))
      (macroexp-progn body)
    nil))

(defmacro cl-load-time-value (form &optional _read-only)
  "Like `progn', but evaluates the body at load time (here: when run)."
  form)

(defmacro cl-locally (&rest body)
  "Equivalent to `progn'."
  (cons 'progn body))

(defmacro cl-declare (&rest _specs)
  "Declare SPECS about the current function while compiling it (nothing here)."
  nil)

(defmacro cl-the (type form)
  "Return FORM, signaling an error if its value is not of type TYPE."
  (declare (indent 1))
  (macroexp-let2 macroexp-copyable-p temp form
    `(progn (unless (cl-typep ,temp ',type)
              (signal 'wrong-type-argument (list ',type ,temp ',form)))
            ,temp)))

;;;; Blocks.

(defalias 'cl--block-wrapper #'identity
  "Mark the `catch' a `cl-block' expands into.")

(defalias 'cl--block-throw #'throw
  "Leave the `cl-block' whose tag is TAG, returning VALUE.")

(defconst cl--simple-funcs
  '(car cdr nth aref elt if and or + - 1+ 1- min max car-safe cdr-safe
        progn prog1 prog2)
  "Functions that are quick and free of side effects.")

(defconst cl--safe-funcs
  '(* / % length memq list vector vectorp < > <= >= = error)
  "Further functions that change nothing and can exit only by an error.")

(defun cl--safe-expr-p (x)
  "Non-nil if X cannot leave a block: atoms, quotes and calls to safe functions."
  (cond
   ((atom x) t)
   ((memq (car x) '(quote function cl-function)) t)
   ((not (symbolp (car x))) nil)
   ((not (or (memq (car x) cl--simple-funcs) (memq (car x) cl--safe-funcs)
             (get (car x) 'side-effect-free)))
    nil)
   (t (let ((unsafe (cdr x)))
        (while (and (consp unsafe) (cl--safe-expr-p (car unsafe)))
          (setq unsafe (cdr unsafe)))
        (not (consp unsafe))))))

(defun cl--simple-expr-p (x &optional size)
  "Non-nil if X is a cheap expression without side effects (SIZE bounds it)."
  (or size (setq size 10))
  (if (and (consp x) (not (memq (car x) '(quote function cl-function))))
      (and (symbolp (car x))
           (or (memq (car x) cl--simple-funcs) (get (car x) 'side-effect-free))
           (progn
             (setq size (1- size))
             (let ((args (cdr x)))
               (while (and args (setq size (cl--simple-expr-p (pop args) size))))
               (and (null args) size))))
    (and (> size 0) (1- size))))

(defun cl--block-tag (name)
  "The catch tag of the `cl-block' named NAME."
  (intern (format "--cl-block-%s--" name)))

(defmacro cl-block (name &rest body)
  "Run BODY as a block named NAME (any symbol), returning its last value.
Within BODY, `cl-return-from' NAME leaves the block at once."
  (declare (indent 1))
  (let ((progn-form (cons 'progn body)))
    ;; A body that cannot reach `cl-return-from' needs no `catch'.
    (if (cl--safe-expr-p progn-form)
        progn-form
      `(cl--block-wrapper (catch ',(cl--block-tag name) ,@body)))))

(defmacro cl-return (&optional result)
  "Leave the block named nil with value RESULT; see `cl-return-from'."
  `(cl-return-from nil ,result))

(defmacro cl-return-from (name &optional result)
  "Leave the innermost enclosing `cl-block' NAME, making RESULT its value."
  (declare (indent 1))
  `(cl--block-throw ',(cl--block-tag name) ,result))

;;;; Conditionals.

(defun cl--dispatch-cond (clauses test-of)
  "A `cond' form with one clause per element (KEY BODY...) of CLAUSES.
The condition is what TEST-OF returns for KEY; an empty BODY gives nil."
  (cons 'cond
        (mapcar (lambda (clause)
                  (cons (funcall test-of (car clause)) (or (cdr clause) '(nil))))
                clauses)))

(defmacro cl-case (expr &rest clauses)
  "Evaluate EXPR once and run the first clause whose keys include its value.
A clause is (KEYS BODY...), where KEYS is a list of keys or a single
key that is not a list, compared with `eql'; KEYS t or `otherwise'
matches anything.  Return the clause's last value, or nil when none
matches.
\n(fn EXPR (KEYLIST BODY...)...)"
  (declare (indent 1))
  (macroexp-let2 macroexp-copyable-p temp expr
    (let ((seen nil))
      (cl--dispatch-cond
       clauses
       (lambda (keys)
         (cond
          ((memq keys '(t otherwise)) t)
          ((eq keys 'cl--ecase-error-flag)
           (list 'error "cl-ecase failed: %s, %s" temp (list 'quote (reverse seen))))
          ((listp keys)
           (setq seen (append keys seen))
           (list 'cl-member temp (list 'quote keys)))
          ((memq keys seen) (error "Duplicate key in case: %s" keys))
          (t (push keys seen)
             (list 'eql temp (list 'quote keys)))))))))

(defmacro cl-ecase (expr &rest clauses)
  "As `cl-case', but a value that no clause matches is an error.
A t or `otherwise' clause makes no sense here.
\n(fn EXPR (KEYLIST BODY...)...)"
  (declare (indent 1))
  `(cl-case ,expr ,@clauses (cl--ecase-error-flag)))

(defmacro cl-typecase (expr &rest clauses)
  "Evaluate EXPR once and run the first clause whose type its value has.
A clause is (TYPE BODY...), TYPE as for `cl-typep'; TYPE `otherwise'
matches anything.  Return the clause's last value, or nil when none
matches.
\n(fn EXPR (TYPE BODY...)...)"
  (declare (indent 1))
  (macroexp-let2 macroexp-copyable-p temp expr
    (let ((seen nil))
      (cl--dispatch-cond
       clauses
       (lambda (type)
         (pcase type
           ('otherwise t)
           ('cl--ecase-error-flag
            (list 'error "cl-etypecase failed: %s, %s" temp (list 'quote (reverse seen))))
           (_ (push type seen)
              (list 'cl-typep temp (list 'quote type)))))))))

(defmacro cl-etypecase (expr &rest clauses)
  "As `cl-typecase', but a value of none of the types is an error.
An `otherwise' clause makes no sense here.
\n(fn EXPR (TYPE BODY...)...)"
  (declare (indent 1))
  `(cl-typecase ,expr ,@clauses (cl--ecase-error-flag)))

;;;; Types.

(dolist (entry '((array . arrayp) (atom . atom) (base-char . characterp)
                 (bignum . bignump) (boolean . booleanp) (bool-vector . bool-vector-p)
                 (buffer . bufferp)
                 ;; EMACS-COMPAT: Emacs 28 checks `character' with `natnump'.
                 (character . natnump)
                 (char-table . char-table-p) (command . commandp)
                 (hash-table . hash-table-p) (cons . consp) (fixnum . fixnump)
                 (float . floatp) (function . functionp) (integer . integerp)
                 (keyword . keywordp) (list . listp) (number . numberp)
                 (null . null) (real . numberp) (sequence . sequencep)
                 (string . stringp) (symbol . symbolp) (vector . vectorp)
                 (integer-or-marker . integer-or-marker-p)))
  (put (car entry) 'cl-deftype-satisfies (cdr entry)))

(defun cl--type-bound-ok (object bound above)
  "Non-nil if OBJECT respects the range BOUND (a lower one when ABOVE)."
  (cond ((memq bound '(* nil)) t)
        ((consp bound) (if above (> object (car bound)) (< object (car bound))))
        (above (>= object bound))
        (t (<= object bound))))

(defun cl-typep (object type)
  "Return non-nil if OBJECT is of type TYPE.
TYPE is a Common Lisp type specifier: a type name, (integer MIN MAX),
\(not TYPE), (and TYPE...), (or TYPE...), (eql VALUE), (member VALUE...)
or (satisfies PREDICATE)."
  (cond
   ((and (consp type) (symbolp (car type)) (get (car type) 'cl-deftype-handler))
    (cl-typep object (apply (get (car type) 'cl-deftype-handler) (cdr type))))
   ((and (consp type) (memq (car type) '(integer float real number)))
    (and (cl-typep object (car type))
         (or (not (= (length (cdr type)) 2))
             (and (cl--type-bound-ok object (nth 1 type) t)
                  (cl--type-bound-ok object (nth 2 type) nil)))))
   ((eq (car-safe type) 'not) (not (cl-typep object (cadr type))))
   ((eq (car-safe type) 'and)
    (let ((ok t) (types (cdr type)))
      (while (and ok types) (setq ok (cl-typep object (pop types))))
      ok))
   ((eq (car-safe type) 'or)
    (let ((ok nil) (types (cdr type)))
      (while (and (not ok) types) (setq ok (cl-typep object (pop types))))
      ok))
   ((eq (car-safe type) 'eql) (and (eql object (cadr type)) t))
   ((eq (car-safe type) 'member) (and (memql object (cdr type)) t))
   ((eq (car-safe type) 'satisfies) (funcall (cadr type) object))
   ((and type (symbolp type) (get type 'cl-deftype-handler))
    (cl-typep object (funcall (get type 'cl-deftype-handler))))
   ((and type (symbolp type) (get type 'cl-deftype-satisfies))
    (funcall (get type 'cl-deftype-satisfies) object))
   ((memq type '(nil t)) type)
   ((symbolp type)
    (let* ((name (symbol-name type))
           (pred (intern (concat name "p"))))
      (cond ((fboundp pred) (funcall pred object))
            ((fboundp (setq pred (intern (concat name "-p")))) (funcall pred object))
            ((fboundp type) (funcall type object))
            (t (error "Unknown type %S" type)))))
   (t (error "Bad type spec: %s" type))))

(defmacro cl-deftype (name arglist &rest body)
  "Define NAME as a new data type.
The type name can then be used in `cl-typecase', `cl-check-type', etc.
BODY computes the type specifier NAME stands for, from the arguments
of (NAME ARGS...); optional arguments default to `*'."
  (declare (debug cl-defmacro) (doc-string 3) (indent 2))
  `(cl-eval-when (compile load eval)
     (put ',name 'cl-deftype-handler
          (cl-function (lambda (&cl-defs ('*) ,@arglist) ,@body)))))

(defmacro cl-check-type (form type &optional string)
  "Signal `wrong-type-argument' unless FORM's value is of type TYPE.
The error data names the expected type: STRING if given, else TYPE
\(or the predicate of a (satisfies PRED) TYPE)."
  (let ((expected (cond (string)
                        ((eq (car-safe type) 'satisfies) (list 'quote (cadr type)))
                        (t (list 'quote type)))))
    (macroexp-let2 macroexp-copyable-p temp form
      `(progn (or (cl-typep ,temp ',type)
                  (signal 'wrong-type-argument (list ,expected ,temp ',form)))
              nil))))

(defmacro cl-assert (form &optional show-args string &rest args)
  "Signal `cl-assertion-failed' unless FORM evaluates to non-nil.
With SHOW-ARGS, the error also reports the values of FORM's
non-constant arguments.  STRING and ARGS, evaluated only on failure,
are a message and its arguments for `error'; without them the
error data shows FORM.  The value is nil."
  (let* ((shown (and show-args
                     (let ((vars nil))
                       (dolist (arg (cdr-safe form) (nreverse vars))
                         (unless (macroexp-const-p arg) (push arg vars))))))
         (details (and (or string shown args)
                       (list string (cons 'list shown) (cons 'list args)))))
    `(progn
       (or ,form (cl--assertion-failed ',form ,@details))
       nil)))

;;;; Compiler macros (recorded; the interpreter does not use them).

(defmacro cl-define-compiler-macro (func args &rest body)
  "Define a compiler-only macro for FUNC.
It is recorded as FUNC's `compiler-macro' property, for
`cl-compiler-macroexpand'; evaluation does not use it."
  (declare (indent 2))
  (let ((plain nil) (p args))
    (while (consp p) (push (pop p) plain))
    (setq args (nconc (nreverse plain) (and p (list '&rest p)))))
  (let ((handler (intern (format "%s--cmacro" func)))
        ;; The handler's first argument is the whole form: named by
        ;; &whole when ARGS has it, otherwise ignored.
        (handler-args (if (memq '&whole args)
                          (delq '&whole args)
                        (cons '_cl-whole-arg args))))
    `(eval-and-compile
       (cl-defun ,handler ,handler-args ,@body)
       (put ',func 'compiler-macro #',handler))))

(defun cl-compiler-macroexpand (form)
  "Like `macroexpand', but for compiler macros.
Expands FORM repeatedly until no further expansion is possible."
  (let ((again t))
    (while again
      (setq again nil)
      (let* ((func (car-safe form))
             (handler (and (symbolp func) (get func 'compiler-macro))))
        (while (and (symbolp func) (not handler) (fboundp func)
                    (symbolp (symbol-function func)))
          (setq func (symbol-function func)
                handler (get func 'compiler-macro)))
        (when handler
          (let ((new (apply handler form (cdr form))))
            (unless (eq new form)
              (setq form new again t)))))))
  form)

;;;; Iteration.

(defmacro cl-dolist (spec &rest body)
  "Loop over a list, like `dolist', inside an implicit nil block.
\n(fn (VAR LIST [RESULT]) BODY...)"
  (declare (indent 1))
  `(cl-block nil (dolist ,spec ,@body)))

(defmacro cl-dotimes (spec &rest body)
  "Loop a certain number of times, like `dotimes', inside an implicit nil block.
\n(fn (VAR COUNT [RESULT]) BODY...)"
  (declare (indent 1))
  `(cl-block nil (dotimes ,spec ,@body)))

(defun cl--expand-do-loop (steps endtest body star)
  "The expansion of `cl-do' (or `cl-do*' when STAR)."
  (let ((sets nil))
    (dolist (s steps)
      (when (and (consp s) (cddr s))
        (push (car s) sets)
        (push (nth 2 s) sets)))
    (setq sets (nreverse sets))
    `(cl-block nil
       (,(if star 'let* 'let)
        ,(mapcar (lambda (s) (if (consp s) (list (car s) (nth 1 s)) s)) steps)
        (while (not ,(car endtest))
          ,@body
          ,@(and sets
                 (list (cons (if (or star (null (cddr sets))) 'setq 'cl-psetq) sets))))
        ,@(or (cdr endtest) '(nil))))))

(defmacro cl-do (steps endtest &rest body)
  "Bind variables and run BODY forms until END-TEST returns non-nil.
STEPS are (VAR [INIT [STEP]]): the vars are bound in parallel and
stepped in parallel after each iteration.  When END-TEST is true, the
RESULT forms are evaluated and the last one's value returned.
\n(fn ((VAR INIT [STEP])...) (END-TEST [RESULT...]) BODY...)"
  (declare (indent 2))
  (cl--expand-do-loop steps endtest body nil))

(defmacro cl-do* (steps endtest &rest body)
  "Like `cl-do', but bind and step the variables sequentially.
\n(fn ((VAR INIT [STEP])...) (END-TEST [RESULT...]) BODY...)"
  (declare (indent 2))
  (cl--expand-do-loop steps endtest body t))

(defmacro cl-do-symbols (spec &rest body)
  "Loop over all symbols.
Evaluate BODY with VAR bound to each interned symbol, or to each symbol
from OBARRAY.
\n(fn (VAR [OBARRAY [RESULT]]) BODY...)"
  (declare (indent 1))
  `(cl-block nil
     (let (,(car spec))
       (mapatoms (lambda (,(car spec)) ,@body)
                 ,@(and (cadr spec) (list (cadr spec))))
       ,(nth 2 spec))))

(defmacro cl-do-all-symbols (spec &rest body)
  "Like `cl-do-symbols', but use the default obarray.
\n(fn (VAR [RESULT]) BODY...)"
  (declare (indent 1))
  `(cl-do-symbols (,(car spec) nil ,(cadr spec)) ,@body))

;;;; Tagbody.

(defmacro cl-tagbody (&rest labels-or-stmts)
  "Run the statements in LABELS-OR-STMTS in order, allowing jumps to labels.
Conses are statements; other elements (symbols, integers) are labels,
told apart before any macro expansion.  The statements' values are
thrown away and the result is nil.  Within a statement, (go LABEL)
continues with the statements after LABEL.  A label is visible in the
body text only and usable only while the body runs."
  ;; The body is cut at the labels into numbered segments, run by a loop
  ;; whose state is the number of the next segment; `go' throws the
  ;; number of its label's segment to that loop.
  (let ((segments nil) (current nil) (labels nil) (n 0)
        (tag (make-symbol "cl--tagbody-tag"))
        (pc (make-symbol "cl--tagbody-pc")))
    (dolist (x labels-or-stmts)
      (if (consp x)
          (push x current)
        (push (nreverse current) segments)
        (setq current nil n (1+ n))
        (push (cons x n) labels)))
    (push (nreverse current) segments)
    (setq segments (nreverse segments))
    (let ((i -1) (last (1- (length segments))))
      `(let ((,pc 0))
         (while ,pc
           (setq ,pc
                 (catch ',tag
                   (cl-macrolet ((go (label)
                                   (let ((target (assoc label ',labels)))
                                     (unless target (error "Unknown cl-tagbody go label `%S'" label))
                                     `(throw ',',tag ,(cdr target)))))
                     (cond
                      ,@(mapcar (lambda (seg)
                                  (setq i (1+ i))
                                  `((eql ,pc ,i) ,@seg ,(if (< i last) (1+ i) nil)))
                                segments))))))
         nil))))

(defmacro cl-prog (bindings &rest body)
  "Run BODY like a `cl-tagbody' after setting up the BINDINGS.
Shorthand for (cl-block nil (let BINDINGS (cl-tagbody BODY)))"
  (declare (indent 1))
  `(cl-block nil (let ,bindings (cl-tagbody ,@body))))

(defmacro cl-prog* (bindings &rest body)
  "Run BODY like a `cl-tagbody' after setting up the BINDINGS.
Shorthand for (cl-block nil (let* BINDINGS (cl-tagbody BODY)))"
  (declare (indent 1))
  `(cl-block nil (let* ,bindings (cl-tagbody ,@body))))

;;;; Assignments.

(defmacro cl-psetq (&rest pairs)
  "Like `setq', except that all VAL forms are evaluated before any SYM is set.
\n(fn SYM VAL SYM VAL ...)"
  (cons 'cl-psetf pairs))

(defmacro cl-psetf (&rest pairs)
  "Set PLACEs to the values VALs in parallel.
All VALs are evaluated before any PLACE is set.  Return nil.
\n(fn PLACE VAL PLACE VAL ...)"
  (let ((places nil) (temps nil) (p pairs))
    (while p
      (let ((place (pop p)))
        (when (member place places)
          (error "Destination duplicated in psetf: %s" place))
        (push place places)
        (unless p (error "Odd number of arguments to cl-psetf"))
        (push (list (make-symbol "v") (pop p)) temps)))
    (setq places (nreverse places) temps (nreverse temps))
    `(let* ,temps
       ,@(cl-mapcar (lambda (place temp) `(setf ,place ,(car temp))) places temps)
       nil)))

(defmacro cl-shiftf (place &rest args)
  "Shift left among PLACEs.
Example: (cl-shiftf A B C) sets A to B, B to C, and returns the old A.
Each PLACE may be a symbol, or any generalized variable allowed by `setf'.
\n(fn PLACE... VAL)"
  (cond ((null args) place)
        ((symbolp place) `(prog1 ,place (setq ,place (cl-shiftf ,@args))))
        (t (gv-letplace (getter setter) place
             `(prog1 ,getter ,(funcall setter `(cl-shiftf ,@args)))))))

(defmacro cl-rotatef (&rest places)
  "Rotate left among PLACEs.
Example: (cl-rotatef A B C) sets A to B, B to C, and C to A.  It returns nil.
Each PLACE may be a symbol, or any generalized variable allowed by `setf'.
\n(fn PLACE...)"
  (cond ((null (cdr places)) nil)
        ((not (memq nil (mapcar #'symbolp places)))
         (let ((pairs nil) (p places))
           (while (cdr p)
             (push (car p) pairs)
             (push (cadr p) pairs)
             (setq p (cdr p)))
           (push (car p) pairs)
           (push (car places) pairs)
           `(cl-psetf ,@(nreverse pairs))))
        (t (gv-letplace (getter setter) (car places)
             (macroexp-let2 nil tmp getter
               `(progn ,(funcall setter `(cl-shiftf ,@(cdr places) ,tmp))
                       nil))))))

(defmacro cl-callf (func place &rest args)
  "Set PLACE to (FUNC PLACE ARGS...).
FUNC should be an unquoted function name or a lambda expression.  PLACE
may be a symbol, or any generalized variable allowed by `setf'."
  (declare (indent 2))
  (gv-letplace (getter setter) place
    (let ((call-args (cons getter args)))
      (funcall setter (if (symbolp func)
                          (cons func call-args)
                        `(funcall #',func ,@call-args))))))

(defmacro cl-callf2 (func arg1 place &rest args)
  "Set PLACE to (FUNC ARG1 PLACE ARGS...).
Like `cl-callf', but PLACE is the second argument of FUNC, not the first."
  (declare (indent 3))
  (if (and (cl--safe-expr-p arg1) (cl--simple-expr-p place) (symbolp func))
      `(setf ,place (,func ,arg1 ,place ,@args))
    (macroexp-let2 nil a1 arg1
      (gv-letplace (getter setter) place
        (let ((call-args (cl-list* a1 getter args)))
          (funcall setter (if (symbolp func)
                              (cons func call-args)
                            `(funcall #',func ,@call-args))))))))

(defmacro cl-remf (place tag)
  "Remove TAG from property list PLACE.
PLACE may be a symbol, or any generalized variable allowed by `setf'.
The form returns true if TAG was found and removed, nil otherwise."
  (gv-letplace (tval setter) place
    (macroexp-let2 macroexp-copyable-p ttag tag
      `(if (eq ,ttag (car ,tval))
           (progn ,(funcall setter `(cddr ,tval)) t)
         (cl--do-remf ,tval ,ttag)))))

(defun cl--letf (bindings body star)
  "The expansion of `cl-letf' (or `cl-letf*' when STAR) of BINDINGS around BODY."
  (if (null bindings)
      (macroexp-progn body)
    (let* ((binding (car bindings))
           (place (car binding))
           (has-value (cdr binding))
           (inner (if star
                      (list (cl--letf (cdr bindings) body t))
                    body)))
      (if (symbolp place)
          `(let ((,place ,(if has-value (cadr binding) place)))
             ,@(if star inner (list (cl--letf (cdr bindings) body nil))))
        (gv-letplace (getter setter) place
          (let ((old (make-symbol "old")))
            (if has-value
                (macroexp-let2 nil vnew (cadr binding)
                  `(let ((,old ,getter))
                     (unwind-protect
                         (progn ,(funcall setter vnew)
                                ,@(if star inner (list (cl--letf (cdr bindings) body nil))))
                       ,(funcall setter old))))
              `(let ((,old ,getter))
                 (unwind-protect
                     (progn ,@(if star inner (list (cl--letf (cdr bindings) body nil))))
                   ,(funcall setter old))))))))))

(defmacro cl-letf (bindings &rest body)
  "Set each `setf' PLACE to its VALUE while BODY runs, then restore it.
It is `let' for generalized places: the old contents come back
however BODY exits, normally or not.  Not a Common Lisp macro.
\n(fn ((PLACE VALUE) ...) BODY...)"
  (declare (indent 1))
  (if (and (not (cdr bindings)) (cdar bindings) (symbolp (caar bindings)))
      `(let ,bindings ,@body)
    ;; All the values are computed before any place is set.
    (let ((temps nil) (renamed nil))
      (dolist (b bindings)
        (if (and (cdr b) (not (macroexp-const-p (cadr b))))
            (let ((tmp (make-symbol "vnew")))
              (push (list tmp (cadr b)) temps)
              (push (list (car b) tmp) renamed))
          (push b renamed)))
      (macroexp-let* (nreverse temps) (cl--letf (nreverse renamed) body nil)))))

(defmacro cl-letf* (bindings &rest body)
  "Temporarily bind to PLACEs.
Like `cl-letf' but where the bindings are performed one at a time,
rather than all at the end (i.e. like `let*' rather than like `let')."
  (declare (indent 1))
  (cl--letf bindings body t))

;;;; Multiple values.

(defmacro cl-multiple-value-bind (vars form &rest body)
  "Collect multiple return values.
FORM must return a list; the BODY is then executed with the first N elements
of this list bound (`let'-style) to each of the symbols SYM in turn.
\n(fn (SYM...) FORM BODY)"
  (declare (indent 2))
  (let ((temp (make-symbol "--cl-var--")) (n -1))
    `(let* ((,temp ,form)
            ,@(mapcar (lambda (v) (list v `(nth ,(setq n (1+ n)) ,temp))) vars))
       ,@body)))

(defmacro cl-multiple-value-setq (vars form)
  "Collect multiple return values.
FORM must return a list; the first N elements of this list are stored in
each of the symbols SYM in turn.  The return value is the first value.
\n(fn (SYM...) FORM)"
  (cond ((null vars) `(progn ,form nil))
        ((null (cdr vars)) `(setq ,(car vars) (car ,form)))
        (t (let ((temp (make-symbol "--cl-var--")) (n 0))
             `(let ((,temp ,form))
                (prog1 (setq ,(pop vars) (car ,temp))
                  (setq ,@(apply #'nconc
                                 (mapcar (lambda (v) (list v `(nth ,(setq n (1+ n)) ,temp)))
                                         vars)))))))))

(defmacro cl-progv (symbols values &rest body)
  "Run BODY with dynamic bindings computed at run time.
SYMBOLS and VALUES are evaluated to lists; each symbol is bound to the
value at its position (nil past the end of the values).  Return
BODY's last value."
  (declare (indent 2))
  (let ((syms (make-symbol "syms")) (vals (make-symbol "vals"))
        (binds (make-symbol "binds")) (fun (make-symbol "body")))
    `(let* ((,syms ,symbols) (,vals ,values) (,fun (lambda () ,@body)) (,binds nil))
       (while ,syms
         (push (list (pop ,syms) (list 'quote (pop ,vals))) ,binds))
       (eval (list 'let (nreverse ,binds) (list 'funcall (list 'quote ,fun)))))))

;;;; Local functions and macros.

(defmacro cl-flet (bindings &rest body)
  "Run the body with local functions defined by BINDINGS.
A binding is (FUNC ARGLIST BODY...), a function with a Common Lisp
argument list, or (FUNC EXPR), whose function is EXPR's value.  The
names are visible in the body only, not in the bindings themselves
\(see `cl-labels' for that).
\n(fn ((FUNC ARGLIST BODY...) ...) FORM...)"
  (declare (indent 1))
  (let ((binds nil) (fns nil))
    (dolist (binding bindings)
      (let* ((name (car binding))
             (definition (cdr binding))
             (single (and (consp definition) (null (cdr definition))))
             (var (if (and single (symbolp (car definition)))
                      ;; (FUNC VAR): calls go straight to VAR's value.
                      (car definition)
                    (let ((fresh (make-symbol (format "--cl-%s--" name))))
                      (push (list fresh (if single
                                            (car definition)
                                          `(cl-function (lambda . ,definition))))
                            binds)
                      fresh))))
        (push (cons name var) fns)))
    ;; EMACS-COMPAT: the body stays in a `progn' even when it is one form.
    (macroexp-let* (nreverse binds)
                   (cl--walk (cons 'progn body)
                             (cl--with-local-functions
                              (nreverse fns) macroexpand-all-environment)))))

(defmacro cl-flet* (bindings &rest body)
  "As `cl-flet', but each binding can use the functions bound before it.
\n(fn ((FUNC ARGLIST BODY...) ...) FORM...)"
  (declare (indent 1))
  (cond ((null bindings) (macroexp-progn body))
        ((null (cdr bindings)) `(cl-flet ,bindings ,@body))
        (t `(cl-flet (,(car bindings)) (cl-flet* ,(cdr bindings) ,@body)))))

;; Self tail calls in `cl-labels' functions become loops, as in Emacs, so
;; that deep tail recursion needs no stack.  In the loop, the function's
;; parameters are rebound from fresh outer variables on each round; a
;; tail call sets those variables and returns non-nil to go round again,
;; anything else stores the result and returns nil to stop.

(defun cl--tco-body (var params body)
  "Turn the self tail calls (funcall VAR ...) in BODY into a loop.
PARAMS is the plain argument list.  Return (PARAMS . BODY), rewritten
only if some tail call was found."
  (let* ((found nil)
         (ret (make-symbol "retval"))
         (outer (mapcar (lambda (p) (if (memq p '(&optional &rest)) p
                                      (make-symbol (symbol-name p))))
                        params))
         (tail nil)
         (tail-list nil))
    (setq tail-list
          (lambda (exps)
            (if (null exps)
                nil
              (append (butlast exps) (list (funcall tail (car (last exps))))))))
    (setq tail
          (lambda (exp)
            (let ((head (car-safe exp)))
              (cond
               ((and (eq head 'funcall) (eq (cadr exp) var))
                (let ((sets nil) (actuals (cddr exp)) (formals outer))
                  (while formals
                    (let ((f (pop formals)))
                      (cond ((eq f '&rest)
                             (push (pop formals) sets)
                             (push `(list ,@actuals) sets)
                             (setq actuals nil))
                            ((eq f '&optional))
                            (t (push f sets) (push (pop actuals) sets)))))
                  (setq found t)
                  `(progn (setq ,@(nreverse sets)) :recurse)))
               ((eq head 'progn) `(progn ,@(funcall tail-list (cdr exp))))
               ((eq head 'if)
                `(if ,(nth 1 exp) ,(funcall tail (nth 2 exp))
                   ,@(funcall tail-list (nthcdr 3 exp))))
               ((eq head 'and)
                (if (cdr exp) `(and ,@(funcall tail-list (cdr exp)))
                  `(progn (setq ,ret t) nil)))
               ((and (eq head 'or) (cdr exp))
                (if (null (cddr exp))
                    (funcall tail (cadr exp))
                  (let ((v (make-symbol "val")))
                    `(let ((,v ,(cadr exp)))
                       (if ,v ,(funcall tail v) ,(funcall tail `(or ,@(cddr exp))))))))
               ((eq head 'cond)
                (let ((clauses (cdr exp)) (out nil))
                  (while clauses
                    (let ((c (pop clauses)))
                      (push (if (cdr c)
                                (cons (car c) (funcall tail-list (cdr c)))
                              (if clauses
                                  `((setq ,ret ,(car c)) nil)
                                (list (funcall tail (car c)))))
                            out)))
                  `(cond ,@(nreverse out))))
               ((and (memq head '(let let*))
                     (not (memq var (mapcar (lambda (b) (if (consp b) (car b) b))
                                            (cadr exp)))))
                `(,head ,(cadr exp) ,@(funcall tail-list (cddr exp))))
               ((null exp) nil)
               (t `(progn (setq ,ret ,exp) nil))))))
    (let ((new-body (funcall tail-list body)))
      (if (not found)
          (cons params body)
        (cons outer
              `((let (,ret)
                  (while (let ,(delq nil (cl-mapcar (lambda (p o)
                                                       (unless (memq p '(&optional &rest))
                                                         (list p o)))
                                                     params outer))
                           ,@new-body))
                  ,ret)))))))

(defmacro cl-labels (bindings &rest body)
  "Make local (recursive) function definitions.
BINDINGS is a list of definitions of the form (FUNC ARGLIST BODY...);
FUNC is defined in every BODY as well as in the FORMs, so the
definitions can be recursive and mutually recursive.
\n(fn ((FUNC ARGLIST BODY...) ...) FORM...)"
  (declare (indent 1))
  (let ((binds nil) (fns nil))
    (dolist (binding bindings)
      (let ((var (make-symbol (format "--cl-%s--" (car binding)))))
        (push (cons var (cdr binding)) binds)
        (push (cons (car binding) var) fns)))
    (let ((env (cl--with-local-functions (nreverse fns) macroexpand-all-environment)))
      `(letrec ,(mapcar
                 (lambda (bind)
                   (let* ((fun (cl--walk `(cl-function (lambda ,@(cdr bind))) env))
                          (lam (cadr fun))
                          (opt (cl--tco-body (car bind) (cadr lam) (cddr lam))))
                     `(,(car bind) (function (lambda ,(car opt) ,@(cdr opt))))))
                 (nreverse binds))
         ,@(macroexp-unprogn (cl--walk (macroexp-progn body) env))))))

(defmacro cl-macrolet (bindings &rest body)
  "Make temporary macro definitions.
This is like `cl-flet', but for macros instead of functions.
\n(fn ((NAME ARGLIST BODY...) ...) FORM...)"
  (declare (indent 1))
  (cond ((cdr bindings)
         `(cl-macrolet (,(car bindings)) (cl-macrolet ,(cdr bindings) ,@body)))
        ((null bindings) (macroexp-progn body))
        (t (let* ((name (caar bindings))
                  (res (cl--transform-lambda (cdar bindings) name)))
             (cl--walk (macroexp-progn body)
                              (cons (cons name (eval `(function (lambda ,@res)) t))
                                    macroexpand-all-environment))))))

(defmacro cl-symbol-macrolet (bindings &rest body)
  "Make symbol macro definitions.
Within the body FORMs, references to the variable NAME will be replaced
by EXPANSION, and (setq NAME ...) will act like (setf EXPANSION ...).
\n(fn ((NAME EXPANSION) ...) FORM...)"
  (declare (indent 1))
  (let ((outer (cdr (assq :cl-symbol-macros macroexpand-all-environment))))
    (cl--walk (macroexp-progn body)
                     (cons (cons :cl-symbol-macros (append bindings outer))
                           macroexpand-all-environment))))

;;;; Structures.

(defun cl--struct-slot-spec (desc)
  "The slot description DESC as (NAME DEFAULT . OPTIONS)."
  (if (consp desc) desc (list desc nil)))

(defun cl--struct-layout (class)
  "The slot specs of the structure CLASS, with tag and padding entries."
  (let ((out nil) (slots (cl--class-slots class)))
    (dotimes (i (length slots))
      (let* ((s (aref slots i))
             (props (cl--slot-descriptor-props s))
             (type (cl--slot-descriptor-type s))
             (opts nil))
        (dolist (p props) (push (car p) opts) (push (cdr p) opts))
        (setq opts (nreverse opts))
        (unless (eq type t) (setq opts (cl-list* :type type opts)))
        (push (cl-list* (cl--slot-descriptor-name s) (cl--slot-descriptor-initform s) opts)
              out)))
    (nreverse out)))

(defmacro cl-defstruct (struct &rest descs)
  "Define a struct type.
This macro defines a new data type called NAME that stores data
in named slots.  It defines a `make-NAME' constructor, a `copy-NAME'
copier, a `NAME-p' predicate, and slot accessors named `NAME-SLOT'.
You can use the accessors to set the corresponding slots, via `setf'.

NAME may instead take the form (NAME OPTIONS...), where each
OPTION is either a single keyword or (KEYWORD VALUE) where
KEYWORD can be one of `:conc-name', `:constructor', `:copier',
`:predicate', `:type', `:named', `:initial-offset',
`:print-function', `:noinline', or `:include'.

Each SLOT may instead take the form (SNAME SDEFAULT SOPTIONS...), where
SDEFAULT is the default value of that slot and SOPTIONS are keyword-value
pairs for that slot: `:read-only' and `:type' (and `:documentation').
\n(fn NAME &optional DOCSTRING &rest SLOTS)"
  (declare (doc-string 2) (indent 1))
  (let* ((name (if (consp struct) (car struct) struct))
         (opts (if (consp struct) (cdr struct)))
         (sname (symbol-name name))
         (conc-name (concat sname "-"))
         (constructor 'default)
         (keyword-constructors nil)
         (boa-constructors nil)
         (copier (intern (concat "copy-" sname)))
         (predicate (intern (concat sname "-p")))
         (include nil) (include-overrides nil)
         (type nil) (named nil) (offset 0) (print nil)
         (docstring (if (stringp (car descs)) (pop descs)))
         (tags-var (intern (format "cl-struct-%s-tags" name))))
    (dolist (opt opts)
      (let ((key (if (consp opt) (car opt) opt))
            (args (if (consp opt) (cdr opt))))
        (cond
         ((eq key :conc-name)
          (setq conc-name (let ((c (car args)))
                            (cond ((null c) "") ((symbolp c) (symbol-name c)) (t c)))))
         ((eq key :constructor)
          (cond ((null args))
                ((null (car args)) (setq constructor nil))
                ((cdr args) (push (list (car args) (cadr args)) boa-constructors))
                ((eq constructor 'default) (setq constructor (car args)))
                (t (push (car args) keyword-constructors))))
         ((eq key :copier) (if args (setq copier (car args))))
         ((eq key :predicate) (if args (setq predicate (car args))))
         ((eq key :include)
          (setq include (car args) include-overrides (cdr args)))
         ((eq key :print-function) (setq print (car args)))
         ((eq key :type) (setq type (car args)))
         ((eq key :named) (setq named t))
         ((eq key :initial-offset) (setq offset (car args)))
         ((eq key :noinline))
         ((eq key :documentation))
         (t (error "Structure option %s unrecognized" key)))))
    (when (eq constructor 'default) (setq constructor (intern (concat "make-" sname))))
    (unless (memq type '(nil vector list))
      (error "Invalid :type specifier: %s" type))
    (let* ((parent-class (and include
                              (or (cl--find-class include)
                                  (error "%s is not a struct name" include))))
           (parent (or include (and (null type) cl--struct-default-parent)))
           ;; The full layout: (SLOT DEFAULT . OPTIONS), with (cl-tag-slot)
           ;; and (cl-skip-slot) entries for the tag and the padding.
           (layout (if parent-class
                       (progn
                         (unless (eq (cl--struct-class-type parent-class) type)
                           (error ":type disagrees with :include for %s" name))
                         (mapcar (lambda (spec)
                                   (let ((over (assq (car spec)
                                                     (mapcar #'cl--struct-slot-spec
                                                             include-overrides))))
                                     (if over (copy-sequence over) spec)))
                                 (cl--struct-layout parent-class)))
                     nil))
           (tag-pos nil))
      (when (and type (> offset 0))
        (setq layout (append layout (make-list offset '(cl-skip-slot)))))
      (cond ((null type) (setq named t))
            (named
             (let ((parent-tag (and parent-class (cl--struct-class-named parent-class)
                                    (cl-position 'cl-tag-slot layout :key #'car))))
               (if parent-tag
                   (setq tag-pos parent-tag)
                 (setq tag-pos (length layout))
                 (setq layout (append layout '((cl-tag-slot)))))))
            (t (setq predicate nil)))
      (setq layout (append layout (mapcar #'cl--struct-slot-spec descs)))
      (let* ((slots (cl-remove-if (lambda (s) (memq (car s) '(cl-tag-slot cl-skip-slot)))
                                  layout))
             (base (if type 0 1))
             (pred-form
              (cond ((null type) `(and (memq (type-of cl-x) ,tags-var) t))
                    ((not named) nil)
                    ((eq type 'vector)
                     `(and (vectorp cl-x) (>= (length cl-x) ,(length layout))
                           (memq (aref cl-x ,tag-pos) ,tags-var) t))
                    (t `(and (consp cl-x) (memq (nth ,tag-pos cl-x) ,tags-var) t))))
             (forms nil))
        ;; Registration.
        (push `(defvar ,tags-var) forms)
        (push `(cl-struct-define ',name ,docstring ',parent ',type ,(and named t)
                                 ',(if type layout (cons '(cl-tag-slot) layout))
                                 ',tags-var ',name ',(and print t))
              forms)
        ;; Predicate.
        (when (and pred-form predicate)
          (push `(defun ,predicate (cl-x)
                   (declare (side-effect-free error-free))
                   ,pred-form)
                forms)
          (push `(put ',name 'cl-deftype-satisfies #',predicate) forms))
        ;; Accessors.
        (let ((pos 0))
          (dolist (spec layout)
            (unless (memq (car spec) '(cl-tag-slot cl-skip-slot))
              (let* ((accessor (intern (concat conc-name (symbol-name (car spec)))))
                     (index (+ base pos))
                     (access (if (eq type 'list) `(nth ,index cl-x) `(aref cl-x ,index)))
                     (check (and pred-form
                                 `(or ,pred-form
                                      (signal 'wrong-type-argument (list ',name cl-x))))))
                (push `(defun ,accessor (cl-x)
                         ,(format "Access slot \"%s\" of `%s' struct CL-X." (car spec) name)
                         (declare (side-effect-free t))
                         ,(if check `(progn ,check ,access) access))
                      forms)
                (push `(function-put
                        ',accessor 'gv-expander
                        ,(if (plist-get (cddr spec) :read-only)
                             `(lambda (_do &rest _args)
                                (error "%s is a read-only slot" ',accessor))
                           `(lambda (do x)
                              (macroexp-let2 macroexp-copyable-p cl-x x
                                (gv-get (cl--struct-place-form
                                         ',type ,index ',check cl-x)
                                        do)))))
                      forms)))
            (setq pos (1+ pos))))
        ;; Constructors.
        (let ((defaults (cons nil (mapcar (lambda (s) (list (car s) (cadr s))) slots)))
              (build (cons (cond ((eq type 'vector) 'vector)
                                 ((eq type 'list) 'list)
                                 (t 'record))
                           (let ((items (mapcar (lambda (s)
                                                  (cond ((eq (car s) 'cl-tag-slot) `',name)
                                                        ((eq (car s) 'cl-skip-slot) nil)
                                                        (t (car s))))
                                                layout)))
                             (if type items (cons `',name items))))))
          (dolist (cname (if constructor (cons constructor keyword-constructors)
                           keyword-constructors))
            (push `(defun ,cname
                       ,@(cl--transform-lambda
                          `((&cl-defs ,defaults &key ,@(mapcar #'car slots))
                            ,(format "Constructor for objects of type `%s'." name)
                            ,build)
                          cname t))
                  forms))
          (dolist (boa (reverse boa-constructors))
            (let* ((arglist (cadr boa))
                   (mentioned (cl--arglist-vars arglist))
                   (aux (delq nil (mapcar (lambda (s)
                                            (unless (memq (car s) mentioned)
                                              (list (car s) (cadr s))))
                                          slots))))
              (push `(defun ,(car boa)
                       ,@(cl--transform-lambda
                          `((&cl-defs ,defaults ,@arglist
                                      ,@(and aux (if (memq '&aux arglist) aux (cons '&aux aux))))
                            ,(format "Constructor for objects of type `%s'." name)
                            ,build)
                          (car boa) t))
                    forms))))
        ;; Copier.
        (when copier
          (push `(defalias ',copier #'copy-sequence
                   ,(format "Copy a struct of type `%s'." name))
                forms))
        `(progn ,@(nreverse forms) ',name)))))

(defun cl--struct-place-form (type index check x)
  "The form reading slot INDEX of the struct X (of representation TYPE).
CHECK, when non-nil, is the type check on the variable `cl-x', done first."
  (let ((access (if (eq type 'list) `(nth ,index ,x) `(aref ,x ,index))))
    (if check
        `(progn ,(cl-subst x 'cl-x check) ,access)
      access)))

(defun cl--arglist-vars (arglist)
  "The variables an argument list ARGLIST binds, nested ones included."
  (let ((out nil))
    (while (consp arglist)
      (let ((a (pop arglist)))
        (cond ((memq a cl--lambda-list-keywords))
              ((symbolp a) (push a out))
              ((consp a)
               (let ((v (car a)))
                 (cond ((symbolp v) (push v out))
                       ((and (consp v) (keywordp (car v)))
                        (setq out (append (cl--arglist-vars (cdr v)) out)))
                       (t (setq out (append (cl--arglist-vars v) out)))))
               (when (and (consp (cdr a)) (cddr a) (symbolp (nth 2 a)))
                 (push (nth 2 a) out))))))
    (when (and arglist (symbolp arglist)) (push arglist out))
    out))

(defun cl-struct-sequence-type (struct-type)
  "What objects of the struct type STRUCT-TYPE are made of.
That is `vector' or `list', or nil for records.  STRUCT-TYPE must name
a struct type."
  (cl--struct-class-type (cl--struct-class-or-error struct-type)))

(defun cl-struct-slot-info (struct-type)
  "The slots of the struct type STRUCT-TYPE, as a list of (NAME . OPTIONS).
OPTIONS are the slot's default and its `cl-defstruct' options.  Slots
that only hold the type's tag or fill an :initial-offset are included."
  (let ((class (cl--struct-class-or-error struct-type)))
    (append
     ;; Records keep their tag out of the slot vector; lists and vectors do not.
     (and (null (cl--struct-class-type class)) (list '(cl-tag-slot)))
     (mapcar (lambda (slot)
               (let ((type (cl--slot-descriptor-type slot)))
                 (append (list (cl--slot-descriptor-name slot)
                               (cl--slot-descriptor-initform slot))
                         (and (not (eq type t)) (list :type type))
                         ;; The descriptor keeps the options as an alist.
                         (mapcan (lambda (option) (list (car option) (cdr option)))
                                 (cl--slot-descriptor-props slot)))))
             (cl--class-slots class)))))

(defun cl--struct-class-or-error (struct-type)
  "The class of the struct type STRUCT-TYPE; an error if it names none.
STRUCT-TYPE may also be the class itself."
  (cond ((not (symbolp struct-type)) struct-type)
        ((cl--find-class struct-type))
        (t (error "%S is not a struct name" struct-type))))

(define-error 'cl-struct-unknown-slot "struct has no slot")

(defun cl-struct-slot-offset (struct-type slot-name)
  "The index of slot SLOT-NAME within objects of struct type STRUCT-TYPE.
Indices count from 0 at the start of the object, so they include any
tag and :initial-offset slots.  An unknown slot is an error."
  (let ((table (cl--class-index-table (cl--struct-class-or-error struct-type))))
    (or (gethash slot-name table)
        (signal 'cl-struct-unknown-slot (list struct-type slot-name)))))

(defun cl-struct-slot-value (struct-type slot-name inst)
  "Return the value of slot SLOT-NAME in INST of STRUCT-TYPE.
STRUCT and SLOT-NAME are symbols.  INST is a structure instance."
  (declare (gv-setter
            (lambda (store)
              `(let ((off (cl-struct-slot-offset ,struct-type ,slot-name))
                     (obj ,inst))
                 (if (eq (cl-struct-sequence-type ,struct-type) 'list)
                     (setcar (nthcdr off obj) ,store)
                   (aset obj off ,store))))))
  (unless (cl-typep inst struct-type)
    (signal 'wrong-type-argument (list struct-type inst)))
  (let ((off (cl-struct-slot-offset struct-type slot-name)))
    (if (eq (cl-struct-sequence-type struct-type) 'list)
        (nth off inst)
      (aref inst off))))

;;;; Patterns for `pcase'.

(pcase-defmacro cl-type (type)
  "A `pcase' pattern matching any object of TYPE, a `cl-typep' type."
  `(pred (pcase--flip cl-typep ',type)))

(pcase-defmacro cl-struct (type &rest fields)
  "A `pcase' pattern matching a struct of TYPE whose slots match FIELDS.
Each of FIELDS is (SLOT PATTERN), matching slot SLOT against PATTERN,
or just SLOT, meaning (SLOT SLOT): bind a variable named after it."
  `(and (pred (pcase--flip cl-typep ',type))
        ,@(mapcar
           (lambda (field)
             (let* ((name (if (consp field) (car field) field))
                    (pat (if (consp field) (cadr field) field)))
               `(app (lambda (x) (cl-struct-slot-value ',type ',name x)) ,pat)))
           fields)))

;;;; The loop facility.

;; `cl-loop' is compiled to
;;   (cl-block NAME
;;     (let OUTER                       ; accumulators, flags, temporaries
;;       (let GROUP1 (let GROUP2 ...    ; `for', `with' and `repeat' bindings
;;         INITIALLY...
;;         (while (and ITERATION-FORMS...) (setq FIRST nil))
;;         FINALLY...
;;         RESULT))))
;; The iteration forms come in clause order, each returning nil to end
;; the loop.  A `for' clause (with the ones joined to it by `and')
;; contributes one form: on the first iteration it assigns its initial
;; values, on later ones its steps (in parallel within the group); then
;; it tests for termination and sets its variables.  `return', failing
;; `always' and the like leave the block directly, skipping FINALLY.

(defvar cl--loop-args nil "The clauses of the `cl-loop' being expanded, still to parse.")
(defvar cl--loop-name nil "The block name of the loop.")
(defvar cl--loop-groups nil "Binding forms (let BINDINGS) or (let* BINDINGS), last first.")
(defvar cl--loop-outer nil "Outer bindings (VAR INIT), last first.")
(defvar cl--loop-forms nil "The forms of one iteration, last first.")
(defvar cl--loop-initially nil "Forms of the `initially' clauses, last first.")
(defvar cl--loop-finally nil "Forms of the `finally' clauses, last first.")
(defvar cl--loop-result nil "The form computing the value of a loop that ends normally.")
(defvar cl--loop-result-explicit nil "Non-nil once `finally return' gave the result.")
(defvar cl--loop-accum nil "The anonymous accumulation variable, once made.")
(defvar cl--loop-accum-tail nil "The last cons of the anonymous list accumulation.")
(defvar cl--loop-first nil "The variable that is true during the first iteration, once made.")
(defvar cl--loop-symbol-macros nil "Symbol macros (VAR EXPANSION) of the -ref iterations.")

(defun cl--loop-pop ()
  "Pop the next form of the clauses; error if they have ended."
  (if (eq (car cl--loop-args) 'cl-end-loop)
      (error "Malformed `cl-loop' macro")
    (pop cl--loop-args)))

(defun cl--loop-temp ()
  "A fresh variable for the loop, bound to nil outside all groups."
  (let ((v (make-symbol "--cl-var--")))
    (push (list v nil) cl--loop-outer)
    v))

(defun cl--loop-pattern-vars (pattern)
  "The variables of the destructuring PATTERN."
  (cond ((null pattern) nil)
        ((symbolp pattern) (list pattern))
        ((consp pattern) (append (cl--loop-pattern-vars (car pattern))
                                 (cl--loop-pattern-vars (cdr pattern))))))

(defun cl--loop-destructure (pattern exp)
  "Assignments (VAR EXP), to do in order, giving PATTERN the parts of EXP's value."
  (cond ((null pattern) nil)
        ((symbolp pattern) (list (list pattern exp)))
        (t (let ((tmp (if (symbolp exp) exp (cl--loop-temp))))
             (append (unless (eq tmp exp) (list (list tmp exp)))
                     (cl--loop-destructure (car pattern) `(car ,tmp))
                     (cl--loop-destructure (cdr pattern) `(cdr ,tmp)))))))

(defun cl--loop-psetq (pairs)
  "Code assigning the (VAR EXP) PAIRS in parallel."
  (cond ((null pairs) nil)
        ((null (cdr pairs)) `(setq ,@(car pairs)))
        (t (let ((temps (mapcar (lambda (p) (list (make-symbol "v") (cadr p))) pairs)))
             `(let ,temps
                (setq ,@(apply #'append (cl-mapcar (lambda (p tmp) (list (car p) (car tmp)))
                                                   pairs temps))))))))

(defun cl--loop-by (by tmp)
  "Code advancing the list TMP, with the `by' function BY (default `cdr')."
  (cond ((null by) `(cdr ,tmp))
        ((and (memq (car-safe by) '(quote function)) (symbolp (cadr by)))
         `(,(cadr by) ,tmp))
        (t `(funcall ,by ,tmp))))

(defun cl--loop-hash-pairs (table)
  "The (KEY . VALUE) pairs of the hash TABLE, in its order."
  (let ((pairs nil))
    (maphash (lambda (k v) (push (cons k v) pairs)) table)
    (nreverse pairs)))

(defun cl--loop-symbol-list (&optional ob)
  "The symbols of the obarray OB (or of the standard one)."
  (let ((syms nil))
    (mapatoms (lambda (s) (push s syms)) ob)
    (nreverse syms)))

(defun cl--loop-for-list (var word)
  "The parts of a `for VAR in/in-ref/on LIST [by FUNC]' clause (WORD says which)."
  (let* ((list-form (cl--loop-pop))
         (by (when (eq (car cl--loop-args) 'by) (pop cl--loop-args) (cl--loop-pop))))
    (if (and (eq word 'on) (symbolp var))
        (list :binds (list (list var list-form))
              :steps (list (list var (cl--loop-by by var)))
              :tests (list `(consp ,var)))
      (let ((tmp (make-symbol "--cl-var--")))
        (when (eq word 'in-ref) (push (list var `(car ,tmp)) cl--loop-symbol-macros))
        (list :binds (cons (list tmp list-form)
                           (and (not (eq word 'in-ref))
                                (mapcar #'list (cl--loop-pattern-vars var))))
              :steps (list (list tmp (cl--loop-by by tmp)))
              :tests (list `(consp ,tmp))
              :sets (cond ((eq word 'in) (cl--loop-destructure var `(car ,tmp)))
                          ((eq word 'on) (cl--loop-destructure var tmp))))))))

(defun cl--loop-for-index (var seq-form accessor ref index)
  "The parts of a clause walking SEQ-FORM by index with ACCESSOR (`aref', `elt').
With REF, VAR is a symbol macro for the element; INDEX names the index variable."
  (let ((seq (make-symbol "--cl-vec--"))
        (idx (or index (make-symbol "--cl-idx--"))))
    (when ref (push (list var `(,accessor ,seq ,idx)) cl--loop-symbol-macros))
    (list :binds (append (list (list seq seq-form) (list idx -1))
                         (and (not ref) (mapcar #'list (cl--loop-pattern-vars var))))
          :tests (list `(< (setq ,idx (1+ ,idx)) (length ,seq)))
          :sets (and (not ref) (cl--loop-destructure var `(,accessor ,seq ,idx))))))

(defun cl--loop-for-pairs (var pairs-form field other)
  "The parts of a clause walking the (KEY . VALUE) list PAIRS-FORM.
VAR gets the FIELD (`car' or `cdr') of each pair; OTHER, if non-nil,
the other field."
  (let ((tmp (make-symbol "--cl-var--")))
    (list :binds (append (list (list tmp pairs-form))
                         (mapcar #'list (cl--loop-pattern-vars var))
                         (and other (list (list other nil))))
          :steps (list (list tmp `(cdr ,tmp)))
          :tests (list `(consp ,tmp))
          :sets (append (cl--loop-destructure var `(,field (car ,tmp)))
                        (and other
                             (list (list other `(,(if (eq field 'car) 'cdr 'car)
                                                 (car ,tmp)))))))))

(defun cl--loop-for-numbers (var)
  "The parts of a numeric `for VAR from/to/below/by...' clause."
  (let (start end step down end-test)
    (while (memq (car cl--loop-args)
                 '(from upfrom downfrom to upto below downto above by))
      (let ((w (pop cl--loop-args)) (v (cl--loop-pop)))
        (cond ((memq w '(from upfrom)) (setq start v))
              ((eq w 'downfrom) (setq start v down t))
              ((memq w '(to upto)) (setq end v end-test '<=))
              ((eq w 'below) (setq end v end-test '<))
              ((eq w 'downto) (setq end v end-test '>= down t))
              ((eq w 'above) (setq end v end-test '> down t))
              (t (setq step v)))))
    (when (and down (eq end-test '<=)) (setq end-test '>=))
    (let* ((end-var (and end (if (macroexp-const-p end) end (make-symbol "--cl-var--"))))
           (step-var (if (or (null step) (macroexp-const-p step))
                         (or step 1)
                       (make-symbol "--cl-var--"))))
      (list :binds (append (list (list var (or start 0)))
                           (and end (not (eq end-var end)) (list (list end-var end)))
                           (and step (not (eq step-var step)) (list (list step-var step))))
            :steps (list (list var `(,(if down '- '+) ,var ,step-var)))
            :tests (and end (list `(,end-test ,var ,end-var)))))))

(defun cl--loop-for-being (var)
  "The parts of a `for VAR being the KIND of X [using (KIND2 VAR2)]' clause."
  (when (memq (car cl--loop-args) '(the each)) (pop cl--loop-args))
  (let ((kind (pop cl--loop-args)))
    (cond
     ((memq kind '(element elements))
      (let* ((ref (let ((w (pop cl--loop-args)))
                    (unless (memq w '(of in of-ref)) (error "Expected `of'"))
                    (eq w 'of-ref)))
             (seq (cl--loop-pop))
             (index (when (and (eq (car cl--loop-args) 'using)
                               (eq (car-safe (cadr cl--loop-args)) 'index))
                      (pop cl--loop-args)
                      (cadr (pop cl--loop-args)))))
        (cl--loop-for-index var seq 'elt ref index)))
     ((memq kind '(hash-key hash-keys hash-value hash-values))
      (unless (memq (pop cl--loop-args) '(of in)) (error "Expected `of'"))
      (let* ((table (cl--loop-pop))
             (other (when (eq (car cl--loop-args) 'using)
                      (pop cl--loop-args)
                      (cadr (pop cl--loop-args)))))
        (cl--loop-for-pairs var `(cl--loop-hash-pairs ,table)
                            (if (memq kind '(hash-key hash-keys)) 'car 'cdr)
                            other)))
     ((memq kind '(symbol present-symbol external-symbol
                   symbols present-symbols external-symbols))
      (let ((ob (when (memq (car cl--loop-args) '(of in))
                  (pop cl--loop-args)
                  (cl--loop-pop))))
        (let ((tmp (make-symbol "--cl-var--")))
          (list :binds (list (list tmp `(cl--loop-symbol-list ,ob)) (list var nil))
                :steps (list (list tmp `(cdr ,tmp)))
                :tests (list `(consp ,tmp))
                :sets (list (list var `(car ,tmp)))))))
     (t (error "Expected a `for' preposition, found %s" kind)))))

(defun cl--loop-for-1 ()
  "Parse one `for' iteration; return its parts as a plist."
  (let* ((var (pop cl--loop-args))
         (word (pop cl--loop-args)))
    (cond
     ((memq word '(in in-ref on)) (cl--loop-for-list var word))
     ((eq word 'across) (cl--loop-for-index var (cl--loop-pop) 'aref nil nil))
     ((eq word 'across-ref) (cl--loop-for-index var (cl--loop-pop) 'aref t nil))
     ((eq word '=)
      (let* ((init (cl--loop-pop))
             (then (if (eq (car cl--loop-args) 'then)
                       (progn (pop cl--loop-args) (cl--loop-pop))
                     init)))
        (if (symbolp var)
            (list :binds (list (list var nil))
                  :first (list (list var init))
                  :steps (list (list var then)))
          (let ((tmp (make-symbol "--cl-var--")))
            (list :binds (cons (list tmp nil) (mapcar #'list (cl--loop-pattern-vars var)))
                  :first (list (list tmp init))
                  :steps (list (list tmp then))
                  :sets (cl--loop-destructure var tmp))))))
     ((memq word '(from upfrom downfrom to upto below downto above by))
      (push word cl--loop-args)
      (cl--loop-for-numbers var))
     ((eq word 'being) (cl--loop-for-being var))
     (t (error "Expected a `for' preposition, found %s" word)))))

(defun cl--loop-for ()
  "Parse a `for' clause and those joined to it by `and'; emit its iteration form."
  (let ((parts (list (cl--loop-for-1))))
    (while (eq (car cl--loop-args) 'and)
      (pop cl--loop-args)
      (push (cl--loop-for-1) parts))
    (setq parts (nreverse parts))
    (let ((get (lambda (key) (apply #'append (mapcar (lambda (p) (plist-get p key)) parts)))))
      (push `(let ,(funcall get :binds)) cl--loop-groups)
      (let* ((first (funcall get :first))
             (steps (funcall get :steps))
             (tests (funcall get :tests))
             (sets (funcall get :sets))
             (step-code (when (or first steps)
                          (unless cl--loop-first
                            (setq cl--loop-first (make-symbol "--cl-var--"))
                            (push (list cl--loop-first t) cl--loop-outer))
                          (if first
                              `(if ,cl--loop-first ,(cl--loop-psetq first)
                                 ,(cl--loop-psetq steps))
                            `(or ,cl--loop-first ,(cl--loop-psetq steps)))))
             (set-code (and sets `(progn (setq ,@(apply #'append sets)) t)))
             (check (cond ((and tests set-code) `(and ,@tests ,set-code))
                          (tests (if (cdr tests) `(and ,@tests) (car tests)))
                          (set-code set-code)
                          (t t))))
        (push (if step-code `(progn ,step-code ,check) check) cl--loop-forms)))))

(defun cl--loop-with ()
  "Parse a `with' clause and those joined to it by `and'."
  (let ((pairs nil))
    (while (progn
             (let* ((var (cl--loop-pop))
                    (init (when (eq (car cl--loop-args) '=)
                            (pop cl--loop-args)
                            (cl--loop-pop))))
               (push (cons var init) pairs))
             (and (eq (car cl--loop-args) 'and) (pop cl--loop-args))))
    (setq pairs (nreverse pairs))
    (if (not (memq nil (mapcar (lambda (p) (symbolp (car p))) pairs)))
        (push `(let ,(mapcar (lambda (p) (list (car p) (cdr p))) pairs)) cl--loop-groups)
      ;; Destructuring: every value first, then the variables.
      (let* ((temps (mapcar (lambda (p) (list (make-symbol "--cl-var--") (cdr p))) pairs))
             (binds (apply #'append
                           (cl-mapcar (lambda (p tmp)
                                        (cl--loop-with-binds (car p) (car tmp)))
                                      pairs temps))))
        (push `(let* ,(append temps binds)) cl--loop-groups)))))

(defun cl--loop-with-binds (pattern exp)
  "`let*' bindings giving the destructuring PATTERN the parts of EXP's value."
  (cond ((null pattern) nil)
        ((symbolp pattern) (list (list pattern exp)))
        (t (let ((tmp (make-symbol "--cl-var--")))
             (append (list (list tmp exp))
                     (cl--loop-with-binds (car pattern) `(car ,tmp))
                     (cl--loop-with-binds (cdr pattern) `(cdr ,tmp)))))))

(defun cl--loop-set-default-result (form)
  "Make FORM the loop's value, unless `finally return' gave one."
  (unless cl--loop-result-explicit (setq cl--loop-result form)))

(defun cl--loop-anon-accum (kind)
  "The anonymous accumulator, made for KIND on first use."
  (unless cl--loop-accum
    (setq cl--loop-accum (make-symbol "--cl-var--"))
    (push (list cl--loop-accum (cond ((memq kind '(sum count)) 0)
                                     ((eq kind 'concat) "")
                                     ((eq kind 'vconcat) [])))
          cl--loop-outer)
    (when (memq kind '(collect append nconc))
      (setq cl--loop-accum-tail (cl--loop-temp)))
    (cl--loop-set-default-result cl--loop-accum))
  cl--loop-accum)

(defun cl--loop-accumulate (kind)
  "Parse an accumulation clause of KIND; return its iteration form."
  (let* ((x (cl--loop-pop))
         (into (when (eq (car cl--loop-args) 'into)
                 (pop cl--loop-args)
                 (cl--loop-pop))))
    (if into
        (progn
          (unless (assq into cl--loop-outer)
            (push (list into (cond ((memq kind '(sum count)) 0)
                                   ((eq kind 'concat) "")
                                   ((eq kind 'vconcat) [])))
                  cl--loop-outer))
          (cl--loop-accum-form kind into x nil))
      (let ((acc (cl--loop-anon-accum kind)))
        (cl--loop-accum-form kind acc x cl--loop-accum-tail)))))

(defun cl--loop-accum-form (kind var x tail)
  "Code adding X to the accumulation VAR of KIND, TAIL being its last cons if any."
  (let ((link (lambda (l)
                (let ((lv (make-symbol "l")))
                  `(let ((,lv ,l))
                     (when ,lv
                       (if ,var (setcdr ,tail ,lv) (setq ,var ,lv))
                       (setq ,tail (last ,lv))))))))
    `(progn
       ,(cond
         ((eq kind 'collect)
          (if tail
              (let ((cell (make-symbol "cell")))
                `(let ((,cell (list ,x)))
                   (if ,var (setcdr ,tail ,cell) (setq ,var ,cell))
                   (setq ,tail ,cell)))
            `(setq ,var (nconc ,var (list ,x)))))
         ((eq kind 'append)
          (if tail (funcall link `(append ,x nil)) `(setq ,var (append ,var ,x))))
         ((eq kind 'nconc)
          (if tail (funcall link x) `(setq ,var (nconc ,var ,x))))
         ((eq kind 'concat) `(setq ,var (concat ,var ,x)))
         ((eq kind 'vconcat) `(setq ,var (vconcat ,var ,x)))
         ((eq kind 'sum) `(setq ,var (+ ,var ,x)))
         ((eq kind 'count) `(if ,x (setq ,var (1+ ,var))))
         (t (let ((v (make-symbol "--cl-var--")))
              `(let ((,v ,x))
                 (setq ,var (if ,var (,(if (eq kind 'maximize) 'max 'min) ,var ,v) ,v))))))
       t)))

(defconst cl--loop-accum-words
  '((collect . collect) (collecting . collect) (append . append) (appending . append)
    (nconc . nconc) (nconcing . nconc) (concat . concat) (concating . concat)
    (vconcat . vconcat) (vconcating . vconcat) (sum . sum) (summing . sum)
    (count . count) (counting . count) (maximize . maximize) (maximizing . maximize)
    (minimize . minimize) (minimizing . minimize))
  "The accumulation clause words and the kind each stands for.")

(defun cl--loop-cond-clauses ()
  "Parse the clauses of one branch of a conditional: CLAUSE [and CLAUSE]..."
  (let ((forms (list (cl--loop-body-clause (cl--loop-pop)))))
    (while (eq (car cl--loop-args) 'and)
      (pop cl--loop-args)
      (push (cl--loop-body-clause (cl--loop-pop)) forms))
    (nreverse forms)))

(defun cl--loop-body-clause (word)
  "Parse the body clause starting with WORD; return its iteration form."
  (cond
   ((eq word 'while) (cl--loop-pop))
   ((eq word 'until) `(not ,(cl--loop-pop)))
   ((eq word 'always)
    (cl--loop-set-default-result t)
    `(or ,(cl--loop-pop) (cl-return-from ,cl--loop-name nil)))
   ((eq word 'never)
    (cl--loop-set-default-result t)
    `(if ,(cl--loop-pop) (cl-return-from ,cl--loop-name nil) t))
   ((eq word 'thereis)
    (let ((v (make-symbol "--cl-var--")))
      `(let ((,v ,(cl--loop-pop)))
         (if ,v (cl-return-from ,cl--loop-name ,v) t))))
   ((assq word cl--loop-accum-words)
    (cl--loop-accumulate (cdr (assq word cl--loop-accum-words))))
   ((memq word '(do doing))
    (let ((forms nil))
      (while (consp (car cl--loop-args)) (push (pop cl--loop-args) forms))
      (unless forms (error "Syntax error on `do' clause"))
      `(progn ,@(nreverse forms) t)))
   ((eq word 'return) `(cl-return-from ,cl--loop-name ,(cl--loop-pop)))
   ((memq word '(if when unless))
    (let* ((test (cl--loop-pop))
           (then (cl--loop-cond-clauses))
           (else (when (eq (car cl--loop-args) 'else)
                   (pop cl--loop-args)
                   (cl--loop-cond-clauses)))
           (then-form (if (cdr then) `(and ,@then) (car then)))
           (else-form (cond ((null else) t) ((cdr else) `(and ,@else)) (t (car else)))))
      (when (eq (car cl--loop-args) 'end) (pop cl--loop-args))
      (when (eq word 'unless) (setq test `(not ,test)))
      (when (cl--loop-mentions-it then-form)
        (let ((tmp (cl--loop-temp)))
          (setq test `(setq ,tmp ,test)
                then-form (cl-subst tmp 'it then-form))))
      `(if ,test ,then-form ,else-form)))
   (t (error "Expected a cl-loop keyword, found %s" word))))

(defun cl--loop-mentions-it (form)
  "Non-nil if the symbol `it' occurs in FORM."
  (cond ((eq form 'it) t)
        ((consp form) (or (cl--loop-mentions-it (car form))
                          (cl--loop-mentions-it (cdr form))))))

(defun cl--loop-clause ()
  "Parse the next top-level clause of the loop."
  (let ((word (pop cl--loop-args)))
    (cond
     ((eq word 'named) (cl--loop-pop))
     ((eq word 'initially)
      (if (memq (car cl--loop-args) '(do doing)) (pop cl--loop-args))
      (unless (consp (car cl--loop-args)) (error "Syntax error on `initially' clause"))
      (while (consp (car cl--loop-args)) (push (pop cl--loop-args) cl--loop-initially)))
     ((eq word 'finally)
      (if (eq (car cl--loop-args) 'return)
          (progn (pop cl--loop-args)
                 (setq cl--loop-result (cl--loop-pop) cl--loop-result-explicit t))
        (if (memq (car cl--loop-args) '(do doing)) (pop cl--loop-args))
        (unless (consp (car cl--loop-args)) (error "Syntax error on `finally' clause"))
        (while (consp (car cl--loop-args)) (push (pop cl--loop-args) cl--loop-finally))))
     ((memq word '(for as)) (cl--loop-for))
     ((eq word 'repeat)
      (let ((n (make-symbol "--cl-var--")))
        (push `(let ((,n ,(cl--loop-pop)))) cl--loop-groups)
        (push `(>= (setq ,n (1- ,n)) 0) cl--loop-forms)))
     ((eq word 'with) (cl--loop-with))
     (t (push (cl--loop-body-clause word) cl--loop-forms)))))

(defmacro cl-loop (&rest loop-args)
  "Common Lisp's iteration language: run the loop the CLAUSEs describe.
The clauses this implementation understands:
  Stepping a variable:
    for VAR from|upfrom|downfrom START [to|upto|downto|above|below END] [by STEP]
    for VAR = FIRST [then NEXT]
    for VAR in|on|in-ref LIST [by FUNCTION]
    for VAR across|across-ref ARRAY
    for VAR being the elements of|of-ref SEQUENCE [using (index I)]
    for VAR being the symbols [of OBARRAY]
    for VAR being the hash-keys|hash-values of TABLE [using (hash-values|hash-keys V)]
    (`as' is a synonym of `for'.)
  Ending the loop:
    repeat N, while TEST, until TEST, always TEST, never TEST, thereis TEST
  Gathering a result (into VAR, or the loop's value):
    collect, append, nconc, concat, vconcat, count, sum, maximize or
    minimize FORM [into VAR]
  Others:
    with VAR = VALUE [and VAR = VALUE]...
    if|when|unless TEST CLAUSE [and CLAUSE]... [else CLAUSE [and CLAUSE]...] [end]
    named NAME, do FORMS..., initially [do] FORMS..., finally [do] FORMS...,
    [finally] return FORM
\n(fn CLAUSE...)"
  (if (not (memq t (mapcar #'symbolp (delq nil (delq t (copy-sequence loop-args))))))
      `(cl-block nil (while t ,@loop-args))
    (let ((cl--loop-args (append loop-args '(cl-end-loop)))
          (cl--loop-name (cadr (memq 'named loop-args)))
          (cl--loop-groups nil) (cl--loop-outer nil) (cl--loop-forms nil)
          (cl--loop-initially nil) (cl--loop-finally nil)
          (cl--loop-result nil) (cl--loop-result-explicit nil)
          (cl--loop-accum nil) (cl--loop-accum-tail nil)
          (cl--loop-first nil) (cl--loop-symbol-macros nil))
      (while (not (eq (car cl--loop-args) 'cl-end-loop)) (cl--loop-clause))
      (let* ((forms (nreverse cl--loop-forms))
             (loop `(while ,(cond ((null forms) t)
                                  ((cdr forms) `(and ,@forms))
                                  (t (car forms)))
                      ,@(and cl--loop-first `((setq ,cl--loop-first nil)))))
             (body `(,@(reverse cl--loop-initially)
                     ,loop
                     ,@(reverse cl--loop-finally)
                     ,cl--loop-result)))
        (when cl--loop-symbol-macros
          (setq body `((cl-symbol-macrolet ,cl--loop-symbol-macros ,@body))))
        (dolist (group cl--loop-groups)
          (setq body (list (append group body))))
        `(cl-block ,cl--loop-name
           (let ,(reverse cl--loop-outer) ,@body))))))

(provide 'cl-macs)

;;; cl-macs.el ends here
