;;; subr.el --- basic Lisp subroutines  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as the functions and
;; macros of GNU Emacs 28's subr.el do (their names, arguments, results
;; and errors); the implementations are elisp4j's own.

;;; Code:

;;;; Basic macros.

(defmacro lambda (&rest cdr)
  "Return an anonymous function: (lambda ARGS [DOCSTRING] [INTERACTIVE] BODY)."
  (declare (doc-string 2) (indent defun))
  (list 'function (cons 'lambda cdr)))

(defmacro setq-default (&rest args)
  "Set the default value of each VAR to the value of its VAL form.
\(setq-default [VAR VAL]...)"
  (declare (debug setq))
  (let ((exps nil))
    (while args
      (setq exps (cons (list 'set-default (list 'quote (car args)) (car (cdr args))) exps))
      (setq args (cdr (cdr args))))
    (cons 'progn (nreverse exps))))

(defmacro setq-local (&rest pairs)
  "Make each VARIABLE buffer-local and assign VALUE to it.
\(setq-local [VARIABLE VALUE]...)"
  (declare (debug setq))
  (if (/= (logand (length pairs) 1) 0)
      (error "PAIRS must have an even number of variable/value members"))
  (let ((expr nil))
    (while pairs
      (or (symbolp (car pairs))
          (error "Attempting to set a non-symbol: %s" (car pairs)))
      (setq expr (cons (list 'set (list 'make-local-variable (list 'quote (car pairs)))
                             (car (cdr pairs)))
                       expr))
      (setq pairs (cdr (cdr pairs))))
    (if (cdr expr) (cons 'progn (nreverse expr)) (car expr))))

(defmacro defvar-local (var val &optional docstring)
  "Define VAR as a buffer-local variable with default value VAL."
  (declare (debug defvar) (doc-string 3))
  (list 'progn (list 'defvar var val docstring)
        (list 'make-variable-buffer-local (list 'quote var))))

(defmacro when (cond &rest body)
  "If COND yields non-nil, do BODY, else return nil."
  (declare (indent 1) (debug t))
  (list 'if cond (cons 'progn body)))

(defmacro unless (cond &rest body)
  "If COND yields nil, do BODY, else return nil."
  (declare (indent 1) (debug t))
  (cons 'if (cons cond (cons nil body))))

(defmacro push (newelt place)
  "Add NEWELT to the list stored in the generalized variable PLACE."
  (declare (debug (form gv-place)))
  (if (symbolp place)
      (list 'setq place (list 'cons newelt place))
    (require 'macroexp)
    (macroexp-let2 macroexp-copyable-p v newelt
      (gv-letplace (getter setter) place
        (funcall setter `(cons ,v ,getter))))))

(defmacro pop (place)
  "Return the first element of PLACE's value, and remove it from the list."
  (declare (debug (gv-place)))
  (list 'car-safe
        (if (symbolp place)
            (list 'prog1 place (list 'setq place (list 'cdr place)))
          (gv-letplace (getter setter) place
            (macroexp-let2 macroexp-copyable-p x getter
              `(prog1 ,x ,(funcall setter `(cdr ,x))))))))

(defmacro dolist (spec &rest body)
  "Loop over a list: (dolist (VAR LIST [RESULT]) BODY...).
Evaluate BODY with VAR bound to each element of LIST in turn, then
return the value of RESULT (default nil)."
  (declare (indent 1) (debug ((symbolp form &optional form) body)))
  (let ((parts (if (consp spec)
                   (length spec)
                 (signal 'wrong-type-argument (list 'consp spec)))))
    (or (memq parts '(2 3))
        (signal 'wrong-number-of-arguments (list '(2 . 3) parts))))
  ;; EMACS-COMPAT: the loop variable is the interned `--dolist-tail--', so
  ;; expansions print as Emacs's do.
  (let ((var (car spec)) (list-form (nth 1 spec)) (result (cdr (cdr spec))))
    (if lexical-binding
        `(let ((--dolist-tail-- ,list-form))
           (while --dolist-tail--
             (let ((,var (car --dolist-tail--)))
               ,@body
               (setq --dolist-tail-- (cdr --dolist-tail--))))
           ,@result)
      `(let ((--dolist-tail-- ,list-form) ,var)
         (while --dolist-tail--
           (setq ,var (car --dolist-tail--))
           ,@body
           (setq --dolist-tail-- (cdr --dolist-tail--)))
         ,@(if result `((setq ,var nil) ,@result))))))

(defmacro dotimes (spec &rest body)
  "Loop a certain number of times: (dotimes (VAR COUNT [RESULT]) BODY...).
VAR counts from 0 up to COUNT - 1; then RESULT is evaluated with VAR
bound to COUNT."
  (declare (indent 1) (debug dolist))
  (unless (consp spec)
    (signal 'wrong-type-argument (list 'consp spec)))
  (unless (<= 2 (length spec) 3)
    (signal 'wrong-number-of-arguments (list '(2 . 3) (length spec))))
  (let ((var (car spec)) (count (nth 1 spec)) (result (cdr (cdr spec))))
    (if lexical-binding
        `(let ((--dotimes-limit-- ,count)
               (--dotimes-counter-- 0))
           (while (< --dotimes-counter-- --dotimes-limit--)
             (let ((,var --dotimes-counter--))
               ,@body)
             (setq --dotimes-counter-- (1+ --dotimes-counter--)))
           ,@(if result `((let ((,var --dotimes-counter--)) ,@result))))
      `(let ((--dotimes-limit-- ,count)
             (,var 0))
         (while (< ,var --dotimes-limit--)
           ,@body
           (setq ,var (1+ ,var)))
         ,@result))))

(defmacro declare-function (_fn _file &rest _args)
  "Tell the byte compiler that FN is defined in FILE; does nothing here."
  nil)

(defmacro ignore-errors (&rest body)
  "Execute BODY; if an error occurs, return nil."
  (declare (debug t) (indent 0))
  `(condition-case nil (progn ,@body) (error nil)))

(defmacro ignore-error (condition &rest body)
  "Execute BODY; if the error CONDITION occurs, return nil."
  (declare (debug t) (indent 1))
  `(condition-case nil (progn ,@body) (,condition nil)))

(defmacro condition-case-unless-debug (var bodyform &rest handlers)
  "Do what `condition-case' does, but leave errors to the debugger when it is on.
Each handler's conditions get `debug' added, so `debug-on-error' still
enters the debugger."
  (declare (debug condition-case) (indent 2))
  (let ((with-debug
         (lambda (handler)
           (let ((conditions (car handler)))
             (cons (cons 'debug (if (listp conditions) conditions (list conditions)))
                   (cdr handler))))))
    (cons 'condition-case
          (cons var (cons bodyform (mapcar with-debug handlers))))))

(defmacro with-demoted-errors (format &rest body)
  "Run BODY and demote any errors to simple messages (formatted with FORMAT)."
  (declare (debug t) (indent 1))
  (let* ((err (make-symbol "err"))
         (orig-body body)
         (orig-format format)
         (format (if (and (stringp format) body) format
                   (prog1 "Error: %S"
                     (if format (push format body)))))
         (exp
          `(condition-case-unless-debug ,err
               ,(macroexp-progn body)
             (error (message ,format ,err) nil))))
    (if (eq orig-body body) exp
      ;; The first argument was not a string: it was part of the body.
      (ignore orig-format)
      exp)))

(defmacro combine-after-change-calls (&rest body)
  "Execute BODY."
  (declare (indent 0) (debug t))
  `(progn ,@body))

(defmacro combine-change-calls (_beg _end &rest body)
  "Execute BODY."
  (declare (indent 2) (debug (form form def-body)))
  `(progn ,@body))

(defmacro with-local-quit (&rest body)
  "Execute BODY, allowing quits to terminate BODY but not escape further."
  (declare (debug t) (indent 0))
  `(condition-case nil
       (let ((inhibit-quit nil))
         ,@body)
     ;; The quit stops BODY; it goes on only where quitting is allowed, and is
     ;; otherwise left pending in `quit-flag'.
     (quit (if inhibit-quit (ignore (setq quit-flag t)) (signal 'quit nil)))))

(defmacro while-no-input (&rest body)
  "Execute BODY (input never arrives while Lisp runs here)."
  (declare (debug t) (indent 0))
  `(progn ,@body))

(defmacro dlet (binders &rest body)
  "Bind variables as `let' does, but dynamically even under lexical binding.
Each variable of BINDERS is declared special with `defvar' first."
  (declare (indent 1) (debug let))
  (let ((specials (mapcar (lambda (b) (list 'defvar (if (consp b) (car b) b)))
                          binders)))
    ;; EMACS-COMPAT: the outer (let (_) ...) gives the `defvar's a scope
    ;; of their own, as in Emacs (where (let () ...) would not).
    `(let (_) ,@specials (let ,binders ,@body))))

(defmacro letrec (binders &rest body)
  "Bind variables according to BINDERS then eval BODY; each value form sees all variables."
  (declare (debug let) (indent 1))
  (let ((nbody (if (null binders)
                   (macroexp-progn body)
                 `(let ,(mapcar #'car binders)
                    ,@(delq nil (mapcar (lambda (binder) (if (cdr binder) `(setq ,@binder)))
                                        binders))
                    ,@body))))
    nbody))

(defmacro with-wrapper-hook (_hook _args &rest body)
  "Obsolete: run BODY."
  (declare (indent 2) (debug t))
  `(progn ,@body))

(defmacro save-match-data (&rest body)
  "Execute the BODY forms, restoring the global value of the match data."
  (declare (indent 0) (debug t))
  (let ((saved-match-data (make-symbol "saved-match-data")))
    (list 'let
          (list (list saved-match-data '(match-data)))
          (list 'unwind-protect
                (cons 'progn body)
                (list 'set-match-data saved-match-data t)))))

(defmacro with-current-buffer (buffer-or-name &rest body)
  "Execute the forms in BODY with BUFFER-OR-NAME temporarily current."
  (declare (indent 1) (debug t))
  `(save-current-buffer
     (set-buffer ,buffer-or-name)
     ,@body))

(defun elisp4j--kill-live-buffer-form (var)
  "Return a form that kills the buffer held in VAR unless it is dead already."
  (list 'and (list 'buffer-name var) (list 'kill-buffer var)))

(defmacro with-temp-buffer (&rest body)
  "Run BODY like `progn' in a new, nameless-looking buffer, then kill it.
The buffer's name starts with a space and it keeps no undo."
  (declare (indent 0) (debug t))
  (let ((buf (make-symbol "temp-buffer")))
    `(let ((,buf (generate-new-buffer " *temp*" t)))
       (with-current-buffer ,buf
         (unwind-protect (progn ,@body)
           ,(elisp4j--kill-live-buffer-form buf))))))

(defmacro with-temp-file (file &rest body)
  "Run BODY in a new buffer, then write that buffer's text to FILE.
FILE is evaluated before BODY.  Returns what BODY returns; the buffer
is killed in any case."
  (declare (indent 1) (debug t))
  (let ((target (make-symbol "temp-file"))
        (buf (make-symbol "temp-buffer")))
    `(let ((,target ,file)
           (,buf (generate-new-buffer " *temp file*" t)))
       (unwind-protect
           (prog1 (with-current-buffer ,buf ,@body)
             (with-current-buffer ,buf (write-region nil nil ,target nil 0)))
         ,(elisp4j--kill-live-buffer-form buf)))))

(defmacro with-file-modes (modes &rest body)
  "Run BODY with MODES as the permissions of newly made files.
The previous `default-file-modes' come back afterwards."
  (declare (indent 1) (debug t))
  (let ((saved (make-symbol "umask")))
    `(let ((,saved (default-file-modes)))
       (unwind-protect (progn (set-default-file-modes ,modes) ,@body)
         (set-default-file-modes ,saved)))))

(defmacro with-output-to-string (&rest body)
  "Collect what BODY prints to `standard-output' and return it as a string."
  (declare (indent 0) (debug t))
  (let ((collect '(with-current-buffer standard-output (buffer-string))))
    `(let ((standard-output (generate-new-buffer " *string-output*" t)))
       (unwind-protect (progn (let ((standard-output standard-output)) ,@body)
                              ,collect)
         (kill-buffer standard-output)))))

(defmacro with-temp-message (message &rest body)
  "Show MESSAGE in the echo area while BODY runs, then restore the old one.
Nothing is shown when MESSAGE evaluates to nil."
  (declare (debug t) (indent 1))
  (let ((shown (make-symbol "with-temp-message"))
        (before (make-symbol "current-message")))
    `(let ((,shown ,message) (,before))
       (unwind-protect
           (progn (when ,shown
                    (setq ,before (current-message))
                    (message "%s" ,shown))
                  ,@body)
         (and ,shown (if ,before (message "%s" ,before) (message nil)))))))

(defmacro with-silent-modifications (&rest body)
  "Run BODY as if it did not change the buffer.
No undo is recorded, read-only text and modification hooks are
ignored, and an unmodified buffer stays unmodified."
  (declare (debug t) (indent 0))
  (let ((was (make-symbol "modified")))
    `(let* ((,was (buffer-modified-p))
            (buffer-undo-list t) (inhibit-read-only t) (inhibit-modification-hooks t))
       (unwind-protect (progn ,@body)
         (unless ,was (restore-buffer-modified-p nil))))))

(defmacro save-mark-and-excursion (&rest body)
  "Like `save-excursion', but also save and restore the mark state."
  (declare (indent 0) (debug t))
  (let ((saved-marker-sym (make-symbol "saved-marker")))
    `(let ((,saved-marker-sym (copy-marker (mark-marker))))
       (unwind-protect
           (save-excursion ,@body)
         (set-marker (mark-marker) ,saved-marker-sym)))))

(defmacro with-syntax-table (table &rest body)
  "Run BODY with TABLE as the current buffer's syntax table.
The buffer that was current gets its old table back afterwards."
  (declare (debug t) (indent 1))
  (let ((saved (make-symbol "table"))
        (buf (make-symbol "buffer")))
    `(let ((,saved (syntax-table)) (,buf (current-buffer)))
       (unwind-protect (progn (set-syntax-table ,table) ,@body)
         (save-current-buffer (set-buffer ,buf) (set-syntax-table ,saved))))))

(defmacro with-case-table (table &rest body)
  "Run BODY with TABLE as the current buffer's case table.
The buffer that was current gets its old case table back afterwards."
  (declare (indent 1) (debug t))
  (let ((saved (make-symbol "table"))
        (buf (make-symbol "buffer")))
    `(let ((,saved (current-case-table)) (,buf (current-buffer)))
       (unwind-protect (progn (set-case-table ,table) ,@body)
         (with-current-buffer ,buf (set-case-table ,saved))))))

(defalias 'beep #'ding) ; lingual purity, as Emacs says

;;;; Syntax tables.

(defun make-syntax-table (&optional oldtable)
  "Return a new, empty syntax table inheriting from OLDTABLE.
OLDTABLE defaults to the standard syntax table."
  (let ((table (make-char-table 'syntax-table nil)))
    (set-char-table-parent table (or oldtable (standard-syntax-table)))
    table))

(defun syntax-after (pos)
  "Return the raw syntax descriptor for the char after POS, or nil outside."
  (unless (or (< pos (point-min)) (>= pos (point-max)))
    (let ((st (and parse-sexp-lookup-properties
                   (get-char-property pos 'syntax-table))))
      (if (consp st)
          st
        (aref (or st (syntax-table)) (char-after pos))))))

(defun syntax-class (syntax)
  "Return the code of the syntax class of the raw descriptor SYNTAX."
  (and syntax (logand (car syntax) 65535)))

(defmacro with-eval-after-load (file &rest body)
  "Execute BODY after FILE is loaded (at once if it already is)."
  (declare (indent 1) (debug (form def-body)))
  `(eval-after-load ,file (lambda () ,@body)))

(defmacro define-inline (name args &rest body)
  "Define an inline function NAME (an ordinary function in elisp4j).
The body may use `inline-quote', `inline-letevals', `inline-const-p',
`inline-const-val' and `inline-error'."
  (declare (indent defun) (debug defun) (doc-string 3))
  (let ((doc (if (stringp (car body)) (list (pop body))))
        (declares (if (eq (car-safe (car body)) 'declare) (pop body))))
    `(defun ,name ,args
       ,@doc
       ,@(if declares (list declares))
       ,(elisp4j--inline-body (macroexp-progn body)))))

(defun elisp4j--inline-body (form)
  "Turn a `define-inline' body into ordinary code."
  (cond
   ((atom form) form)
   ((eq (car form) 'inline-quote)
    (elisp4j--inline-unquote (cadr form)))
   ((eq (car form) 'inline-letevals)
    (elisp4j--inline-body (macroexp-progn (cddr form))))
   ((eq (car form) 'inline-const-p) t)
   ((eq (car form) 'inline-const-val) (elisp4j--inline-body (cadr form)))
   ((eq (car form) 'inline-error) `(error ,@(mapcar #'elisp4j--inline-body (cdr form))))
   ((eq (car form) 'quote) form)
   (t (let ((out nil))
        (while (consp form)
          (push (elisp4j--inline-body (car form)) out)
          (setq form (cdr form)))
        (nconc (nreverse out) form)))))

(defun elisp4j--inline-unquote (form)
  "Evaluate-position code for the backquote-like `inline-quote' template FORM."
  (cond
   ((atom form) (if (or (symbolp form) (consp form)) (list 'quote form) form))
   ((eq (car form) '\,) (elisp4j--inline-body (cadr form)))
   (t (let ((items nil) (tail form))
        (while (consp tail)
          (if (eq (car tail) '\,)
              (setq tail (list '\,@ tail)))
          (push (if (eq (car-safe (car tail)) '\,)
                    (elisp4j--inline-body (cadr (car tail)))
                  (elisp4j--inline-unquote (car tail)))
                items)
          (setq tail (cdr tail)))
        (if tail
            `(append (list ,@(nreverse items)) ,(elisp4j--inline-unquote tail))
          (cons 'list (nreverse items)))))))

;;;; List functions.

(defun caar (x) "Return the car of the car of X." (car (car x)))
(defun cadr (x) "Return the car of the cdr of X." (car (cdr x)))
(defun cdar (x) "Return the cdr of the car of X." (cdr (car x)))
(defun cddr (x) "Return the cdr of the cdr of X." (cdr (cdr x)))
(defun caaar (x) "Return the `car' of the `car' of the `car' of X." (car (car (car x))))
(defun caadr (x) "Return the `car' of the `car' of the `cdr' of X." (car (car (cdr x))))
(defun cadar (x) "Return the `car' of the `cdr' of the `car' of X." (car (cdr (car x))))
(defun caddr (x) "Return the `car' of the `cdr' of the `cdr' of X." (car (cdr (cdr x))))
(defun cdaar (x) "Return the `cdr' of the `car' of the `car' of X." (cdr (car (car x))))
(defun cdadr (x) "Return the `cdr' of the `car' of the `cdr' of X." (cdr (car (cdr x))))
(defun cddar (x) "Return the `cdr' of the `cdr' of the `car' of X." (cdr (cdr (car x))))
(defun cdddr (x) "Return the `cdr' of the `cdr' of the `cdr' of X." (cdr (cdr (cdr x))))
(defun cadddr (x) "Return the `car' of the `cdddr' of X." (car (cdr (cdr (cdr x)))))
(defun cddddr (x) "Return the `cdr' of the `cdddr' of X." (cdr (cdr (cdr (cdr x)))))

(defun last (list &optional n)
  "Return the tail of LIST made of its last N conses (one when N is nil).
A negative N gives nil."
  (cond ((null n) (and list (nthcdr (1- (safe-length list)) list)))
        ((< n 0) nil)
        (t (let ((skip (- (safe-length list) n)))
             (if (> skip 0) (nthcdr skip list) list)))))

(defun butlast (list &optional n)
  "Return a copy of LIST with the last N elements removed (default 1)."
  (declare (side-effect-free t))
  (if (and n (<= n 0)) list
    (elisp4j--take (- (length list) (or n 1)) list)))

(defun elisp4j--take (n list)
  "Return a list of the first N elements of LIST (Emacs 28 has no `take')."
  (let ((out nil))
    (while (and list (> n 0))
      (push (car list) out)
      (setq list (cdr list) n (1- n)))
    (nreverse out)))

(defun nbutlast (list &optional n)
  "Modify LIST to remove the last N elements (default 1)."
  (let ((m (length list)))
    (or n (setq n 1))
    (and (< n m)
         (progn
           (if (> n 0) (setcdr (nthcdr (- (1- m) n) list) nil))
           list))))

(defun zerop (number)
  "Non-nil (t) when NUMBER, a number or marker, equals zero."
  (declare (pure t) (side-effect-free t))
  (= 0 number))

(defun fixnump (object)
  "Non-nil (t) when OBJECT is an integer that fits in a fixnum."
  (and (integerp object)
       (>= object most-negative-fixnum)
       (<= object most-positive-fixnum)))

(defun bignump (object)
  "Non-nil (t) when OBJECT is an integer too large for a fixnum."
  (and (integerp object)
       (or (> object most-positive-fixnum) (< object most-negative-fixnum))))

(defun booleanp (object)
  "Return t if OBJECT is one of the two canonical boolean values: t or nil."
  (and (memq object '(nil t)) t))

(defvar gensym-counter 0
  "Number used to construct the name of the next symbol created by `gensym'.")

(defun gensym (&optional prefix)
  "Return a new uninterned symbol.
The name is made by appending `gensym-counter' to PREFIX (default \"g\")."
  (let ((num (prog1 gensym-counter (setq gensym-counter (1+ gensym-counter)))))
    (make-symbol (format "%s%d" (or prefix "g") num))))

(defun lsh (value count)
  "Shift VALUE left by COUNT bits (right when COUNT is negative).
Shifting a negative fixnum right treats it as an unsigned number of
fixnum width, so zeros come in from the left."
  (cond ((not (and (< value 0) (< count 0))) (ash value count))
        ((< value most-negative-fixnum)
         (signal 'args-out-of-range (list value count)))
        ;; Shift once with the sign bit cleared, then arithmetically.
        (t (ash (logand most-positive-fixnum (ash value -1)) (1+ count)))))

(defun delete-dups (list)
  "Destructively remove `equal' duplicates from LIST, keeping the first of each."
  (let ((seen (make-hash-table :test #'equal))
        (cell list)
        (prev nil))
    (while cell
      (if (gethash (car cell) seen)
          (setcdr prev (cdr cell))
        (puthash (car cell) t seen)
        (setq prev cell))
      (setq cell (cdr cell)))
    list))

(defun delete-consecutive-dups (list &optional circular)
  "Remove, destructively, each element of LIST `equal' to the one before it.
With CIRCULAR non-nil, also drop the final element when it equals the
first.  Returns LIST."
  (let ((cell list)
        (before-last nil))
    (while (cdr cell)
      (if (not (equal (car cell) (cadr cell)))
          (setq before-last cell
                cell (cdr cell))
        (setcdr cell (cddr cell))))
    (and circular before-last
         (equal (car cell) (car list))
         (setcdr before-last nil)))
  list)

(defun number-sequence (from &optional to inc)
  "Return the list of numbers from FROM to TO (inclusive) by steps of INC (default 1).
With TO nil or equal to FROM, return (FROM)."
  (if (or (null to) (= from to))
      (list from)
    (let ((step (or inc 1)) (i 0) (x from) (out nil))
      (if (zerop step) (signal 'args-out-of-range (list from to step)))
      ;; Compute each element from FROM to avoid accumulating float error.
      (while (if (> step 0) (<= x to) (>= x to))
        (setq out (cons x out)
              i (1+ i)
              x (+ from (* i step))))
      (nreverse out))))

(defun copy-tree (tree &optional vecp)
  "Make a copy of TREE: its conses, and its vectors too when VECP."
  (cond
   ((consp tree)
    (let* ((head (list nil)) (last head))
      (while (consp tree)
        (setcdr last (list (copy-tree (car tree) vecp)))
        (setq last (cdr last) tree (cdr tree)))
      (setcdr last (copy-tree tree vecp))
      (cdr head)))
   ((and vecp (vectorp tree))
    (let ((v (copy-sequence tree)) (i 0))
      (while (< i (length v))
        (aset v i (copy-tree (aref v i) vecp))
        (setq i (1+ i)))
      v))
   (t tree)))

(defun flatten-tree (tree)
  "Return the non-nil atoms of TREE, depth first, as a flat list."
  (let ((todo (list tree)) (out nil))
    (while todo
      (let ((x (car todo)))
        (setq todo (cdr todo))
        (cond ((consp x) (setq todo (cons (car x) (cons (cdr x) todo))))
              (x (setq out (cons x out))))))
    (nreverse out)))

(defalias 'flatten-list #'flatten-tree)

(defmacro bound-and-true-p (var)
  "Return the value of symbol VAR if it is bound, else nil.
Under lexical binding this says nothing about a lexical variable VAR."
  `(and (boundp (quote ,var)) ,var))

(defun ensure-list (object)
  "Return OBJECT as a list (itself if it is one, else a one-element list)."
  (if (listp object) object (list object)))

(defun assoc-default (key alist &optional test default)
  "Look KEY up in ALIST, whose elements are conses or bare keys.
TEST (default `equal') is called with an element's key and KEY.  The
value is the cdr of the first matching cons, or DEFAULT if the first
match is a bare key; nil when nothing matches."
  (let ((same (or test #'equal))
        (rest alist)
        (answer nil))
    (while rest
      (let* ((elt (pop rest))
             (pair (consp elt)))
        (when (funcall same (if pair (car elt) elt) key)
          (setq answer (if pair (cdr elt) default)
                rest nil))))
    answer))

(defun member-ignore-case (elt list)
  "Return the tail of LIST whose first element is a string equal to ELT.
Case and unibyte/multibyte representation are ignored; elements that
are not strings never match."
  (let ((same-p (lambda (x)
                  (and (stringp x)
                       (eq (compare-strings elt nil nil x nil nil t) t)))))
    (while (and list (not (funcall same-p (car list))))
      (setq list (cdr list)))
    list))

(defun assoc-delete-all (key alist &optional test)
  "Delete from ALIST all elements whose car is KEY (compared with TEST, default `equal')."
  (let ((test (or test #'equal)))
    (while (and (consp (car alist)) (funcall test (car (car alist)) key))
      (setq alist (cdr alist)))
    (let ((cell alist))
      (while (cdr cell)
        (let ((next (car (cdr cell))))
          (if (and (consp next) (funcall test (car next) key))
              (setcdr cell (cdr (cdr cell)))
            (setq cell (cdr cell))))))
    alist))

(defun assq-delete-all (key alist)
  "Delete from ALIST all elements whose car is `eq' to KEY."
  (assoc-delete-all key alist #'eq))

(defun rassq-delete-all (value alist)
  "Delete from ALIST all elements whose cdr is `eq' to VALUE."
  (while (and (consp (car alist)) (eq (cdr (car alist)) value))
    (setq alist (cdr alist)))
  (let ((cell alist))
    (while (cdr cell)
      (let ((next (car (cdr cell))))
        (if (and (consp next) (eq (cdr next) value))
            (setcdr cell (cdr (cdr cell)))
          (setq cell (cdr cell))))))
  alist)

(defun alist-get (key alist &optional default remove testfn)
  "Return the cdr of the first element of ALIST whose car is KEY, else DEFAULT.
Cars are compared with TESTFN, or with `eq' when it is nil.  REMOVE
only matters when this form is a `setf' place."
  (ignore remove)
  (let ((cell (if testfn (assoc key alist testfn) (assq key alist))))
    (if cell (cdr cell) default)))

(defun remove (elt seq)
  "Return a copy of SEQ with all occurrences of ELT removed (`equal')."
  (declare (side-effect-free t))
  (delete elt (copy-sequence seq)))

(defun remq (elt list)
  "Return LIST with all occurrences of ELT removed (`eq'), copying only when needed."
  (declare (side-effect-free t))
  (while (and (eq elt (car list)) (setq list (cdr list))))
  (if (memq elt list)
      (delq elt (copy-sequence list))
    list))

(defun xor (cond1 cond2)
  "Return the boolean exclusive-or of COND1 and COND2."
  (cond ((not cond1) cond2)
        ((not cond2) cond1)))

(defun ignore (&rest _arguments)
  "Ignore ARGUMENTS, do nothing, and return nil."
  (declare (completion ignore))
  (interactive)
  nil)

(defun always (&rest _arguments)
  "Ignore ARGUMENTS, do nothing, and return t."
  t)

(defun apply-partially (fun &rest args)
  "Return a function that is a partial application of FUN to ARGS."
  (lambda (&rest args2)
    (apply fun (append args args2))))

(defun string-to-list (string)
  "Return a list of characters in STRING."
  (append string nil))

(defun string-to-vector (string)
  "Return a vector of characters in STRING."
  (vconcat string))

;;;; Errors.

(defun error (&rest args)
  "Signal an error, making a message by passing ARGS to `format-message'."
  (declare (advertised-calling-convention (string &rest args) "23.1"))
  (signal 'error (list (apply #'format-message args))))

(defun user-error (format &rest args)
  "Signal a user error, making a message by passing FORMAT and ARGS to `format-message'."
  (signal 'user-error (list (apply #'format-message format args))))

(defun define-error (name message &optional parent)
  "Make NAME an error symbol whose message is MESSAGE.
PARENT, an error symbol or a list of them (default `error'), gives the
conditions NAME inherits; those in a list must be defined already."
  (let ((inherited nil))
    (if (consp parent)
        (dolist (p parent)
          (let ((above (get p 'error-conditions)))
            (unless above (error "Unknown signal `%s'" p))
            (setq inherited (append inherited (list p) above))))
      (let ((p (or parent 'error)))
        (setq inherited (cons p (get p 'error-conditions)))))
    (put name 'error-conditions (delete-dups (cons name (copy-sequence inherited))))
    (if message (put name 'error-message message))))

;;;; Hooks.

(defun elisp4j--hook-list (value)
  "VALUE of a hook variable as a list of functions (a lone function becomes a list)."
  (if (or (functionp value) (and value (not (listp value))))
      (list value)
    value))

(defun add-hook (hook function &optional depth local)
  "Add to the value of HOOK the function FUNCTION.
DEPTH (a number between -100 and 100, or t for 90, nil for 0) orders the
functions: lower depths run first, and at equal depth a new function goes
first, or last when DEPTH is positive.  LOCAL non-nil changes the
buffer-local value, which contains t to stand for the global value."
  (unless (boundp hook) (set hook nil))
  (unless (default-boundp hook) (set-default hook nil))
  (setq depth (cond ((numberp depth) depth) (depth 90) (t 0)))
  (cond (local
         (unless (local-variable-if-set-p hook)
           (set (make-local-variable hook) (list t))))
        ;; A hook made local without a t entry is treated as local.
        ((not (memq t (elisp4j--hook-list (symbol-value hook))))
         (setq local (local-variable-p hook))))
  (let ((functions (elisp4j--hook-list
                    (if local (symbol-value hook) (default-value hook)))))
    (unless (member function functions)
      (let ((depths (get hook 'hook--depth-alist)))
        (when (or depths (/= depth 0))
          (setq depths (cons (cons function depth) depths))
          (put hook 'hook--depth-alist depths))
        (setq functions (if (> depth 0)
                            (append functions (list function))
                          (cons function functions)))
        (when depths
          (setq functions
                (sort (copy-sequence functions)
                      (lambda (a b)
                        (< (alist-get a depths 0 nil #'eq)
                           (alist-get b depths 0 nil #'eq))))))))
    (if (not local)
        (set-default hook functions)
      (when (and (symbolp function)
                 (get function 'permanent-local-hook)
                 (not (get hook 'permanent-local)))
        (put hook 'permanent-local 'permanent-local-hook))
      (set hook functions))))

(defun remove-hook (hook function &optional local)
  "Remove FUNCTION from HOOK's functions (from the buffer-local value if LOCAL).
Return the removed function, or nil."
  (unless (boundp hook) (set hook nil))
  (unless (default-boundp hook) (set-default hook nil))
  (when (or (not local) (local-variable-p hook))
    (when (and (local-variable-p hook)
               (not (memq t (elisp4j--hook-list (symbol-value hook)))))
      (setq local t))
    (let* ((value (if local (symbol-value hook) (default-value hook)))
           (removed nil))
      (if (or (functionp value) (and value (not (listp value))))
          (when (equal value function)
            (setq removed value value nil))
        (let ((found (member function value)))
          (when found
            (setq removed (car found)
                  value (remq removed value)))))
      (when removed
        (let ((entry (assq removed (get hook 'hook--depth-alist))))
          (when entry
            (put hook 'hook--depth-alist (delq entry (get hook 'hook--depth-alist))))))
      (cond ((not local) (set-default hook value))
            ((equal value '(t)) (kill-local-variable hook))
            (t (set hook value)))
      removed)))

(defun add-to-list (list-var element &optional append compare-fn)
  "Put ELEMENT into the list held by LIST-VAR unless it is in it already.
Membership is tested with COMPARE-FN (default `equal').  The element
goes in front, or at the end with APPEND.  Returns the new value."
  (let ((current (symbol-value list-var)))
    (if (elisp4j--member-by element current compare-fn)
        current
      (set list-var (if append
                        (append current (list element))
                      (cons element current))))))

(defun elisp4j--member-by (element list test)
  "Return the tail of LIST starting at ELEMENT, compared by TEST.
TEST nil means `equal'; `eq' and `eql' use the fast builtins."
  (cond ((null test) (member element list))
        ((eq test #'eq) (memq element list))
        ((eq test #'eql) (memql element list))
        (t (while (and list (not (funcall test element (car list))))
             (setq list (cdr list)))
           list)))

(defun add-to-ordered-list (list-var element &optional order)
  "Put ELEMENT into the list held by LIST-VAR, keeping it sorted by order.
Each element's order (a number) lives in a weak table on LIST-VAR's
`list-order' property.  A numeric ORDER sets ELEMENT's order; another
non-nil ORDER clears it; nil keeps it.  Elements without an order come
after those with one."
  (let ((orders (or (get list-var 'list-order)
                    (put list-var 'list-order
                         (make-hash-table :test 'eq :weakness 'key)))))
    (if order
        (puthash element (if (numberp order) order nil) orders))
    (or (memq element (symbol-value list-var))
        (set list-var (cons element (symbol-value list-var))))
    (set list-var
         (sort (symbol-value list-var)
               (lambda (x y)
                 (let ((ox (gethash x orders)))
                   (and ox
                        (let ((oy (gethash y orders)))
                          (or (null oy) (< ox oy))))))))))

;;;; Strings.

(defun string-prefix-p (prefix string &optional ignore-case)
  "Non-nil if STRING starts with PREFIX (ignoring case if IGNORE-CASE)."
  (declare (side-effect-free t))
  (let ((n (length prefix)))
    (and (<= n (length string))
         (eq (compare-strings prefix 0 n string 0 n ignore-case) t))))

(defun string-suffix-p (suffix string &optional ignore-case)
  "Return non-nil if SUFFIX is a suffix of STRING."
  (declare (side-effect-free t))
  (let ((start-pos (- (length string) (length suffix))))
    (and (>= start-pos 0)
         (eq t (compare-strings suffix nil nil
                                string start-pos nil ignore-case)))))

(defvar split-string-default-separators "[ \f\t\n\r\v]+"
  "The default value of separators for `split-string'.")

(defun split-string (string &optional separators omit-nulls trim)
  "Split STRING into substrings bounded by matches for SEPARATORS.
SEPARATORS defaults to whitespace, and then empty strings are omitted;
otherwise OMIT-NULLS says whether to omit them.  TRIM, a regexp, is
removed from the start and end of each substring."
  (let* ((keep-nulls (if separators (not omit-nulls) nil))
         (regexp (or separators split-string-default-separators))
         (len (length string))
         (pos 0)
         (first t)
         (out nil))
    (let ((emit
           (lambda (beg end)
             (when trim
               (let ((m (string-match trim string beg)))
                 (if (and m (= m beg) (<= (match-end 0) end))
                     (setq beg (match-end 0))))
               (let ((m (string-match (concat "\\(?:" trim "\\)\\'")
                                      (substring string beg end))))
                 (if m (setq end (+ beg m)))))
             (if (or keep-nulls (< beg end))
                 (setq out (cons (substring string beg end) out))))))
      (while (and (string-match regexp string
                                ;; After an empty match, search from the next position.
                                (if (and (not first) (= pos (match-beginning 0)) (< pos len))
                                    (1+ pos)
                                  pos))
                  (< pos len))
        (setq first nil)
        (funcall emit pos (match-beginning 0))
        (setq pos (match-end 0)))
      (funcall emit pos len))
    (nreverse out)))

(defun string-trim-left (string &optional regexp)
  "Trim STRING of leading whitespace (or matches of REGEXP)."
  (if (string-match (if regexp
                        (concat "\\`\\(?:" regexp "\\)")
                      "\\`[ \t\n\r]+")
                    string)
      (substring string (match-end 0))
    string))

(defun string-trim-right (string &optional regexp)
  "Trim STRING of trailing whitespace (or matches of REGEXP)."
  (let ((i (string-match-p (if regexp
                               (concat "\\(?:" regexp "\\)\\'")
                             "[ \t\n\r]+\\'")
                           string)))
    (if i (substring string 0 i) string)))

(defun string-trim (string &optional trim-left trim-right)
  "Trim STRING of leading and trailing strings matching TRIM-LEFT and TRIM-RIGHT."
  (string-trim-left (string-trim-right string trim-right) trim-left))

(defsubst string-blank-p (string)
  "Check whether STRING is either empty or only whitespace."
  (string-match-p "\\`[ \t\n\r]*\\'" string))

(defun subst-char-in-string (fromchar tochar string &optional inplace)
  "Return STRING with every FROMCHAR turned into TOCHAR.
With INPLACE non-nil STRING itself is changed; otherwise a copy."
  (let ((result (if inplace string (copy-sequence string))))
    (dotimes (i (length result))
      (when (eq (aref result i) fromchar)
        (aset result i tochar)))
    result))

(defun string-replace (from-string to-string in-string)
  "Replace FROM-STRING with TO-STRING in IN-STRING each time it occurs."
  (declare (pure t) (side-effect-free t))
  (if (equal from-string "")
      (signal 'wrong-length-argument '(0)))
  (let ((pieces nil) (pos 0) (hit nil) (step (length from-string)))
    (while (setq hit (string-search from-string in-string pos))
      (setq pieces (cons to-string (cons (substring in-string pos hit) pieces))
            pos (+ hit step)))
    (if (null pieces)
        in-string
      (apply #'concat (nreverse (cons (substring in-string pos) pieces))))))

(defun replace-regexp-in-string (regexp rep string &optional
                                        fixedcase literal subexp start)
  "Replace all matches for REGEXP with REP in STRING.
REP is a string or a function called with each match; FIXEDCASE, LITERAL
and SUBEXP are as in `replace-match'; START is where to begin (the text
before it is left out of the result)."
  (let ((len (length string))
        (pos (or start 0))
        (pieces nil))
    (save-match-data
      (while (and (< pos len) (string-match regexp string pos))
        (let* ((mb (match-beginning 0))
               (me (match-end 0))
               ;; An empty match still consumes one character.
               (next (if (= mb me) (min len (1+ mb)) me))
               (piece (substring string mb next)))
          ;; Make the match data refer to PIECE, then replace within it.
          (match-data--translate (- mb))
          (setq pieces
                (cons (replace-match (if (stringp rep) rep
                                       (funcall rep (match-string 0 piece)))
                                     fixedcase literal piece subexp)
                      (cons (substring string pos mb) pieces)))
          (setq pos next)))
      (apply #'concat (nreverse (cons (substring string pos len) pieces))))))

(defun match-string (num &optional string)
  "Return the text the last search matched with group NUM, or nil.
Give STRING when the search was `string-match' on it; otherwise the
text comes from the current buffer."
  (declare (side-effect-free t))
  (let ((from (match-beginning num)))
    (and from
         (if (null string)
             (buffer-substring from (match-end num))
           (substring string from (match-end num))))))

(defun match-string-no-properties (num &optional string)
  "Like `match-string', but the text comes without its properties."
  (declare (side-effect-free t))
  (let ((from (match-beginning num)))
    (cond ((null from) nil)
          (string (substring-no-properties string from (match-end num)))
          (t (buffer-substring-no-properties from (match-end num))))))

(defun looking-back (regexp &optional limit greedy)
  "Non-nil if the text just before point matches REGEXP.
The search goes back no further than LIMIT.  With GREEDY, the match is
extended backwards as far as it can go, and the match data describe
that longest match."
  (let* ((here (point))
         (ending-here (concat "\\(?:" regexp "\\)\\'"))
         (found (save-excursion
                  (and (re-search-backward (concat "\\(?:" regexp "\\)\\=") limit t)
                       (point)))))
    (when (and found greedy)
      (save-restriction
        (narrow-to-region (point-min) here)
        (let ((extends (lambda (from)
                         (save-excursion (goto-char from) (looking-at ending-here)))))
          (while (and (> found (point-min)) (funcall extends (1- found)))
            (setq found (1- found)))
          (funcall extends found))))
    (and found t)))

(defun assoc-string (key list &optional case-fold)
  "Like `assoc' but specifically for strings (and symbols), optionally ignoring case."
  (when (symbolp key) (setq key (symbol-name key)))
  (let ((found nil))
    (while (and list (not found))
      (let* ((elt (car list))
             (eltkey (if (consp elt) (car elt) elt)))
        (when (symbolp eltkey) (setq eltkey (symbol-name eltkey)))
        (when (and (stringp eltkey)
                   (eq t (compare-strings eltkey nil nil key nil nil case-fold)))
          (setq found elt)))
      (setq list (cdr list)))
    found))

;;;; Matching without changing the match data.

(defsubst string-match-p (regexp string &optional start)
  "Same as `string-match' except this function does not change the match data."
  (declare (side-effect-free t))
  (let ((inhibit-changing-match-data t))
    (string-match regexp string start)))

(defsubst looking-at-p (regexp)
  "Same as `looking-at' except this function does not change the match data."
  (declare (side-effect-free t))
  (let ((inhibit-changing-match-data t))
    (looking-at regexp)))

;;;; Symbols, variables and functions.

(defun buffer-local-boundp (symbol buffer)
  "Return non-nil if SYMBOL is bound in BUFFER."
  (condition-case nil
      (progn (buffer-local-value symbol buffer) t)
    (void-variable nil)))

(defun special-form-p (object)
  "Non-nil if OBJECT is a special form, or a symbol whose function is one."
  (let ((fn (if (and (symbolp object) (fboundp object))
                (indirect-function object)
              object)))
    (and (subrp fn)
         (eq 'unevalled (cdr (subr-arity fn))))))

(defun macrop (object)
  "Non-nil if OBJECT is a macro, or names one (an autoloaded macro counts)."
  (let ((fn (indirect-function object)))
    (cond ((not (consp fn)) nil)
          ((eq (car fn) 'macro) t)
          ((autoloadp fn) (memq (nth 4 fn) '(macro t))))))

(defun autoloadp (object)
  "Non-nil if OBJECT is an autoload."
  (eq 'autoload (car-safe object)))

(defun subr-primitive-p (object)
  "Return t if OBJECT is a built-in primitive function."
  (subrp object))

(defun compiled-function-p (object)
  "Return non-nil if OBJECT is a compiled function or an autoload."
  (or (byte-code-function-p object) (subrp object)))

(defun define-symbol-prop (symbol prop val)
  "Define the property PROP of SYMBOL to be VAL.
This is to `put' what `defalias' is to `fset': the file being loaded
is recorded as the definer, for `symbol-file' with type PROP."
  (let* ((record (or (assq 'define-symbol-props current-load-list)
                     (car (push (list 'define-symbol-props) current-load-list))))
         (by-prop (or (assq prop record)
                      (car (setcdr record (cons (list prop) (cdr record)))))))
    (or (memq symbol (cdr by-prop))
        (setcdr by-prop (cons symbol (cdr by-prop)))))
  (put symbol prop val))

(defun symbol-file (symbol &optional type _native-p)
  "Return the name of the file that defined SYMBOL (as recorded in `load-history')."
  (let ((files load-history)
        file match)
    (while (and files (not match))
      (let ((elt (car files)))
        (when (if type
                  (if (eq type 'defvar)
                      (memq symbol (cdr elt))
                    (or (member (cons type symbol) (cdr elt))
                        ;; Properties set by `define-symbol-prop'.
                        (memq symbol (cdr (assq type (cdr (assq 'define-symbol-props
                                                                (cdr elt))))))))
                (or (memq symbol (cdr elt))
                    (member (cons 'defun symbol) (cdr elt))))
          (setq match t file (car elt))))
      (setq files (cdr files)))
    file))

;;;; Waiting and asking.

(defun sit-for (seconds &optional nodisp)
  "Redisplay, then wait for SECONDS seconds; stop when input is available.
In batch mode this just sleeps.  Value is t if waited the full time."
  (ignore nodisp)
  (cond ((and (numberp seconds) (> seconds 0)) (sleep-for seconds) t)
        (t t)))

(defun y-or-n-p (prompt)
  "Ask user a \"y or n\" question; return t for y.
In batch mode the answer is read as a line from standard input."
  (let ((full (concat prompt
                      (if (or (zerop (length prompt))
                              (string-match-p "[[:space:]]\\'" prompt))
                          "" " ")
                      ;; With help available, the help key is offered too.
                      (if help-form
                          (format "(y, n or %s) " (key-description (vector help-char)))
                        "(y or n) ")))
        (answer nil)
        (ask nil))
    (setq ask full)
    (while (null answer)
      (let ((reply (read-string ask)))
        (cond ((member reply '("y" "Y")) (setq answer 'yes))
              ((member reply '("n" "N")) (setq answer 'no))
              (t (setq ask (concat "Please answer y or n.  " full))))))
    (eq answer 'yes)))

(defun prin1-char (char)
  "Return a string representing CHAR as a character rather than as an integer.
If CHAR is not a character, return nil."
  (and (integerp char) (>= char 0) (<= char (max-char))
       (let ((base (event-basic-type-elisp4j char))
             (mods (logand char (lognot #x3fffff))))
         (ignore base mods)
         (condition-case nil
             (let ((s (cond ((= char ?\s) "?\\s")
                            ((= char ?\() "?\\(")
                            ((= char ?\)) "?\\)")
                            ((= char ?\[) "?\\[")
                            ((= char ?\]) "?\\]")
                            ((= char ?\\) "?\\\\")
                            ((= char ?\;) "?\\;")
                            ((= char ?\") "?\\\"")
                            ((= char 127) "?\\C-?")
                            ((< char 32) (format "?\\C-%c" (+ char 96)))
                            (t (concat "?" (char-to-string char))))))
               (if (eq (car (read-from-string s)) char) s nil))
           (error nil)))))

(defun event-basic-type-elisp4j (char)
  "CHAR without modifier bits."
  (logand char #x3fffff))

(defvar eval-expression-print-maximum-character 127
  "The largest integer that will be displayed as a character.")

(defun eval-expression-print-format (value)
  "Return \" (#oOCTAL, #xHEX[, CHAR])\" describing VALUE if it is an integer, else nil.
CHAR, the read syntax of VALUE as a character, is included for characters up
to `eval-expression-print-maximum-character' (all of them if that is nil)."
  (and (integerp value)
       (let ((char (and (characterp value)
                        (<= value (or eval-expression-print-maximum-character value))
                        (prin1-char value))))
         (concat (format " (#o%o, #x%x" value value)
                 (if char (concat ", " char) "")
                 ")"))))

(defun buffer-narrowed-p ()
  "Return non-nil if the current buffer is narrowed."
  (/= (- (point-max) (point-min)) (buffer-size)))

;;;; Processes.

(defun process-lines-handling-status (program status-handler &rest args)
  "Execute PROGRAM with ARGS, returning its output as a list of lines.
STATUS-HANDLER, if non-nil, is called with the exit status; otherwise a
non-zero status signals an error."
  (with-temp-buffer
    (let ((status (apply #'call-process program nil (current-buffer) nil args)))
      (cond (status-handler (funcall status-handler status))
            ((not (eq status 0))
             (error "%s exited with status %s" program status))))
    (let ((text (buffer-string)))
      ;; One element per line; a final newline ends the last line.
      (and (> (length text) 0)
           (split-string (if (string-suffix-p "\n" text) (substring text 0 -1) text)
                         "\n")))))

(defun process-lines (program &rest args)
  "Execute PROGRAM with ARGS, returning its output as a list of lines."
  (apply #'process-lines-handling-status program nil args))

(defun process-lines-ignore-status (program &rest args)
  "Execute PROGRAM with ARGS, returning its output as a list of lines, whatever its status."
  (apply #'process-lines-handling-status program #'ignore args))

;;;; Misc.

(defvar after-load-alist nil
  "An alist of functions to be evalled when particular files are loaded.")

(defun eval-after-load (file form)
  "Arrange that if FILE is loaded, FORM will be run immediately afterwards.
FILE is a feature symbol or a file name; FORM a form or a function."
  (declare (indent 1))
  (let* ((regexp-or-feature
          (if (stringp file)
              (concat "\\(\\`\\|/\\)" (regexp-quote (file-name-sans-extension file))
                      "\\(\\.elc?\\)?\\(\\.gz\\)?\\'")
            file))
         (elt (assoc regexp-or-feature after-load-alist))
         (func (if (functionp form) form
                 (let ((f form)) (lambda () (eval f t))))))
    (unless elt
      (setq elt (list regexp-or-feature))
      (push elt after-load-alist))
    (let ((done (if (symbolp regexp-or-feature)
                    (featurep regexp-or-feature)
                  (let ((found nil))
                    (dolist (entry load-history)
                      (when (and (stringp (car entry))
                                 (string-match-p regexp-or-feature (car entry)))
                        (setq found t)))
                    found))))
      (if done
          (funcall func)
        (nconc elt (list func))))
    nil))

(defun do-after-load-evaluation (abs-file)
  "Run the functions of `after-load-alist' registered for ABS-FILE."
  (dolist (a-l-element after-load-alist)
    (when (and (stringp (car a-l-element))
               (string-match-p (car a-l-element) abs-file))
      (mapc #'funcall (cdr a-l-element))))
  (run-hook-with-args 'after-load-functions abs-file))

(defun provide-feature-hook (feature)
  "Run the `after-load-alist' functions registered for FEATURE."
  (let ((elt (assq feature after-load-alist)))
    (when elt (mapc #'funcall (cdr elt)))))

(defvar after-load-functions nil
  "Special hook run after loading a file, with the absolute file name.")

(defun set-transient-map (map &optional _keep-pred _on-exit)
  "Keymaps take effect interactively only; returns a no-argument function disabling MAP."
  (ignore map)
  #'ignore)

(defun read-passwd (prompt &optional _confirm default)
  "Read a password with PROMPT (from standard input in batch mode)."
  (read-string prompt nil nil default))

;;;; Progress reporters.

(defvar progress-reporter--pulse-characters ["-" "\\" "|" "/"]
  "Characters a pulsing progress reporter shows in turn.")

(defun make-progress-reporter (message &optional min-value max-value current-value min-change min-time)
  "Return a progress reporter showing MESSAGE (\"...\" is added after a word).
MIN-VALUE and MAX-VALUE bound the progress shown as a percentage;
without them a pulsing indicator is shown.  CURRENT-VALUE is the
starting value, MIN-CHANGE the least change in percent worth
reporting (default 1), MIN-TIME the least time in seconds between
reports (default 0.2).  The first report is made now."
  (when (string-match "[[:alnum:]]\\'" message)
    (setq message (concat message "...")))
  (unless min-time (setq min-time 0.2))
  ;; (NEXT-VALUE . [NEXT-TIME MIN MAX MESSAGE MIN-CHANGE MIN-TIME SUFFIX])
  (let ((reporter (cons (or min-value 0)
                        (vector (if (>= min-time 0.02) (float-time) nil)
                                min-value max-value message
                                (if min-change (max (min min-change 50) 1) 1)
                                min-time nil))))
    (progress-reporter-update reporter (or current-value min-value))
    reporter))

(defun progress-reporter-update (reporter &optional value suffix)
  "Report that the operation of REPORTER reached VALUE (with SUFFIX after the message).
Nothing is shown unless enough progress and time passed since the last report."
  (when (or (not (numberp value)) (>= value (car reporter)))
    (progress-reporter-do-update reporter value suffix)))

(defun progress-reporter-force-update (reporter &optional value new-message suffix)
  "Report the progress of REPORTER now; NEW-MESSAGE, if non-nil, replaces its message."
  (let ((parameters (cdr reporter)))
    (when new-message (aset parameters 3 new-message))
    (when (aref parameters 0) (aset parameters 0 (float-time)))
    (progress-reporter-do-update reporter value suffix)))

(defun progress-reporter-do-update (reporter value &optional suffix)
  "Show the progress of REPORTER at VALUE if its next report is due."
  (let* ((parameters (cdr reporter))
         (next-time (aref parameters 0))
         (min-value (aref parameters 1))
         (max-value (aref parameters 2))
         (text (aref parameters 3))
         (due (or (not next-time)
                  (when (time-less-p next-time nil)
                    (aset parameters 0 (+ next-time (aref parameters 5)))))))
    (if (and min-value max-value)
        (let* ((one-percent (/ (- max-value min-value) 100.0))
               (percentage (if (= max-value min-value)
                               0
                             (truncate (/ (- value min-value) one-percent)))))
          ;; The value at which the next report is worth making.
          (setcar reporter (min (+ min-value (* (+ percentage (if due (aref parameters 4) 1))
                                                one-percent))
                                max-value))
          (when (integerp value)
            (setcar reporter (ceiling (car reporter))))
          (when due
            (if suffix
                (aset parameters 6 suffix)
              (setq suffix (or (aref parameters 6) "")))
            (if (> percentage 0)
                (message "%s%d%% %s" text percentage suffix)
              (message "%s %s" text suffix))))
      (when due
        (when (and value (not suffix)) (setq suffix value))
        (if suffix
            (aset parameters 6 suffix)
          (setq suffix (or (aref parameters 6) "")))
        (let ((index (mod (1+ (car reporter)) 4))
              (message-log-max nil))
          (setcar reporter index)
          (message "%s %s %s" text (aref progress-reporter--pulse-characters index) suffix))))))

(defun progress-reporter-done (reporter)
  "Show REPORTER's message followed by \"done\"."
  (message "%sdone" (aref (cdr reporter) 3)))

;; Used by `insert-directory' to split `ls' switches.
(defun split-string-and-unquote (string &optional separators)
  "Split STRING at SEPARATORS (default whitespace), reading \"quoted\" parts as strings.
The inverse of `combine-and-quote-strings'."
  (let ((sep (or separators "\\s-+"))
        (i (string-search "\"" string)))
    (if (null i)
        (split-string string sep t)
      (let ((read (read-from-string string i)))
        (append (unless (eq i 0) (split-string (substring string 0 i) sep t))
                (cons (car read)
                      (split-string-and-unquote (substring string (cdr read)) sep)))))))

;;;; Version strings.

(defvar version-separator "."
  "What separates the numbers of a version string, for `version-to-list'.")

(defvar version-regexp-alist
  ;; The value is Emacs's, entry for entry (users may look at it).
  '(("^[-._+ ]?snapshot$" . -4) ("^[-._+]$" . -4)
    ("^[-._+ ]?\\(cvs\\|git\\|bzr\\|svn\\|hg\\|darcs\\)$" . -4)
    ("^[-._+ ]?unknown$" . -4) ("^[-._+ ]?alpha$" . -3)
    ("^[-._+ ]?beta$" . -2) ("^[-._+ ]?\\(pre\\|rc\\)$" . -1))
  "How `version-to-list' reads the words in a version string.
Each element is (REGEXP . N): a non-numeric part matching REGEXP (case
ignored) stands for the negative number N, so \"1.0beta\" sorts before
\"1.0\".")

(defun elisp4j--version-word-value (word version last)
  "The number that WORD, a non-numeric part of VERSION, stands for.
LAST is non-nil when WORD ends VERSION: only there may a single letter
stand for its place in the alphabet (a = 1)."
  (let ((known (assoc-default word version-regexp-alist #'string-match)))
    (cond (known)
          ((and last (string-match "^[-._+ ]?\\([a-zA-Z]\\)$" word))
           (1+ (- (downcase (aref word (match-beginning 1))) ?a)))
          (t (error "Invalid version syntax: `%s'" version)))))

(defun version-to-list (ver)
  "Return the list of integers that version string VER stands for.
Numbers are separated by `version-separator'; words such as \"alpha\",
\"beta\", \"pre\" or \"git\" become negative numbers as
`version-regexp-alist' says, and a final single letter its place in
the alphabet.  For example \"1.0pre7\" gives (1 0 -1 7) and \".5\"
gives (0 5).  Signal an error when VER is not a version string."
  (unless (stringp ver)
    (error "Version must be a string"))
  (when (string-prefix-p version-separator ver)
    (setq ver (concat "0" ver)))
  (unless (string-match-p "^[0-9]" ver)
    (error "Invalid version syntax: `%s' (must start with a number)" ver))
  (let ((case-fold-search t)
        (end (length ver))
        (pos 0)
        numbers)
    (save-match-data
      (while (eq (string-match "[0-9]+" ver pos) pos)
        (setq pos (match-end 0))
        (push (string-to-number (match-string 0 ver)) numbers)
        (when (eq (string-match "[^0-9]+" ver pos) pos)
          (let ((word (match-string 0 ver)))
            (setq pos (match-end 0))
            (unless (string= word version-separator)
              (push (elisp4j--version-word-value word ver (= pos end))
                    numbers))))))
    (nreverse numbers)))

(defun version-list-not-zero (lst)
  "Return the first element of LST that is not zero, or 0 if there is none."
  (catch 'found
    (dolist (n lst 0)
      (unless (zerop n)
        (throw 'found n)))))

(defun elisp4j--version-list-order (l1 l2)
  "Compare version lists L1 and L2: a number below, at or above zero.
Trailing zeros do not count, and a negative number (a pre-release
word) sorts before the end of a list."
  (while (and l1 l2 (= (car l1) (car l2)))
    (setq l1 (cdr l1))
    (setq l2 (cdr l2)))
  (if (and l1 l2)
      (- (car l1) (car l2))
    (- (version-list-not-zero l1) (version-list-not-zero l2))))

(defun version-list-< (l1 l2)
  "Return t if version list L1 is lower (older) than L2."
  (< (elisp4j--version-list-order l1 l2) 0))

(defun version-list-= (l1 l2)
  "Return t if version lists L1 and L2 stand for the same version."
  (= (elisp4j--version-list-order l1 l2) 0))

(defun version-list-<= (l1 l2)
  "Return t if version list L1 is lower than or the same as L2."
  (<= (elisp4j--version-list-order l1 l2) 0))

(defun version< (v1 v2)
  "Return t if version string V1 is lower (older) than V2.
\"1\" and \"1.0\" are the same version; \"1pre\" is lower than \"1\"."
  (version-list-< (version-to-list v1) (version-to-list v2)))

(defun version<= (v1 v2)
  "Return t if version string V1 is lower than or the same as V2."
  (version-list-<= (version-to-list v1) (version-to-list v2)))

(defun version= (v1 v2)
  "Return t if version strings V1 and V2 stand for the same version."
  (version-list-= (version-to-list v1) (version-to-list v2)))

;;;; Aliases and small helpers that packages and init files expect.

;; EMACS-COMPAT: Emacs puts the `natnump' subr itself in this cell, so
;; (symbol-function 'wholenump) prints as #<subr natnump>.
(fset 'wholenump (symbol-function 'natnump))
(defalias 'sxhash #'sxhash-equal)
(defalias 'point-at-bol #'line-beginning-position)
(defalias 'point-at-eol #'line-end-position)
(defalias 'int-to-string #'number-to-string)
(defalias 'rplaca #'setcar)
(defalias 'rplacd #'setcdr)
(defalias 'store-match-data #'set-match-data)
(define-obsolete-function-alias 'condition-case-no-debug
  #'condition-case-unless-debug "24.1")
(define-obsolete-function-alias 'user-original-login-name
  #'user-login-name "28.1")

(defun log10 (x)
  "Logarithm of X in base ten."
  (declare (obsolete log "24.4"))
  (log x 10))

(defun string-or-null-p (object)
  "Return t if OBJECT is a string or nil, else nil."
  (or (stringp object) (null object)))

;; Four-level accessors: the letters between c and r, read from the
;; right, say which of car (a) and cdr (d) is taken first.
(defun caaaar (x) "The car of (caaar X)." (car (caaar x)))
(defun caaadr (x) "The car of (caadr X)." (car (caadr x)))
(defun caadar (x) "The car of (cadar X)." (car (cadar x)))
(defun caaddr (x) "The car of (caddr X)." (car (caddr x)))
(defun cadaar (x) "The car of (cdaar X)." (car (cdaar x)))
(defun cadadr (x) "The car of (cdadr X)." (car (cdadr x)))
(defun caddar (x) "The car of (cddar X)." (car (cddar x)))
(defun cadddr (x) "The car of (cdddr X)." (car (cdddr x)))
(defun cdaaar (x) "The cdr of (caaar X)." (cdr (caaar x)))
(defun cdaadr (x) "The cdr of (caadr X)." (cdr (caadr x)))
(defun cdadar (x) "The cdr of (cadar X)." (cdr (cadar x)))
(defun cdaddr (x) "The cdr of (caddr X)." (cdr (caddr x)))
(defun cddaar (x) "The cdr of (cdaar X)." (cdr (cdaar x)))
(defun cddadr (x) "The cdr of (cdadr X)." (cdr (cdadr x)))
(defun cdddar (x) "The cdr of (cddar X)." (cdr (cddar x)))
(defun cddddr (x) "The cdr of (cdddr X)." (cdr (cdddr x)))

(defun sha1 (object &optional start end binary)
  "The SHA-1 digest of OBJECT (a buffer or string), in hex unless BINARY.
START and END limit the part of OBJECT that is hashed."
  (secure-hash 'sha1 object start end binary))

;;;; Quoting for shells.

(defun shell-quote-argument (argument)
  "Quote ARGUMENT so that a POSIX shell reads it back as one word.
Every character outside the portable file-name set gets a backslash;
a newline is wrapped in single quotes, and the empty string is ''."
  (if (equal argument "")
      "''"
    (let ((quoted (replace-regexp-in-string
                   "[^-0-9a-zA-Z_./\n]" "\\\\\\&" argument)))
      (string-replace "\n" "'\n'" quoted))))

(defun combine-and-quote-strings (strings &optional separator)
  "Join STRINGS with SEPARATOR (default a space), quoting where needed.
A string holding a backslash, a double quote or SEPARATOR is written
in double quotes with its backslashes and quotes escaped, so that
`split-string-and-unquote' gives the list back.  Not shell quoting."
  (let* ((sep (or separator " "))
         (needs-quotes (concat "[\\\"]\\|" (regexp-quote sep))))
    (mapconcat (lambda (s)
                 (if (not (string-match needs-quotes s))
                     s
                   (concat "\""
                           (replace-regexp-in-string "[\\\"]" "\\\\\\&" s)
                           "\"")))
               strings sep)))

;;;; Change groups.

;; A handle is a list of (BUFFER . UNDO-LIST-AT-START) pairs; undoing
;; back to that tail of `buffer-undo-list' cancels the group.

(defun prepare-change-group (&optional buffer)
  "Return a change-group handle for BUFFER (default the current buffer).
Activate it with `activate-change-group' and finish it with exactly one
of `accept-change-group' and `cancel-change-group'.  Handles of several
buffers may be joined with `nconc'."
  (let ((buf (or buffer (current-buffer))))
    (list (cons buf (buffer-local-value 'buffer-undo-list buf)))))

(defun activate-change-group (handle)
  "Start recording the changes of the change group HANDLE."
  (dolist (entry handle)
    (with-current-buffer (car entry)
      (cond ((eq buffer-undo-list t)
             ;; Undo was off: record for the group's sake only.
             (setq buffer-undo-list nil))
            ((numberp (car-safe (car buffer-undo-list)))
             ;; A no-op insertion record keeps the group's first change
             ;; from being merged into the insertion recorded before it.
             (let ((pos (car (car buffer-undo-list))))
               (push (cons pos pos) buffer-undo-list)))))))

(defun accept-change-group (handle)
  "Finish the change group HANDLE, keeping its changes."
  (dolist (entry handle)
    (when (eq (cdr entry) t)
      (with-current-buffer (car entry)
        (setq buffer-undo-list t)))))

(defun cancel-change-group (handle)
  "Finish the change group HANDLE, undoing all of its changes."
  (dolist (entry handle)
    (with-current-buffer (car entry)
      (let ((start (cdr entry))
            (changes nil)
            (tail buffer-undo-list))
        (while (and (consp tail) (not (eq tail start)))
          (when (car tail)
            (push (car tail) changes))
          (setq tail (cdr tail)))
        (when (and (consp start) (not (eq tail start)))
          (error "Undoing to some unrelated state"))
        (save-restriction
          (widen)
          (save-excursion
            (primitive-undo 1 (nreverse changes))))
        (setq buffer-undo-list start)))))

(defmacro atomic-change-group (&rest body)
  "Run BODY like `progn'; if it exits non-locally, undo its changes.
Only the current buffer is covered; undo need not be enabled."
  (declare (indent 0) (debug t))
  (let ((group (make-symbol "group"))
        (done (make-symbol "done")))
    `(let ((,group (prepare-change-group))
           (,done nil))
       (unwind-protect
           (progn
             (activate-change-group ,group)
             (prog1 ,(macroexp-progn body)
               (setq ,done t)))
         (if ,done
             (accept-change-group ,group)
           (cancel-change-group ,group))))))

;;;; Buffer text helpers.

(defun insert-into-buffer (buffer &optional start end)
  "Insert the current buffer's text from START to END into BUFFER.
The text goes at BUFFER's point; START and END default to the
accessible portion."
  (let ((from (current-buffer)))
    (with-current-buffer buffer
      (insert-buffer-substring from start end))))

(defun elisp4j--region-bounds (start end)
  "START and END for a *-in-region replacement, defaulted and checked."
  (cond ((null start) (setq start (point)))
        ((< start (point-min)) (error "Start before start of buffer")))
  (cond ((null end) (setq end (point-max)))
        ((> end (point-max)) (error "End after end of buffer")))
  (cons start end))

;; EMACS-COMPAT: in 28.2 END stays a fixed position while replacements
;; change the text's length, so the region effectively shifts.
(defun replace-string-in-region (string replacement &optional start end)
  "Replace each STRING from START to END with REPLACEMENT, case exactly.
START defaults to point and END to `point-max'.  Return the number of
replacements, or nil when there were none."
  (let ((bounds (elisp4j--region-bounds start end))
        (count 0)
        (case-fold-search nil))
    (save-excursion
      (goto-char (car bounds))
      (while (search-forward string (cdr bounds) t)
        (delete-region (match-beginning 0) (match-end 0))
        (insert replacement)
        (setq count (1+ count))))
    (and (> count 0) count)))

(defun replace-regexp-in-region (regexp replacement &optional start end)
  "Replace each match for REGEXP from START to END with REPLACEMENT.
REPLACEMENT is given to `replace-match' with fixed case, so \\& and \\N
refer to the match.  START defaults to point and END to `point-max'.
Return the number of replacements, or nil when there were none."
  (let ((bounds (elisp4j--region-bounds start end))
        (count 0)
        (case-fold-search nil))
    (save-excursion
      (goto-char (car bounds))
      (while (re-search-forward regexp (cdr bounds) t)
        (replace-match replacement t)
        (setq count (1+ count))))
    (and (> count 0) count)))

(defun match-substitute-replacement (replacement
                                     &optional fixedcase literal string subexp)
  "The text `replace-match' would put in place of the last match.
REPLACEMENT, FIXEDCASE, LITERAL, STRING and SUBEXP are as for
`replace-match'; nothing is changed."
  (let ((whole (match-string 0 string)))
    (save-match-data
      ;; Make the match data relative to WHOLE, then replace in it.
      (match-data--translate (- (match-beginning 0)))
      (replace-match replacement fixedcase literal whole subexp))))

(defmacro with-existing-directory (&rest body)
  "Run BODY with `default-directory' naming a directory that exists.
The current one is kept when it exists; otherwise the home directory,
`temporary-file-directory', $TMPDIR, /tmp/ and finally / are tried."
  (declare (indent 0) (debug t))
  `(let ((default-directory
          (or (seq-find (lambda (d) (and d (file-exists-p d)))
                        (list default-directory
                              (expand-file-name "~/")
                              temporary-file-directory
                              (getenv "TMPDIR")
                              "/tmp/"))
              "/")))
     ,@body))

;;;; Invisibility specs.

(defun add-to-invisibility-spec (element)
  "Push ELEMENT on `buffer-invisibility-spec'.
A spec of t first becomes the list (t), so what was invisible stays so."
  (when (eq buffer-invisibility-spec t)
    (setq buffer-invisibility-spec (list t)))
  (push element buffer-invisibility-spec))

(defun remove-from-invisibility-spec (element)
  "Delete ELEMENT from `buffer-invisibility-spec'.
A spec that is not a list becomes (t)."
  (setq buffer-invisibility-spec
        (if (consp buffer-invisibility-spec)
            (delete element buffer-invisibility-spec)
          (list t))))

;;;; Suspending a major mode.

(defvar-local major-mode--suspended nil)
(put 'major-mode--suspended 'permanent-local t)

(defun major-mode-suspend ()
  "Leave the current major mode, remembering it for `major-mode-restore'."
  (let ((mode (or major-mode--suspended
                  (and (not (eq major-mode 'fundamental-mode)) major-mode))))
    (kill-all-local-variables)
    (setq-local major-mode--suspended mode)))

(defun major-mode-restore (&optional avoided-modes)
  "Go back to the mode left by `major-mode-suspend'.
With none remembered, run `normal-mode', never picking AVOIDED-MODES."
  (if major-mode--suspended
      (let ((mode major-mode--suspended))
        (kill-local-variable 'major-mode--suspended)
        (funcall mode))
    (let ((auto-mode-alist (elisp4j--drop-modes auto-mode-alist avoided-modes))
          (magic-fallback-mode-alist
           (elisp4j--drop-modes magic-fallback-mode-alist avoided-modes)))
      (normal-mode))))

(defun elisp4j--drop-modes (alist modes)
  "A copy of ALIST without the entries whose cdr is one of MODES."
  (seq-remove (lambda (entry) (memq (cdr-safe entry) modes)) alist))

;;;; Reading numbers.

(defvar read-number-history nil
  "Minibuffer history of `read-number'.")

(defun read-number (prompt &optional default hist)
  "Read a number in the minibuffer with PROMPT, asking until one is given.
DEFAULT (a number or a list of them; the first is the default) is what
an empty answer gives, and is shown in PROMPT.  HIST is the history
variable, `read-number-history' by default."
  (let ((first (if (consp default) (car default) default))
        (answer nil))
    (when first
      (let ((shown (format minibuffer-default-prompt-format first)))
        (setq prompt
              (if (string-match "\\(\\):[ \t]*\\'" prompt)
                  (replace-match shown t t prompt 1)
                (replace-regexp-in-string "[ \t]*\\'" shown prompt t t)))))
    (while (progn
             (let ((input (read-from-minibuffer
                           prompt nil nil nil (or hist 'read-number-history)
                           (and default
                                (if (consp default)
                                    (mapcar #'number-to-string (delq nil default))
                                  (number-to-string default))))))
               (setq answer (condition-case nil
                                (if (zerop (length input)) first (read input))
                              (error nil))))
             (not (numberp answer)))
      (message "Please enter a number.")
      (sit-for 1))
    answer))

;;;; Keyboard translation.

(defun keyboard-translate (from to)
  "Make the character FROM read as TO from the keyboard.
The mapping lives in `keyboard-translate-table', which becomes a char
table if it is not one already."
  (unless (char-table-p keyboard-translate-table)
    (setq keyboard-translate-table
          (make-char-table 'keyboard-translate-table nil)))
  (aset keyboard-translate-table from to))

;;;; Loops with progress reporters.

(defmacro dotimes-with-progress-reporter (spec reporter-or-message &rest body)
  "Like `dotimes' with SPEC (VAR COUNT [RESULT]), reporting progress.
REPORTER-OR-MESSAGE is a progress reporter, or a message to make one
for the range 0 to COUNT.  It is updated after each iteration, and
reports \"done\" at the end.

\(fn (VAR COUNT [RESULT]) REPORTER-OR-MESSAGE BODY...)"
  (declare (indent 2) (debug ((symbolp form &optional form) form body)))
  (let ((reporter (make-symbol "reporter"))
        (count (make-symbol "count")))
    `(let ((,reporter ,reporter-or-message)
           (,count ,(nth 1 spec)))
       (when (stringp ,reporter)
         (setq ,reporter (make-progress-reporter ,reporter 0 ,count)))
       (dotimes (,(car spec) ,count)
         ,@body
         (progress-reporter-update ,reporter (1+ ,(car spec))))
       (progress-reporter-done ,reporter)
       (or ,@(nthcdr 2 spec) nil))))

(defmacro dolist-with-progress-reporter (spec reporter-or-message &rest body)
  "Like `dolist' with SPEC (VAR LIST [RESULT]), reporting progress.
REPORTER-OR-MESSAGE is a progress reporter, or a message to make one
for the length of LIST.  It is updated after each element, and reports
\"done\" at the end.

\(fn (VAR LIST [RESULT]) REPORTER-OR-MESSAGE BODY...)"
  (declare (indent 2) (debug ((symbolp form &optional form) form body)))
  (let ((reporter (make-symbol "reporter"))
        (done (make-symbol "done"))
        (items (make-symbol "items")))
    `(let ((,reporter ,reporter-or-message)
           (,done 0)
           (,items ,(nth 1 spec)))
       (when (stringp ,reporter)
         (setq ,reporter (make-progress-reporter ,reporter 0 (length ,items))))
       (dolist (,(car spec) ,items)
         ,@body
         (progress-reporter-update ,reporter (setq ,done (1+ ,done))))
       (progress-reporter-done ,reporter)
       (or ,@(nthcdr 2 spec) nil))))

;;;; Delayed warnings.

(defvar delayed-warnings-list nil
  "Warnings waiting to be shown, each a list of `display-warning' arguments.
The newest is first.")

(defun delay-warning (type message &optional level buffer-name)
  "Queue a warning for `display-warning' on `delayed-warnings-list'.
TYPE, MESSAGE, LEVEL and BUFFER-NAME are as for `display-warning'."
  (push (list type message level buffer-name) delayed-warnings-list))

(defun display-delayed-warnings ()
  "Show the warnings of `delayed-warnings-list', oldest first, and clear it."
  (let ((queued (reverse delayed-warnings-list)))
    (setq delayed-warnings-list nil)
    (dolist (args queued)
      (apply #'display-warning args))))

(defun collapse-delayed-warnings ()
  "Merge runs of equal warnings in `delayed-warnings-list' into one.
A merged warning's message gets \" [N times]\" appended."
  (let ((merged nil))
    (while delayed-warnings-list
      (let ((w (pop delayed-warnings-list))
            (n 1))
        (while (equal w (car delayed-warnings-list))
          (pop delayed-warnings-list)
          (setq n (1+ n)))
        (when (> n 1)
          (setq w (append (list (car w) (format "%s [%d times]" (nth 1 w) n))
                          (nthcdr 2 w))))
        (push w merged)))
    (setq delayed-warnings-list (nreverse merged))))

(defvar delayed-warnings-hook '(collapse-delayed-warnings display-delayed-warnings)
  "Hook run by the command loop when `delayed-warnings-list' is non-nil.
The default functions merge repeated warnings, show them and clear the list.")

;;;; Finding files in `load-history'.

(defvar jka-compr-load-suffixes '(".gz")
  "Suffixes of compressed Lisp files that `load' reads (it decompresses gzip).")

(defun load-history-regexp (file)
  "A regexp matching the `load-history' entry of FILE.
FILE is as for `eval-after-load': an absolute file name (its true name
is used) or a library name, which may omit the directory and suffix."
  (let* ((absolute (file-name-absolute-p file))
         (name (if absolute (file-truename file) file))
         ;; An absolute name must match whole; a library name may follow a directory.
         (start (if (file-name-absolute-p name) "\\`" "\\(\\`\\|/\\)")))
    (setq file name)
    (concat start
            (regexp-quote file)
            (if (file-name-extension file)
                ""
              (concat "\\(" (mapconcat #'regexp-quote load-suffixes "\\|") "\\)?"))
            "\\(" (mapconcat #'regexp-quote jka-compr-load-suffixes "\\|") "\\)?"
            "\\'")))

(defun load-history-filename-element (file-regexp)
  "The first element of `load-history' whose file name matches FILE-REGEXP.
Nil if there is none."
  (save-match-data
    (seq-find (lambda (entry)
                (and (stringp (car-safe entry))
                     (string-match file-regexp (car entry))))
              load-history)))

;;;; Joining sequences (shared by `seq-concatenate' and `cl-concatenate').

(defun elisp4j--concatenate (type sequences)
  "Join the list of SEQUENCES into one sequence of TYPE: `list', `vector' or `string'."
  (cond ((eq type 'list) (apply #'append (append sequences '(nil))))
        ((eq type 'vector) (apply #'vconcat sequences))
        ((eq type 'string) (apply #'concat sequences))
        (t (error "Not a sequence type name: %S" type))))

(provide 'subr)


;;; subr.el ends here
