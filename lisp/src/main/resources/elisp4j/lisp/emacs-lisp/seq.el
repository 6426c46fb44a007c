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
  "Run BODY once per element of a sequence, like `dolist' for any sequence.
SPEC is (VAR SEQUENCE); VAR holds the current element.
\n(fn (VAR SEQUENCE) BODY...)"
  (declare (indent 1) (debug ((symbolp form &optional form) body)))
  (let ((var (car spec)) (sequence (cadr spec)))
    `(seq-do (lambda (,var) ,@body) ,sequence)))

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
  "A `pcase' pattern for sequences: each of PATTERNS matches one element.
Elements past the patterns are not looked at, and absent elements
match as nil.  `&rest' PATTERN matches the remaining subsequence."
  `(and (pred seqp) ,@(seq--pattern-parts patterns)))

(defun seq--destructuring-pattern (args)
  "The `seq' pattern for the variable list ARGS (nested lists nest)."
  (cons 'seq (mapcar (lambda (elt)
                       (if (seqp elt) (seq--destructuring-pattern elt) elt))
                     args)))

(defmacro seq-let (args sequence &rest body)
  "Evaluate BODY with the names in ARGS bound to SEQUENCE's elements.
A nested list in ARGS destructures the corresponding element, and
`&rest' NAME binds NAME to what is left of the sequence."
  (declare (indent 2) (debug (sexp form body)))
  (let ((pattern (seq--destructuring-pattern args)))
    `(pcase-let ((,pattern ,sequence)) ,@body)))

