;;; nadvice.el --- function advice  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; nadvice.el does: `add-function' and `remove-function' on places,
;; `advice-add' and `advice-remove' on named functions and macros
;; (including ones defined later), and `define-advice'.
;;
;; A piece of advice is a closure calling FUNCTION and the advised MAIN
;; function as its HOW says.  Emacs makes these byte-code objects that
;; it recognises by their shape; elisp4j keeps the (HOW FUNCTION MAIN
;; PROPS) of each advice closure in a registry instead.  Advice nests:
;; MAIN may itself be advice, down to the original definition, which
;; removing every piece gives back (the same object).

;;; Code:

(defconst advice--how-alist
  '((:around . "(lambda (&rest r) (apply FUNCTION OLDFUN r))")
    (:before . "(lambda (&rest r) (apply FUNCTION r) (apply OLDFUN r))")
    (:after . "(lambda (&rest r) (prog1 (apply OLDFUN r) (apply FUNCTION r)))")
    (:override . "(lambda (&rest r) (apply FUNCTION r))")
    (:after-until . "(lambda (&rest r) (or (apply OLDFUN r) (apply FUNCTION r)))")
    (:after-while . "(lambda (&rest r) (and (apply OLDFUN r) (apply FUNCTION r)))")
    (:before-until . "(lambda (&rest r) (or (apply FUNCTION r) (apply OLDFUN r)))")
    (:before-while . "(lambda (&rest r) (and (apply FUNCTION r) (apply OLDFUN r)))")
    (:filter-args . "(lambda (&rest r) (apply OLDFUN (funcall FUNCTION r)))")
    (:filter-return . "(lambda (&rest r) (funcall FUNCTION (apply OLDFUN r)))"))
  "The ways a function can be added, with what the combination does.")

(defvar advice--registry (make-hash-table :test 'eq :weakness 'key)
  "Maps each advice closure to its (HOW FUNCTION MAIN PROPS).")

(defun advice--p (object)
  "Non-nil if OBJECT is a piece of advice."
  (and (gethash object advice--registry) t))

(defun advice--how (f) "How the advice F combines its function." (nth 0 (gethash f advice--registry)))
(defalias 'advice--where #'advice--how)
(defun advice--car (f) "The function the advice F adds." (nth 1 (gethash f advice--registry)))
(defun advice--cdr (f) "The function the advice F advises." (nth 2 (gethash f advice--registry)))
(defun advice--props (f) "The properties of the advice F." (nth 3 (gethash f advice--registry)))

(defun advice--cd*r (f)
  "The innermost function advised by F (F itself if it is not advice)."
  (while (advice--p f)
    (setq f (advice--cdr f)))
  f)

(defun advice--call (how function main args)
  "Call the combination HOW of FUNCTION and MAIN with ARGS."
  (cond ((eq how :around) (apply function main args))
        ((eq how :before) (apply function args) (apply main args))
        ((eq how :after) (prog1 (apply main args) (apply function args)))
        ((eq how :override) (apply function args))
        ((eq how :after-until) (or (apply main args) (apply function args)))
        ((eq how :after-while) (and (apply main args) (apply function args)))
        ((eq how :before-until) (or (apply function args) (apply main args)))
        ((eq how :before-while) (and (apply function args) (apply main args)))
        ((eq how :filter-args) (apply main (funcall function args)))
        (t (funcall function (apply main args)))))

(defun advice-eval-interactive-spec (spec)
  "Evaluate the interactive spec SPEC."
  (if (stringp spec)
      (call-interactively `(lambda (&rest args) (interactive ,spec) args))
    (eval spec)))

