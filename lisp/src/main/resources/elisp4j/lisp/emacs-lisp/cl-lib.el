;;; cl-lib.el --- Common Lisp extensions  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; cl-lib.el does.  This file holds the small list and number functions
;; and the most used macros; `cl-macs', `cl-seq' and `cl-extra' (loaded
;; at the end) hold the rest.

;;; Code:

(require 'macroexp)
(require 'gv)

;;;; Generalized-variable macros.

(defun cl--step-place (place amount op op-by-one)
  "The expansion of stepping PLACE by AMOUNT with OP (OP-BY-ONE when nil)."
  (cond ((not (symbolp place)) (list 'cl-callf op place (or amount 1)))
        (amount (list 'setq place (list op place amount)))
        (t (list 'setq place (list op-by-one place)))))

(defmacro cl-incf (place &optional x)
  "Add X (default 1) to the number in PLACE, a variable or `setf' place.
Return the new value."
  (declare (debug (place &optional form)))
  (cl--step-place place x '+ '1+))

(defmacro cl-decf (place &optional x)
  "Subtract X (default 1) from the number in PLACE, a variable or `setf' place.
Return the new value."
  (declare (debug cl-incf))
  (cl--step-place place x '- '1-))

(defmacro cl-pushnew (x place &rest keys)
  "Push X onto the list in PLACE unless it is already a member.
Membership is `eql' unless KEYS give :test, :test-not or :key.
\n(fn X PLACE [KEYWORD VALUE]...)"
  (declare (debug (form place &rest [keywordp form])))
  (cond
   ((not (symbolp place)) (cl-list* 'cl-callf2 'cl-adjoin x place keys))
   (keys (list 'setq place (cl-list* 'cl-adjoin x place keys)))
   (t (macroexp-let2 nil var x
        `(if (memql ,var ,place)
             (with-no-warnings ,place)
           (setq ,place (cons ,var ,place)))))))

;;;; Numbers.

(defun cl-plusp (number)
  "Non-nil when NUMBER is greater than zero."
  (declare (side-effect-free t))
  (> number 0))

(defun cl-minusp (number)
  "Non-nil when NUMBER is less than zero."
  (declare (side-effect-free t))
  (< number 0))

(defun cl-oddp (integer)
  "Non-nil when INTEGER is not divisible by two."
  (declare (side-effect-free t))
  (= (logand integer 1) 1))

(defun cl-evenp (integer)
  "Non-nil when INTEGER is divisible by two."
  (declare (side-effect-free t))
  (= (logand integer 1) 0))

(defconst cl-most-positive-float 1.7976931348623157e+308
  "The largest value that a Lisp float can hold.")
(defconst cl-most-negative-float -1.7976931348623157e+308
  "The largest negative value that a Lisp float can hold.")
(defconst cl-least-positive-float 5e-324
  "The smallest value greater than zero that a Lisp float can hold.")
(defconst cl-least-negative-float -5e-324
  "The smallest value less than zero that a Lisp float can hold.")
(defconst cl-least-positive-normalized-float 2.2250738585072014e-308
  "The smallest normalized Lisp float greater than zero.")
(defconst cl-least-negative-normalized-float -2.2250738585072014e-308
  "The smallest normalized Lisp float less than zero.")
(defconst cl-float-epsilon 2.220446049250313e-16
  "The smallest positive float that, added to 1.0, gives a different float.")
(defconst cl-float-negative-epsilon 1.1102230246251565e-16
  "The smallest positive float that, subtracted from 1.0, gives a different float.")

(defun cl-digit-char-p (char &optional radix)
  "Return the value of CHAR as a digit in RADIX (default 10), or nil.
Letters stand for the digits 10 to 35, in either case."
  (let ((r (or radix 10)))
    (unless (and (integerp r) (<= 2 r 36))
      (signal 'args-out-of-range (list 'radix r '(2 36))))
    (unless (fixnump char)
      (signal 'wrong-type-argument (list 'fixnump char)))
    (let ((weight (cond ((<= ?0 char ?9) (- char ?0))
                        ((<= ?a char ?z) (+ 10 (- char ?a)))
                        ((<= ?A char ?Z) (+ 10 (- char ?A))))))
      (and weight (< weight r) weight))))

;;;; Multiple values (lists, in Emacs Lisp).

(defalias 'cl-values #'list
  "Return multiple values: in Emacs Lisp, simply the list of its arguments.")

(defalias 'cl-values-list #'identity
  "Return the elements of LIST as multiple values: the list itself.")

(defalias 'cl-multiple-value-list #'identity
  "Return a list of the multiple values of EXPRESSION: its value itself.")

(defalias 'cl-multiple-value-call #'apply
  "Apply FUNCTION to the multiple values of the ARGUMENTS (their lists).")

(defun cl-multiple-value-apply (function expression)
  "Apply FUNCTION to the multiple values of EXPRESSION (the list it returned)."
  (apply function expression))

(defun cl-nth-value (n expression)
  "Return the Nth of the multiple values of EXPRESSION."
  (nth n expression))

;;;; Declarations (recorded, but there is no compiler to use them).

(defvar cl--proclaims nil
  "Declarations recorded by `cl-proclaim'.")

(defun cl-proclaim (spec)
  "Record the global declaration SPEC."
  (push spec cl--proclaims)
  nil)

(defmacro cl-declaim (&rest specs)
  "Like `cl-proclaim', for each of the unevaluated SPECS."
  (macroexp-progn (mapcar (lambda (s) `(cl-proclaim ',s)) specs)))

;;;; List accessors.

(defalias 'cl-first #'car "Return the first element of LIST.")
(defalias 'cl-second #'cadr "Return the second element of LIST.")
(defalias 'cl-rest #'cdr "Return the tail of LIST after its first element.")

(defun cl-third (x)
  "Return the third element of the list X."
  (declare (side-effect-free t))
  (car (cddr x)))

(defun cl-fourth (x)
  "Return the fourth element of the list X."
  (declare (side-effect-free t))
  (nth 3 x))

(defun cl-fifth (x)
  "Return the fifth element of the list X."
  (declare (side-effect-free t))
  (nth 4 x))

(defun cl-sixth (x)
  "Return the sixth element of the list X."
  (declare (side-effect-free t))
  (nth 5 x))

(defun cl-seventh (x)
  "Return the seventh element of the list X."
  (declare (side-effect-free t))
  (nth 6 x))

(defun cl-eighth (x)
  "Return the eighth element of the list X."
  (declare (side-effect-free t))
  (nth 7 x))

(defun cl-ninth (x)
  "Return the ninth element of the list X."
  (declare (side-effect-free t))
  (nth 8 x))

(defun cl-tenth (x)
  "Return the tenth element of the list X."
  (declare (side-effect-free t))
  (nth 9 x))

(let ((n 2))
  (dolist (name '(cl-third cl-fourth cl-fifth cl-sixth cl-seventh
                  cl-eighth cl-ninth cl-tenth))
    (let ((index n))
      (function-put name 'gv-expander
                    (lambda (do list)
                      (gv-get `(nth ,index ,list) do))))
    (setq n (1+ n))))

;; The cXXXr combinations under their cl- names.
(dolist (name '(caaar caadr cadar caddr cdaar cdadr cddar cdddr))
  (defalias (intern (concat "cl-" (symbol-name name))) name))

(defun cl--cxr (path x)
  "Apply `car' or `cdr' to X for each letter of PATH, from its end."
  (let ((i (1- (length path))))
    (while (>= i 0)
      (setq x (if (eq (aref path i) ?a) (car x) (cdr x))
            i (1- i)))
    x))

(dolist (path '("aaaa" "aaad" "aada" "aadd" "adaa" "adad" "adda" "addd"
                "daaa" "daad" "dada" "dadd" "ddaa" "ddad" "ddda" "dddd"))
  (let ((p path))
    (defalias (intern (format "cl-c%sr" p))
      (lambda (x) (cl--cxr p x))
      (format "Return the `c%sr' of X." p))))

(defun cl-list* (arg &rest others)
  "Return a new list with the given elements, the last one being its tail.
\(cl-list* A B C) is (cons A (cons B C)).
\n(fn ARG...)"
  (if (null others)
      arg
    (let* ((all (cons arg others))
           (copy (copy-sequence all))
           (before-last (nthcdr (- (length copy) 2) copy)))
      (setcdr before-last (car (cdr before-last)))
      copy)))

(defun cl-ldiff (list sublist)
  "Return a copy of LIST up to but not including SUBLIST.
SUBLIST must be a tail of LIST (compared with `eq') for this to stop early."
  (let ((out nil))
    (while (and (consp list) (not (eq list sublist)))
      (push (car list) out)
      (setq list (cdr list)))
    (nreverse out)))

(defun cl-copy-list (list)
  "Return a copy of LIST, which may be a dotted list.
Only the top-level conses are copied."
  (if (consp list)
      (let ((out nil))
        (while (consp list)
          (push (car list) out)
          (setq list (cdr list)))
        (prog1 (nreverse out) (setcdr out list)))
    (car list)))

(defun cl-adjoin (item list &rest keys)
  "Return ITEM consed onto the front of LIST only if it's not already there.
Presence is tested with `eql', or as KEYS specify (:test :test-not :key);
with :key, the key function is applied to ITEM too.
\n(fn ITEM LIST [KEYWORD VALUE]...)"
  (cond ((and (null keys) (not (numberp item)))
         (if (memq item list) list (cons item list)))
        ((equal keys '(:test equal))
         (if (member item list) list (cons item list)))
        (t
         (let ((key (car (cdr (memq :key keys)))))
           (if (apply #'cl-member (if key (funcall key item) item) list keys)
               list
             (cons item list))))))

(defun cl-subst (new old tree &rest keys)
  "Substitute NEW for OLD everywhere in TREE (non-destructively).
Return a copy of TREE with all elements `eql' to OLD replaced by NEW.
\n(fn NEW OLD TREE [KEYWORD VALUE]...)"
  (if (or keys (and (numberp old) (not (fixnump old))))
      (apply #'cl-sublis (list (cons old new)) tree keys)
    (cl--subst-eq new old tree)))

(defun cl--subst-eq (new old tree)
  "Replace OLD by NEW in TREE, comparing with `eq'; share unchanged parts."
  (cond ((eq tree old) new)
        ((consp tree)
         (let ((a (cl--subst-eq new old (car tree)))
               (d (cl--subst-eq new old (cdr tree))))
           (if (and (eq a (car tree)) (eq d (cdr tree)))
               tree
             (cons a d))))
        (t tree)))

(defun cl-acons (key value alist)
  "Add KEY and VALUE to ALIST: return (cons (cons KEY VALUE) ALIST)."
  (cons (cons key value) alist))

(defun cl-pairlis (keys values &optional alist)
  "Make an alist from KEYS and VALUES, prepended to ALIST."
  (nconc (cl-mapcar #'cons keys values) alist))

;;;; Mapping.

(defun cl--elements (seq)
  "SEQ as a list (itself if it is a list)."
  (if (listp seq) seq (append seq nil)))

(defun cl-mapcar (func x &rest rest)
  "Apply FUNCTION to each element of the SEQs, and make a list of the results.
With several SEQs, FUNCTION gets one argument from each, and the
mapping stops at the end of the shortest one.
\n(fn FUNCTION SEQ...)"
  (if (null rest)
      (mapcar func x)
    (let ((lists (mapcar #'cl--elements (cons x rest)))
          (out nil))
      (while (not (memq nil lists))
        (push (apply func (mapcar #'car lists)) out)
        (setq lists (mapcar #'cdr lists)))
      (nreverse out))))

(defvar cl--gensym-counter 0
  "Counter used by `cl-gensym' and `cl-gentemp'.")

(provide 'cl-lib)

(require 'cl-macs)
(require 'cl-seq)
(require 'cl-extra)

;;; cl-lib.el ends here
