;;; custom.el --- declaring customizable variables and faces  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; custom.el for the declarations init files use: `defcustom',
;; `defgroup', `defface', `custom-set-variables', `custom-set-faces',
;; `customize-set-variable' and the :initialize / :set machinery.
;; There is no Customize user interface.

;;; Code:

(defvar custom-current-group-alist nil "Alist of (FILE . GROUP) for the last group defined in each file.")
(defvar custom-dont-initialize nil "Non-nil means `defcustom' should not initialize the variable.")
(defvar custom-delayed-init-variables nil "Variables whose initialization is pending until startup.")
(defvar custom-known-themes '(user changed) "Themes that have been defined with `deftheme'.")
(defvar custom-enabled-themes nil "List of enabled Custom Themes, highest precedence first.")
(defvar custom-file nil "File used for storing customization information.")
(defvar custom-local-buffer nil "Non-nil, in a Customization buffer, means customize a specific buffer.")

(defun custom-initialize-default (symbol exp)
  "Initialize SYMBOL with EXP if it has no default value yet (without :set)."
  (internal--define-uninitialized-variable symbol)
  (unless (default-boundp symbol)
    (set-default symbol (eval exp t))))

(defun custom-initialize-set (symbol exp)
  "Initialize SYMBOL from EXP with its :set function, unless already bound."
  (internal--define-uninitialized-variable symbol)
  (unless (default-boundp symbol)
    (funcall (or (get symbol 'custom-set) #'set-default-toplevel-value)
             symbol (eval exp t))))

(defun custom--current-or-initial-elisp4j (symbol exp)
  "SYMBOL's current global value if it has one (through its :get function),
else the value of its saved expression or of EXP."
  (if (default-boundp symbol)
      (let ((get (get symbol 'custom-get)))
        (if get (funcall get symbol) (default-toplevel-value symbol)))
    (eval (or (car (get symbol 'saved-value)) exp) t)))

(defun custom-initialize-reset (symbol exp)
  "Initialize SYMBOL through its :set function, from its current value if
it has one, else from its saved value or EXP."
  (internal--define-uninitialized-variable symbol)
  (funcall (or (get symbol 'custom-set) #'set-default-toplevel-value)
           symbol (custom--current-or-initial-elisp4j symbol exp)))

(defun custom-initialize-changed (symbol exp)
  "Like `custom-initialize-reset', but without the :set function when SYMBOL
is unbound and has no saved value."
  (internal--define-uninitialized-variable symbol)
  (if (or (default-boundp symbol) (get symbol 'saved-value))
      (funcall (or (get symbol 'custom-set) #'set-default-toplevel-value)
               symbol (custom--current-or-initial-elisp4j symbol exp))
    (set-default-toplevel-value symbol (eval exp t))))

(defun custom-initialize-delay (symbol value)
  "Initialize SYMBOL now, and again at start-up when its value may depend on the environment.
Once start-up has re-evaluated them (`custom-delayed-init-variables' is then t),
the initialization is immediate only."
  (custom-initialize-reset symbol value)
  (if (listp custom-delayed-init-variables)
      (push symbol custom-delayed-init-variables)))

(defun custom-declare-variable (symbol default doc &rest args)
  "Like `defcustom', but SYMBOL and DEFAULT are evaluated as normal arguments."
  (put symbol 'standard-value (purecopy (list default)))
  (unless (stringp doc) (setq doc nil))
  (when doc (put symbol 'variable-documentation doc))
  (let ((initialize #'custom-initialize-reset)
        (requests nil)
        (local nil))
    (while args
      (let ((keyword (pop args)))
        (unless (symbolp keyword)
          (error "Junk in args %S" (cons keyword args)))
        (unless args
          (error "Keyword %s is missing an argument" keyword))
        (let ((value (pop args)))
          (cond ((eq keyword :initialize) (setq initialize value))
                ((eq keyword :set) (put symbol 'custom-set value))
                ((eq keyword :get) (put symbol 'custom-get value))
                ((eq keyword :require) (push value requests))
                ((eq keyword :risky) (put symbol 'risky-local-variable value))
                ((eq keyword :safe) (put symbol 'safe-local-variable value))
                ((eq keyword :local) (when (memq value '(t permanent)) (setq local t))
                 (when (eq value 'permanent) (put symbol 'permanent-local t)))
                ((eq keyword :type) (put symbol 'custom-type (purecopy value)))
                ((eq keyword :options) (put symbol 'custom-options (copy-sequence value)))
                (t (custom-handle-keyword symbol keyword value 'custom-variable))))))
    (put symbol 'custom-requests requests)
    (funcall initialize symbol default)
    (when local (make-variable-buffer-local symbol)))
  (run-hooks 'custom-define-hook)
  symbol)

(defvar custom-define-hook nil "Hook called after defining each customize option.")

(defmacro defcustom (symbol standard doc &rest args)
  "Declare SYMBOL as a customizable variable with default value STANDARD.
Keywords: :type :options :initialize :set :get :require :risky :safe
:local :group :link :load :tag :version :package-version."
  (declare (doc-string 3) (debug (name body)) (indent defun))
  `(custom-declare-variable
    ',symbol
    ,(if lexical-binding
         ;; Keep the expression's lexical context for re-evaluation.
         ``(funcall #',(lambda () "" ,standard))
       `',standard)
    ,doc
    ,@args))

(defun custom-handle-keyword (symbol keyword value type)
  "For customization option SYMBOL, handle KEYWORD with VALUE."
  (cond ((eq keyword :group) (custom-add-to-group value symbol type))
        ((eq keyword :version) (custom-add-version symbol value))
        ((eq keyword :package-version) (custom-add-package-version symbol value))
        ((eq keyword :link) (custom-add-link symbol value))
        ((eq keyword :load) (custom-add-load symbol value))
        ((eq keyword :tag) (put symbol 'custom-tag value))
        ((eq keyword :set-after) (custom-add-dependencies symbol value))
        ((memq keyword '(:prefix :group-documentation)) nil)
        (t (error "Unknown keyword %s" keyword))))

(defun custom-add-dependencies (symbol value)
  "To the custom option SYMBOL, add dependencies specified by VALUE."
  (put symbol 'custom-dependencies (append value (get symbol 'custom-dependencies))))

(defun custom-add-to-group (group option widget)
  "To existing GROUP add a new OPTION of type WIDGET."
  (let* ((members (get group 'custom-group))
         (old (assq option members)))
    (if old
        (setcar (cdr old) widget)
      (put group 'custom-group (nconc members (list (list option widget)))))))

(defun custom-add-version (symbol version) "Record VERSION for SYMBOL." (put symbol 'custom-version version))
(defun custom-add-package-version (symbol version) "Record package VERSION for SYMBOL." (put symbol 'custom-package-version version))
(defun custom-add-link (symbol widget)
  "To the custom option SYMBOL add the link WIDGET."
  (let ((links (get symbol 'custom-links)))
    (unless (member widget links)
      (put symbol 'custom-links (cons widget links)))))
(defun custom-add-load (symbol load)
  "To the custom option SYMBOL add the dependency LOAD."
  (let ((loads (get symbol 'custom-loads)))
    (unless (member load loads)
      (put symbol 'custom-loads (cons load loads)))))
(defun custom-add-option (symbol option)
  "To the variable SYMBOL add OPTION."
  (let ((options (get symbol 'custom-options)))
    (unless (member option options)
      (put symbol 'custom-options (cons option options)))))

(defun custom-declare-group (symbol members doc &rest args)
  "Do what `defgroup' does, with SYMBOL evaluated like the other arguments.
MEMBERS are (NAME WIDGET) lists to add to the group, DOC documents it
and ARGS are keyword/value pairs.  Returns SYMBOL."
  (dolist (member members)
    (apply #'custom-add-to-group symbol member))
  (if doc (put symbol 'group-documentation (purecopy doc)))
  (let ((rest args))
    (while rest
      (let ((keyword (pop rest)))
        (or (symbolp keyword) (error "Junk in args %S" rest))
        (or rest (error "Keyword %s is missing an argument" keyword))
        (let ((value (pop rest)))
          (if (eq keyword :prefix)
              (put symbol 'custom-prefix (purecopy value))
            (custom-handle-keyword symbol keyword value 'custom-group))))))
  (push symbol custom-current-group-alist)
  (run-hooks 'custom-define-hook)
  symbol)

(defmacro defgroup (symbol members doc &rest args)
  "Declare SYMBOL as a customization group containing MEMBERS."
  (declare (doc-string 3) (indent defun))
  `(custom-declare-group ',symbol ,members ,doc ,@args))

(defun custom-variable-p (variable)
  "Return non-nil if VARIABLE is a customizable variable."
  (and (symbolp variable)
       (or (get variable 'standard-value)
           (get variable 'custom-autoload))))

(defalias 'user-variable-p #'custom-variable-p)

(defun custom-quote (sexp)
  "Return a form whose value is SEXP.
That is SEXP itself when it evaluates to itself (an atom other than a
symbol, a keyword, nil or t), and (quote SEXP) otherwise."
  (if (or (consp sexp)
          (and (symbolp sexp)
               (not (keywordp sexp))
               (not (memq sexp '(nil t)))))
      (list 'quote sexp)
    sexp))

(defun customize-set-variable (variable value &optional comment)
  "Set the default for VARIABLE to VALUE, as Customize would, and return VALUE."
  (funcall (or (get variable 'custom-set) #'set-default) variable value)
  (put variable 'customized-value (list (custom-quote value)))
  (when comment
    ;; An empty comment removes the one there was.
    (let ((note (unless (string= comment "") comment)))
      (put variable 'variable-comment note)
      (put variable 'customized-variable-comment note)))
  value)

(defun customize-set-value (variable value &optional _comment)
  "Set VARIABLE to VALUE, and return VALUE (no :set function)."
  (set variable value)
  value)

(defun custom-set-variables (&rest args)
  "Install user customizations of variable values specified in ARGS.
Each argument is (SYMBOL EXP [NOW [REQUEST [COMMENT]]])."
  (dolist (entry args)
    (unless (listp entry) (error "Incompatible Custom theme spec"))
    (let* ((symbol (indirect-variable (nth 0 entry)))
           (value (nth 1 entry))
           (now (nth 2 entry))
           (requests (nth 3 entry))
           (comment (nth 4 entry))
           (set (or (get symbol 'custom-set) #'custom-set-default)))
      (put symbol 'saved-value (list value))
      (put symbol 'saved-variable-comment comment)
      (when requests
        (put symbol 'custom-requests requests)
        (mapc #'require requests))
      (when (or now (default-boundp symbol) (get symbol 'standard-value))
        (funcall set symbol (eval value t))
        (when now (put symbol 'force-value t))))))

(defun custom-set-default (variable value)
  "Default :set function for a customizable variable."
  (if custom-local-buffer
      (with-current-buffer custom-local-buffer
        (set variable value))
    (set-default variable value)))

(defun custom-reevaluate-setting (symbol)
  "Reset the value of SYMBOL by re-evaluating its saved or standard value."
  (funcall (or (get symbol 'custom-set) #'set-default)
           symbol
           (eval (car (or (get symbol 'saved-value) (get symbol 'standard-value))) t)))

;;;; Faces (recorded only: there is no display).

(defvar face-new-frame-defaults nil "Faces defined with `defface', as (FACE . SPEC).")

(defun custom-declare-face (face spec doc &rest args)
  "Like `defface', but with FACE evaluated as a normal argument."
  (unless (get face 'face-defface-spec)
    (put face 'face-defface-spec (purecopy spec))
    (push (cons face spec) face-new-frame-defaults)
    (when doc (put face 'face-documentation (purecopy doc)))
    (while args
      (let ((keyword (pop args)) (value (pop args)))
        (custom-handle-keyword face keyword value 'custom-face))))
  face)

(defmacro defface (face spec doc &rest args)
  "Declare FACE as a customizable face that defaults to SPEC."
  (declare (doc-string 3) (indent defun))
  `(custom-declare-face ',face ,spec ,doc ,@args))

(defun custom-set-faces (&rest args)
  "Record user face customizations: each argument is (FACE SPEC [NOW [COMMENT]])."
  (dolist (entry args)
    (let ((face (nth 0 entry)) (spec (nth 1 entry)))
      (put face 'saved-face spec)
      (put face 'customized-face nil)))
  nil)

(defun facep (face)
  "Return non-nil if FACE is a face name (a symbol with a face definition)."
  (and (symbolp face) (or (get face 'face-defface-spec) (get face 'saved-face)) t))

(defun deftheme (theme &optional _doc &rest _ignored)
  "Declare a custom theme THEME."
  (unless (memq theme custom-known-themes) (push theme custom-known-themes))
  theme)

(defun custom-theme-set-variables (_theme &rest args)
  "Initialize variables for a custom theme (applied as user settings here)."
  (apply #'custom-set-variables args))

(defun custom-theme-set-faces (_theme &rest args)
  "Initialize faces for a custom theme (recorded only)."
  (apply #'custom-set-faces args))

(defun provide-theme (theme)
  "Indicate that this file provides THEME."
  (provide (intern (format "%s-theme" theme))))

;;;; `setopt' (Emacs 29).

(defmacro setopt (&rest pairs)
  "Set each user option VARIABLE to VALUE, as (setopt VARIABLE VALUE ...).
Unlike `setq', each assignment goes through the option's `:set'
function, as Customize would do it.  This is Emacs 29's macro; the
values are not checked against the options' `:type', since there are
no widgets here.  Returns the last VALUE."
  (when (= (% (length pairs) 2) 1)
    (error "PAIRS must have an even number of variable/value members"))
  (let (assignments)
    (while pairs
      (let ((variable (pop pairs)))
        (push `(elisp4j--setopt-1 ',variable ,(pop pairs)) assignments)))
    (macroexp-progn (nreverse assignments))))

(defun elisp4j--setopt-1 (variable value)
  "Give user option VARIABLE the VALUE through its `:set' function; return VALUE."
  (put variable 'custom-check-value (list value))
  (funcall (or (get variable 'custom-set) #'set-default) variable value)
  value)

(provide 'custom)

;;; custom.el ends here