(defun advice--interactive-spec (function main)
  "The interactive spec of the advice of FUNCTION on MAIN, or nil if none.
FUNCTION's spec wins; if it is itself a function, it gets MAIN's spec."
  (let* ((iff (and (commandp function) (interactive-form function)))
         (ifm (and (commandp main) (interactive-form main)))
         (fspec (cadr iff)))
    (when (eq (car-safe fspec) 'function) (setq fspec (cadr fspec)))
    (cond ((functionp fspec) `(funcall ',fspec ',(cadr ifm)))
          (iff (cadr iff))
          (ifm (cadr ifm)))))

(defun advice--make-1 (how function main props)
  "A new piece of advice combining FUNCTION with MAIN as HOW says."
  (let ((advice (if (or (commandp function) (commandp main))
                    ;; A command: its interactive spec must be in the body.
                    (eval `(lambda (&rest args)
                             (interactive ,(advice--interactive-spec function main))
                             (advice--call ',how ',function ',main args))
                          t)
                  (lambda (&rest args) (advice--call how function main args)))))
    (puthash advice (list how function main props) advice--registry)
    advice))

(defun advice--make (how function main props)
  "Add FUNCTION to MAIN as HOW says, deeper in MAIN's advice if PROPS ask for it.
A larger `depth' property goes further in."
  (let ((depth (or (cdr (assq 'depth props)) 0))
        (main-depth (and (advice--p main)
                         (or (cdr (assq 'depth (advice--props main))) 0))))
    (if (and main-depth (> depth main-depth))
        (advice--make-1 (advice--how main) (advice--car main)
                        (advice--make how function (advice--cdr main) props)
                        (advice--props main))
      (unless (assq how advice--how-alist)
        (error "Unknown add-function location `%S'" how))
      (advice--make-1 how function main props))))

