;;; cl-generic.el --- generic functions  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; cl-generic.el does: `cl-defgeneric' and `cl-defmethod' with dispatch
;; on every required argument by `t', (eql VAL), (head VAL), the
;; built-in types of `cl--typeof-types' and `cl-defstruct' types with
;; their inheritance; :before, :after and :around methods (:extra
;; qualifiers too), `cl-call-next-method' and `cl-next-method-p'.
;;
;; A generic function is a record
;;   [cl--generic NAME DISPATCHES METHOD-TABLE OPTIONS CACHE]
;; kept in NAME's `cl--generic' property; its function cell holds a
;; dispatcher closure.  Methods are records
;;   [cl--generic-method SPECIALIZERS QUALIFIERS CALL-CON FUNCTION]
;; as in Emacs; CALL-CON is t when FUNCTION takes, before the arguments,
;; the functions that call the next method and that test for one.
;; Effective methods are cached per generic by the types (and the
;; `eql'/`head' values that matter) of the arguments.

;;; Code:

(define-error 'cl-no-method "No method")
(define-error 'cl-no-next-method "No next method" 'cl-no-method)
(define-error 'cl-no-applicable-method "No applicable method" 'cl-no-method)
(define-error 'cl-no-primary-method "No primary method" 'cl-no-method)

(defun cl--generic-name (generic) "The name of GENERIC." (aref generic 1))
(defun cl--generic-method-table (generic) "The methods of GENERIC, newest first." (aref generic 3))
(defun cl--generic-options (generic) "The options given to `cl-defgeneric'." (aref generic 4))
(defun cl--generic-method-specializers (method) "The specializers of METHOD." (aref method 1))
(defun cl--generic-method-qualifiers (method) "The qualifiers of METHOD." (aref method 2))
(defun cl--generic-method-call-con (method) "Non-nil if METHOD takes the next-method functions." (aref method 3))
(defun cl--generic-method-function (method) "The function of METHOD." (aref method 4))
(defalias 'cl-method-qualifiers #'cl--generic-method-qualifiers)

(defun cl-generic-p (f)
  "Return non-nil if F is a generic function."
  (and (symbolp f) (get f 'cl--generic)))

(defun cl--generic-setf-name (name)
  "The function symbol of NAME, a symbol or (setf SYMBOL).
`setf' of (SYMBOL ARGS...) calls the function `(setf SYMBOL)' when SYMBOL
has no place definition of its own."
  (if (eq (car-safe name) 'setf)
      (gv-setter (cadr name))
    name))

(defun cl-generic-ensure-function (name &optional noerror)
  "Return the generic function NAME, making it if needed.
Signal an error if NAME is defined as something else, unless NOERROR."
  (let ((generic (get name 'cl--generic)))
    (when (and (not generic) (not noerror) (fboundp name)
               (not (autoloadp (symbol-function name))))
      (error "%s is already defined as something else than a generic function" name))
    (unless generic
      (setq generic (record 'cl--generic name nil nil nil nil))
      (put name 'cl--generic generic))
    generic))

(defun cl--generic-make-dispatcher (generic)
  "The function that calls GENERIC's effective method for its arguments."
  (lambda (&rest args) (apply (cl--generic-effective generic args) args)))

(defun cl-generic-define (name args options)
  "Make NAME a generic function with arguments ARGS and OPTIONS.
Return the function to install in NAME's function cell."
  (let ((generic (cl-generic-ensure-function name 'noerror)))
    (ignore args)
    (aset generic 4 options)
    (cl--generic-make-dispatcher generic)))

;;;; Specializers.

(defun cl--generic-struct-p (type)
  "Non-nil if TYPE names a structure type."
  (let ((class (cl--find-class type)))
    (and (recordp class) (eq (aref class 0) 'cl-structure-class))))

(defun cl--generic-check-specializer (spec)
  "Signal an error unless SPEC is a specializer elisp4j can dispatch on."
  (unless (or (eq spec t)
              (memq (car-safe spec) '(eql head))
              (and (symbolp spec)
                   (or (memq spec cl--all-builtin-types) (cl--generic-struct-p spec))))
    (error "Unknown specializer %S" spec)))

(defun cl--generic-type-list (arg)
  "The types ARG belongs to, most specific first."
  (let ((type (if arg (type-of arg) 'null)))
    (if (cl--generic-struct-p type)
        (let ((out nil) (class (cl--find-class type)))
          (while class
            (push (cl--class-name class) out)
            (setq class (car (cl--class-parents class))))
          (nreverse out))
      (cons type (cdr (assq type cl--typeof-types))))))

(defun cl--generic-rank (spec arg types)
  "How specifically SPEC matches ARG (lower is more specific), or nil.
TYPES is ARG's type list."
  (cond ((eq spec t) 10000)
        ((eq (car-safe spec) 'eql) (and (eql arg (cadr spec)) 0))
        ((eq (car-safe spec) 'head) (and (eql (car-safe arg) (cadr spec)) 1))
        (t (let ((tail (memq spec types)))
             (and tail (+ 2 (- (length types) (length tail))))))))

(defun cl--generic-ranks (method args types)
  "The rank vector of METHOD for ARGS (with their TYPES), or nil if not applicable."
  (let ((ranks nil) (ok t) (specs (cl--generic-method-specializers method)))
    (while (and ok specs)
      (if (null args)
          (setq ok nil)
        (let ((r (cl--generic-rank (car specs) (car args) (car types))))
          (if r (push r ranks) (setq ok nil))))
      (setq specs (cdr specs) args (cdr args) types (cdr types)))
    (and ok (nreverse ranks))))

(defun cl--generic-ranks-< (a b)
  "Non-nil if the rank list A is more specific than B."
  (let ((result nil) (done nil))
    (while (and (not done) (or a b))
      (let ((x (or (car a) 10000)) (y (or (car b) 10000)))
        (cond ((< x y) (setq result t done t))
              ((> x y) (setq done t))))
      (setq a (cdr a) b (cdr b)))
    result))

;;;; Method combination.

(defun cl--generic-role (method)
  "The role of METHOD: nil (primary), :around, :before or :after."
  (let ((q (cl--generic-method-qualifiers method)) (role nil))
    (while q
      (if (eq (car q) :extra)
          (setq q (cddr q))
        (setq role (car q) q (cdr q))))
    role))

(defconst cl--generic-probe (make-symbol "probe")
  "Passed to a next-method function to ask whether there is a next method.")

(defun cl--generic-call (method next-fn args)
  "Call METHOD with ARGS; NEXT-FN calls the next method (nil if none)."
  (let ((fn (cl--generic-method-function method)))
    (if (cl--generic-method-call-con method)
        (apply fn
               (lambda (&rest cnm-args)
                 (if (and cnm-args (eq (car cnm-args) cl--generic-probe))
                     (not (eq next-fn 'cl--generic-no-next))
                   (funcall next-fn (or cnm-args args))))
               args)
      (apply fn args))))

(defun cl--generic-isnot-nnm-p (cnm)
  "Non-nil if the next-method function CNM has a method to call."
  (funcall cnm cl--generic-probe))

(defun cl--generic-chain (generic methods last)
  "A function of an argument list calling METHODS in turn, then LAST.
Each method's next method is the following one, the last one's is LAST
\(a function of the argument list too, or nil for none)."
  (if (null methods)
      last
    (let ((method (car methods))
          (rest (cl--generic-chain generic (cdr methods) last)))
      (lambda (args)
        (cl--generic-call method
                          (or rest
                              (lambda (cnm-args)
                                (signal 'cl-no-next-method
                                        (cons (cl--generic-name generic)
                                              (cons method cnm-args)))))
                          args)))))

(defun cl--generic-no-next (_args)
  "Placeholder for a missing next method.")

(defun cl--generic-combine (generic methods)
  "The effective method (a function of the argument list) of METHODS.
METHODS are the applicable ones, most specific first."
  (let ((arounds nil) (befores nil) (primaries nil) (afters nil))
    (dolist (m methods)
      (let ((role (cl--generic-role m)))
        (cond ((eq role :around) (push m arounds))
              ((eq role :before) (push m befores))
              ((eq role :after) (push m afters))
              (t (push m primaries)))))
    (setq arounds (nreverse arounds) befores (nreverse befores)
          primaries (nreverse primaries))
    (let* ((name (cl--generic-name generic))
           (main (cl--generic-chain generic primaries nil))
           (inner (if (null primaries)
                      (lambda (args) (signal 'cl-no-primary-method (cons name args)))
                    (if (or befores afters)
                        (lambda (args)
                          (dolist (m befores) (cl--generic-call m 'cl--generic-no-next args))
                          (prog1 (funcall main args)
                            (dolist (m afters) (cl--generic-call m 'cl--generic-no-next args))))
                      main))))
      (cl--generic-chain generic arounds inner))))

(defun cl--generic-cache-key (generic args)
  "The key under which GENERIC caches the effective method for ARGS."
  (let ((keys nil) (i 0) (special (aref generic 2)))
    (dolist (arg args)
      (let* ((eqls (car (nth i special)))
             (heads (cdr (nth i special)))
             (type (if arg (type-of arg) 'null)))
        (push (cond ((and eqls (memql arg eqls)) (list 'eql arg))
                    ((and heads (consp arg) (memql (car arg) heads))
                     (list 'head (car arg) type))
                    (t type))
              keys))
      (setq i (1+ i)))
    (nreverse keys)))

(defun cl--generic-effective (generic args)
  "The effective method of GENERIC for ARGS, as a function of ARGS' elements."
  (let* ((cache (or (aref generic 5)
                    (aset generic 5 (make-hash-table :test 'equal))))
         (key (cl--generic-cache-key generic args))
         (fn (gethash key cache)))
    (unless fn
      (let* ((types (mapcar #'cl--generic-type-list args))
             (ranked nil))
        (dolist (m (cl--generic-method-table generic))
          (let ((r (cl--generic-ranks m args types)))
            (when r (push (cons r m) ranked))))
        ;; Among equally specific methods the newest wins, as in Emacs.
        (setq ranked (sort (nreverse ranked)
                           (lambda (a b) (cl--generic-ranks-< (car a) (car b)))))
        (setq fn
              (if (null ranked)
                  (let ((name (cl--generic-name generic)))
                    (lambda (&rest args)
                      (signal 'cl-no-applicable-method (cons name args))))
                (let ((combined (cl--generic-combine generic (mapcar #'cdr ranked))))
                  (lambda (&rest args) (funcall combined args)))))
        (puthash key fn cache)))
    fn))

;;;; Defining methods.

(defun cl--generic-note-specials (generic)
  "Record in GENERIC, per argument position, the `eql' and `head' values used."
  (let ((specials nil))
    (dolist (m (cl--generic-method-table generic))
      (let ((i 0))
        (dolist (spec (cl--generic-method-specializers m))
          (while (<= (length specials) i) (setq specials (append specials (list (cons nil nil)))))
          (let ((cell (nth i specials)))
            (cond ((eq (car-safe spec) 'eql) (push (cadr spec) (car cell)))
                  ((eq (car-safe spec) 'head) (push (cadr spec) (cdr cell)))))
          (setq i (1+ i)))))
    (aset generic 2 specials)))

(defun cl-generic-define-method (name qualifiers args call-con function)
  "Add to the generic function NAME a method with QUALIFIERS for ARGS.
ARGS is the specialized argument list; CALL-CON non-nil means FUNCTION
takes the next-method functions first."
  (let* ((generic (cl-generic-ensure-function name))
         (specializers nil))
    (while (and args (not (memq (car args) '(&optional &rest &key &aux &body &context))))
      (let ((a (pop args)))
        (push (if (consp a) (cadr a) t) specializers)))
    (setq specializers (nreverse specializers))
    (mapc #'cl--generic-check-specializer specializers)
    (let ((method (record 'cl--generic-method specializers qualifiers call-con function))
          (table (cl--generic-method-table generic))
          (replaced nil))
      (setq table (mapcar (lambda (m)
                            (if (and (equal (cl--generic-method-specializers m) specializers)
                                     (equal (cl--generic-method-qualifiers m) qualifiers))
                                (progn (setq replaced t) method)
                              m))
                          table))
      (aset generic 3 (if replaced table (cons method table)))
      (aset generic 5 nil)
      (cl--generic-note-specials generic)
      (defalias name (cl--generic-make-dispatcher generic))
      name)))

(defun cl-find-method (generic qualifiers specializers)
  "Return the method of GENERIC with QUALIFIERS and SPECIALIZERS, or nil."
  (let ((g (if (symbolp generic) (get generic 'cl--generic) generic)) (found nil))
    (dolist (m (and g (cl--generic-method-table g)))
      (when (and (not found)
                 (equal (cl--generic-method-qualifiers m) qualifiers)
                 (equal (cl--generic-method-specializers m) specializers))
        (setq found m)))
    found))

(defun cl-generic-apply (generic args)
  "Like `apply' but takes a cl-generic object rather than a function."
  (apply (cl--generic-effective generic args) args))

(defun cl--generic-cl-args-p (args)
  "Non-nil if the plain argument list ARGS needs Common Lisp processing."
  (let ((found nil))
    (dolist (a args)
      (when (or (consp a) (memq a '(&key &aux &body &allow-other-keys)))
        (setq found t)))
    found))

(defun cl--generic-mentions-p (sym form)
  "Non-nil if the symbol SYM occurs in FORM."
  (cond ((eq sym form) t)
        ((consp form) (or (cl--generic-mentions-p sym (car form))
                          (cl--generic-mentions-p sym (cdr form))))))

(defmacro cl-defmethod (name args &rest body)
  "Define a new method for generic function NAME.
The QUALIFIERS (keywords before ARGS) select the role of the method:
none for a primary method, :before, :after or :around; :extra STRING
distinguishes several methods with the same specializers.
ARGS is an argument list whose required arguments may be (VAR TYPE),
TYPE being a type name, (eql VAL) or (head VAL).  In BODY,
`cl-call-next-method' calls the next method, with the same arguments
unless others are given, and `cl-next-method-p' says if there is one.
\n(fn NAME [EXTRA] [QUALIFIER] ARGS &rest [DOCSTRING] BODY)"
  (declare (doc-string 3) (indent defun))
  (let ((qualifiers nil))
    (while (not (listp args))
      (push args qualifiers)
      (if (eq args :extra) (push (pop body) qualifiers))
      (setq args (pop body)))
    (setq qualifiers (nreverse qualifiers))
    (unless (symbolp (cl--generic-setf-name name))
      (signal 'wrong-type-argument (list 'symbolp name)))
    (let* ((fname (cl--generic-setf-name name))
           (required t)
           (plain nil)
           (spec-args nil))
      (dolist (a args)
        (when (memq a '(&optional &rest &key &aux &body)) (setq required nil))
        (when (eq a '&context) (error "&context is not supported by elisp4j's cl-defmethod"))
        (if (and required (consp a))
            (progn (push (car a) plain)
                   ;; The value of an (eql FORM) specializer is computed
                   ;; when the method is defined.  EMACS-COMPAT: a bare
                   ;; symbol stands for itself, as before Emacs 28.
                   (push (if (and (eq (car-safe (cadr a)) 'eql)
                                  (not (symbolp (cadr (cadr a)))))
                             `(list ',(car a) (list 'eql ,(cadr (cadr a))))
                           `',a)
                         spec-args))
          (push a plain)
          (push `',a spec-args)))
      (setq plain (nreverse plain) spec-args (nreverse spec-args))
      (let* ((parsed (macroexp-parse-body body))
             (cnm (make-symbol "cl--cnm"))
             (env (cons (cons 'cl-next-method-p
                              (lambda () `(cl--generic-isnot-nnm-p ,cnm)))
                        (cl--with-local-functions
                         (list (cons 'cl-call-next-method cnm))
                         macroexpand-all-environment)))
             (walked (mapcar (lambda (form) (cl--walk form env)) (cdr parsed)))
             (uses-next (cl--generic-mentions-p cnm walked))
             (lambda-args (if uses-next (cons cnm plain) plain))
             (fun `(lambda ,lambda-args ,@(car parsed) (progn ,@walked))))
        (when (cl--generic-mentions-p 'cl-next-method-p body)
          (cl--generic-obsolete-warning))
        (when (cl--generic-cl-args-p plain)
          (require 'cl-lib)
          (setq fun `(cl-function ,fun)))
        `(progn
           (cl-generic-define-method ',fname ',qualifiers (list ,@spec-args) ,uses-next
                                     ,(if (eq (car fun) 'cl-function) fun `(function ,fun))))))))

(defun cl--generic-obsolete-warning ()
  "Warn, as Emacs's macro expansion does, that `cl-next-method-p' is obsolete."
  (message "%sWarning: %s"
           (if load-file-name (concat (file-relative-name load-file-name) ": ") "")
           (format-message "`cl-next-method-p' is an obsolete macro (as of 25.1); \
make sure there's always a next method, or catch `cl-no-next-method' instead")))

(defmacro cl-defgeneric (name args &rest options-and-methods)
  "Define NAME as a generic function, whose methods `cl-defmethod' adds.
A call runs the methods that apply to its arguments; ARGS documents
the argument list.  DOC-STRING (or a (:documentation DOC-STRING)
option) documents the function.  The options may also hold a
`declare' form and (:method [QUALIFIERS] ARGS BODY...) definitions.
A DEFAULT-BODY after the options becomes a method for any arguments.
\n(fn NAME ARGS [DOC-STRING] [OPTIONS-AND-METHODS...] &rest DEFAULT-BODY)"
  (declare (indent 2) (doc-string 3))
  (let* ((doc (if (stringp (car-safe options-and-methods)) (pop options-and-methods)))
         (fname (cl--generic-setf-name name))
         (declarations nil)
         (methods nil)
         (options nil))
    (while (let ((head (car-safe (car options-and-methods))))
             (or (keywordp head) (eq head 'declare)))
      (let ((opt (pop options-and-methods)))
        (cond ((eq (car opt) :documentation)
               (when doc (error "Multiple doc strings for %S" name))
               (setq doc (cadr opt)))
              ((eq (car opt) 'declare)
               (when declarations (error "Multiple `declare' for %S" name))
               (setq declarations (cdr opt)))
              ((eq (car opt) :method) (push (cdr opt) methods))
              (t (push opt options)))))
    (when options-and-methods
      ;; What remains is the body of a default method.
      (push (cons args options-and-methods) methods))
    `(progn
       (defalias ',fname (cl-generic-define ',fname ',args ',(nreverse options)) ,doc)
       ,@(delq nil (mapcar (lambda (d) (cl--generic-declaration fname args d)) declarations))
       :autoload-end
       ,@(mapcar (lambda (m) `(cl-defmethod ,name ,@m)) (nreverse methods)))))

(defun cl--generic-declaration (name args decl)
  "Code applying the `declare' form DECL of the generic function NAME of ARGS."
  (let ((handler (cadr (assq (car-safe decl) defun-declarations-alist))))
    (if handler (apply handler name args (cdr decl)) nil)))

(provide 'cl-generic)

;;; cl-generic.el ends here
