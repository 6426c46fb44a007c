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
  "Evaluate BODY with variables bound to values looked up in MAP.
Each of KEYS is a symbol, bound to the value under that symbol as key,
or (KEY VAR), binding VAR to the value under KEY (evaluated).  MAP is
any map: alist, plist, hash table or array."
  (declare (indent 2) (debug ((&rest &or symbolp ([form symbolp])) form body)))
  (let ((pattern (map--destructuring-pattern keys)))
    `(pcase-let ((,pattern ,map)) ,@body)))

;;;; Access.

(cl-defgeneric map-elt (map key &optional default testfn)
  "The value MAP associates with KEY, or DEFAULT when KEY is absent.
Alist keys are compared with TESTFN (deprecated) or `equal', plist
keys with `eq', hash table keys with the table's own test; array
keys are indices.  A `setf' place."
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
  (cond ((map--plist-p map)
         (let ((tail (plist-member map key)))
           (if tail (cadr tail) default)))
        ((listp map) (alist-get key map default nil (or testfn #'equal)))
        ((hash-table-p map) (gethash key map default))
        ((not (arrayp map)) (map--unsupported map))
        ((map-contains-key map key) (aref map key))
        (t default)))

(defmacro map-put (map key value &optional testfn)
  "Make KEY's value in the map MAP (a place) be VALUE; return VALUE."
  (declare (obsolete "use map-put! or (setf (map-elt ...) ...) instead" "27.1"))
  `(setf (map-elt ,map ,key nil ,testfn) ,value))

(defun map-nested-elt (map keys &optional default)
  "Look KEYS up in turn through the nested maps in MAP; DEFAULT if nil.
Each key is looked up in the value the previous one found."
  (let ((value map))
    (seq-doseq (key keys)
      (setq value (and (mapp value) (map-elt value key))))
    (if value value default)))

(cl-defgeneric mapp (map)
  "Non-nil when MAP is something the map functions accept.
By default: lists (alists and plists), hash tables and arrays."
  (or (listp map) (hash-table-p map) (arrayp map)))

(cl-defgeneric map-contains-key (map key &optional testfn)
  "Non-nil when MAP has an entry for KEY.
TESTFN (deprecated) compares keys; the default depends on the map."
  (let ((same (or testfn #'equal)))
    (map-some (lambda (k _) (funcall same key k)) map)))

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
  "Call FUNCTION with the key and the value of each entry of MAP; return nil.")

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
  "A list of FUNCTION's values on the key and value of each entry of MAP."
  (let ((results nil))
    (map-do (lambda (k v) (setq results (cons (funcall function k v) results))) map)
    (nreverse results)))

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
  "A list of MAP's keys."
  (map-apply (lambda (k _) k) map))

(cl-defgeneric map-values (map)
  "A list of MAP's values."
  (map-apply (lambda (_ v) v) map))

(cl-defmethod map-values ((map array))
  (append map nil))

(cl-defgeneric map-pairs (map)
  "MAP's entries as an alist of (KEY . VALUE)."
  (map-apply #'cons map))

(cl-defgeneric map-keys-apply (function map)
  "A list of FUNCTION's values on each of MAP's keys."
  (map-apply (lambda (k _) (funcall function k)) map))

(cl-defgeneric map-values-apply (function map)
  "A list of FUNCTION's values on each of MAP's values."
  (map-apply (lambda (_ v) (funcall function v)) map))

(cl-defmethod map-values-apply (function (map array))
  (mapcar function map))

(cl-defgeneric map-length (map)
  "How many entries MAP has."
  (let ((count 0))
    (map-do (lambda (_ _v) (setq count (1+ count))) map)
    count))

(cl-defmethod map-length ((map hash-table))
  (hash-table-count map))

(cl-defmethod map-length ((map list))
  (if (map--plist-p map) (/ (length map) 2) (length map)))

(cl-defmethod map-length ((map array))
  (length map))

(cl-defgeneric map-empty-p (map)
  "Non-nil when MAP has no entries."
  (= (map-length map) 0))

(cl-defmethod map-empty-p ((map list))
  (null map))

(cl-defgeneric map-copy (map)
  "A new map with MAP's entries; the keys and values are shared.")

(cl-defmethod map-copy ((map list))
  (if (map--plist-p map) (copy-sequence map) (copy-alist map)))

(cl-defmethod map-copy ((map hash-table))
  (copy-hash-table map))

(cl-defmethod map-copy ((map array))
  (copy-sequence map))

(cl-defgeneric map-filter (pred map)
  "An alist of the entries (KEY . VALUE) of MAP for which PRED is non-nil.
PRED gets the key and the value."
  (let ((kept nil))
    (map-do (lambda (k v) (if (funcall pred k v) (setq kept (cons (cons k v) kept))))
            map)
    (nreverse kept)))

(cl-defgeneric map-remove (pred map)
  "An alist of the entries (KEY . VALUE) of MAP for which PRED is nil.
PRED gets the key and the value."
  (map-filter (lambda (k v) (null (funcall pred k v))) map))

(defun map--first-value (function map)
  "The first non-nil value of FUNCTION on an entry's key and value in MAP."
  (let ((tag (list 'map--found)))
    (catch tag
      (map-do (lambda (k v)
                (let ((value (funcall function k v)))
                  (if value (throw tag value))))
              map)
      nil)))

(cl-defgeneric map-some (pred map)
  "The first non-nil value of PRED on an entry's key and value in MAP, else nil."
  (map--first-value pred map))

(cl-defgeneric map-every-p (pred map)
  "Non-nil when PRED is non-nil on the key and value of every entry of MAP."
  (not (map--first-value (lambda (k v) (not (funcall pred k v))) map)))

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
  "Remove KEY's entry from MAP, changing MAP when it can; return the map.
A missing KEY is not an error.  Use the value: deleting the first
entry of a list cannot change the list in place.")

(cl-defmethod map-delete ((map list) key)
  (cond ((map--plist-p map) (map--plist-delete map key))
        (t (setf (alist-get key map nil t #'equal) nil)
           map)))

(cl-defmethod map-delete ((map hash-table) key)
  (remhash key map)
  map)

(cl-defmethod map-delete ((map array) key)
  (when (map-contains-key map key)
    (aset map key nil))
  map)

(cl-defgeneric map-put! (map key value &optional testfn)
  "Change MAP itself so that it associates KEY with VALUE.
When that needs a new map (a new key for a list, say), signal
`map-not-inplace' instead; `map-insert' makes a new map."
  (declare (advertised-calling-convention (map key value) "27.1"))
  (cond ((hash-table-p map) (puthash key value map))
        ((map--plist-p map) (plist-put map key value) value)
        ((listp map)
         (let ((cell (and map (assoc key map (or testfn #'equal)))))
           (if cell
               (setcdr cell value)
             (signal 'map-not-inplace (list map))))
         value)
        ((arrayp map) (aset map key value))
        (t (map--unsupported map))))

(cl-defgeneric map-insert (map key value)
  "A new map with MAP's entries and KEY associated with VALUE; MAP is unchanged.
`map-put!' changes the map itself instead."
  (let ((new (map-copy map)))
    (map-put! new key value)
    new))

(cl-defmethod map-insert ((map list) key value)
  (if (map--plist-p map)
      (cons key (cons value map))
    (cons (cons key value) map)))

(define-obsolete-function-alias 'map--put #'map-put! "27.1")

;;;; Conversion and merging.

(cl-defgeneric map-into (map type)
  "MAP's entries as a map of type TYPE: `list' or `alist', `plist',
`hash-table', or (hash-table . MAKE-HASH-TABLE-ARGS).")

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
  "One map of type TYPE (as for `map-into') with the entries of all MAPS.
For a key in several maps, the last map's value wins."
  (apply #'map-merge-with type (lambda (_old new) new) maps))

(defun map-merge-with (type function &rest maps)
  "One map of type TYPE (as for `map-into') with the entries of all MAPS.
For a key in several maps, the value is FUNCTION's on the value so
far and the next map's value."
  (let ((absent (list nil)))
    (apply #'map--merge
           (lambda (result key value)
             (let ((so-far (map-elt result key absent)))
               (setf (map-elt result key)
                     (if (eq so-far absent) value (funcall function so-far value)))
               result))
           type maps)))

(provide 'map)

;;; map.el ends here
