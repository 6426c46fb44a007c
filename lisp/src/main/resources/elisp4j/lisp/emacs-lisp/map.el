;;; map.el --- map manipulation functions  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; map.el does: generic functions over maps, which are alists, plists
;; (lists whose first element is an atom), hash tables and arrays
;; (mapping indices to elements), with `map-elt' as a `setf' place and
;; the `map' `pcase' pattern.

;;; Code:

(require 'seq)

(define-error 'map-not-inplace "Cannot modify map in-place")

(defsubst map--plist-p (list)
  "Non-nil if the map LIST is a plist (its first element is an atom)."
  (and (consp list) (atom (car list))))

(defun map--unsupported (map)
  "Signal that MAP is not a map."
  (error "Unsupported map type `%S': %S" (type-of map) map))

;;;; Patterns and binding macros.

(defun map--pattern-parts (args)
  "The `app' patterns of a `map' pattern's ARGS."
  (mapcar (lambda (elt)
            (cond ((consp elt) `(app (pcase--flip map-elt ,(car elt)) ,(cadr elt)))
                  ((keywordp elt)
                   `(app (pcase--flip map-elt ,elt) ,(intern (substring (symbol-name elt) 1))))
                  (t `(app (pcase--flip map-elt ',elt) ,elt))))
          args))

(pcase-defmacro map (&rest args)
  "Build a `pcase' pattern matching map elements.
Each of ARGS is (KEY PAT), KEY being evaluated and its value matched
against PAT; a SYMBOL, short for (\\='SYMBOL SYMBOL); or a keyword
:SYMBOL, short for (:SYMBOL SYMBOL).  Keys not in the map are nil."
  `(and (pred mapp) ,@(map--pattern-parts args)))

(defun map--destructuring-pattern (args)
  "The `map' pattern for the `map-let' KEYS ARGS."
  (cons 'map (mapcar (lambda (elt)
                       (if (eq (car-safe elt) 'map) (map--destructuring-pattern elt) elt))
                     args)))

(defmacro map-let (keys map &rest body)
  "Bind the variables in KEYS to the elements of MAP then evaluate BODY.
KEYS can be a list of symbols, in which case each element will be
bound to the looked up value in MAP.
KEYS can also be a list of (KEY VARNAME) pairs, in which case
KEY is an unquoted form.
MAP can be an alist, plist, hash-table, or array."
  (declare (indent 2) (debug ((&rest &or symbolp ([form symbolp])) form body)))
  `(pcase-let ((,(map--destructuring-pattern keys) ,map)) ,@body))

;;;; Access.

(cl-defgeneric map-elt (map key &optional default testfn)
  "Lookup KEY in MAP and return its associated value.
If KEY is not found, return DEFAULT which defaults to nil.
TESTFN compares keys (deprecated; alist keys are compared with `equal',
plist keys with `eq', hash-table keys with the table's test).
MAP can be an alist, plist, hash-table, or array."
  (declare
   (gv-expander
    (lambda (do)
      (gv-letplace (mgetter msetter) `(gv-delay-error ,map)
        (macroexp-let2* nil ((key key) (default default) (testfn testfn))
          (funcall do `(map-elt ,mgetter ,key ,default)
                   (lambda (v)
                     (macroexp-let2 nil v v
                       `(condition-case nil
                            (with-no-warnings (map-put! ,mgetter ,key ,v ,testfn))
                          (map-not-inplace
                           ,(funcall msetter `(map-insert ,mgetter ,key ,v))
                           ,v))))))))))
  (cond ((listp map)
         (if (map--plist-p map)
             (let ((cell (plist-member map key)))
               (if cell (cadr cell) default))
           (alist-get key map default nil (or testfn #'equal))))
        ((hash-table-p map) (gethash key map default))
        ((arrayp map) (if (map-contains-key map key) (aref map key) default))
        (t (map--unsupported map))))

(defmacro map-put (map key value &optional testfn)
  "Associate KEY with VALUE in MAP and return VALUE.
If KEY is already present in MAP, replace the associated value
with VALUE.
MAP can be an alist, plist, hash-table, or array."
  (declare (obsolete "use map-put! or (setf (map-elt ...) ...) instead" "27.1"))
  `(setf (map-elt ,map ,key nil ,testfn) ,value))

(defun map-nested-elt (map keys &optional default)
  "Traverse MAP using KEYS and return the looked up value or DEFAULT if nil.
Map can be a nested map composed of alists, plists, hash-tables, and arrays."
  (or (seq-reduce (lambda (acc key) (when (mapp acc) (map-elt acc key)))
                  keys map)
      default))

(cl-defgeneric mapp (map)
  "Return non-nil if MAP is a map (alist or plist, hash-table, array)."
  (or (listp map) (hash-table-p map) (arrayp map)))

(cl-defgeneric map-contains-key (map key &optional testfn)
  "If MAP contains KEY return non-nil, otherwise return nil.
TESTFN is deprecated.  Its default depends on MAP.
The default implementation delegates to `map-some'."
  (unless testfn (setq testfn #'equal))
  (map-some (lambda (k _v) (funcall testfn key k)) map))

(cl-defmethod map-contains-key ((map list) key &optional testfn)
  (if (map--plist-p map)
      (plist-member map key)
    (let ((missing (list nil)))
      (not (eq missing (alist-get key map missing nil (or testfn #'equal)))))))

(cl-defmethod map-contains-key ((map array) key &optional _testfn)
  (and (natnump key) (< key (length map))))

(cl-defmethod map-contains-key ((map hash-table) key &optional _testfn)
  (let ((missing (list nil)))
    (not (eq missing (gethash key map missing)))))

;;;; Iteration.

(cl-defgeneric map-do (function map)
  "Apply FUNCTION to each element of MAP and return nil.
FUNCTION is called with two arguments, the key and the value.")

(cl-defmethod map-do (function (map hash-table))
  (maphash function map))

(cl-defmethod map-do (function (map list))
  (if (map--plist-p map)
      (while map
        (funcall function (pop map) (pop map)))
    (dolist (pair map)
      (funcall function (car pair) (cdr pair))))
  nil)

(cl-defmethod map-do (function (map array))
  (seq-do-indexed (lambda (elt index) (funcall function index elt)) map))

(cl-defgeneric map-apply (function map)
  "Apply FUNCTION to each element of MAP and return the result as a list.
FUNCTION is called with two arguments, the key and the value.
The default implementation delegates to `map-do'."
  (let ((out nil))
    (map-do (lambda (k v) (push (funcall function k v) out)) map)
    (nreverse out)))

(cl-defmethod map-apply (function (map list))
  (if (map--plist-p map)
      (cl-call-next-method)
    (mapcar (lambda (pair) (funcall function (car pair) (cdr pair))) map)))

(cl-defmethod map-apply (function (map hash-table))
  (let ((out nil))
    (maphash (lambda (k v) (push (funcall function k v) out)) map)
    (nreverse out)))

(cl-defmethod map-apply (function (map array))
  (seq-map-indexed (lambda (elt index) (funcall function index elt)) map))

(cl-defgeneric map-keys (map)
  "Return the list of keys in MAP.
The default implementation delegates to `map-apply'."
  (map-apply (lambda (key _) key) map))

(cl-defgeneric map-values (map)
  "Return the list of values in MAP.
The default implementation delegates to `map-apply'."
  (map-apply (lambda (_ value) value) map))

(cl-defmethod map-values ((map array))
  (append map nil))

(cl-defgeneric map-pairs (map)
  "Return the elements of MAP as key/value association lists.
The default implementation delegates to `map-apply'."
  (map-apply #'cons map))

(cl-defgeneric map-keys-apply (function map)
  "Return the result of applying FUNCTION to each key in MAP.
The default implementation delegates to `map-apply'."
  (map-apply (lambda (key _) (funcall function key)) map))

(cl-defgeneric map-values-apply (function map)
  "Return the result of applying FUNCTION to each value in MAP.
The default implementation delegates to `map-apply'."
  (map-apply (lambda (_ val) (funcall function val)) map))

(cl-defmethod map-values-apply (function (map array))
  (mapcar function map))

(cl-defgeneric map-length (map)
  "Return the number of elements in the map.
The default implementation counts `map-do' calls."
  (let ((size 0))
    (map-do (lambda (_k _v) (setq size (1+ size))) map)
    size))

(cl-defmethod map-length ((map hash-table))
  (hash-table-count map))

(cl-defmethod map-length ((map list))
  (if (map--plist-p map) (/ (length map) 2) (length map)))

(cl-defmethod map-length ((map array))
  (length map))

(cl-defgeneric map-empty-p (map)
  "Return non-nil if MAP is empty.
The default implementation delegates to `map-length'."
  (zerop (map-length map)))

(cl-defmethod map-empty-p ((map list))
  (null map))

(cl-defgeneric map-copy (map)
  "Return a copy of MAP.")

(cl-defmethod map-copy ((map list))
  (if (map--plist-p map) (copy-sequence map) (copy-alist map)))

(cl-defmethod map-copy ((map hash-table))
  (copy-hash-table map))

(cl-defmethod map-copy ((map array))
  (copy-sequence map))

(cl-defgeneric map-filter (pred map)
  "Return an alist of key/val pairs for which (PRED KEY VAL) is non-nil in MAP.
The default implementation delegates to `map-apply'."
  (delq nil (map-apply (lambda (key val) (and (funcall pred key val) (cons key val)))
                       map)))

(cl-defgeneric map-remove (pred map)
  "Return an alist of the key/val pairs for which (PRED KEY VAL) is nil in MAP.
The default implementation delegates to `map-filter'."
  (map-filter (lambda (key val) (not (funcall pred key val))) map))

(cl-defgeneric map-some (pred map)
  "Return the first non-nil (PRED key val) in MAP.
Return nil if no such element is found.
The default implementation delegates to `map-do'."
  (catch 'map--break
    (map-do (lambda (key value)
              (let ((result (funcall pred key value)))
                (when result (throw 'map--break result))))
            map)
    nil))

(cl-defgeneric map-every-p (pred map)
  "Return non-nil if (PRED key val) is non-nil for all elements of MAP.
The default implementation delegates to `map-do'."
  (catch 'map--break
    (map-do (lambda (key value)
              (or (funcall pred key value) (throw 'map--break nil)))
            map)
    t))

;;;; Modification.

(defun map--plist-delete (map key)
  "MAP, a plist, without the properties KEY (changed in place when possible)."
  (let ((tail map) (last nil))
    (while (consp tail)
      (cond ((not (eq key (car tail)))
             (setq last tail
                   tail (cddr last)))
            (last
             (setq tail (cddr tail))
             (setcdr (cdr last) tail))
            (t
             (setq map (cddr map)
                   tail map))))
    map))

(cl-defgeneric map-delete (map key)
  "Delete KEY in-place from MAP and return MAP.
Keys not present in MAP are ignored.")

(cl-defmethod map-delete ((map list) key)
  (if (map--plist-p map)
      (map--plist-delete map key)
    (setf (alist-get key map nil t #'equal) nil)
    map))

(cl-defmethod map-delete ((map hash-table) key)
  (remhash key map)
  map)

(cl-defmethod map-delete ((map array) key)
  (when (map-contains-key map key)
    (aset map key nil))
  map)

(cl-defgeneric map-put! (map key value &optional testfn)
  "Associate KEY with VALUE in MAP.
If KEY is already present in MAP, replace the associated value
with VALUE.
This operates by modifying MAP in place.
If it cannot do that, it signals a `map-not-inplace' error.
To insert an element without modifying MAP, use `map-insert'."
  (declare (advertised-calling-convention (map key value) "27.1"))
  (cond ((listp map)
         (if (map--plist-p map)
             (plist-put map key value)
           (let ((oldmap map))
             (setf (alist-get key map key nil (or testfn #'equal)) value)
             (unless (eq oldmap map)
               (signal 'map-not-inplace (list oldmap)))))
         value)
        ((hash-table-p map) (puthash key value map))
        ((arrayp map) (aset map key value))
        (t (map--unsupported map))))

(cl-defgeneric map-insert (map key value)
  "Return a new map like MAP except that it associates KEY with VALUE.
This does not modify MAP.
If you want to insert an element in place, use `map-put!'.
The default implementation defaults to `map-copy' and `map-put!'."
  (let ((copy (map-copy map)))
    (map-put! copy key value)
    copy))

(cl-defmethod map-insert ((map list) key value)
  (if (map--plist-p map)
      (cons key (cons value map))
    (cons (cons key value) map)))

(define-obsolete-function-alias 'map--put #'map-put! "27.1")

;;;; Conversion and merging.

(cl-defgeneric map-into (map type)
  "Convert MAP into a map of TYPE.")

(cl-defmethod map-into (map (_type (eql list)))
  (map-pairs map))

(cl-defmethod map-into (map (_type (eql alist)))
  (map-pairs map))

(cl-defmethod map-into (map (_type (eql plist)))
  (let ((plist nil))
    (map-do (lambda (k v) (setq plist (cons v (cons k plist)))) map)
    (nreverse plist)))

(defun map--into-hash (map keyword-args)
  "Convert MAP into a hash-table made with KEYWORD-ARGS."
  (let ((table (apply #'make-hash-table keyword-args)))
    (map-do (lambda (key value) (puthash key value table)) map)
    table))

(cl-defmethod map-into (map (_type (eql hash-table)))
  (map--into-hash map (list :size (map-length map) :test #'equal)))

(cl-defmethod map-into (map (type (head hash-table)))
  (map--into-hash map (cdr type)))

(defun map--merge (merge type &rest maps)
  "Merge into a map of TYPE all the key/value pairs in MAPS.
MERGE is a function taking the target map, a key and a value, that
merges the pair into the map and returns the result."
  ;; Lists are built through a hash table: no quadratic lookups, and no
  ;; doubt about what kind of list nil is.
  (let* ((tolist (memq type '(list alist plist)))
         (result (map-into (pop maps)
                           (cond ((eq type 'plist) '(hash-table :test eq))
                                 (tolist '(hash-table :test equal))
                                 (t type)))))
    (dolist (map maps)
      (map-do (lambda (key value) (setq result (funcall merge result key value))) map))
    (if tolist (map-into result type) result)))

(defun map-merge (type &rest maps)
  "Merge into a map of TYPE all the key/value pairs in MAPS.
See `map-into' for all supported values of TYPE."
  (apply #'map--merge
         (lambda (result key value)
           (setf (map-elt result key) value)
           result)
         type maps))

(defun map-merge-with (type function &rest maps)
  "Merge into a map of TYPE all the key/value pairs in MAPS.
When two maps contain the same key, call FUNCTION on the two
values and use the value returned by it.
See `map-into' for all supported values of TYPE."
  (let ((not-found (list nil)))
    (apply #'map--merge
           (lambda (result key value)
             (let ((old (map-elt result key not-found)))
               (setf (map-elt result key)
                     (if (eql old not-found) value (funcall function old value))))
             result)
           type maps)))

(provide 'map)

;;; map.el ends here
