;;; gv.el --- generalized variables  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to provide GNU Emacs 28's
;; generalized-variable interface: `setf', `gv-letplace',
;; `gv-define-setter', `gv-define-simple-setter', `gv-define-expander'
;; and the standard places.

;;; Code:

(require 'macroexp)

(defun gv-get (place do)
  "Build the code that applies DO to PLACE.
DO is a function of two arguments, GETTER (code) and SETTER (a function
from code for the new value to code storing it).
A call to a function with no place definition, (F ARGS...), is set by
calling the function named `(setf F)' with the new value and ARGS."
  (cond
   ((symbolp place)
    (funcall do place (lambda (v) `(setq ,place ,v))))
   ((not (consp place)) (signal 'gv-invalid-place (list place)))
   (t
    (let* ((head (car place))
           (expander (and (symbolp head) (function-get head 'gv-expander 'autoload))))
      (if expander
          (apply expander do (cdr place))
        (let ((expanded (macroexpand-1 place macroexpand-all-environment)))
          (when (and (eq expanded place) (symbolp head) (get head 'compiler-macro))
            (setq expanded (apply (get head 'compiler-macro) place (cdr place))))
          (when (and (eq expanded place) (symbolp head) (fboundp head)
                     (symbolp (symbol-function head)))
            ;; An alias: its target may be a place.
            (setq expanded (cons (symbol-function head) (cdr place))))
          (if (not (eq expanded place))
              (gv-get expanded do)
            (let ((setter (gv-setter head)))
              (gv--defsetter head (lambda (&rest args) `(,setter ,@args))
                             do (cdr place))))))))))

(defun gv-setter (name)
  "The symbol whose function is (setf NAME), the setter of the place NAME.
NAME must not have a `gv-expander' of its own."
  (when (get name 'gv-expander)
    (error "gv-expander conflicts with (setf %S)" name))
  (intern (concat "(setf " (symbol-name name) ")")))

(define-error 'gv-invalid-place "%S is not a valid place expression")

(defmacro gv-letplace (vars place &rest body)
  "Build the code manipulating the generalized variable PLACE.
VARS is (GETTER SETTER): BODY runs with GETTER bound to code reading the
place and SETTER to a function producing code that sets it."
  (declare (indent 2) (debug (sexp form body)))
  `(gv-get ,place (lambda ,vars ,@body)))

(defmacro gv-define-expander (name handler)
  "Define NAME as a place whose code is built by HANDLER.
HANDLER is called with DO and the arguments of the place."
  (declare (indent 1) (debug (sexp form)))
  `(function-put ',name 'gv-expander ,handler))

(defun gv--defsetter (name setter do args &optional vars)
  "Helper for `gv-define-setter': bind ARGS to temporaries, then call DO."
  (if (null args)
      (let ((vars (nreverse vars)))
        (funcall do `(,name ,@vars) (lambda (v) (apply setter v vars))))
    (let ((arg (car args)))
      (macroexp-let2 nil v arg
        (gv--defsetter name setter do (cdr args) (cons v vars))))))

(defmacro gv-define-setter (name arglist &rest body)
  "Define a setter for the place (NAME ARGS...).
ARGLIST is (VAL ARGS...): BODY returns code that stores VAL in the place."
  (declare (indent 2) (debug (&define name sexp def-body)))
  `(gv-define-expander ,name
     (lambda (do &rest args)
       (gv--defsetter ',name (lambda ,arglist ,@body) do args))))

(defmacro gv-define-simple-setter (name setter &optional fix-return)
  "Define a simple setter: (setf (NAME ARGS...) VAL) becomes (SETTER ARGS... VAL).
With FIX-RETURN, the `setf' returns VAL even if SETTER does not."
  (declare (debug (sexp (&or symbolp lambda-expr) &optional sexp)))
  (if (eq (car-safe setter) 'lambda)
      (message "Use `gv-define-setter' or name %s's setter function" name))
  ;; The setter's code is built at expansion time as
  ;; (SETTER ARGS... VAL), in a `progn' returning VAL with FIX-RETURN.
  (let ((call (lambda (value) `(append (list ',setter) args (list ,value)))))
    `(gv-define-setter ,name (val &rest args)
       ,(if fix-return
            `(macroexp-let2 nil v val (list 'progn ,(funcall call 'v) v))
          (funcall call 'val)))))

(defmacro setf (&rest pairs)
  "Set each PLACE to the value of its VAL: (setf PLACE VAL PLACE VAL ...)."
  (declare (debug (&rest [gv-place form])))
  (if (/= (logand (length pairs) 1) 0)
      (signal 'wrong-number-of-arguments (list 'setf (length pairs))))
  (if (and pairs (null (cddr pairs)))
      (let ((place (car pairs)) (val (cadr pairs)))
        (gv-letplace (_getter setter) place
          (funcall setter val)))
    (let ((sets nil))
      (while pairs
        (push `(setf ,(pop pairs) ,(pop pairs)) sets))
      (cons 'progn (nreverse sets)))))

(defmacro gv-synthetic-place (getter setter)
  "Special place described by its setter and getter."
  (declare (gv-expander funcall))
  (ignore setter)
  getter)
(function-put 'gv-synthetic-place 'gv-expander #'funcall)

;;;; `gv-expander' and `gv-setter' declarations in `defun'.

(defun gv--declaration (kind)
  "A `defun' declaration handler for KIND, `gv-expander' or `gv-setter'.
A lambda handler takes the code of the place's arguments through the
function's own argument names; a symbol handler names the expander or
the setter function."
  (lambda (name args handler &optional fix)
    (cond
     ((and (eq (car-safe handler) 'lambda) (eq kind 'gv-expander))
      `(gv-define-expander ,name
         (lambda (,(car (cadr handler)) ,@args) ,@(cddr handler))))
     ((eq (car-safe handler) 'lambda)
      `(gv-define-setter ,name (,(car (cadr handler)) ,@args) ,@(cddr handler)))
     ((and (symbolp handler) (eq kind 'gv-expander))
      `(gv-define-expander ,name #',handler))
     ((symbolp handler)
      `(gv-define-simple-setter ,name ,handler ,fix))
     (t (message "Unknown %s declaration %S" kind handler) nil))))

(let ((expander (list 'gv-expander (gv--declaration 'gv-expander)))
      (setter (list 'gv-setter (gv--declaration 'gv-setter))))
  (push expander defun-declarations-alist)
  (push setter defun-declarations-alist)
  (push expander macro-declarations-alist)
  (push setter macro-declarations-alist))

(defmacro gv-delay-error (place)
  "PLACE itself, as a place that is checked only when it is set.
If PLACE cannot be set, the `gv-invalid-place' error comes when the
setting code runs rather than when it is expanded."
  (declare (gv-expander (lambda (do) (gv--delay-error-expand place do))))
  place)

(defun gv--delay-error-expand (place do)
  "Expand PLACE for DO; an invalid PLACE gets a setter signaling at run time."
  (condition-case failure
      (gv-get place do)
    (gv-invalid-place
     (let ((raise (list 'signal (list 'quote (car failure)) (list 'quote (cdr failure)))))
       (funcall do place (lambda (_value) raise))))))


;;;; The standard places.

;; Conses: the two-letter accessors set the car or cdr of the inner one.
(gv-define-simple-setter car setcar)
(gv-define-setter caar (val x) `(setcar (car ,x) ,val))
(gv-define-setter cadr (val x) `(setcar (cdr ,x) ,val))
(gv-define-simple-setter cdr setcdr)
(gv-define-setter cdar (val x) `(setcdr (car ,x) ,val))
(gv-define-setter cddr (val x) `(setcdr (cdr ,x) ,val))
(gv-define-simple-setter aref aset)
;; The three-letter combinations: set the car or cdr of the inner access.
(dolist (name '(caaar caadr cadar caddr cdaar cdadr cddar cdddr cadddr cddddr))
  (let* ((letters (substring (symbol-name name) 1 -1))
         (outer (if (eq (aref letters 0) ?a) 'car 'cdr))
         (inner (intern (concat "c" (substring letters 1) "r"))))
    (function-put name 'gv-expander
                  (lambda (do x) (gv-get `(,outer (,inner ,x)) do)))))
(gv-define-setter elt (store seq n)
  `(if (listp ,seq) (setcar (nthcdr ,n ,seq) ,store) (aset ,seq ,n ,store)))
(gv-define-simple-setter get put)
(gv-define-setter gethash (val k h &optional _d) `(puthash ,k ,val ,h))
(gv-define-setter nth (store n list) `(setcar (nthcdr ,n ,list) ,store))
(gv-define-simple-setter symbol-function fset)
(gv-define-simple-setter symbol-plist setplist)
(gv-define-simple-setter symbol-value set)
(gv-define-simple-setter default-value set-default)
(gv-define-setter buffer-local-value (val var buf)
  `(with-current-buffer ,buf (set (make-local-variable ,var) ,val)))
(gv-define-setter nthcdr (store n list)
  (macroexp-let2 nil m n
    `(if (<= ,m 0) ,store (setcdr (nthcdr (1- ,m) ,list) ,store))))
(gv-define-simple-setter match-data set-match-data 'fix)
(gv-define-simple-setter marker-position set-marker t)
(gv-define-setter point (val) `(goto-char ,val))
(gv-define-setter buffer-string (store) `(progn (erase-buffer) (insert ,store) ,store))
(gv-define-setter buffer-substring (store start end)
  `(cl--set-buffer-substring-elisp4j ,start ,end ,store))
(gv-define-simple-setter buffer-modified-p set-buffer-modified-p t)
(gv-define-setter buffer-name (store &optional buf)
  (if buf `(with-current-buffer ,buf (rename-buffer ,store)) `(rename-buffer ,store)))
(gv-define-simple-setter current-buffer set-buffer)
(gv-define-setter mark (store) `(progn (set-mark ,store) ,store))
(gv-define-simple-setter mark-marker set-marker 'fix)
(gv-define-setter get-text-property (val pos prop &optional obj)
  `(put-text-property ,pos (1+ ,pos) ,prop ,val ,obj))

(defun cl--set-buffer-substring-elisp4j (start end val)
  "Delete region from START to END and insert VAL there; return VAL."
  (save-excursion
    (delete-region start end)
    (goto-char start)
    (insert val)
    val))

(gv-define-expander substring
  (lambda (do place &optional from to)
    (gv-letplace (getter setter) place
      (macroexp-let2* nil ((start from) (end to))
        (funcall do `(substring ,getter ,start ,end)
                 (lambda (v)
                   (macroexp-let2 nil v v
                     `(progn
                        ,(funcall setter `(cl--set-substring-elisp4j ,getter ,start ,end ,v))
                        ,v))))))))

(defun cl--set-substring-elisp4j (str start end val)
  "Return STR with the part from START to END replaced by VAL."
  (if end (if (< end 0) (setq end (+ end (length str))))
    (setq end (length str)))
  (if (< start 0) (setq start (+ start (length str))))
  (concat (and (> start 0) (substring str 0 start))
          val
          (and (< end (length str)) (substring str end))))

;; Places whose setter needs more than one expression are built on
;; helper functions taking the current value and returning the new one.

(defun gv--alist-set-elisp4j (alist key value default remove testfn)
  "Return (NEW-ALIST . CELL-UPDATED-P) after setting KEY to VALUE in ALIST.
Existing cells are modified in place; with REMOVE, a VALUE equal to
DEFAULT (`eql') deletes the entry instead."
  (let ((cell (if (memq testfn '(nil eq)) (assq key alist) (assoc key alist testfn))))
    (cond ((and remove (eql value default))
           (if cell (delq cell alist) alist))
          (cell (setcdr cell value) alist)
          (t (cons (cons key value) alist)))))

(gv-define-expander alist-get
  (lambda (do key alist &optional default remove testfn)
    (macroexp-let2* macroexp-copyable-p ((k key) (d default) (tf testfn))
      (gv-letplace (getter setter) alist
        (funcall do `(alist-get ,k ,getter ,d nil ,tf)
                 (lambda (v)
                   (macroexp-let2 nil val v
                     `(progn
                        ,(funcall setter `(gv--alist-set-elisp4j ,getter ,k ,val ,d ,remove ,tf))
                        ,val))))))))

(defun gv--plist-set-elisp4j (plist prop value predicate)
  "Return PLIST with PROP set to VALUE (modified in place when PROP is present)."
  (let ((tail (if predicate (plist-member plist prop predicate) (plist-member plist prop))))
    (if tail
        (progn (setcar (cdr tail) value) plist)
      (cons prop (cons value plist)))))

(gv-define-expander plist-get
  (lambda (do plist prop &optional predicate)
    (macroexp-let2* macroexp-copyable-p ((p prop) (pred predicate))
      (gv-letplace (getter setter) plist
        (funcall do `(plist-get ,getter ,p ,@(and predicate (list pred)))
                 (lambda (v)
                   (macroexp-let2 nil val v
                     `(progn
                        ,(funcall setter `(gv--plist-set-elisp4j ,getter ,p ,val ,pred))
                        ,val))))))))

;; Control structures as places.
(gv-define-expander progn
  (lambda (do &rest exps)
    (let ((init (butlast exps)))
      (macroexp-progn (append init (list (gv-get (car (last exps)) do)))))))

(gv-define-expander let
  (lambda (do bindings &rest body)
    `(let ,bindings ,@(macroexp-unprogn (gv-get (macroexp-progn body) do)))))

(gv-define-expander let*
  (lambda (do bindings &rest body)
    `(let* ,bindings ,@(macroexp-unprogn (gv-get (macroexp-progn body) do)))))

(defun gv--closures-elisp4j (place)
  "Code building a (GETTER-FUNCTION . SETTER-FUNCTION) pair for PLACE."
  (let ((arg (make-symbol "new")))
    (gv-letplace (getter setter) place
      `(cons (lambda () ,getter) (lambda (,arg) ,(funcall setter arg))))))

(gv-define-expander if
  (lambda (do test then &rest else)
    ;; Each branch becomes a pair of closures; the chosen pair is the place.
    (let ((pair (make-symbol "branch")))
      `(let ((,pair (if ,test ,(gv--closures-elisp4j then)
                      ,(gv--closures-elisp4j (macroexp-progn else)))))
         ,(funcall do `(funcall (car ,pair))
                   (lambda (v) `(funcall (cdr ,pair) ,v)))))))

(gv-define-expander cond
  ;; Each branch does the whole operation on its own place.
  (lambda (do &rest branches)
    `(cond
      ,@(mapcar (lambda (branch)
                  (if (cdr branch)
                      (cons (car branch)
                            (macroexp-unprogn (gv-get (macroexp-progn (cdr branch)) do)))
                    (gv-get (car branch) do)))
                branches))))

(gv-define-expander cons
  (lambda (do a d)
    (gv-letplace (get-a set-a) a
      (gv-letplace (get-d set-d) d
        (funcall do `(cons ,get-a ,get-d)
                 (lambda (v)
                   (macroexp-let2 nil pair v
                     `(progn ,(funcall set-a `(car ,pair))
                             ,(funcall set-d `(cdr ,pair))
                             ,pair))))))))

(defmacro gv-ref (place)
  "Return a reference to PLACE: a (GETTER . SETTER) pair of functions."
  (let ((v (make-symbol "v")))
    (gv-letplace (getter setter) place
      `(cons (lambda () ,getter)
             (lambda (,v) ,(funcall setter v))))))

(defsubst gv-deref (ref)
  "Dereference REF, returning the referenced value."
  (funcall (car ref)))
(gv-define-setter gv-deref (v ref) `(funcall (cdr ,ref) ,v))


(provide 'gv)

;;; gv.el ends here
