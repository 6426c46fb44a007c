;;; cl-extra.el --- Common Lisp extensions: functions  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; cl-extra.el does: type coercion, `cl-equalp', the mapping functions,
;; integer division, random numbers, subsequences and property lists.

;;; Code:

(require 'cl-lib)

;;;; Types.

(defun cl-coerce (x type)
  "X converted to TYPE, a Common Lisp type specifier.
Sequences convert to `list', `vector', `array', `string' or
`bool-vector'; a one-character string or a symbol named by one
character to `character'; a number to `float'.  An X already of
TYPE comes back unchanged; anything else is an error."
  (pcase type
    ('list (if (listp x) x (append x nil)))
    ('vector (if (vectorp x) x (vconcat x)))
    ('array (if (arrayp x) x (vconcat x)))
    ('string (if (stringp x) x (concat x)))
    ('bool-vector (if (bool-vector-p x) x (apply #'bool-vector (append x nil))))
    ('float (float x))
    (_ (cond
        ((and (eq type 'character) (symbolp x)) (cl-coerce (symbol-name x) type))
        ((and (eq type 'character) (stringp x) (= (length x) 1)) (aref x 0))
        ((cl-typep x type) x)
        (t (error "Can't coerce %s to type %s" x type))))))

(defun cl-equalp (x y)
  "Non-nil when X and Y are `equal' but for case and numeric type.
Strings are compared ignoring case, numbers with `=', and conses and
vectors element by element with this same test."
  (cond ((eq x y) t)
        ((stringp x)
         (and (stringp y) (= (length x) (length y))
              (or (string-equal x y) (string-equal (downcase x) (downcase y)))))
        ((numberp x) (and (numberp y) (= x y)))
        ((consp x)
         (let ((a x) (b y))
           (while (and (consp a) (consp b) (cl-equalp (car a) (car b)))
             (setq a (cdr a) b (cdr b)))
           (and (atom a) (cl-equalp a b))))
        ((vectorp x)
         (and (vectorp y) (= (length x) (length y))
              (catch 'differ
                (dotimes (i (length x) t)
                  (unless (cl-equalp (aref x i) (aref y i)) (throw 'differ nil))))))
        (t (equal x y))))

;;;; Mapping.

(defun cl-map (type func seq &rest rest)
  "Map a FUNCTION across one or more SEQUENCEs, returning a sequence of TYPE.
\n(fn TYPE FUNCTION SEQUENCE...)"
  (cl-coerce (apply #'cl-mapcar func seq rest) type))

(defun cl--tails-map (func lists collect)
  "Call FUNC on the successive tails of LISTS (together) until one ends.
Return the list of results when COLLECT."
  (let ((out nil))
    (while (not (memq nil lists))
      (let ((v (apply func lists)))
        (if collect (push v out)))
      (setq lists (mapcar #'cdr lists)))
    (nreverse out)))

(defun cl-maplist (func list &rest rest)
  "Map FUNCTION to each sublist of LIST or LISTs.
Like `cl-mapcar', except applies to lists and their cdr's rather than to
the elements themselves.
\n(fn FUNCTION LIST...)"
  (cl--tails-map func (cons list rest) t))

(defun cl-mapc (func seq &rest rest)
  "Like `cl-mapcar', but does not accumulate values returned by the function.
\n(fn FUNCTION SEQUENCE...)"
  (if rest
      (progn (apply #'cl-mapcar func seq rest) seq)
    (mapc func seq)))

(defun cl-mapl (func list &rest rest)
  "Like `cl-maplist', but does not accumulate values returned by the function.
\n(fn FUNCTION LIST...)"
  (cl--tails-map func (cons list rest) nil)
  list)

(defun cl-mapcan (func seq &rest rest)
  "Like `cl-mapcar', but nconc's together the values returned by the function.
\n(fn FUNCTION SEQUENCE...)"
  (if rest
      (apply #'nconc (apply #'cl-mapcar func seq rest))
    (mapcan func seq)))

(defun cl-mapcon (func list &rest rest)
  "Like `cl-maplist', but nconc's together the values returned by the function.
\n(fn FUNCTION LIST...)"
  (apply #'nconc (apply #'cl-maplist func list rest)))

(defun cl-some (pred seq &rest rest)
  "Say whether PREDICATE is true for any element in the SEQ sequences.
Return the first non-nil value PREDICATE returns, or nil.
\n(fn PREDICATE SEQ...)"
  (if (or rest (nlistp seq))
      (catch 'cl--some
        (apply #'cl-mapc (lambda (&rest args)
                           (let ((v (apply pred args)))
                             (if v (throw 'cl--some v))))
               seq rest)
        nil)
    (let ((v nil))
      (while (and seq (null (setq v (funcall pred (pop seq))))))
      v)))

(defun cl-every (pred seq &rest rest)
  "Return true if PREDICATE is true of every element of SEQ or SEQs.
\n(fn PREDICATE SEQ...)"
  (if (or rest (nlistp seq))
      (catch 'cl--every
        (apply #'cl-mapc (lambda (&rest args)
                           (or (apply pred args) (throw 'cl--every nil)))
               seq rest)
        t)
    (while (and seq (funcall pred (car seq)))
      (setq seq (cdr seq)))
    (null seq)))

(defun cl-notany (pred seq &rest rest)
  "Return true if PREDICATE is false of every element of SEQ or SEQs.
\n(fn PREDICATE SEQ...)"
  (not (apply #'cl-some pred seq rest)))

(defun cl-notevery (pred seq &rest rest)
  "Return true if PREDICATE is false of some element of SEQ or SEQs.
\n(fn PREDICATE SEQ...)"
  (not (apply #'cl-every pred seq rest)))

;;;; Numbers.

(defun cl-gcd (&rest args)
  "Return the greatest common divisor of the arguments."
  (let ((a (abs (or (car args) 0))))
    (dolist (b (cdr args))
      (setq b (abs b))
      (while (> b 0)
        (setq b (% a (setq a b)))))
    a))

(defun cl-lcm (&rest args)
  "Return the least common multiple of the arguments."
  (if (memq 0 args)
      0
    (let ((a (abs (or (car args) 1))))
      (dolist (b (cdr args))
        (setq a (* (/ a (cl-gcd a b)) (abs b))))
      a)))

(defun cl-isqrt (x)
  "Return the integer square root of the (integer) argument X."
  (cond ((and (integerp x) (> x 0))
         ;; Newton's iteration from a power of two above the root.
         (let ((g (ash 1 (1+ (/ (logb x) 2)))) (next nil))
           (while (< (setq next (/ (+ g (/ x g)) 2)) g)
             (setq g next))
           (while (> (* g g) x) (setq g (1- g)))
           g))
        ((eq x 0) 0)
        (t (signal 'arith-error nil))))

(defun cl--with-remainder (quotient x y)
  "The list (QUOTIENT REMAINDER) for X divided by Y (1 if nil) giving QUOTIENT."
  (list quotient (- x (* quotient (or y 1)))))

(defun cl-floor (x &optional y)
  "The list (Q R): Q is X (divided by Y if given) rounded down, R what is left."
  (cl--with-remainder (floor x y) x y))

(defun cl-ceiling (x &optional y)
  "The list (Q R): Q is X (divided by Y if given) rounded up, R what is left."
  (let ((down (cl-floor x y)))
    (if (zerop (nth 1 down))
        down
      ;; Taken from the floor's remainder, as Emacs does, for the same
      ;; float rounding.
      (list (1+ (car down)) (- (nth 1 down) (or y 1))))))

(defun cl-truncate (x &optional y)
  "The list (Q R): Q is X (divided by Y if given) rounded toward zero."
  (if (eq (< x 0) (and y (< y 0)))
      (cl-floor x y)
    (cl-ceiling x y)))

(defun cl-round (x &optional y)
  "The list (Q R): Q is X (divided by Y if given) rounded to nearest, ties to even."
  (cl--with-remainder (cond ((null y) (round x))
                            ((and (integerp x) (integerp y)) (round x y))
                            (t (round (/ x y))))
                      x y))

(defun cl-mod (x y)
  "The remainder of floor division of X by Y."
  (nth 1 (cl-floor x y)))

(defun cl-rem (x y)
  "The remainder of truncating division of X by Y."
  (nth 1 (cl-truncate x y)))

(defun cl-signum (x)
  "Return 1 if X is positive, -1 if negative, 0 if zero."
  (cond ((> x 0) 1)
        ((< x 0) -1)
        (t 0)))

(defun cl--whitespace-char-p (c)
  "Non-nil if C has whitespace syntax."
  (if (fboundp 'char-syntax)
      (= (char-syntax c) ?\s)
    (memq c '(?\s ?\t ?\n ?\r ?\f))))

(cl-defun cl-parse-integer (string &key start end radix junk-allowed)
  "The integer written in STRING between START and END, in base RADIX.
RADIX is 2 to 36, 10 by default.  Whitespace around the number and a
sign before it are allowed; anything else that is not a digit is an
error, unless JUNK-ALLOWED, when parsing stops there (nil when no
digit was found)."
  (cl-check-type string string)
  (let* ((pos (or start 0))
         (len (length string))
         (stop (or end len))
         (base (or radix 10))
         (sign 1) (sum nil) (digit nil))
    (unless (<= pos stop len)
      (error "Bad interval: [%d, %d)" pos stop))
    (while (and (< pos stop) (cl--whitespace-char-p (aref string pos)))
      (setq pos (1+ pos)))
    (when (< pos stop)
      (cond ((eq (aref string pos) ?+) (setq pos (1+ pos)))
            ((eq (aref string pos) ?-) (setq pos (1+ pos) sign -1))))
    (while (and (< pos stop)
                (setq digit (cl-digit-char-p (aref string pos) base)))
      (setq sum (+ (* (or sum 0) base) digit)
            pos (1+ pos)))
    (while (and (< pos stop) (cl--whitespace-char-p (aref string pos)))
      (setq pos (1+ pos)))
    (cond ((and junk-allowed (null sum)) nil)
          (junk-allowed (* sign sum))
          ((or (/= pos stop) (null sum))
           (error "Not an integer string: `%s'" string))
          (t (* sign sum)))))

;;;; Random numbers.

;; A subtractive generator over 55 words of 23 bits, as Emacs's cl-random
;; uses, so that seeded states give the same numbers.
(cl-defstruct (cl--random-state
               (:constructor nil) (:constructor cl--make-random-state (vec))
               (:predicate cl-random-state-p) (:copier nil))
  "The state of a `cl-random' generator: two indices into VEC, its words."
  (i -1) (j 30) vec)

(defun cl--random-seed-state (state seed)
  "Replace the integer SEED of STATE by its initial table of 55 words."
  (let ((table (make-vector 55 nil))
        (a (- 1357335 (abs (% seed 1357333))))
        (b 1)
        (i 0))
    (aset table 0 a)
    (while (> (setq i (% (+ i 21) 55)) 0)
      (aset table i b)
      (setq b (prog1 (- a b) (setq a b))))
    (setf (cl--random-state-vec state) table)
    ;; Stir the table before use.
    (dotimes (_ 199) (cl--random-word state))))

(defun cl--random-word (state)
  "Advance STATE and return its next 23-bit word."
  (let ((table (cl--random-state-vec state)))
    (when (integerp table)
      (cl--random-seed-state state table)
      (setq table (cl--random-state-vec state)))
    (let ((i (setf (cl--random-state-i state) (% (1+ (cl--random-state-i state)) 55)))
          (j (setf (cl--random-state-j state) (% (1+ (cl--random-state-j state)) 55))))
      (aset table i (logand 8388607 (- (aref table i) (aref table j)))))))

(defvar cl--random-state (cl--make-random-state (abs (random)))
  "The random state used by `cl-random' when none is given.")

(defun cl-random (lim &optional state)
  "Return a pseudo-random nonnegative number less than LIM, an integer or float.
Optional second arg STATE is a random-state object."
  (or state (setq state cl--random-state))
  (let ((n (cl--random-word state)))
    (cond ((not (integerp lim)) (* (/ n 8388608e0) lim))
          ((<= lim 512) (% n lim))
          (t
           (if (> lim 8388607) (setq n (+ (ash n 9) (cl-random 512 state))))
           (let ((mask 1023))
             (while (< mask (1- lim)) (setq mask (1+ (+ mask mask))))
             (setq n (logand n mask))
             (if (< n lim) n (cl-random lim state)))))))

(defun cl-make-random-state (&optional state)
  "A new random state: a copy of STATE, or of the current state when nil.
STATE t, or an integer, seeds a fresh state instead."
  (let ((from (or state cl--random-state)))
    (cond ((cl-random-state-p from) (copy-sequence from))
          ((integerp from) (cl--make-random-state from))
          (t (cl--make-random-state (abs (random)))))))

(defun cl-float-limits ()
  "Set the float limit variables (`cl-most-positive-float' and friends).
Lisp floats are IEEE doubles, so the values are fixed."
  (setq cl-most-positive-float 1.7976931348623157e+308
        cl-most-negative-float -1.7976931348623157e+308
        cl-least-positive-float 5e-324
        cl-least-negative-float -5e-324
        cl-least-positive-normalized-float 2.2250738585072014e-308
        cl-least-negative-normalized-float -2.2250738585072014e-308
        cl-float-epsilon 2.220446049250313e-16
        cl-float-negative-epsilon 1.1102230246251565e-16)
  nil)

;;;; Sequences.

(defun cl-subseq (seq start &optional end)
  "The elements of SEQ from index START up to, not including, index END.
Without END they run to the end; negative indices count from the end.
Indices beyond either end of SEQ are an error.  A `setf' place."
  (declare (gv-setter
            (lambda (new)
              (macroexp-let2 nil new new
                `(progn (cl-replace ,seq ,new :start1 ,start :end1 ,end)
                        ,new)))))
  (cond
   ((or (stringp seq) (vectorp seq)) (substring seq start end))
   ((listp seq)
    (let ((len nil)
          (bad (lambda () (error "Bad bounding indices: %s, %s" start end)))
          (from start) (to end))
      (when (and to (< to 0)) (setq to (+ to (setq len (length seq)))))
      (when (< from 0) (setq from (+ from (or len (setq len (length seq))))))
      (unless (>= from 0) (funcall bad))
      (when (> from 0)
        (setq seq (nthcdr (1- from) seq))
        (unless seq (funcall bad))
        (setq seq (cdr seq)))
      (if to
          (let ((out nil) (n (- to from)))
            (while (and (> n 0) seq)
              (push (pop seq) out)
              (setq n (1- n)))
            (unless (= n 0) (funcall bad))
            (nreverse out))
        (copy-sequence seq))))
   (t (signal 'wrong-type-argument (list 'sequencep seq)))))

(defun cl-concatenate (type &rest sequences)
  "One sequence of type TYPE (`list', `vector' or `string') joining SEQUENCES.
\n(fn TYPE SEQUENCE...)"
  (elisp4j--concatenate type sequences))

;;;; Lists.

(defun cl-revappend (x y)
  "The elements of X in reverse order followed by Y; X is not changed."
  (nconc (reverse x) y))

(defun cl-nreconc (x y)
  "The elements of X in reverse order followed by Y, reusing X's conses."
  (nconc (nreverse x) y))

(defun cl-list-length (x)
  "Return the length of list X.  Return nil if list is circular."
  (let ((n 0) (slow x) (fast x) (result 'unknown))
    (while (eq result 'unknown)
      (cond ((null fast) (setq result n))
            ((not (consp fast)) (signal 'wrong-type-argument (list 'listp fast)))
            ((null (cdr fast)) (setq result (1+ n)))
            ((not (consp (cdr fast)))
             (signal 'wrong-type-argument (list 'listp (cdr fast))))
            (t (setq fast (cddr fast) slow (cdr slow) n (+ n 2))
               (when (and (eq fast slow) (consp fast)) (setq result nil)))))
    result))

(defun cl-tailp (sublist list)
  "Return true if SUBLIST is a tail of LIST."
  (while (and (consp list) (not (eql sublist list)))
    (setq list (cdr list)))
  (if (numberp sublist) (equal sublist list) (eq sublist list)))

;;;; Property lists.

(defun cl-get (symbol propname &optional default)
  "SYMBOL's property PROPNAME, or DEFAULT when SYMBOL has no such property."
  (declare (gv-setter (lambda (store) (ignore default) `(put ,symbol ,propname ,store))))
  (cl-getf (symbol-plist symbol) propname default))

(defun cl-getf (plist tag &optional def)
  "PROPNAME's value in the property list PROPLIST, or DEFAULT if it has none.
A `setf' place.
\n(fn PROPLIST PROPNAME &optional DEFAULT)"
  (declare (gv-expander (lambda (do) (cl--getf-place do plist tag def))))
  (let ((cell (plist-member plist tag)))
    (if cell (car (cdr cell)) def)))

(defun cl--getf-place (do plist tag def)
  "Expand the `cl-getf' place (cl-getf PLIST TAG DEF) for the gv function DO.
Storing sets the property with `cl--set-getf' and stores the resulting
list back into the PLIST place."
  (gv-letplace (getter setter) plist
    (macroexp-let2* nil ((k tag) (d def))
      (let ((store (lambda (v)
                     (macroexp-let2 nil val v
                       (list 'progn
                             (funcall setter (list 'cl--set-getf getter k val))
                             val)))))
        (funcall do (list 'cl-getf getter k d) store)))))

(defun cl--set-getf (plist tag val)
  "PLIST with TAG set to VAL: changed in place if TAG is there, else extended."
  (let ((cell (plist-member plist tag)))
    (if cell
        (progn (setcar (cdr cell) val) plist)
      (cl-list* tag val plist))))

(defun cl--do-remf (plist tag)
  "Remove TAG from PLIST in place, if it is there past the first pair.
Return t if it was found."
  (let ((p (cdr plist)))
    ;; Emacs checks only proper pairs; a dotted or odd tail stops the scan.
    (while (and (cdr p) (not (eq (car (cdr p)) tag)))
      (setq p (cdr (cdr p))))
    (and (cdr p) (progn (setcdr p (cdr (cdr (cdr p)))) t))))

(defun cl-remprop (symbol propname)
  "Remove from SYMBOL's plist the property PROPNAME and its value."
  (let ((plist (symbol-plist symbol)))
    (if (and plist (eq propname (car plist)))
        (progn (setplist symbol (cddr plist)) t)
      (cl--do-remf plist propname))))

(defun cl-find-class (type)
  "Return the class object describing TYPE, or nil."
  (cl--find-class type))

(provide 'cl-extra)

;;; cl-extra.el ends here
