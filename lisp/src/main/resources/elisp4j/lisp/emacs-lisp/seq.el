;;; seq.el --- sequence manipulation functions  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; seq.el does: the generic sequence functions over lists, vectors and
;; strings, defined with `cl-defgeneric' so that other sequence types
;; can be supported by adding methods, as in Emacs.  The results keep
;; Emacs's element orders and types (most functions return lists; the
;; subsequence functions return a sequence of the argument's type).

;;; Code:

(eval-when-compile (require 'cl-generic))

;;;; Macros.

(defmacro seq-doseq (spec &rest body)
  "Loop over a sequence.
Evaluate BODY with VAR bound to each element of SEQUENCE, in turn.
Similar to `dolist' but can be applied to lists, strings, and vectors.
\n(fn (VAR SEQUENCE) BODY...)"
  (declare (indent 1) (debug ((symbolp form &optional form) body)))
  `(seq-do (lambda (,(car spec)) ,@body) ,(cadr spec)))

(defun seq--pattern-parts (args)
  "The `app' patterns matching the elements of a `seq' pattern's ARGS."
  (let ((parts nil) (index 0) (rest nil))
    (while (and args (not rest))
      (let ((name (pop args)))
        (if (eq name '&rest)
            (progn (push `(app (pcase--flip seq-drop ,index) ,(car args)) parts)
                   (setq rest t))
          (push `(app (pcase--flip seq--elt-safe ,index) ,name) parts)))
      (setq index (1+ index)))
    (nreverse parts)))

(pcase-defmacro seq (&rest patterns)
  "Build a `pcase' pattern that matches elements of SEQUENCE.
Each of PATTERNS is matched against the corresponding element; extra
elements of the sequence are ignored, missing ones are nil.
`&rest' followed by a pattern matches the rest of the sequence."
  `(and (pred seqp) ,@(seq--pattern-parts patterns)))

(defun seq--destructuring-pattern (args)
  "The `seq' pattern for the variable list ARGS (nested lists nest)."
  (cons 'seq (mapcar (lambda (elt)
                       (if (seqp elt) (seq--destructuring-pattern elt) elt))
                     args)))

(defmacro seq-let (args sequence &rest body)
  "Bind the variables in ARGS to the elements of SEQUENCE, then evaluate BODY.
ARGS can also include the `&rest' marker followed by a variable
name to be bound to the rest of SEQUENCE."
  (declare (indent 2) (debug (sexp form body)))
  `(pcase-let ((,(seq--destructuring-pattern args) ,sequence)) ,@body))

(defmacro seq-setq (args sequence)
  "Assign to the variables in ARGS the elements of SEQUENCE.
ARGS can also include the `&rest' marker followed by a variable
name to be bound to the rest of SEQUENCE."
  (declare (debug (sexp form)))
  `(pcase-setq ,(seq--destructuring-pattern args) ,sequence))

;;;; Basic access.

(cl-defgeneric seq-elt (sequence n)
  "Return Nth element of SEQUENCE."
  (elt sequence n))

(cl-defmethod (setf seq-elt) (store (sequence array) n)
  (aset sequence n store))

(cl-defmethod (setf seq-elt) (store (sequence cons) n)
  (setcar (nthcdr n sequence) store))

(cl-defgeneric seq-length (sequence)
  "Return the number of elements of SEQUENCE."
  (length sequence))

(defun seq-first (sequence)
  "Return the first element of SEQUENCE."
  (seq-elt sequence 0))

(defun seq-rest (sequence)
  "Return a sequence of the elements of SEQUENCE except the first one."
  (seq-drop sequence 1))

(cl-defgeneric seq-do (function sequence)
  "Apply FUNCTION to each element of SEQUENCE.
Return SEQUENCE."
  (mapc function sequence))

(defalias 'seq-each #'seq-do)