(defun advice--member-p (function use-name definition)
  "The piece of advice in DEFINITION whose function (or name) is FUNCTION.
USE-NAME t compares names, :use-both either, nil functions."
  (let ((found nil))
    (while (and (not found) (advice--p definition))
      (let ((name (cdr (assq 'name (advice--props definition)))))
        (if (cond ((eq use-name :use-both)
                   (or (equal function name) (equal function (advice--car definition))))
                  (use-name (equal function name))
                  (t (equal function (advice--car definition))))
            (setq found definition)
          (setq definition (advice--cdr definition)))))
    found))

(defun advice--remove-function (flist function)
  "FLIST without the advice whose function or name is FUNCTION.
Parts that do not change are kept (the same objects)."
  (if (not (advice--p flist))
      flist
    (let ((rest (advice--cdr flist)))
      (if (or (equal function (advice--car flist))
              (equal function (cdr (assq 'name (advice--props flist)))))
          (advice--remove-function rest function)
        (let ((new-rest (advice--remove-function rest function)))
          (if (eq new-rest rest)
              flist
            (advice--make-1 (advice--how flist) (advice--car flist)
                            new-rest (advice--props flist))))))))

(defun advice--subst-main (old new)
  "OLD, an advice chain, with its innermost function replaced by NEW."
  (if (not (advice--p old))
      new
    (advice--make-1 (advice--how old) (advice--car old)
                    (advice--subst-main (advice--cdr old) new)
                    (advice--props old))))

;;;; Advice on places.

(defvar advice--buffer-local-function-sample nil
  "The last function made to stand for the default value of a variable.
Setting a buffer-local function variable back to it kills the local value.")

(defun advice--set-buffer-local (var val)
  "Set the buffer-local value of VAR to VAL (killing it for the default proxy)."
  (if (eq val advice--buffer-local-function-sample)
      (kill-local-variable var)
    (set (make-local-variable var) val)))

(defun advice--buffer-local (var)
  "Buffer-local value of VAR, presumed to contain a function.
Without a local value, a function calling the default one."
  (declare (gv-setter advice--set-buffer-local))
  (if (local-variable-p var)
      (symbol-value var)
    (setq advice--buffer-local-function-sample
          (lambda (&rest args) (apply (default-value var) args)))))

(defun advice--normalize-place (place)
  "The generalized variable `add-function' works on for PLACE."
  (cond ((eq (car-safe place) 'local) `(advice--buffer-local ,@(cdr place)))
        ((eq (car-safe place) 'var) (nth 1 place))
        ((symbolp place) `(default-value ',place))
        (t place)))

(defmacro add-function (how place function &optional props)
  "Wrap the function stored in PLACE with the advice FUNCTION, combined as HOW.
With ORIG the function that was there and ARGS the call's arguments,
the advised function does, for each HOW:
  :around         call FUNCTION with ORIG and ARGS; its value is the result
  :override       call FUNCTION with ARGS only
  :before, :after call FUNCTION with ARGS before or after ORIG, ORIG's
                  value being the result
  :before-while, :before-until
                  call FUNCTION with ARGS first, then ORIG only if that
                  returned non-nil (-while) or nil (-until)
  :after-while, :after-until
                  call ORIG first, then FUNCTION only if ORIG returned
                  non-nil (-while) or nil (-until)
  :filter-args    call ORIG with the list of arguments FUNCTION returns
                  when given ARGS as one list
  :filter-return  call FUNCTION with ORIG's value and return its value
Adding the same FUNCTION (or the same name) again replaces the old one.
PROPS is an alist; its `name' entry names the advice, its `depth'
entry (-100 outermost to 100 innermost, default 0) orders it.
A symbol PLACE stands for its default value; (local \\='VAR) for the
buffer-local value of VAR and (var VAR) for a lexical variable."
  (let ((ref-place (advice--normalize-place place)))
    `(advice--add-function ,how (gv-ref ,ref-place) ,function ,props)))

(defun advice--add-function (how ref function props)
  "Add FUNCTION as HOW to the function at the place REF (a `gv-ref')."
  (let* ((name (cdr (assq 'name props)))
         (present (advice--member-p (or name function) (if name t) (gv-deref ref))))
    (when present
      (setf (gv-deref ref)
            (advice--remove-function (gv-deref ref) (or name (advice--car present)))))
    (setf (gv-deref ref) (advice--make how function (gv-deref ref) props))))

(defmacro remove-function (place function)
  "Take the advice FUNCTION (or the advice named FUNCTION) out of PLACE.
Nothing happens when PLACE has no such advice."
  (gv-letplace (getter setter) (advice--normalize-place place)
    (macroexp-let2 nil new `(advice--remove-function ,getter ,function)
      `(unless (eq ,new ,getter) ,(funcall setter new)))))

(defun advice-function-mapc (f function-def)
  "Call F on each piece of advice in FUNCTION-DEF, outermost first.
F gets the advice function and its property alist."
  (let ((layer function-def))
    (while (advice--p layer)
      (funcall f (advice--car layer) (advice--props layer))
      (setq layer (advice--cdr layer)))))

(defun advice-function-member-p (advice function-def)
  "Non-nil when FUNCTION-DEF carries ADVICE, a function or an advice name."
  (advice--member-p advice :use-both function-def))

;;;; Docstrings of advised functions.

(defun advice--split-usage (doc)
  "(USAGE . DOC-WITHOUT-IT) if DOC ends with a \"(fn ...)\" usage line, else nil."
  (when (and (stringp doc) (string-match "\n\n\\((fn\\(?: .*\\)?)\\)\\'" doc))
    (cons (match-string 1 doc) (substring doc 0 (match-beginning 0)))))

(defun advice--arglist-usage (def)
  "The usage line \"(fn ARGS...)\" of the function DEF, or t if unknown."
  (let ((arglist (help-function-arglist def)))
    (if (stringp arglist)
        t
      (format "%S" (cons 'fn (mapcar (lambda (a)
                                       (if (memq a '(&optional &rest))
                                           a
                                         (make-symbol (upcase (symbol-name a)))))
                                     arglist))))))

(defun advice--add-usage (doc usage)
  "DOC followed by the usage line USAGE (t for none), as `documentation' shows it."
  (if (or (eq usage t) (string-match-p "\n\n(fn\\(\\( .*\\)?)\\)?\\'" doc))
      doc
    (concat doc
            (cond ((string-suffix-p "\n\n" doc) "")
                  ((string-suffix-p "\n" doc) "\n")
                  (t "\n\n"))
            usage)))

(defun advice--piece-doc (advice macrop)
  "The line describing the piece of ADVICE (on a macro if MACROP)."
  (let ((fun (advice--car advice)))
    (concat
     (format "This %s has %s advice: " (if macrop "macro" "function") (advice--how advice))
     (if (symbolp fun)
         (format-message "`%S'." fun)
       (let* ((name (cdr (assq 'name (advice--props advice))))
              (doc (documentation fun t))
              (split (advice--split-usage doc)))
         (when split (setq doc (cdr split)))
         (cond ((and name doc) (format "%s\n%s" name doc))
               (name (format "%s" name))
               (t (or doc "No documentation")))))
     "\n")))

(defun advice--make-docstring (function)
  "Build the raw docstring for FUNCTION, presumably advised.
It is the docstring of the advised definition followed by a line for
each piece of advice, outermost first, and the usage line."
  (let* ((flist (indirect-function function))
         (macrop (eq 'macro (car-safe flist)))
         (docs ""))
    (when macrop (setq flist (cdr flist)))
    (if (and (autoloadp flist) (get function 'advice--pending))
        (setq docs (advice--piece-doc (get function 'advice--pending) macrop))
      (while (advice--p flist)
        (setq docs (concat docs (advice--piece-doc flist macrop))
              flist (advice--cdr flist))))
    (let* ((origdoc (unless (eq function flist) (documentation flist t)))
           (split (advice--split-usage origdoc))
           (usage (if split (car split) (advice--arglist-usage flist))))
      (when split (setq origdoc (cdr split)))
      (advice--add-usage (concat origdoc
                                 (if (string-suffix-p "\n" (or origdoc "")) "\n" "\n\n")
                                 docs)
                         usage))))

;;;; Advice on named functions.

;; The advice of a symbol lives in its function cell, wrapped around the
;; definition (or around the function of a macro).  While the symbol is
;; unbound or autoloaded, it waits in the `advice--pending' property.
;; Advised symbols get `advice--defalias-fset' as their
;; `defalias-fset-function', so that redefining them keeps the advice.

(defun advice--normalize (symbol def)
  "DEF, SYMBOL's definition, in a form advice can be added to."
  (cond
   ((special-form-p def)
    (error "Advice impossible: %S is a special form" symbol))
   ((and (symbolp def) (macrop def))
    (let ((newval (cons 'macro (lambda (&rest r) (macroexpand (cons def r))))))
      (put symbol 'advice--saved-rewrite (cons def (cdr newval)))
      newval))
   (t def)))

(defsubst advice--strip-macro (x)
  "The function of the macro X, or X itself."
  (if (eq 'macro (car-safe x)) (cdr x) x))

(defun advice--symbol-function (symbol)
  "The advice of SYMBOL, around its current definition or a hole."
  (or (get symbol 'advice--pending)
      (advice--strip-macro (symbol-function symbol))))

(defun advice--without-own-advice (def)
  "DEF with any advice wrappers (also inside a macro) taken off."
  (cond ((advice--p def) (advice--cd*r def))
        ((and (eq (car-safe def) 'macro) (advice--p (cdr def)))
         (cons 'macro (advice--cd*r (cdr def))))
        (t def)))

(defun advice--defalias-fset (fsetfun symbol newdef)
  "Install NEWDEF as SYMBOL's definition (with FSETFUN), keeping SYMBOL's advice."
  (let ((install (or fsetfun #'fset))
        ;; Wrappers in NEWDEF come from someone copying an advised
        ;; definition: the advice we keep is the one to apply.
        (def (advice--without-own-advice newdef)))
    ;; A rewrite saved for the old definition means nothing for the new one.
    (if (get symbol 'advice--saved-rewrite)
        (put symbol 'advice--saved-rewrite nil))
    (setq def (advice--normalize symbol def))
    (let ((advice (advice--symbol-function symbol)))
      (cond
       ((or (null def) (autoloadp def))
        ;; No real definition yet: park the advice until there is one.
        (unless (eq advice (get symbol 'advice--pending))
          (put symbol 'advice--pending (advice--subst-main advice nil)))
        (funcall install symbol def))
       (t
        (let* ((inner (advice--strip-macro def))
               (wrapped (advice--subst-main advice inner)))
          (put symbol 'advice--pending nil)
          (funcall install symbol (if (eq inner def) wrapped (cons 'macro wrapped)))))))))

(defun advice-add (symbol how function &optional props)
  "Advise the function named SYMBOL with FUNCTION, as `add-function' would.
Unlike `add-function' on its function cell, this copes with macros,
aliases, autoloads and commands, and advice on an undefined SYMBOL
takes effect when it gets defined."
  (let* ((old (symbol-function symbol))
         (def (advice--normalize symbol old)))
    (unless (eq def old) (fset symbol def))
    (cond
     ((eq (car-safe def) 'macro)
      (add-function how (cdr def) function props))
     ((or (null def) (autoloadp def))
      ;; Until SYMBOL has a real definition, the advice waits here.
      (add-function how (get symbol 'advice--pending) function props))
     (t
      (add-function how (symbol-function symbol) function props)))
    (put symbol 'function-documentation (list 'advice--make-docstring (list 'quote symbol)))
    (add-function :around (get symbol 'defalias-fset-function) #'advice--defalias-fset))
  nil)

(defun advice-remove (symbol function)
  "Take the advice FUNCTION (or the advice named FUNCTION) off SYMBOL.
Works on macros and autoloads too, and leaves `fboundp' as it was."
  (let ((def (symbol-function symbol)))
    (cond
     ((get symbol 'advice--pending)
      (remove-function (get symbol 'advice--pending) function))
     ((eq (car-safe def) 'macro)
      (remove-function (cdr def) function))
     (t
      (remove-function (symbol-function symbol) function)))
    (unless (advice--p (advice--symbol-function symbol))
      ;; The last piece is gone: stop watching redefinitions, and undo
      ;; the wrapper that made a macro alias advisable.
      (remove-function (get symbol 'defalias-fset-function) #'advice--defalias-fset)
      (let ((saved (get symbol 'advice--saved-rewrite)))
        (if (and saved (eq (cdr-safe (symbol-function symbol)) (cdr saved)))
            (fset symbol (car saved))))))
  nil)

(defmacro define-advice (symbol args &rest body)
  "Advise SYMBOL with a function whose body is BODY, as `advice-add' does.
ARGS is (HOW LAMBDA-LIST [NAME [DEPTH]]).  Without NAME the advice is
an anonymous function; with it, a function named SYMBOL@NAME is
defined.  DEPTH orders the advice (see `add-function').
\n(fn SYMBOL (HOW LAMBDA-LIST &optional NAME DEPTH) &rest BODY)"
  (declare (indent 2) (doc-string 3))
  (unless (listp args)
    (signal 'wrong-type-argument (list 'listp args)))
  (let ((count (length args)))
    (unless (and (>= count 2) (<= count 4))
      (signal 'wrong-number-of-arguments (list 2 4 count))))
  (apply
   (lambda (how lambda-list &optional name depth)
     (let ((advice (cond ((null name) `(lambda ,lambda-list ,@body))
                         ((or (stringp name) (symbolp name))
                          (intern (format "%s@%s" symbol name)))
                         (t (error "Unrecognized name spec `%S'" name))))
           (extra (and depth (list (list 'quote (list (cons 'depth depth)))))))
       (append (list 'prog1)
               (and (symbolp advice) (list `(defun ,advice ,lambda-list ,@body)))
               (list `(advice-add ',symbol ,how #',advice ,@extra)))))
   args))

(defun advice-mapc (fun symbol)
  "Call FUN on each piece of advice on SYMBOL, with its property alist."
  (advice-function-mapc fun (advice--symbol-function symbol)))

(defun advice-member-p (advice symbol)
  "Non-nil when SYMBOL carries ADVICE, a function or an advice name."
  (advice-function-member-p advice (advice--symbol-function symbol)))

(provide 'nadvice)

;;; nadvice.el ends here
