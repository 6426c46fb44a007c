;;; subr-x.el --- extra Lisp functions  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to provide GNU Emacs 28's
;; subr-x.el: conditional binding macros, `named-let', threading
;; macros, string and hash-table helpers.

;;; Code:

(defun internal--build-binding-elisp4j (binding)
  "Normalize BINDING of an `if-let*' varlist into (VAR EXPR)."
  (cond
   ((symbolp binding) (list binding binding))
   ((null (cdr binding)) (list (make-symbol "s") (car binding)))
   ((eq '_ (car binding)) (list (make-symbol "s") (cadr binding)))
   (t binding)))

(defmacro if-let* (varlist then &rest else)
  "Bind variables according to VARLIST and evaluate THEN or ELSE.
Each binding (SYMBOL VALUEFORM), (VALUEFORM) or SYMBOL is evaluated in
turn; if one yields nil, the rest are skipped and ELSE is evaluated."
  (declare (indent 2) (debug ((&rest [&or symbolp (symbolp form) (form)]) body)))
  (if (null varlist)
      then
    (let ((b (internal--build-binding-elisp4j (car varlist))))
      `(let* ((,(car b) ,(cadr b)))
         (if ,(car b)
             ,(if (cdr varlist) `(if-let* ,(cdr varlist) ,then ,@else) then)
           ,@else)))))

(defmacro when-let* (varlist &rest body)
  "Bind variables according to VARLIST and conditionally evaluate BODY."
  (declare (indent 1) (debug if-let*))
  (list 'if-let* varlist (macroexp-progn body)))

(defmacro and-let* (varlist &rest body)
  "Bind variables according to VARLIST and conditionally evaluate BODY.
Without BODY, return the value of the last binding (t if there are none)."
  (declare (indent 1) (debug if-let*))
  (cond (body `(if-let* ,varlist ,(macroexp-progn body)))
        ((null varlist) t)
        (t (let ((b (internal--build-binding-elisp4j (car (last varlist)))))
             `(if-let* ,(append (butlast varlist) (list b)) ,(car b))))))

(defmacro if-let (spec then &rest else)
  "Bind variables according to SPEC and evaluate THEN or ELSE.
SPEC may be a varlist as for `if-let*' or a single binding (SYMBOL VALUEFORM)."
  (declare (indent 2) (debug ([&or (symbolp form) (&rest [&or symbolp (symbolp form) (form)])] body)))
  (when (and (<= (length spec) 2) (not (listp (car spec))))
    (setq spec (list spec)))
  (list 'if-let* spec then (macroexp-progn else)))

(defmacro when-let (spec &rest body)
  "Bind variables according to SPEC and conditionally evaluate BODY."
  (declare (indent 1) (debug if-let))
  (list 'if-let spec (macroexp-progn body)))

(defmacro named-let (name bindings &rest body)
  "Scheme's named `let': BODY with BINDINGS, able to call itself as NAME.
BINDINGS are as in `let'.  Within BODY, (NAME ARGS...) runs BODY again
with the variables bound to ARGS instead.  Such calls in tail
position loop rather than nest (see `cl-labels')."
  (declare (indent 2) (debug (symbolp (&rest (symbolp form)) body)))
  (require 'cl-lib)
  (let ((vars (mapcar (lambda (b) (if (consp b) (car b) b)) bindings))
        (inits (mapcar (lambda (b) (if (consp b) (cadr b))) bindings)))
    ;; As in Scheme, NAME is not visible in the initial values.
    `(funcall (cl-labels ((,name ,vars . ,body)) #',name) . ,inits)))

(defmacro thread-first (&rest forms)
  "Thread FORMS elements as the first argument of their successor."
  (declare (indent 0) (debug (form &rest [&or symbolp (sexp &rest form)])))
  (let ((acc (car forms)))
    (dolist (f (cdr forms))
      (setq acc (if (consp f) `(,(car f) ,acc ,@(cdr f)) (list f acc))))
    acc))

