;;; byte-run.el --- defining functions and macros  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; byte-run.el does: `defmacro', `defun' and their declarations,
;; obsolescence markers and the compile-time wrappers, which this
;; interpreter treats as plain evaluation.

;;; Code:

;; Aliases Emacs defines in subr.el that this file already needs.
(defalias 'not #'null)
(defalias 'string= #'string-equal)
(defalias 'string< #'string-lessp)
(defalias 'string-greaterp
  #'(lambda (string1 string2)
      "Return non-nil if STRING1 is greater than STRING2 in lexicographic order.
Case is significant.  Symbols are also allowed; their print names are used instead."
      (string-lessp string2 string1)))
(defalias 'string> #'string-greaterp)

(defalias 'function-put
  #'(lambda (func prop value)
      "Set FUNC's property PROP to VALUE (a function's property, unlike `put')."
      (put func prop value)))

(defalias 'function-get
  #'(lambda (f prop &optional autoload)
      "Return the value of property PROP of function F, following aliases."
      (let ((val nil))
        (while (and (symbolp f)
                    (null (setq val (get f prop)))
                    (fboundp f)
                    (let ((fundef (symbol-function f)))
                      (if (and autoload (eq (car-safe fundef) 'autoload))
                          (progn (autoload-do-load fundef f) t)
                        (and (symbolp fundef) fundef (setq f fundef)))))
          nil)
        val)))

(defvar defun-declarations-alist nil
  "Handlers of `declare' forms in `defun': (PROP FUNCTION) entries.")

(defvar macro-declarations-alist nil
  "Handlers of `declare' forms in `defmacro': (PROP FUNCTION) entries.")

(defalias 'elisp4j--put-declaration
  #'(lambda (prop)
      "A declaration handler storing its single argument as PROP of the function."
      #'(lambda (f _args val)
          (list 'function-put (list 'quote f) (list 'quote prop) (list 'quote val)))))

(setq defun-declarations-alist
      (list
       (list 'advertised-calling-convention
             #'(lambda (f _args arglist when)
                 (list 'set-advertised-calling-convention
                       (list 'quote f) (list 'quote arglist) (list 'quote when))))
       (list 'obsolete
             #'(lambda (f _args new-name when)
                 (list 'make-obsolete (list 'quote f) (list 'quote new-name) when)))
       (list 'interactive-only
             #'(lambda (f _args instead)
                 (list 'function-put (list 'quote f) ''interactive-only (list 'quote instead))))
       (list 'pure (elisp4j--put-declaration 'pure))
       (list 'side-effect-free (elisp4j--put-declaration 'side-effect-free))
       (list 'important-return-value (elisp4j--put-declaration 'important-return-value))
       (list 'compiler-macro
             #'(lambda (f args compiler-function)
                 (if (and (symbolp compiler-function) compiler-function)
                     (list 'eval-and-compile
                           (list 'function-put (list 'quote f) ''compiler-macro
                                 (list 'function compiler-function)))
                   (let ((cfname (intern (concat (symbol-name f) "--anon-cmacro"))))
                     (list 'progn
                           (list 'eval-and-compile
                                 (list 'function-put (list 'quote f) ''compiler-macro
                                       (list 'function cfname)))
                           (list 'defalias (list 'quote cfname)
                                 (list 'function
                                       (cons 'lambda
                                             (cons (car compiler-function)
                                                   (cdr compiler-function))))))))))
       (list 'doc-string (elisp4j--put-declaration 'doc-string-elt))
       (list 'indent (elisp4j--put-declaration 'lisp-indent-function))
       (list 'speed (elisp4j--put-declaration 'speed))
       (list 'completion (elisp4j--put-declaration 'completion-predicate))
       (list 'modes (elisp4j--put-declaration 'command-modes))))

(setq macro-declarations-alist
      (cons
       (list 'debug
             #'(lambda (name _args spec)
                 (list 'progn :autoload-end
                       (list 'put (list 'quote name) ''edebug-form-spec (list 'quote spec)))))
       (cons
        (list 'no-font-lock-keyword (elisp4j--put-declaration 'no-font-lock-keyword))
        defun-declarations-alist)))

(defalias 'elisp4j--declarations
  #'(lambda (name arglist decls alist)
      "Forms implementing the declarations DECLS of NAME, using handlers from ALIST."
      (let ((out nil))
        (while decls
          (let ((d (car decls)))
            (let ((handler (car (cdr (assq (car-safe d) alist)))))
              (if handler
                  (setq out (cons (apply handler name arglist (cdr d)) out))
                (if (not (memq (car-safe d) '(debug gv-setter gv-expander)))
                    (message "Warning: Unknown %s property `%S'"
                             (if (eq alist macro-declarations-alist) "macro" "defun")
                             (car-safe d))))))
          (setq decls (cdr decls)))
        (nreverse out))))

(defalias 'elisp4j--split-body
  #'(lambda (body)
      "Split a function BODY into (DOCSTRING DECLARATIONS . FORMS).
A docstring counts only when more forms follow it."
      (let ((doc nil) (decls nil))
        (if (and (cdr body)
                 (or (stringp (car body))
                     (eq (car-safe (car body)) :documentation)))
            (setq doc (car body) body (cdr body)))
        (while (and body (eq (car-safe (car body)) 'declare))
          (setq decls (append decls (cdr (car body))) body (cdr body)))
        (cons doc (cons decls body)))))

(defalias 'defmacro
  (cons
   'macro
   #'(lambda (name arglist &rest body)
       "Define NAME as a macro with argument list ARGLIST and body BODY.
When the macro is called, BODY is evaluated with the arguments bound to
the unevaluated argument forms, and its value is then evaluated in
place of the call."
       (let* ((parts (elisp4j--split-body body))
              (doc (car parts))
              (decls (car (cdr parts)))
              (forms (cdr (cdr parts)))
              (def (list 'defalias (list 'quote name)
                         (list 'cons ''macro
                               (list 'function
                                     (cons 'lambda
                                           (cons arglist
                                                 (if doc (cons doc forms) forms)))))))
              (declarations (elisp4j--declarations name arglist decls
                                                   macro-declarations-alist)))
         (if declarations
             (list 'prog1 def (if (cdr declarations) (cons 'progn declarations)
                                (car declarations)))
           def)))))

(defmacro defun (name arglist &optional docstring &rest body)
  "Define NAME as a function with argument list ARGLIST and body BODY.
The optional DOCSTRING documents it; `declare' and `interactive' forms
may follow."
  (declare (doc-string 3) (indent 2))
  (or name (error "Cannot define '%s' as a function" name))
  (if (null (and (listp arglist) (null (delq t (mapcar #'symbolp arglist)))))
      (error "Malformed arglist: %s" arglist))
  (let* ((parts (elisp4j--split-body (cons docstring body)))
         (doc (car parts))
         (decls (car (cdr parts)))
         (forms (cdr (cdr parts)))
         (def (list 'defalias (list 'quote name)
                    (list 'function
                          (cons 'lambda
                                (cons arglist
                                      (if doc (cons doc forms) forms))))))
         (declarations (elisp4j--declarations name arglist decls defun-declarations-alist)))
    (if declarations
        (list 'prog1 def (if (cdr declarations) (cons 'progn declarations)
                           (car declarations)))
      def)))

(defmacro defsubst (name arglist &rest body)
  "Define an inline function.  In elisp4j it is an ordinary function."
  (declare (debug defun) (doc-string 3) (indent 2))
  (list 'prog1
        (cons 'defun (cons name (cons arglist body)))
        (list 'eval-and-compile
              (list 'function-put (list 'quote name) ''speed -1)
              (list 'put (list 'quote name) ''byte-optimizer ''byte-compile-inline-expand))))

(defmacro declare (&rest _specs)
  "Declarations are handled by `defun' and `defmacro'; elsewhere they do nothing."
  nil)

(defmacro eval-when-compile (&rest body)
  "Evaluate BODY (at load time, as there is no compiler)."
  (declare (debug (&rest def-form)) (indent 0))
  (list 'quote (eval (cons 'progn body) lexical-binding)))