(defmacro seq-setq (args sequence)
  "Set the variables named in ARGS from SEQUENCE's elements, as `seq-let' binds."
  (declare (debug (sexp form)))
  (let ((pattern (seq--destructuring-pattern args)))
    `(pcase-setq ,pattern ,sequence)))

;;;; Basic access.

(cl-defgeneric seq-elt (sequence n)
  "The element of SEQUENCE at index N (counting from 0)."
  (elt sequence n))

(cl-defmethod (setf seq-elt) (value (vec array) index)
  (aset vec index value))

(cl-defmethod (setf seq-elt) (value (list cons) index)
  (setcar (nthcdr index list) value))

(cl-defgeneric seq-length (sequence)
  "How many elements SEQUENCE has."
  (length sequence))

(defun seq-first (sequence)
  "SEQUENCE's element at index 0."
  (seq-elt sequence 0))

(defun seq-rest (sequence)
  "SEQUENCE without its first element, as a sequence of the same kind."
  (seq-drop sequence 1))

(cl-defgeneric seq-do (function sequence)
  "Call FUNCTION on every element of SEQUENCE in order; the value is SEQUENCE."
  (mapc function sequence))

(defalias 'seq-each #'seq-do)

(defun seq-do-indexed (function sequence)
  "Call FUNCTION with each element of SEQUENCE and that element's index.
The value is nil."
  (let ((counter -1))
    (seq-do (lambda (item) (funcall function item (setq counter (1+ counter))))
            sequence)
    nil))

(cl-defgeneric seqp (object)
  "Non-nil when OBJECT is something the seq functions accept."
  (sequencep object))

(cl-defgeneric seq-copy (sequence)
  "A new sequence holding the same elements as SEQUENCE (not copied themselves)."
  (copy-sequence sequence))

(defun seq--list-slice (list start end)
  "Elements START (inclusive) to END (exclusive, nil = all) of LIST, fresh.
Negative indices count back from the end; indices outside LIST are
an error, as in Emacs."
  (let* ((size (and (or (< start 0) (and end (< end 0))) (length list)))
         (from (if (< start 0) (+ start size) start))
         (to (and end (if (< end 0) (+ end size) end)))
         (complaint (format "Bad bounding indices: %s, %s" start end))
         (tail list))
    (when (< from 0) (error "%s" complaint))
    (when (> from 0)
      (setq tail (nthcdr (1- from) list))
      (if tail (setq tail (cdr tail)) (error "%s" complaint)))
    (if (null to)
        (copy-sequence tail)
      (let ((taken nil) (wanted (- to from)))
        (while (and tail (> wanted 0))
          (push (car tail) taken)
          (setq tail (cdr tail) wanted (1- wanted)))
        (if (/= wanted 0) (error "%s" complaint) (nreverse taken))))))

(cl-defgeneric seq-subseq (sequence start &optional end)
  "The part of SEQUENCE from index START up to, not including, index END.
Without END the part runs to the end.  Negative START or END count
from the end of SEQUENCE; indices beyond either end are an error.
The result has SEQUENCE's type."
  (cond
   ((listp sequence) (seq--list-slice sequence start end))
   ((arrayp sequence) (if (or (stringp sequence) (vectorp sequence))
                          (substring sequence start end)
                        (error "Unsupported sequence: %s" sequence)))
   (t (error "Unsupported sequence: %s" sequence))))

;;;; Mapping.

(cl-defgeneric seq-map (function sequence)
  "A list of FUNCTION's results on each element of SEQUENCE."
  (let ((results nil))
    (seq-do (lambda (item) (setq results (cons (funcall function item) results)))
            sequence)
    (nreverse results)))

(cl-defmethod seq-map (function (sequence sequence))
  (mapcar function sequence))

(defun seq-map-indexed (function sequence)
  "A list of FUNCTION's results on each element of SEQUENCE and its index.
FUNCTION gets two arguments, the element and its position."
  (let ((counter -1))
    (seq-map (lambda (item) (funcall function item (setq counter (1+ counter))))
             sequence)))

(cl-defgeneric seq-mapn (function sequence &rest sequences)
  "A list of FUNCTION's results on the elements of the SEQUENCES in parallel.
FUNCTION takes one argument per sequence; mapping ends with the
shortest sequence.
\n(fn FUNCTION SEQUENCES...)"
  (let ((columns (mapcar (lambda (s) (seq-into s 'list)) (cons sequence sequences)))
        (results nil))
    (while (not (memq nil columns))
      (setq results (cons (apply function (mapcar #'car columns)) results)
            columns (mapcar #'cdr columns)))
    (nreverse results)))

(cl-defgeneric seq-mapcat (function sequence &optional type)
  "Join FUNCTION's results on SEQUENCE's elements into one TYPE sequence.
TYPE defaults to `list'."
  (let ((pieces (seq-map function sequence)))
    (apply #'seq-concatenate (if type type 'list) pieces)))

;;;; Subsequences.

(cl-defgeneric seq-drop (sequence n)
  "SEQUENCE without its first N elements, as a sequence of the same kind.
N of zero or less gives SEQUENCE itself."
  (if (> n 0)
      (let ((size (seq-length sequence)))
        (seq-subseq sequence (if (< n size) n size) size))
    sequence))

(cl-defmethod seq-drop ((list list) n)
  (nthcdr n list))

(cl-defgeneric seq-take (sequence n)
  "SEQUENCE's first N elements, as a sequence of the same kind.
N of zero or less gives an empty sequence."
  (let ((count (max n 0)))
    (seq-subseq sequence 0 (min count (seq-length sequence)))))

(cl-defmethod seq-take ((list list) n)
  (let ((head nil) (left n))
    (while (and (> left 0) list)
      (setq head (cons (car list) head)
            list (cdr list)
            left (1- left)))
    (nreverse head)))

(defun seq--count-successive (pred sequence)
  "The number of leading elements of SEQUENCE satisfying PRED."
  (let ((n 0) (len (seq-length sequence)))
    (while (and (< n len) (funcall pred (seq-elt sequence n)))
      (setq n (1+ n)))
    n))

(cl-defgeneric seq-drop-while (pred sequence)
  "SEQUENCE minus its longest prefix whose elements all satisfy PRED.
The result has SEQUENCE's type."
  (seq-drop sequence (seq--count-successive pred sequence)))

(cl-defmethod seq-drop-while (pred (list list))
  (let ((tail list))
    (while (and (consp tail) (funcall pred (car tail)))
      (setq tail (cdr tail)))
    tail))

(cl-defgeneric seq-take-while (pred sequence)
  "The longest prefix of SEQUENCE whose elements all satisfy PRED.
The result has SEQUENCE's type."
  (seq-take sequence (seq--count-successive pred sequence)))

(cl-defgeneric seq-empty-p (sequence)
  "Non-nil when SEQUENCE has no elements."
  (zerop (seq-length sequence)))

(cl-defmethod seq-empty-p ((list list))
  (null list))

(cl-defgeneric seq-partition (sequence n)
  "SEQUENCE cut into a list of consecutive pieces of N elements each.
The final piece may be shorter; N below 1 gives nil."
  (when (>= n 1)
    (let ((pieces nil) (left sequence))
      (while (not (seq-empty-p left))
        (setq pieces (cons (seq-take left n) pieces)
              left (seq-drop left n)))
      (nreverse pieces))))

;;;; Sorting and conversion.

(cl-defgeneric seq-sort (pred sequence)
  "A sorted copy of SEQUENCE, with PRED as the less-than test.
The result has SEQUENCE's type."
  (let ((sorted (seq-sort pred (append sequence nil))))
    (seq-into sorted (type-of sequence))))

(cl-defmethod seq-sort (pred (list list))
  (sort (seq-copy list) pred))

(defun seq-sort-by (function pred sequence)
  "Like `seq-sort', but PRED compares the values of FUNCTION on the elements."
  (seq-sort (lambda (x y)
              (let ((kx (funcall function x)) (ky (funcall function y)))
                (funcall pred kx ky)))
            sequence))

(cl-defgeneric seq-reverse (sequence)
  "SEQUENCE's elements last to first, as a sequence of SEQUENCE's type."
  (let ((backwards nil))
    (seq-do (lambda (item) (setq backwards (cons item backwards))) sequence)
    (seq-into backwards (type-of sequence))))

(cl-defmethod seq-reverse ((sequence sequence))
  (reverse sequence))

(cl-defgeneric seq-concatenate (type &rest sequences)
  "One sequence of type TYPE (`list', `vector' or `string') joining SEQUENCES.
\n(fn TYPE SEQUENCE...)"
  (elisp4j--concatenate type sequences))

(cl-defgeneric seq-into-sequence (sequence)
  "SEQUENCE as a real sequence; the default method accepts only sequences.
Methods for other types convert their objects."
  (if (sequencep sequence)
      sequence
    (error "Cannot convert %S into a sequence" sequence)))

(cl-defgeneric seq-into (sequence type)
  "SEQUENCE's elements as a sequence of type TYPE: `list', `vector' or `string'.
SEQUENCE itself is returned when it already has that type."
  (pcase type
    ('list (if (listp sequence) sequence (append sequence nil)))
    ('vector (if (vectorp sequence) sequence (vconcat sequence)))
    ('string (if (stringp sequence) sequence (concat sequence)))
    (_ (error "Not a sequence type name: %S" type))))

;;;; Searching and filtering.

(cl-defgeneric seq-filter (pred sequence)
  "A list of SEQUENCE's elements that satisfy PRED, in order."
  (let ((kept nil))
    (seq-do (lambda (item) (if (funcall pred item) (setq kept (cons item kept))))
            sequence)
    (nreverse kept)))

(cl-defgeneric seq-remove (pred sequence)
  "A list of SEQUENCE's elements that do not satisfy PRED, in order."
  (seq-filter (lambda (item) (null (funcall pred item))) sequence))

(defmacro seq--scan (var sequence found &optional otherwise)
  "Walk SEQUENCE with VAR; the first time FOUND is non-nil return its value.
If no element yields a value, return OTHERWISE."
  (let ((tag (make-symbol "done")) (value (make-symbol "value")))
    `(catch ',tag
       (seq-do (lambda (,var)
                 (let ((,value ,found))
                   (if ,value (throw ',tag ,value))))
               ,sequence)
       ,otherwise)))

(cl-defgeneric seq-reduce (function sequence initial-value)
  "Fold SEQUENCE with FUNCTION from the left, starting from INITIAL-VALUE.
FUNCTION takes the value so far and the next element.  An empty
SEQUENCE gives INITIAL-VALUE without calling FUNCTION."
  (let ((total initial-value))
    (unless (seq-empty-p sequence)
      (seq-do (lambda (item) (setq total (funcall function total item))) sequence))
    total))

(cl-defgeneric seq-every-p (pred sequence)
  "Non-nil when every element of SEQUENCE satisfies PRED."
  (not (seq--scan item sequence (not (funcall pred item)))))

(cl-defgeneric seq-some (pred sequence)
  "The first non-nil value of PRED on an element of SEQUENCE, else nil."
  (seq--scan item sequence (funcall pred item)))

(cl-defgeneric seq-find (pred sequence &optional default)
  "The first element of SEQUENCE satisfying PRED; DEFAULT when there is none."
  (car (seq--scan item sequence (and (funcall pred item) (list item))
                  (list default))))

(cl-defgeneric seq-count (pred sequence)
  "How many elements of SEQUENCE satisfy PRED."
  (let ((hits 0))
    (seq-do (lambda (item) (if (funcall pred item) (setq hits (1+ hits)))) sequence)
    hits))

(cl-defgeneric seq-contains (sequence elt &optional testfn)
  "The first element of SEQUENCE that TESTFN (default `equal') finds equal to ELT."
  (declare (obsolete seq-contains-p "27.1"))
  (let ((same (or testfn #'equal)))
    (seq-some (lambda (item) (and (funcall same elt item) item)) sequence)))

(cl-defgeneric seq-contains-p (sequence elt &optional testfn)
  "Non-nil when some element of SEQUENCE is equal to ELT.
TESTFN compares (element first, ELT second); it defaults to `equal'."
  (let ((same (or testfn #'equal)))
    (seq--scan item sequence (and (funcall same item elt) t))))

(cl-defgeneric seq-set-equal-p (sequence1 sequence2 &optional testfn)
  "Non-nil when SEQUENCE1 and SEQUENCE2 hold the same elements, in any order.
TESTFN compares elements; it defaults to `equal'."
  (let ((covered (lambda (a b)
                   (seq-every-p (lambda (item) (seq-contains-p b item testfn)) a))))
    (and (funcall covered sequence1 sequence2) (funcall covered sequence2 sequence1))))

(cl-defgeneric seq-position (sequence elt &optional testfn)
  "The index of the first element of SEQUENCE equal to ELT, or nil.
TESTFN compares (element first, ELT second); it defaults to `equal'."
  (let ((same (or testfn #'equal)) (index -1))
    (seq--scan item sequence
               (progn (setq index (1+ index))
                      (and (funcall same item elt) index)))))

(defun seq--add-new (acc sequence testfn)
  "Push onto the list ACC each element of SEQUENCE not yet in it; return ACC."
  (seq-do (lambda (item)
            (or (seq-contains-p acc item testfn) (setq acc (cons item acc))))
          sequence)
  acc)

(cl-defgeneric seq-uniq (sequence &optional testfn)
  "A list of SEQUENCE's elements with later duplicates left out.
TESTFN compares elements; it defaults to `equal'."
  (nreverse (seq--add-new nil sequence testfn)))

;;;; Sets.

(cl-defgeneric seq-union (sequence1 sequence2 &optional testfn)
  "A list of the elements found in SEQUENCE1 or SEQUENCE2, each once.
TESTFN compares elements; it defaults to `equal'."
  (nreverse (seq--add-new (seq--add-new nil sequence1 testfn) sequence2 testfn)))

(cl-defgeneric seq-intersection (sequence1 sequence2 &optional testfn)
  "A list of the elements of SEQUENCE1 also found in SEQUENCE2.
TESTFN compares elements; it defaults to `equal'."
  (seq-filter (lambda (item) (seq-contains-p sequence2 item testfn)) sequence1))

(cl-defgeneric seq-difference (sequence1 sequence2 &optional testfn)
  "A list of the elements of SEQUENCE1 not found in SEQUENCE2.
TESTFN compares elements; it defaults to `equal'."
  (seq-remove (lambda (item) (seq-contains-p sequence2 item testfn)) sequence1))

(cl-defgeneric seq-group-by (function sequence)
  "An alist grouping SEQUENCE's elements by their value under FUNCTION.
Each entry is (KEY . ELEMENTS); keys are compared with `equal'."
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
  "The least of the numbers (or markers) in SEQUENCE."
  (apply #'min (seq-into sequence 'list)))

(cl-defgeneric seq-max (sequence)
  "The greatest of the numbers (or markers) in SEQUENCE."
  (apply #'max (seq-into sequence 'list)))

(defun seq--elt-safe (sequence n)
  "SEQUENCE's element N, or nil when there is no such element."
  (condition-case nil (seq-elt sequence n) (error nil)))

(cl-defgeneric seq-random-elt (sequence)
  "An element of SEQUENCE picked at random; SEQUENCE must not be empty."
  (when (seq-empty-p sequence)
    (error "Sequence cannot be empty"))
  (seq-elt sequence (random (seq-length sequence))))

(provide 'seq)

;;; seq.el ends here