(defun seq-do-indexed (function sequence)
  "Apply FUNCTION to each element of SEQUENCE and return nil.
Unlike `seq-map', FUNCTION takes two arguments: the element of
the sequence, and its index within the sequence."
  (let ((index 0))
    (seq-do (lambda (elt)
              (funcall function elt index)
              (setq index (1+ index)))
            sequence))
  nil)

(cl-defgeneric seqp (object)
  "Return non-nil if OBJECT is a sequence, nil otherwise."
  (sequencep object))

(cl-defgeneric seq-copy (sequence)
  "Return a shallow copy of SEQUENCE."
  (copy-sequence sequence))

(cl-defgeneric seq-subseq (sequence start &optional end)
  "Return the sequence of elements of SEQUENCE from START to END.
END is exclusive.

If END is omitted, it defaults to the length of the sequence.  If
START or END is negative, it counts from the end.  Signal an
error if START or END are outside of the sequence (i.e too large
if positive or too small if negative)."
  (cond
   ((or (stringp sequence) (vectorp sequence)) (substring sequence start end))
   ((listp sequence)
    (let ((len nil)
          (bad (format "Bad bounding indices: %s, %s" start end)))
      (when (and end (< end 0)) (setq end (+ end (setq len (length sequence)))))
      (when (< start 0) (setq start (+ start (or len (setq len (length sequence))))))
      (unless (>= start 0) (error "%s" bad))
      (when (> start 0)
        (setq sequence (nthcdr (1- start) sequence))
        (unless sequence (error "%s" bad))
        (setq sequence (cdr sequence)))
      (if end
          (let ((out nil) (n (- end start)))
            (while (and (> n 0) sequence)
              (push (pop sequence) out)
              (setq n (1- n)))
            (unless (= n 0) (error "%s" bad))
            (nreverse out))
        (copy-sequence sequence))))
   (t (error "Unsupported sequence: %s" sequence))))

;;;; Mapping.

(cl-defgeneric seq-map (function sequence)
  "Return the result of applying FUNCTION to each element of SEQUENCE."
  (let ((out nil))
    (seq-do (lambda (elt) (push (funcall function elt) out)) sequence)
    (nreverse out)))

(cl-defmethod seq-map (function (sequence sequence))
  (mapcar function sequence))

(defun seq-map-indexed (function sequence)
  "Return the result of applying FUNCTION to each element of SEQUENCE.
Unlike `seq-map', FUNCTION takes two arguments: the element of
the sequence, and its index within the sequence."
  (let ((index 0))
    (seq-map (lambda (elt)
               (prog1 (funcall function elt index)
                 (setq index (1+ index))))
             sequence)))