(defmacro eval-and-compile (&rest body)
  "Evaluate BODY like `progn'."
  (declare (debug (&rest def-form)) (indent 0))
  (cons 'progn body))

(defmacro with-no-warnings (&rest body)
  "Like `progn' (there is no compiler to warn)."
  (declare (debug (&rest form)) (indent 0))
  (cons 'progn body))

(defmacro with-suppressed-warnings (_warnings &rest body)
  "Like `progn' (there is no compiler to warn)."
  (declare (debug (sexp &optional body)) (indent 1))
  (cons 'progn body))

(defmacro dont-compile (&rest body)
  "Like `progn', evaluated as a quoted form."
  (list 'eval (list 'quote (if (cdr body) (cons 'progn body) (car body)))))

(defun make-obsolete (obsolete-name current-name when)
  "Mark OBSOLETE-NAME as an obsolete function, replaced by CURRENT-NAME."
  (put obsolete-name 'byte-obsolete-info
       (list current-name nil when))
  obsolete-name)

(defmacro define-obsolete-function-alias (obsolete-name current-name when &optional docstring)
  "Make OBSOLETE-NAME an obsolete alias of CURRENT-NAME."
  (declare (doc-string 4) (indent defun))
  (list 'progn
        (list 'defalias obsolete-name current-name docstring)
        (list 'make-obsolete obsolete-name current-name when)))

(defun make-obsolete-variable (obsolete-name current-name when &optional access-type)
  "Mark OBSOLETE-NAME as an obsolete variable, replaced by CURRENT-NAME."
  (put obsolete-name 'byte-obsolete-variable
       (list current-name access-type when))
  obsolete-name)

(defmacro define-obsolete-variable-alias (obsolete-name current-name when &optional docstring)
  "Make OBSOLETE-NAME an obsolete alias of the variable CURRENT-NAME."
  (declare (doc-string 4) (indent defun))
  (list 'progn
        (list 'defvaralias obsolete-name current-name docstring)
        (list 'dolist (list 'prop ''(saved-value saved-variable-comment))
              (list 'and (list 'get obsolete-name 'prop)
                    (list 'null (list 'get current-name 'prop))
                    (list 'put current-name 'prop (list 'get obsolete-name 'prop))))
        (list 'make-obsolete-variable obsolete-name current-name when)))

(defun set-advertised-calling-convention (function signature _when)
  "Record that FUNCTION should be called with SIGNATURE."
  (put function 'advertised-calling-convention signature))

(defun byte-run--set-speed (f _args val)
  "Handler of the `speed' declaration."
  (list 'function-put (list 'quote f) ''speed (list 'quote val)))

(defmacro make-obsolete-generalized-variable (obsolete-name current-name when)
  "Record that the place OBSOLETE-NAME is obsolete."
  (list 'put (list 'quote obsolete-name) ''byte-obsolete-generalized-variable
        (list 'quote (list current-name when))))

;;; byte-run.el ends here
