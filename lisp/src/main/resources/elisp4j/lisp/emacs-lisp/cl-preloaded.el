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

(put 'cl-defun 'doc-string-elt 3)
(put 'cl-defmacro 'doc-string-elt 3)
(put 'cl-defsubst 'doc-string-elt 3)
(put 'cl-defstruct 'doc-string-elt 2)

(provide 'cl-preloaded)

;;; cl-preloaded.el ends here