(defmacro thread-last (&rest forms)
  "Thread FORMS elements as the last argument of their successor."
  (declare (indent 0) (debug thread-first))
  (let ((acc (car forms)))
    (dolist (f (cdr forms))
      (setq acc (if (consp f) `(,@f ,acc) (list f acc))))
    acc))

(defsubst hash-table-empty-p (hash-table)
  "Check whether HASH-TABLE is empty (has 0 elements)."
  (zerop (hash-table-count hash-table)))

(defun hash-table-keys (hash-table)
  "Return a list of keys in HASH-TABLE."
  (let ((keys nil))
    (maphash (lambda (k _) (push k keys)) hash-table)
    (nreverse keys)))

(defun hash-table-values (hash-table)
  "Return a list of values in HASH-TABLE."
  (let ((values nil))
    (maphash (lambda (_ v) (push v values)) hash-table)
    (nreverse values)))

(defun string-join (strings &optional separator)
  "Join all STRINGS using SEPARATOR."
  (mapconcat #'identity strings separator))

(define-obsolete-function-alias 'string-reverse 'reverse "25.1")

(defsubst string-remove-prefix (prefix string)
  "Remove PREFIX from STRING if present."
  (if (string-prefix-p prefix string) (substring string (length prefix)) string))

(defsubst string-remove-suffix (suffix string)
  "Remove SUFFIX from STRING if present."
  (if (string-suffix-p suffix string) (substring string 0 (- (length string) (length suffix))) string))

(defun string-truncate-left (string length)
  "STRING shortened to LENGTH characters by putting \"...\" for its start."
  (let ((size (length string)))
    (if (> size length)
        (let ((keep (max 0 (- length 3))))
          ;; EMACS-COMPAT: Emacs 28 keeps one character more than
          ;; LENGTH - 3 (fixed in Emacs 29).
          (concat "..." (substring string (max 0 (- size 1 keep)))))
      string)))

(defun string-pad (string length &optional padding start)
  "Pad STRING to LENGTH using PADDING (a character, default space), at the end or START."
  (unless (natnump length)
    (signal 'wrong-type-argument (list 'natnump length)))
  (let ((pad-length (- length (length string))))
    (cond ((<= pad-length 0) string)
          (start (concat (make-string pad-length (or padding ?\s)) string))
          (t (concat string (make-string pad-length (or padding ?\s)))))))

(defun string-limit (string length &optional end coding-system)
  "Return a substring of STRING at most LENGTH characters long (from the END if END)."
  (ignore coding-system)
  (unless (natnump length)
    (signal 'wrong-type-argument (list 'natnump length)))
  (cond ((<= (length string) length) string)
        (end (substring string (- (length string) length)))
        (t (substring string 0 length))))

(defun string-lines (string &optional omit-nulls)
  "Split STRING into a list of lines (omitting empty ones if OMIT-NULLS)."
  (split-string string "\n" omit-nulls))

(defun string-chop-newline (string)
  "Remove the final newline (if any) from STRING."
  (string-remove-suffix "\n" string))

(defmacro with-memoization (place &rest code)
  "Return the value of CODE and stash it in PLACE; reuse PLACE's value if non-nil."
  (declare (indent 1) (debug (gv-place body)))
  (let ((compute (macroexp-progn code)))
    (gv-letplace (getter setter) place
      (let ((store-new (macroexp-let2 nil val compute
                         (list 'progn (funcall setter val) val))))
        (list 'or getter store-new)))))

(defun replace-region-contents (beg end replace-fn &optional _max-secs _max-costs)
  "Put what REPLACE-FN returns in place of the text from BEG to END.
REPLACE-FN runs with the buffer narrowed to that text and point at its
start, and returns a string or a buffer whose text is used."
  (save-excursion
    (save-restriction
      (narrow-to-region beg end)
      (goto-char (point-min))
      (let ((replacement (funcall replace-fn)))
        (delete-region (point-min) (point-max))
        (if (bufferp replacement)
            (insert-buffer-substring replacement)
          (insert replacement))))))

(provide 'subr-x)

;;; subr-x.el ends here