(cl-defgeneric seq-mapn (function sequence &rest sequences)
  "Like `seq-map' but FUNCTION is mapped over all SEQUENCES.
The arity of FUNCTION must match the number of SEQUENCES, and the
mapping stops on the shortest sequence.
Return a list of the results.
\n(fn FUNCTION SEQUENCES...)"
  (let ((out nil)
        (lists (seq-map (lambda (s) (seq-into s 'list)) (cons sequence sequences))))
    (while (not (memq nil lists))
      (push (apply function (seq-map #'car lists)) out)
      (setq lists (seq-map #'cdr lists)))
    (nreverse out)))

(cl-defgeneric seq-mapcat (function sequence &optional type)
  "Concatenate the result of applying FUNCTION to each element of SEQUENCE.
The result is a sequence of type TYPE, or a list if TYPE is nil."
  (apply #'seq-concatenate (or type 'list) (seq-map function sequence)))

;;;; Subsequences.

(cl-defgeneric seq-drop (sequence n)
  "Remove the first N elements of SEQUENCE and return the result.
The result is a sequence of the same type as SEQUENCE.
If N is a negative integer or zero, SEQUENCE is returned."
  (if (<= n 0)
      sequence
    (let ((length (seq-length sequence)))
      (seq-subseq sequence (min n length) length))))

(cl-defmethod seq-drop ((list list) n)
  (nthcdr n list))

(cl-defgeneric seq-take (sequence n)
  "Take the first N elements of SEQUENCE and return the result.
The result is a sequence of the same type as SEQUENCE.
If N is a negative integer or zero, an empty sequence is returned."
  (seq-subseq sequence 0 (min (max n 0) (seq-length sequence))))

(cl-defmethod seq-take ((list list) n)
  (let ((out nil))
    (while (and list (> n 0))
      (setq n (1- n))
      (push (pop list) out))
    (nreverse out)))

(defun seq--count-successive (pred sequence)
  "The number of leading elements of SEQUENCE satisfying PRED."
  (let ((n 0) (len (seq-length sequence)))
    (while (and (< n len) (funcall pred (seq-elt sequence n)))
      (setq n (1+ n)))
    n))

(cl-defgeneric seq-drop-while (pred sequence)
  "Remove the successive elements of SEQUENCE for which PRED returns non-nil.
PRED is a function of one argument.  The result is a sequence of
the same type as SEQUENCE."
  (seq-drop sequence (seq--count-successive pred sequence)))

(cl-defmethod seq-drop-while (pred (list list))
  (while (and list (funcall pred (car list)))
    (setq list (cdr list)))
  list)

(cl-defgeneric seq-take-while (pred sequence)
  "Take the successive elements of SEQUENCE for which PRED returns non-nil.
PRED is a function of one argument.  The result is a sequence of
the same type as SEQUENCE."
  (seq-take sequence (seq--count-successive pred sequence)))

(cl-defgeneric seq-empty-p (sequence)
  "Return non-nil if the SEQUENCE is empty, nil otherwise."
  (= 0 (seq-length sequence)))

(cl-defmethod seq-empty-p ((list list))
  (null list))

(cl-defgeneric seq-partition (sequence n)
  "Return list of elements of SEQUENCE grouped into sub-sequences of length N.
The last sequence may contain less than N elements.  If N is a
negative integer or 0, nil is returned."
  (unless (< n 1)
    (let ((out nil))
      (while (not (seq-empty-p sequence))
        (push (seq-take sequence n) out)
        (setq sequence (seq-drop sequence n)))
      (nreverse out))))

;;;; Sorting and conversion.

(cl-defgeneric seq-sort (pred sequence)
  "Sort SEQUENCE using PRED as comparison function.
The result is a sequence of the same type as SEQUENCE."
  (seq-into (seq-sort pred (append sequence nil)) (type-of sequence)))

(cl-defmethod seq-sort (pred (list list))
  (sort (seq-copy list) pred))

(defun seq-sort-by (function pred sequence)
  "Sort SEQUENCE using PRED as a comparison function.
Elements of SEQUENCE are transformed by FUNCTION before being
sorted.  FUNCTION must be a function of one argument."
  (seq-sort (lambda (a b) (funcall pred (funcall function a) (funcall function b)))
            sequence))

(cl-defgeneric seq-reverse (sequence)
  "Return a sequence with elements of SEQUENCE in reverse order."
  (let ((out nil))
    (seq-map (lambda (elt) (push elt out)) sequence)
    (seq-into out (type-of sequence))))

(cl-defmethod seq-reverse ((sequence sequence))
  (reverse sequence))

(cl-defgeneric seq-concatenate (type &rest sequences)
  "Concatenate SEQUENCES into a single sequence of type TYPE.
TYPE must be one of following symbols: vector, string or list.
\n(fn TYPE SEQUENCE...)"
  (cond ((eq type 'vector) (apply #'vconcat sequences))
        ((eq type 'string) (apply #'concat sequences))
        ((eq type 'list) (apply #'append (append sequences '(nil))))
        (t (error "Not a sequence type name: %S" type))))

(cl-defgeneric seq-into-sequence (sequence)
  "Convert SEQUENCE into a sequence.
The default implementation signals an error if SEQUENCE is not a
sequence; methods can convert other types."
  (unless (sequencep sequence)
    (error "Cannot convert %S into a sequence" sequence))
  sequence)

(cl-defgeneric seq-into (sequence type)
  "Concatenate the elements of SEQUENCE into a sequence of type TYPE.
TYPE can be one of the following symbols: vector, string or list."
  (cond ((eq type 'vector) (if (vectorp sequence) sequence (vconcat sequence)))
        ((eq type 'string) (if (stringp sequence) sequence (concat sequence)))
        ((eq type 'list) (if (listp sequence) sequence (append sequence nil)))
        (t (error "Not a sequence type name: %S" type))))

;;;; Searching and filtering.

(cl-defgeneric seq-filter (pred sequence)
  "Return a list of all the elements for which (PRED element) is non-nil in SEQUENCE."
  (let ((out nil))
    (seq-do (lambda (elt) (when (funcall pred elt) (push elt out))) sequence)
    (nreverse out)))

(cl-defgeneric seq-remove (pred sequence)
  "Return a list of all the elements for which (PRED element) is nil in SEQUENCE."
  (seq-filter (lambda (elt) (not (funcall pred elt))) sequence))

(cl-defgeneric seq-reduce (function sequence initial-value)
  "Reduce the function FUNCTION across SEQUENCE, starting with INITIAL-VALUE.
FUNCTION is called with the accumulated value (at first INITIAL-VALUE)
and each element in turn.  If SEQUENCE is empty, return INITIAL-VALUE
and FUNCTION is not called."
  (if (seq-empty-p sequence)
      initial-value
    (let ((acc initial-value))
      (seq-doseq (elt sequence)
        (setq acc (funcall function acc elt)))
      acc)))

(cl-defgeneric seq-every-p (pred sequence)
  "Return non-nil if (PRED element) is non-nil for all elements of SEQUENCE."
  (catch 'seq--break
    (seq-doseq (elt sequence)
      (or (funcall pred elt) (throw 'seq--break nil)))
    t))

(cl-defgeneric seq-some (pred sequence)
  "Return non-nil if PRED is satisfied for at least one element of SEQUENCE.
If so, return the first non-nil value returned by PRED."
  (catch 'seq--break
    (seq-doseq (elt sequence)
      (let ((result (funcall pred elt)))
        (when result (throw 'seq--break result))))
    nil))

(cl-defgeneric seq-find (pred sequence &optional default)
  "Return the first element for which (PRED element) is non-nil in SEQUENCE.
If no element is found, return DEFAULT."
  (catch 'seq--break
    (seq-doseq (elt sequence)
      (when (funcall pred elt) (throw 'seq--break elt)))
    default))

(cl-defgeneric seq-count (pred sequence)
  "Return the number of elements for which (PRED element) is non-nil in SEQUENCE."
  (let ((count 0))
    (seq-doseq (elt sequence)
      (when (funcall pred elt) (setq count (1+ count))))
    count))

(cl-defgeneric seq-contains (sequence elt &optional testfn)
  "Return the first element in SEQUENCE that is equal to ELT.
Equality is defined by TESTFN if non-nil or by `equal' if nil."
  (declare (obsolete seq-contains-p "27.1"))
  (seq-some (lambda (e) (when (funcall (or testfn #'equal) elt e) e)) sequence))

(cl-defgeneric seq-contains-p (sequence elt &optional testfn)
  "Return non-nil if SEQUENCE contains an element equal to ELT.
Equality is defined by TESTFN if non-nil or by `equal' if nil."
  (catch 'seq--break
    (seq-doseq (e sequence)
      (when (funcall (or testfn #'equal) e elt) (throw 'seq--break t)))
    nil))

(cl-defgeneric seq-set-equal-p (sequence1 sequence2 &optional testfn)
  "Return non-nil if SEQUENCE1 and SEQUENCE2 have the same elements.
This does not depend on the order of the elements.
Equality is defined by TESTFN if non-nil or by `equal' if nil."
  (and (seq-every-p (lambda (x) (seq-contains-p sequence2 x testfn)) sequence1)
       (seq-every-p (lambda (x) (seq-contains-p sequence1 x testfn)) sequence2)))

(cl-defgeneric seq-position (sequence elt &optional testfn)
  "Return the index of the first element in SEQUENCE that is equal to ELT.
Equality is defined by TESTFN if non-nil or by `equal' if nil."
  (let ((index 0))
    (catch 'seq--break
      (seq-doseq (e sequence)
        (when (funcall (or testfn #'equal) e elt) (throw 'seq--break index))
        (setq index (1+ index)))
      nil)))

(cl-defgeneric seq-uniq (sequence &optional testfn)
  "Return a list of the elements of SEQUENCE with duplicates removed.
TESTFN is used to compare elements, or `equal' if TESTFN is nil."
  (let ((out nil))
    (seq-doseq (elt sequence)
      (unless (seq-contains-p out elt testfn)
        (push elt out)))
    (nreverse out)))

;;;; Sets.

(cl-defgeneric seq-union (sequence1 sequence2 &optional testfn)
  "Return a list of all elements that appear in either SEQUENCE1 or SEQUENCE2.
Equality is defined by TESTFN if non-nil or by `equal' if nil."
  (let ((out nil))
    (dolist (seq (list sequence1 sequence2))
      (seq-doseq (elt seq)
        (unless (seq-contains-p out elt testfn)
          (push elt out))))
    (nreverse out)))

(cl-defgeneric seq-intersection (sequence1 sequence2 &optional testfn)
  "Return a list of the elements that appear in both SEQUENCE1 and SEQUENCE2.
Equality is defined by TESTFN if non-nil or by `equal' if nil."
  (seq-filter (lambda (elt) (seq-contains-p sequence2 elt testfn)) sequence1))

(cl-defgeneric seq-difference (sequence1 sequence2 &optional testfn)
  "Return a list of the elements that appear in SEQUENCE1 but not in SEQUENCE2.
Equality is defined by TESTFN if non-nil or by `equal' if nil."
  (seq-remove (lambda (elt) (seq-contains-p sequence2 elt testfn)) sequence1))

(cl-defgeneric seq-group-by (function sequence)
  "Apply FUNCTION to each element of SEQUENCE.
Separate the elements of SEQUENCE into an alist using the results as
keys.  Keys are compared using `equal'."
  ;; Walking backwards, each group is met last element first and new
  ;; groups go to the front.
  (seq-reduce (lambda (acc elt)
                (let* ((key (funcall function elt))
                       (cell (assoc key acc)))
                  (if cell
                      (setcdr cell (cons elt (cdr cell)))
                    (push (list key elt) acc))
                  acc))
              (seq-reverse sequence)
              nil))

;;;; Numbers and random elements.

(cl-defgeneric seq-min (sequence)
  "Return the smallest element of SEQUENCE.
SEQUENCE must be a sequence of numbers or markers."
  (apply #'min (seq-into sequence 'list)))

(cl-defgeneric seq-max (sequence)
  "Return the largest element of SEQUENCE.
SEQUENCE must be a sequence of numbers or markers."
  (apply #'max (seq-into sequence 'list)))

(defun seq--elt-safe (sequence n)
  "Return element of SEQUENCE at the index N, or nil if there is none."
  (ignore-errors (seq-elt sequence n)))

(cl-defgeneric seq-random-elt (sequence)
  "Return a random element from SEQUENCE.
Signal an error if SEQUENCE is empty."
  (if (seq-empty-p sequence)
      (error "Sequence cannot be empty")
    (seq-elt sequence (random (seq-length sequence)))))

(provide 'seq)

;;; seq.el ends here
