;;; cl-preloaded.el --- preloaded support for cl-lib structures and types  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to provide what GNU Emacs 28
;; preloads from cl-preloaded.el: the registry of structure types made
;; by `cl-defstruct' (class objects are records shaped as Emacs's, so
;; code that inspects them keeps working), the built-in type hierarchy
;; used for method dispatch, and the `cl-assertion-failed' error.

;;; Code:

(define-error 'cl-assertion-failed "Assertion failed")

(defun cl--assertion-failed (form &optional string sargs args)
  "Signal the failure of the assertion FORM.
With STRING, signal an `error' formatted from STRING, SARGS and ARGS;
otherwise signal `cl-assertion-failed' with FORM and SARGS."
  (if string
      (apply #'error string (append sargs args))
    (signal 'cl-assertion-failed (cons form sargs))))

(defconst cl--typeof-types
  '((integer number number-or-marker atom)
    (symbol atom)
    (string array sequence atom)
    (cons list sequence)
    (marker number-or-marker atom)
    (overlay atom)
    (float number atom)
    (window-configuration atom)
    (process atom)
    (window atom)
    (subr atom)
    (compiled-function function atom)
    (module-function function atom)
    (buffer atom)
    (char-table array sequence atom)
    (bool-vector array sequence atom)
    (frame atom)
    (hash-table atom)
    (terminal atom)
    (thread atom)
    (mutex atom)
    (condvar atom)
    (font-spec atom)
    (font-entity atom)
    (font-object atom)
    (vector array sequence atom)
    (user-ptr atom)
    (null symbol list sequence atom))
  "Alist of supertypes.
Each element is (TYPE . SUPERTYPES): TYPE is a symbol `type-of' returns
\(or `null'), SUPERTYPES its supertypes from the most specific.")

(defconst cl--all-builtin-types
  (let ((all nil))
    (dolist (entry cl--typeof-types)
      (dolist (type entry)
        (unless (memq type all) (push type all))))
    (nreverse all))
  "Every type named in `cl--typeof-types'.")

(defun cl--struct-name-p (name)
  "Return t if NAME is a valid structure name for `cl-defstruct'."
  (and name (symbolp name) (not (keywordp name))
       (not (memq name cl--all-builtin-types))
       t))

(defun cl--find-class (name)
  "The class object of the type NAME, or nil."
  (get name 'cl--class))

(gv-define-setter cl--find-class (class name) `(put ,name 'cl--class ,class))

;;;; Class objects.

;; A structure class is a record laid out as Emacs's:
;;   [cl-structure-class NAME DOCSTRING PARENTS SLOTS INDEX-TABLE TAG
;;    TYPE NAMED PRINT CHILDREN-SYM]
;; and a slot descriptor as [cl-slot-descriptor NAME INITFORM TYPE PROPS].

(defun cl--make-slot-desc (name &optional initform type props)
  "A slot descriptor for NAME."
  (record 'cl-slot-descriptor name initform type props))

(defun cl--slot-descriptor-name (slot) "The name of SLOT." (aref slot 1))
(defun cl--slot-descriptor-initform (slot) "The initform of SLOT." (aref slot 2))
(defun cl--slot-descriptor-type (slot) "The type of SLOT." (aref slot 3))
(defun cl--slot-descriptor-props (slot) "The property alist of SLOT." (aref slot 4))

(defun cl--class-p (object)
  "Non-nil if OBJECT is a class object."
  (and (recordp object) (memq (aref object 0) '(cl-structure-class cl--class)) t))

(defun cl--struct-class-p (object)
  "Non-nil if OBJECT is a structure class object."
  (and (recordp object) (eq (aref object 0) 'cl-structure-class)))

(defun cl--class-name (class) "The type name of CLASS." (aref class 1))
(defun cl--class-docstring (class) "The docstring of CLASS." (aref class 2))
(defun cl--class-parents (class) "The parent classes of CLASS." (aref class 3))
(defun cl--class-slots (class) "The slot descriptors of CLASS, a vector." (aref class 4))
(defun cl--class-index-table (class) "Hash table from slot names to offsets." (aref class 5))
(defalias 'cl--struct-class-name #'cl--class-name)
(defalias 'cl--struct-class-docstring #'cl--class-docstring)
(defalias 'cl--struct-class-parents #'cl--class-parents)
(defalias 'cl--struct-class-slots #'cl--class-slots)
(defalias 'cl--struct-class-index-table #'cl--class-index-table)
(defun cl--struct-class-tag (class) "The tag stored in instances of CLASS." (aref class 6))
(defun cl--struct-class-type (class) "The representation of CLASS: nil, `vector' or `list'." (aref class 7))
(defun cl--struct-class-named (class) "Non-nil if instances of CLASS carry their tag." (aref class 8))
(defun cl--struct-class-print (class) "Non-nil if CLASS's instances print specially." (aref class 9))
(defun cl--struct-class-children-sym (class) "The variable listing CLASS's tags." (aref class 10))

(defun cl--struct-register-child (parent tag)
  "Add TAG to the tag lists of PARENT and of all its ancestors."
  (while (recordp parent)
    (let ((sym (cl--struct-class-children-sym parent)))
      (unless (memq tag (symbol-value sym))
        (set sym (cons tag (symbol-value sym)))))
    (setq parent (car (cl--class-parents parent)))))

(defun cl-struct-define (name docstring parent type named slots children-sym tag print)
  "Register the structure type NAME, as `cl-defstruct' does.
PARENT names the included type; TYPE is nil (records), `vector' or
`list'; SLOTS is the list of (SLOT INITFORM . OPTIONS); CHILDREN-SYM
is the variable holding the tags of NAME and its descendants, TAG the
one stored in NAME's instances."
  (unless (cl--struct-name-p name)
    (signal 'wrong-type-argument (list 'cl--struct-name name 'name)))
  (if (eq type 'record) (setq type nil))
  (if (boundp children-sym)
      (unless (memq tag (symbol-value children-sym))
        (set children-sym (cons tag (symbol-value children-sym))))
    (set children-sym (list tag)))
  (when (and (null type) (eq (car-safe (car slots)) 'cl-tag-slot))
    (setq slots (cdr slots)))
  (let* ((parent-class (and parent (cl--find-class parent)))
         (n (length slots))
         (index-table (make-hash-table :test 'eq :size n))
         (descs (make-vector n nil))
         (i 0)
         (offset (if type 0 1)))
    (dolist (slot slots)
      (let* ((props nil) (stype t) (opts (cddr slot)))
        (while opts
          (if (eq (car opts) :type)
              (setq stype (cadr opts))
            (push (cons (car opts) (cadr opts)) props))
          (setq opts (cddr opts)))
        (aset descs i (cl--make-slot-desc (car slot) (nth 1 slot) stype (nreverse props)))
        (puthash (car slot) (+ i offset) index-table)
        (setq i (1+ i))))
    (let ((class (record 'cl-structure-class name docstring
                         (and parent-class (list parent-class))
                         descs index-table tag type named print children-sym)))
      (cl--struct-register-child parent-class tag)
      (put name 'cl--class class)
      class)))

;; The root of the record-based structure types.
(defvar cl-struct-cl-structure-object-tags nil
  "Tags of `cl-structure-object' and all its descendants.")
(put 'cl-structure-object 'cl--class
     (record 'cl-structure-class 'cl-structure-object
             "The root parent of all \"normal\" CL structs"
             nil [] (make-hash-table :test 'eq :size 1)
             'cl-structure-object nil nil t 'cl-struct-cl-structure-object-tags))
(setq cl-struct-cl-structure-object-tags '(cl-structure-object))

(defun cl-struct-p (object)
  "Return non-nil if OBJECT is a structure made by `cl-defstruct' (a record one)."
  (and (memq (type-of object) cl-struct-cl-structure-object-tags) t))
(put 'cl-structure-object 'cl-deftype-satisfies #'cl-struct-p)

(defvar cl--struct-default-parent 'cl-structure-object
  "The type that record structures include when they include none.")

;;;; Walking code with local definitions.

;; `cl--walk' expands every macro in a form with an environment of local
;; macros, like `macroexpand-all', and also handles two kinds of entries
;; for cl-lib's local definitions (`macroexpand-all' ignores them): (:cl-symbol-macros (SYM EXPANSION)...) makes SYM a
;; symbol macro (`setq' of it becomes `setf' of the expansion; `let',
;; `lambda' and `condition-case' bindings of SYM shadow it), and
;; (:cl-local-functions (NAME . VAR)...) makes #\\='NAME evaluate VAR (the
;; calls themselves are ordinary macro entries expanding into `funcall').

(defun cl--walk-forms (forms env)
  "Expand all macros in the list of FORMS (a dotted tail is kept as is)."
  (let ((out nil))
    (while (consp forms)
      (push (cl--walk (car forms) env) out)
      (setq forms (cdr forms)))
    (nconc (nreverse out) forms)))

(defun cl--symbol-macro (sym env)
  "The (SYM EXPANSION) entry making SYM a symbol macro in ENV, or nil."
  (assq sym (cdr (assq :cl-symbol-macros env))))

(defun cl--walk-shadow (vars env)
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

(defun cl--walk-arg-names (arglist)
  "The variables of the lambda list ARGLIST."
  (let ((out nil))
    (dolist (a (if (listp arglist) arglist (list arglist)))
      (unless (memq a '(&optional &rest)) (push a out)))
    out))

(defun cl--walk-lambda (fun env)
  "Expand macros in the body of the lambda expression FUN."
  (let ((benv (cl--walk-shadow (cl--walk-arg-names (cadr fun)) env)))
    (cons (car fun) (cons (cadr fun) (cl--walk-forms (cddr fun) benv)))))

(defun cl--walk-let (form env)
  "Expand macros in the `let' or `let*' FORM."
  (let ((star (eq (car form) 'let*)) (benv env) (bindings nil))
    (dolist (b (cadr form))
      (let ((var (if (consp b) (car b) b)))
        (push (if (consp b)
                  (cons var (cl--walk-forms (cdr b) (if star benv env)))
                b)
              bindings)
        (setq benv (cl--walk-shadow (list var) benv))))
    (cons (car form)
          (cons (nreverse bindings) (cl--walk-forms (cddr form) benv)))))

(defun cl--walk-setq (form env)
  "Expand the `setq' FORM, turning assignments to symbol macros into `setf'."
  (let ((args (cdr form)) (pairs nil) (convert nil))
    (while args
      (let ((place (pop args)) (entry nil))
        (while (and (symbolp place) (setq entry (cl--symbol-macro place env)))
          (setq place (cadr entry)))
        (unless (symbolp place) (setq convert t))
        (push place pairs)
        (push (pop args) pairs)))
    (setq pairs (nreverse pairs))
    (if convert
        (cl--walk (cons 'setf pairs) env)
      (cons 'setq (cl--walk-forms pairs env)))))

(defun cl--walk (form env)
  "Expand all macros in FORM, with the macro environment ENV (see above)."
  (cond
   ((symbolp form)
    (let ((entry (and form (cl--symbol-macro form env))))
      (if entry (cl--walk (cadr entry) env) form)))
   ((not (consp form)) form)
   (t
    (let ((head (car form)))
      (cond
       ((eq head 'quote) form)
       ((eq head 'function)
        (let ((f (cadr form)))
          (cond ((eq (car-safe f) 'lambda)
                 (list 'function (cl--walk-lambda f env)))
                ((and (symbolp f)
                      (cdr (assq f (cdr (assq :cl-local-functions env))))))
                (t form))))
       ((eq head 'setq) (cl--walk-setq form env))
       ((memq head '(let let*)) (cl--walk-let form env))
       ((eq head 'cond)
        (cons 'cond (mapcar (lambda (clause) (cl--walk-forms clause env))
                            (cdr form))))
       ((eq head 'condition-case)
        (let ((henv (cl--walk-shadow (list (cadr form)) env)))
          (cons 'condition-case
                (cons (cadr form)
                      (cons (cl--walk (nth 2 form) env)
                            (mapcar (lambda (h)
                                      (if (consp h)
                                          (cons (car h) (cl--walk-forms (cdr h) henv))
                                        h))
                                    (nthcdr 3 form)))))))
       ((memq head '(defvar defconst))
        (cons head (cons (cadr form) (cl--walk-forms (cddr form) env))))
       ((eq head 'interactive) form)
       ((eq (car-safe head) 'lambda)
        (cons (cl--walk-lambda head env) (cl--walk-forms (cdr form) env)))
       (t
        (let ((new (let ((macroexpand-all-environment env))
                     (macroexpand-1 form env))))
          (if (eq new form)
              (cons head (cl--walk-forms (cdr form) env))
            (cl--walk new env)))))))))

(defun cl--with-local-functions (fns env)
  "ENV extended with the local functions FNS, an alist (NAME . VAR).
A call (NAME ARGS...) becomes (funcall VAR ARGS...) and #\\='NAME becomes VAR."
  (dolist (f fns)
    (let ((var (cdr f)))
      (push (cons (car f) (lambda (&rest args) `(funcall ,var ,@args))) env)))
  (cons (cons :cl-local-functions
              (append fns (cdr (assq :cl-local-functions env))))
        env))

;; Where the docstring sits in the definition forms of cl-lib.
(dolist (entry '((cl-defstruct . 2) (cl-defun . 3) (cl-defmacro . 3) (cl-defsubst . 3)))
  (put (car entry) 'doc-string-elt (cdr entry)))

(provide 'cl-preloaded)

;;; cl-preloaded.el ends here
