;;; cl-seq.el --- Common Lisp sequence functions  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; cl-seq.el does: the sequence, list-set and tree functions with their
;; :test, :test-not, :key, :start, :end, :count and :from-end keywords,
;; returning the same results (element order included) and errors.

;;; Code:

(require 'cl-lib)

;;;; Keyword arguments.

(defsubst cl--kw (keyword keys)
  "The value given for KEYWORD in the keyword arguments KEYS, or nil."
  (car (cdr (memq keyword keys))))

(defun cl--check-keys (keys allowed)
  "Signal an error if KEYS holds a keyword not in ALLOWED.
A non-nil :allow-other-keys value allows any."
  (let ((tail keys))
    (while tail
      (unless (or (memq (car tail) allowed)
                  (cl--kw :allow-other-keys keys))
        (error "Bad keyword argument %s" (car tail)))
      (setq tail (cdr (cdr tail))))))

(defconst cl--test-keys '(:test :test-not :key :if :if-not)
  "The keywords that choose how elements are compared.")

(defun cl--key-fn (keys)
  "The :key function of KEYS, or `identity'."
  (or (cl--kw :key keys) #'identity))

(defun cl--matcher (item keys)
  "A function of one element: non-nil when the element matches ITEM under KEYS.
The :key function is applied to the element; :test (or :test-not) is
called with ITEM and that key; :if (or :if-not) with the key alone; the
default test is `eql'."
  (let* ((key (cl--kw :key keys))
         (test-not (cl--kw :test-not keys))
         (test (or test-not (cl--kw :test keys)))
         (if-not (cl--kw :if-not keys))
         (pred (or if-not (cl--kw :if keys))))
    (if key
        (cond (test-not (lambda (x) (not (funcall test item (funcall key x)))))
              (test (lambda (x) (funcall test item (funcall key x))))
              (if-not (lambda (x) (not (funcall pred (funcall key x)))))
              (pred (lambda (x) (funcall pred (funcall key x))))
              (t (lambda (x) (eql item (funcall key x)))))
      ;; Without :key, the common case: one call less per element.
      (cond (test-not (lambda (x) (not (funcall test item x))))
            (test (lambda (x) (funcall test item x)))
            (if-not (lambda (x) (not (funcall pred x))))
            (pred pred)
            (t (lambda (x) (eql item x)))))))

(defun cl--matcher2 (keys)
  "A function of two elements: non-nil when they match under KEYS.
The :key function is applied to both; the default test is `eql'."
  (let* ((key (cl--key-fn keys))
         (test-not (cl--kw :test-not keys))
         (test (or test-not (cl--kw :test keys))))
    (cond (test-not (lambda (x y) (not (funcall test (funcall key x) (funcall key y)))))
          (test (lambda (x y) (funcall test (funcall key x) (funcall key y))))
          (t (lambda (x y) (eql (funcall key x) (funcall key y)))))))

(defun cl--as-type-of (seq elements)
  "The list ELEMENTS as a sequence of the same kind as SEQ."
  (cond ((listp seq) elements)
        ((stringp seq) (concat elements))
        (t (vconcat elements))))

(defun cl--positions (match seq start end count from-end)
  "Indices of the elements of SEQ in [START, END) satisfying MATCH, ascending.
At most COUNT of them (all if COUNT is nil): the first ones, or the
last ones when FROM-END."
  (let ((found nil) (i start)
        ;; Without FROM-END, the scan stops after COUNT matches.
        (left (if from-end nil count)))
    (if (listp seq)
        (let ((p (nthcdr start seq)))
          (if (or end left)
              (while (and p (or (null end) (< i end)) (not (eql left 0)))
                (when (funcall match (car p))
                  (push i found)
                  (if left (setq left (1- left))))
                (setq p (cdr p) i (1+ i)))
            ;; The whole list: the loop most calls take, kept lean.
            (while p
              (if (funcall match (car p)) (push i found))
              (setq p (cdr p) i (1+ i)))))
      (let ((stop (or end (length seq))))
        (while (and (< i stop) (not (eql left 0)))
          (when (funcall match (aref seq i))
            (push i found)
            (if left (setq left (1- left))))
          (setq i (1+ i)))))
    (setq found (nreverse found))
    (when (and count (> (length found) count))
      (setq found (if from-end (nthcdr (- (length found) count) found)
                    (cl-subseq found 0 count))))
    found))

;;;; Basic sequence functions.

(defun cl-endp (x)
  "Return true if X is the empty list; false if it is a cons.
Signal an error if X is not a list."
  (cl-check-type x list)
  (null x))

(defun cl-reduce (func seq &rest keys)
  "Reduce two-argument FUNCTION across SEQ.
\nKeywords supported:  :start :end :from-end :initial-value :key
\n(fn FUNCTION SEQ [KEYWORD VALUE]...)"
  (cl--check-keys keys '(:from-end :start :end :initial-value :key))
  (let* ((key (cl--key-fn keys))
         (items (cl-subseq (if (listp seq) seq (append seq nil))
                           (or (cl--kw :start keys) 0) (cl--kw :end keys)))
         (from-end (cl--kw :from-end keys)))
    (if from-end (setq items (reverse items)))
    (let ((acc (cond ((memq :initial-value keys) (cl--kw :initial-value keys))
                     (items (funcall key (pop items)))
                     (t (funcall func)))))
      (dolist (x items)
        (setq acc (if from-end
                      (funcall func (funcall key x) acc)
                    (funcall func acc (funcall key x)))))
      acc)))

(defun cl-fill (seq item &rest keys)
  "Fill the elements of SEQ with ITEM.
\nKeywords supported:  :start :end
\n(fn SEQ ITEM [KEYWORD VALUE]...)"
  (cl--check-keys keys '(:start :end))
  (let ((start (or (cl--kw :start keys) 0))
        (end (cl--kw :end keys)))
    (if (listp seq)
        (let ((p (nthcdr start seq)) (i start))
          (while (and p (or (null end) (< i end)))
            (setcar p item)
            (setq p (cdr p) i (1+ i))))
      (let ((stop (or end (length seq))))
        (while (< start stop)
          (aset seq start item)
          (setq start (1+ start)))))
    seq))

(defun cl-replace (seq1 seq2 &rest keys)
  "Replace the elements of SEQ1 with the elements of SEQ2.
SEQ1 is destructively modified, then returned.
\nKeywords supported:  :start1 :end1 :start2 :end2
\n(fn SEQ1 SEQ2 [KEYWORD VALUE]...)"
  (cl--check-keys keys '(:start1 :end1 :start2 :end2))
  (let* ((start1 (or (cl--kw :start1 keys) 0))
         (end1 (or (cl--kw :end1 keys) (length seq1)))
         (start2 (or (cl--kw :start2 keys) 0))
         (end2 (or (cl--kw :end2 keys) (length seq2)))
         (n (min (- end1 start1) (- end2 start2)))
         ;; Copying the source first makes overlapping replacements safe.
         (source (append (cl-subseq seq2 start2 (+ start2 (max n 0))) nil)))
    (if (listp seq1)
        (let ((p (nthcdr start1 seq1)))
          (while (and p source)
            (setcar p (pop source))
            (setq p (cdr p))))
      (let ((i start1))
        (while source
          (aset seq1 i (pop source))
          (setq i (1+ i)))))
    seq1))

;;;; Removing and substituting.

(defun cl--remove-at (seq indices)
  "A fresh list of the elements of SEQ, without those at INDICES (ascending).
For a list, the tail after the last removed element is shared."
  (let ((out nil) (i 0) (p (if (listp seq) seq (append seq nil))))
    (while (and indices p)
      (if (= i (car indices))
          (pop indices)
        (push (car p) out))
      (setq p (cdr p) i (1+ i)))
    (nconc (nreverse out) (if (listp seq) p (copy-sequence p)))))

(defun cl--from-end-p (keys seq count)
  "Whether removal honours :from-end in KEYS for SEQ and COUNT.
EMACS-COMPAT: Emacs takes the last matches only when COUNT is below
half the length of SEQ; otherwise it removes the first ones."
  (and (cl--kw :from-end keys) count (< count (/ (length seq) 2))))

(defun cl--remove (item seq keys)
  "Shared by `cl-remove' and friends: SEQ without the elements matching ITEM.
Return SEQ itself when nothing is removed."
  (cl--check-keys keys (append '(:count :from-end :start :end) cl--test-keys))
  (let ((count (cl--kw :count keys)))
    (if (and count (<= count 0))
        seq
      (let ((indices (cl--positions (cl--matcher item keys) seq
                                    (or (cl--kw :start keys) 0) (cl--kw :end keys)
                                    count (cl--from-end-p keys seq count))))
        (if (null indices)
            seq
          (cl--as-type-of seq (cl--remove-at seq indices)))))))

(defun cl-remove (item seq &rest keys)
  "Remove all occurrences of ITEM in SEQ, without modifying SEQ.
\nKeywords supported:  :test :test-not :key :count :start :end :from-end
\n(fn ITEM SEQ [KEYWORD VALUE]...)"
  (cl--remove item seq keys))

(defun cl-remove-if (pred seq &rest keys)
  "Remove all items satisfying PREDICATE in SEQ, without modifying SEQ.
\nKeywords supported:  :key :count :start :end :from-end
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--remove nil seq (cl-list* :if pred keys)))

(defun cl-remove-if-not (pred seq &rest keys)
  "Remove all items not satisfying PREDICATE in SEQ, without modifying SEQ.
\nKeywords supported:  :key :count :start :end :from-end
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--remove nil seq (cl-list* :if-not pred keys)))

(defun cl--delete (item seq keys)
  "Shared by `cl-delete' and friends: remove matches of ITEM from SEQ in place."
  (if (not (listp seq))
      (cl--remove item seq keys)
    (cl--check-keys keys (append '(:count :from-end :start :end) cl--test-keys))
    (let ((count (cl--kw :count keys)))
      (if (and count (<= count 0))
          seq
        (let ((indices (cl--positions (cl--matcher item keys) seq
                                      (or (cl--kw :start keys) 0) (cl--kw :end keys)
                                      count (cl--from-end-p keys seq count)))
              (i 0) (prev nil) (p seq))
          (while (and indices p)
            (if (/= i (car indices))
                (setq prev p)
              (pop indices)
              (if prev (setcdr prev (cdr p)) (setq seq (cdr p))))
            (setq p (cdr p) i (1+ i)))
          seq)))))

(defun cl-delete (item seq &rest keys)
  "Remove all occurrences of ITEM in SEQ, reusing its storage when possible.
\nKeywords supported:  :test :test-not :key :count :start :end :from-end
\n(fn ITEM SEQ [KEYWORD VALUE]...)"
  (cl--delete item seq keys))

(defun cl-delete-if (pred seq &rest keys)
  "Remove all items satisfying PREDICATE in SEQ, destructively.
\nKeywords supported:  :key :count :start :end :from-end
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--delete nil seq (cl-list* :if pred keys)))

(defun cl-delete-if-not (pred seq &rest keys)
  "Remove all items not satisfying PREDICATE in SEQ, destructively.
\nKeywords supported:  :key :count :start :end :from-end
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--delete nil seq (cl-list* :if-not pred keys)))

(defun cl--duplicate-indices (seq keys)
  "Indices of the elements of SEQ that a duplicate removal drops.
Without :from-end an element goes when a later one in range matches it;
with :from-end, when an earlier one does."
  (cl--check-keys keys '(:test :test-not :key :start :end :from-end :if))
  (let* ((items (if (listp seq) seq (append seq nil)))
         (start (or (cl--kw :start keys) 0))
         (end (or (cl--kw :end keys) (length items)))
         (same (cl--matcher2 keys))
         (range (cl-subseq items start end))
         (drop nil) (i start))
    (if (cl--kw :from-end keys)
        (let ((kept nil))
          (dolist (x range)
            (if (let ((found nil) (k kept))
                  (while (and k (not found))
                    (setq found (funcall same (car k) x) k (cdr k)))
                  found)
                (push i drop)
              (setq kept (nconc kept (list x))))
            (setq i (1+ i))))
      (let ((rest range))
        (while rest
          (let ((x (car rest)) (later (cdr rest)) (found nil))
            (while (and later (not found))
              (setq found (funcall same x (car later)) later (cdr later)))
            (when found (push i drop)))
          (setq rest (cdr rest) i (1+ i)))))
    (nreverse drop)))

(defun cl-remove-duplicates (seq &rest keys)
  "Return a copy of SEQ with all duplicate elements removed.
\nKeywords supported:  :test :test-not :key :start :end :from-end
\n(fn SEQ [KEYWORD VALUE]...)"
  (let ((drop (cl--duplicate-indices seq keys)))
    (if (null drop) seq (cl--as-type-of seq (cl--remove-at seq drop)))))

(defun cl-delete-duplicates (seq &rest keys)
  "Remove all duplicate elements from SEQ (destructively).
\nKeywords supported:  :test :test-not :key :start :end :from-end
\n(fn SEQ [KEYWORD VALUE]...)"
  (let ((drop (cl--duplicate-indices seq keys)))
    (cond ((null drop) seq)
          ((not (listp seq)) (cl--as-type-of seq (cl--remove-at seq drop)))
          (t (let ((i 0) (prev nil) (p seq))
               (while (and drop p)
                 (if (/= i (car drop))
                     (setq prev p)
                   (pop drop)
                   (if prev (setcdr prev (cdr p)) (setq seq (cdr p))))
                 (setq p (cdr p) i (1+ i)))
               seq)))))

(defun cl--nsubstitute (new old seq keys)
  "Replace, in place, the elements of SEQ matching OLD by NEW."
  (cl--check-keys keys (append '(:count :start :end :from-end) cl--test-keys))
  (let ((count (cl--kw :count keys)))
    (unless (or (eq old new) (and count (<= count 0)))
      (let ((indices (cl--positions
                      (cl--matcher old keys) seq
                      (or (cl--kw :start keys) 0) (cl--kw :end keys) count
                      ;; EMACS-COMPAT: lists honour :from-end only when
                      ;; COUNT is at most half their length.
                      (and (cl--kw :from-end keys) count
                           (or (not (listp seq)) (<= count (/ (length seq) 2)))))))
        (if (listp seq)
            (let ((i 0) (p seq))
              (while (and indices p)
                (when (= i (car indices))
                  (setcar p new)
                  (pop indices))
                (setq p (cdr p) i (1+ i))))
          (dolist (i indices) (aset seq i new)))))
    seq))

(defun cl-nsubstitute (new old seq &rest keys)
  "Substitute NEW for OLD in SEQ, destructively.
\nKeywords supported:  :test :test-not :key :count :start :end :from-end
\n(fn NEW OLD SEQ [KEYWORD VALUE]...)"
  (cl--nsubstitute new old seq keys))

(defun cl-nsubstitute-if (new pred seq &rest keys)
  "Substitute NEW for all items satisfying PREDICATE in SEQ, destructively.
\n(fn NEW PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--nsubstitute new nil seq (cl-list* :if pred keys)))

(defun cl-nsubstitute-if-not (new pred seq &rest keys)
  "Substitute NEW for all items not satisfying PREDICATE in SEQ, destructively.
\n(fn NEW PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--nsubstitute new nil seq (cl-list* :if-not pred keys)))

(defun cl--substitute (new old seq keys)
  "Like `cl--nsubstitute' on a copy of SEQ, made only if something changes."
  (cl--check-keys keys (append '(:count :start :end :from-end) cl--test-keys))
  (let ((count (cl--kw :count keys)))
    (if (or (eq old new) (and count (<= count 0))
            (null (cl--positions (cl--matcher old keys) seq
                                 (or (cl--kw :start keys) 0) (cl--kw :end keys)
                                 1 nil)))
        seq
      (cl--nsubstitute new old (copy-sequence seq) keys))))

(defun cl-substitute (new old seq &rest keys)
  "Substitute NEW for OLD in SEQ, without modifying SEQ.
\nKeywords supported:  :test :test-not :key :count :start :end :from-end
\n(fn NEW OLD SEQ [KEYWORD VALUE]...)"
  (cl--substitute new old seq keys))

(defun cl-substitute-if (new pred seq &rest keys)
  "Substitute NEW for all items satisfying PREDICATE in SEQ, non-destructively.
\n(fn NEW PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--substitute new nil seq (cl-list* :if pred keys)))

(defun cl-substitute-if-not (new pred seq &rest keys)
  "Substitute NEW for all items not satisfying PREDICATE in SEQ, non-destructively.
\n(fn NEW PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--substitute new nil seq (cl-list* :if-not pred keys)))

;;;; Searching.

(defun cl--position (item seq keys)
  "The index of the first (or, with :from-end, last) match of ITEM in SEQ."
  (cl--check-keys keys (append '(:start :end :from-end) cl--test-keys))
  (let ((from-end (cl--kw :from-end keys)))
    (car (last (cl--positions (cl--matcher item keys) seq
                              (or (cl--kw :start keys) 0) (cl--kw :end keys)
                              (if from-end nil 1) nil)))))

(defun cl-position (item seq &rest keys)
  "Find the first occurrence of ITEM in SEQ; return its index or nil.
\nKeywords supported:  :test :test-not :key :start :end :from-end
\n(fn ITEM SEQ [KEYWORD VALUE]...)"
  (cl--position item seq keys))

(defun cl-position-if (pred seq &rest keys)
  "Find the first item satisfying PREDICATE in SEQ; return its index or nil.
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--position nil seq (cl-list* :if pred keys)))

(defun cl-position-if-not (pred seq &rest keys)
  "Find the first item not satisfying PREDICATE in SEQ; return its index or nil.
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--position nil seq (cl-list* :if-not pred keys)))

(defun cl-find (item seq &rest keys)
  "Find the first occurrence of ITEM in SEQ; return the matching element or nil.
\nKeywords supported:  :test :test-not :key :start :end :from-end
\n(fn ITEM SEQ [KEYWORD VALUE]...)"
  (let ((pos (cl--position item seq keys)))
    (and pos (elt seq pos))))

(defun cl-find-if (pred seq &rest keys)
  "Find the first item satisfying PREDICATE in SEQ.
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (apply #'cl-find nil seq :if pred keys))

(defun cl-find-if-not (pred seq &rest keys)
  "Find the first item not satisfying PREDICATE in SEQ.
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (apply #'cl-find nil seq :if-not pred keys))

(defun cl--count (item seq keys)
  "The number of matches of ITEM in SEQ."
  (cl--check-keys keys (append '(:start :end) cl--test-keys))
  (length (cl--positions (cl--matcher item keys) seq
                         (or (cl--kw :start keys) 0) (cl--kw :end keys) nil nil)))

(defun cl-count (item seq &rest keys)
  "Count the number of occurrences of ITEM in SEQ.
\nKeywords supported:  :test :test-not :key :start :end
\n(fn ITEM SEQ [KEYWORD VALUE]...)"
  (cl--count item seq keys))

(defun cl-count-if (pred seq &rest keys)
  "Count the number of items satisfying PREDICATE in SEQ.
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--count nil seq (cl-list* :if pred keys)))

(defun cl-count-if-not (pred seq &rest keys)
  "Count the number of items not satisfying PREDICATE in SEQ.
\n(fn PREDICATE SEQ [KEYWORD VALUE]...)"
  (cl--count nil seq (cl-list* :if-not pred keys)))

(defun cl-mismatch (seq1 seq2 &rest keys)
  "Compare SEQ1 with SEQ2, return index of first mismatching element.
Return nil if the sequences match.  With :from-end, compare from the
ends and return the index in SEQ1 just before the matching suffix.
\nKeywords supported:  :test :test-not :key :start1 :end1 :start2 :end2 :from-end
\n(fn SEQ1 SEQ2 [KEYWORD VALUE]...)"
  (cl--check-keys keys '(:test :test-not :key :from-end :start1 :end1 :start2 :end2))
  (let ((same (cl--matcher2 keys))
        (start1 (or (cl--kw :start1 keys) 0))
        (end1 (or (cl--kw :end1 keys) (length seq1)))
        (start2 (or (cl--kw :start2 keys) 0))
        (end2 (or (cl--kw :end2 keys) (length seq2))))
    (if (cl--kw :from-end keys)
        (progn
          (while (and (< start1 end1) (< start2 end2)
                      (funcall same (elt seq1 (1- end1)) (elt seq2 (1- end2))))
            (setq end1 (1- end1) end2 (1- end2)))
          (and (or (< start1 end1) (< start2 end2)) (1- end1)))
      (while (and (< start1 end1) (< start2 end2)
                  (funcall same (elt seq1 start1) (elt seq2 start2)))
        (setq start1 (1+ start1) start2 (1+ start2)))
      (and (or (< start1 end1) (< start2 end2)) start1))))

(defun cl-search (seq1 seq2 &rest keys)
  "Search for SEQ1 as a subsequence of SEQ2.
Return the index of the leftmost element of the first match found (the
last one with :from-end); return nil if there are no matches.
\nKeywords supported:  :test :test-not :key :start1 :end1 :start2 :end2 :from-end
\n(fn SEQ1 SEQ2 [KEYWORD VALUE]...)"
  (cl--check-keys keys '(:test :test-not :key :from-end :start1 :end1 :start2 :end2))
  (let* ((same (cl--matcher2 keys))
         (start1 (or (cl--kw :start1 keys) 0))
         (end1 (or (cl--kw :end1 keys) (length seq1)))
         (start2 (or (cl--kw :start2 keys) 0))
         (end2 (or (cl--kw :end2 keys) (length seq2)))
         (from-end (cl--kw :from-end keys))
         (len (- end1 start1)))
    (if (<= len 0)
        (if from-end end2 start2)
      (let ((found nil)
            (pos (if from-end (- end2 len) start2)))
        (while (and (not found) (>= pos start2) (<= (+ pos len) end2))
          (let ((k 0))
            (while (and (< k len)
                        (funcall same (elt seq1 (+ start1 k)) (elt seq2 (+ pos k))))
              (setq k (1+ k)))
            (if (= k len)
                (setq found pos)
              (setq pos (if from-end (1- pos) (1+ pos))))))
        found))))

;;;; Sorting.

(defun cl-sort (seq pred &rest keys)
  "Sort the argument SEQ according to PREDICATE, destructively.
\nKeywords supported:  :key
\n(fn SEQ PREDICATE [KEYWORD VALUE]...)"
  (cl--check-keys keys '(:key))
  (let* ((key (cl--kw :key keys))
         (less (if (memq key '(nil identity))
                   pred
                 (lambda (x y) (funcall pred (funcall key x) (funcall key y))))))
    (if (listp seq)
        (sort seq less)
      (cl-replace seq (sort (append seq nil) less)))))

(defun cl-stable-sort (seq pred &rest keys)
  "Sort the argument SEQ stably according to PREDICATE, destructively.
\nKeywords supported:  :key
\n(fn SEQ PREDICATE [KEYWORD VALUE]...)"
  (apply #'cl-sort seq pred keys))

(defun cl-merge (type seq1 seq2 pred &rest keys)
  "Destructively merge the two sorted sequences SEQ1 and SEQ2 into a TYPE.
An element of SEQ2 goes first only when PREDICATE says it is less than
the next element of SEQ1.
\nKeywords supported:  :key
\n(fn TYPE SEQ1 SEQ2 PREDICATE [KEYWORD VALUE]...)"
  (cl--check-keys keys '(:key))
  (let ((key (cl--key-fn keys))
        (a (if (listp seq1) seq1 (append seq1 nil)))
        (b (if (listp seq2) seq2 (append seq2 nil)))
        (out nil))
    (while (and a b)
      (if (funcall pred (funcall key (car b)) (funcall key (car a)))
          (push (pop b) out)
        (push (pop a) out)))
    (cl-coerce (nconc (nreverse out) a b) type)))

;;;; Lists as sets and alists.

(defun cl--member (item list keys)
  "Shared by `cl-member' and friends."
  (if (null keys)
      (memql item list)
    (cl--check-keys keys cl--test-keys)
    (let ((match (cl--matcher item keys)))
      (while (and list (not (funcall match (car list))))
        (setq list (cdr list)))
      list)))

(defun cl-member (item list &rest keys)
  "Find the first occurrence of ITEM in LIST; return the tail starting there.
\nKeywords supported:  :test :test-not :key
\n(fn ITEM LIST [KEYWORD VALUE]...)"
  (cl--member item list keys))

(defun cl-member-if (pred list &rest keys)
  "Find the first item satisfying PREDICATE in LIST; return its tail.
\n(fn PREDICATE LIST [KEYWORD VALUE]...)"
  (cl--member nil list (cl-list* :if pred keys)))

(defun cl-member-if-not (pred list &rest keys)
  "Find the first item not satisfying PREDICATE in LIST; return its tail.
\n(fn PREDICATE LIST [KEYWORD VALUE]...)"
  (cl--member nil list (cl-list* :if-not pred keys)))

(defun cl--assoc (item alist keys field)
  "The first cons of ALIST whose FIELD (`car' or `cdr') matches ITEM."
  (cl--check-keys keys cl--test-keys)
  (let ((match (cl--matcher item keys)))
    (while (and alist
                (or (not (consp (car alist)))
                    (not (funcall match (funcall field (car alist))))))
      (setq alist (cdr alist)))
    (car alist)))

(defun cl-assoc (item alist &rest keys)
  "Find the first item whose car matches ITEM in ALIST.
\nKeywords supported:  :test :test-not :key
\n(fn ITEM LIST [KEYWORD VALUE]...)"
  (cond (keys (cl--assoc item alist keys #'car))
        ((and (numberp item) (not (fixnump item))) (assoc item alist))
        (t (assq item alist))))

(defun cl-assoc-if (pred alist &rest keys)
  "Find the first item whose car satisfies PREDICATE in ALIST.
\n(fn PREDICATE LIST [KEYWORD VALUE]...)"
  (cl--assoc nil alist (cl-list* :if pred keys) #'car))

(defun cl-assoc-if-not (pred alist &rest keys)
  "Find the first item whose car does not satisfy PREDICATE in ALIST.
\n(fn PREDICATE LIST [KEYWORD VALUE]...)"
  (cl--assoc nil alist (cl-list* :if-not pred keys) #'car))

(defun cl-rassoc (item alist &rest keys)
  "Find the first item whose cdr matches ITEM in ALIST.
\nKeywords supported:  :test :test-not :key
\n(fn ITEM LIST [KEYWORD VALUE]...)"
  (if (or keys (numberp item))
      (cl--assoc item alist keys #'cdr)
    (rassq item alist)))

(defun cl-rassoc-if (pred alist &rest keys)
  "Find the first item whose cdr satisfies PREDICATE in ALIST.
\n(fn PREDICATE LIST [KEYWORD VALUE]...)"
  (cl--assoc nil alist (cl-list* :if pred keys) #'cdr))

(defun cl-rassoc-if-not (pred alist &rest keys)
  "Find the first item whose cdr does not satisfy PREDICATE in ALIST.
\n(fn PREDICATE LIST [KEYWORD VALUE]...)"
  (cl--assoc nil alist (cl-list* :if-not pred keys) #'cdr))

(defun cl--in-set-p (x list keys)
  "Non-nil if X (or its key) is a member of LIST under KEYS."
  (if (or keys (numberp x))
      (apply #'cl-member (funcall (cl--key-fn keys) x) list keys)
    (memq x list)))

(defun cl-union (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-union operation.
The result list contains all items that appear in either LIST1 or LIST2.
\nKeywords supported:  :test :test-not :key
\n(fn LIST1 LIST2 [KEYWORD VALUE]...)"
  (cond ((null list1) list2)
        ((null list2) list1)
        ((and (null keys) (equal list1 list2)) list1)
        (t
         ;; The elements of the shorter list are pushed onto the longer one.
         (when (< (length list1) (length list2))
           (setq list1 (prog1 list2 (setq list2 list1))))
         (dolist (x list2)
           (unless (cl--in-set-p x list1 keys)
             (push x list1)))
         list1)))

(defun cl-nunion (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-union operation (may be destructive).
\n(fn LIST1 LIST2 [KEYWORD VALUE]...)"
  (apply #'cl-union list1 list2 keys))

(defun cl-intersection (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-intersection operation.
The result list contains all items that appear in both LIST1 and LIST2.
\nKeywords supported:  :test :test-not :key
\n(fn LIST1 LIST2 [KEYWORD VALUE]...)"
  (and list1 list2
       (if (equal list1 list2)
           list1
         (cl--check-keys keys '(:key :test :test-not))
         (let ((out nil))
           (when (< (length list1) (length list2))
             (setq list1 (prog1 list2 (setq list2 list1))))
           (dolist (x list2)
             (when (cl--in-set-p x list1 keys)
               (push x out)))
           out))))

(defun cl-nintersection (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-intersection operation (may be destructive).
\n(fn LIST1 LIST2 [KEYWORD VALUE]...)"
  (apply #'cl-intersection list1 list2 keys))

(defun cl-set-difference (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-difference operation.
The result list contains all items that appear in LIST1 but not LIST2.
\nKeywords supported:  :test :test-not :key
\n(fn LIST1 LIST2 [KEYWORD VALUE]...)"
  (if (or (null list1) (null list2))
      list1
    (cl--check-keys keys '(:key :test :test-not))
    (let ((out nil))
      (dolist (x list1)
        (unless (cl--in-set-p x list2 keys)
          (push x out)))
      (nreverse out))))

(defun cl-nset-difference (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-difference operation (may be destructive).
\n(fn LIST1 LIST2 [KEYWORD VALUE]...)"
  (apply #'cl-set-difference list1 list2 keys))

(defun cl-set-exclusive-or (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-exclusive-or operation.
The result list contains all items appearing in exactly one of the lists.
\nKeywords supported:  :test :test-not :key
\n(fn LIST1 LIST2 [KEYWORD VALUE]...)"
  (cond ((null list1) list2)
        ((null list2) list1)
        ((equal list1 list2) nil)
        (t (append (apply #'cl-set-difference list1 list2 keys)
                   (apply #'cl-set-difference list2 list1 keys)))))

(defun cl-nset-exclusive-or (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-exclusive-or operation (may be destructive).
\n(fn LIST1 LIST2 [KEYWORD VALUE]...)"
  (apply #'cl-set-exclusive-or list1 list2 keys))

(defun cl-subsetp (list1 list2 &rest keys)
  "Return true if LIST1 is a subset of LIST2.
\nKeywords supported:  :test :test-not :key
\n(fn LIST1 LIST2 [KEYWORD VALUE]...)"
  (cond ((null list1) t)
        ((null list2) nil)
        ((equal list1 list2) t)
        (t
         (cl--check-keys keys '(:key :test :test-not))
         (let ((key (cl--key-fn keys)))
           (while (and list1 (apply #'cl-member (funcall key (car list1)) list2 keys))
             (setq list1 (cdr list1)))
           (null list1)))))

;;;; Trees.

(defun cl--tree-matcher (keys)
  "A function (ITEM SUBTREE): does SUBTREE's key match ITEM under KEYS?"
  (let* ((key (cl--key-fn keys))
         (test-not (cl--kw :test-not keys))
         (test (or test-not (cl--kw :test keys)))
         (if-not (cl--kw :if-not keys))
         (pred (or if-not (cl--kw :if keys))))
    (cond (test-not (lambda (item x) (not (funcall test item (funcall key x)))))
          (test (lambda (item x) (funcall test item (funcall key x))))
          (if-not (lambda (_item x) (not (funcall pred (funcall key x)))))
          (pred (lambda (_item x) (funcall pred (funcall key x))))
          (t (lambda (item x) (eql item (funcall key x)))))))

(defun cl--sublis-lookup (alist match tree)
  "The first cons of ALIST whose car matches TREE, or nil."
  (while (and alist (not (funcall match (car (car alist)) tree)))
    (setq alist (cdr alist)))
  (car alist))

(defun cl--sublis (alist match tree)
  "Copy of TREE with the parts matching ALIST keys replaced; unchanged parts shared."
  (let ((hit (cl--sublis-lookup alist match tree)))
    (cond (hit (cdr hit))
          ((consp tree)
           (let ((a (cl--sublis alist match (car tree)))
                 (d (cl--sublis alist match (cdr tree))))
             (if (and (eq a (car tree)) (eq d (cdr tree)))
                 tree
               (cons a d))))
          (t tree))))

(defun cl-sublis (alist tree &rest keys)
  "Perform substitutions indicated by ALIST in TREE (non-destructively).
Return a copy of TREE with all matching elements replaced.
\nKeywords supported:  :test :test-not :key
\n(fn ALIST TREE [KEYWORD VALUE]...)"
  (cl--check-keys keys cl--test-keys)
  (cl--sublis alist (cl--tree-matcher keys) tree))

(defun cl--nsublis (alist match tree)
  "Replace in place, in the conses of TREE, the parts matching ALIST keys."
  (while (consp tree)
    (let ((hit (cl--sublis-lookup alist match (car tree))))
      (if hit
          (setcar tree (cdr hit))
        (when (consp (car tree)) (cl--nsublis alist match (car tree)))))
    (let ((hit (cl--sublis-lookup alist match (cdr tree))))
      (if hit
          (progn (setcdr tree (cdr hit)) (setq tree nil))
        (setq tree (cdr tree))))))

(defun cl-nsublis (alist tree &rest keys)
  "Perform substitutions indicated by ALIST in TREE (destructively).
\nKeywords supported:  :test :test-not :key
\n(fn ALIST TREE [KEYWORD VALUE]...)"
  (cl--check-keys keys cl--test-keys)
  (let ((holder (list tree)))
    (cl--nsublis alist (cl--tree-matcher keys) holder)
    (car holder)))

(defun cl-subst-if (new pred tree &rest keys)
  "Substitute NEW for elements matching PREDICATE in TREE (non-destructively).
\n(fn NEW PREDICATE TREE [KEYWORD VALUE]...)"
  (apply #'cl-sublis (list (cons nil new)) tree :if pred keys))

(defun cl-subst-if-not (new pred tree &rest keys)
  "Substitute NEW for elements not matching PREDICATE in TREE (non-destructively).
\n(fn NEW PREDICATE TREE [KEYWORD VALUE]...)"
  (apply #'cl-sublis (list (cons nil new)) tree :if-not pred keys))

(defun cl-nsubst (new old tree &rest keys)
  "Substitute NEW for OLD everywhere in TREE (destructively).
\nKeywords supported:  :test :test-not :key
\n(fn NEW OLD TREE [KEYWORD VALUE]...)"
  (apply #'cl-nsublis (list (cons old new)) tree keys))

(defun cl-nsubst-if (new pred tree &rest keys)
  "Substitute NEW for elements matching PREDICATE in TREE (destructively).
\n(fn NEW PREDICATE TREE [KEYWORD VALUE]...)"
  (apply #'cl-nsublis (list (cons nil new)) tree :if pred keys))

(defun cl-nsubst-if-not (new pred tree &rest keys)
  "Substitute NEW for elements not matching PREDICATE in TREE (destructively).
\n(fn NEW PREDICATE TREE [KEYWORD VALUE]...)"
  (apply #'cl-nsublis (list (cons nil new)) tree :if-not pred keys))

(defun cl-tree-equal (x y &rest keys)
  "Return t if trees X and Y have `eql' leaves.
Atoms are compared by `eql' unless KEYS give :test or :test-not; the
:key function is applied to the leaves.
\nKeywords supported:  :test :test-not :key
\n(fn TREE1 TREE2 [KEYWORD VALUE]...)"
  (cl--check-keys keys '(:test :test-not :key))
  (cl--tree-equal x y (cl--matcher2 keys)))

(defun cl--tree-equal (x y same)
  "Compare the trees X and Y, leaves with SAME."
  (while (and (consp x) (consp y) (cl--tree-equal (car x) (car y) same))
    (setq x (cdr x) y (cdr y)))
  (and (not (consp x)) (not (consp y)) (funcall same x y) t))

(provide 'cl-seq)

;;; cl-seq.el ends here
