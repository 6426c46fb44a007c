;;; easy-mmode.el --- minor mode and globalized minor mode definitions  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; easy-mmode.el: `define-minor-mode' (buffer-local or :global, the
;; ARG convention, hooks, `local-minor-modes'/`global-minor-modes',
;; keymaps and lighters) and `define-globalized-minor-mode'.

;;; Code:

(defvar global-minor-modes nil "A list of the currently enabled global minor modes.")
(defvar minor-mode-alist nil "Alist saying how to show minor modes in the mode line.")
(defvar minor-mode-map-alist nil "Alist of keymaps to use for minor modes.")
(defvar minor-mode-list nil "List of all minor mode functions.")

(defun add-minor-mode (toggle name &optional keymap after toggle-fun)
  "Register a new minor mode TOGGLE with mode-line NAME and KEYMAP."
  (ignore after)
  (unless (memq toggle minor-mode-list) (push toggle minor-mode-list))
  (unless toggle-fun (setq toggle-fun toggle))
  (unless (eq toggle-fun toggle) (put toggle :minor-mode-function toggle-fun))
  (when name
    (let ((existing (assq toggle minor-mode-alist)))
      (if existing (setcdr existing (list name))
        (push (list toggle name) minor-mode-alist))))
  (when keymap
    (let ((existing (assq toggle minor-mode-map-alist)))
      (if existing (setcdr existing keymap)
        (push (cons toggle keymap) minor-mode-map-alist)))))

(defun easy-mmode-pretty-mode-name (mode &optional lighter)
  "Turn the symbol MODE into a string intended for the user (\"foo-mode\" -> \"Foo mode\")."
  (ignore lighter)
  (let* ((name (symbol-name mode))
         (base (if (string-match "-mode\\'" name) (substring name 0 (match-beginning 0)) name)))
    (concat (capitalize (replace-regexp-in-string "-" " " base)) " mode")))

(defun easy-mmode--mode-state (arg current)
  "The new state of a mode currently CURRENT, given the mode function's ARG."
  (cond ((eq arg 'toggle) (not current))
        ((and (numberp arg) (< arg 1)) nil)
        (t t)))

(defmacro define-minor-mode (mode doc &rest body)
  "Define a minor mode MODE (a command and, unless :variable is given, a variable).
Keywords before BODY: :global :init-value :lighter :keymap :variable
:after-hook :group :interactive and the `defcustom' keywords.  BODY runs
after the mode has been turned on or off.  The mode function takes an
optional ARG: `toggle' toggles, a number below 1 disables, anything else
\(including nil) enables; interactively, no prefix toggles."
  (declare (doc-string 2) (indent defun))
  (when (and doc (not (stringp doc)))
    ;; Emacs 28 still accepts the old positional (INIT-VALUE LIGHTER KEYMAP) form.
    (push doc body)
    (setq doc nil))
  (let ((globalp nil) (init-value nil) (lighter nil) (keymap nil) (variable nil)
        (after-hook nil) (custom-args nil) (interactive t) (hook (intern (format "%s-hook" mode)))
        (hook-on (intern (format "%s-on-hook" mode)))
        (hook-off (intern (format "%s-off-hook" mode)))
        (map-sym (intern (format "%s-map" mode)))
        (pretty (easy-mmode-pretty-mode-name mode)))
    (while (keywordp (car body))
      (let ((key (pop body)) (val (pop body)))
        (cond ((eq key :global) (setq globalp val))
              ((eq key :init-value) (setq init-value val))
              ((eq key :lighter) (setq lighter val))
              ((eq key :keymap) (setq keymap val))
              ((eq key :variable) (setq variable val))
              ((eq key :after-hook) (setq after-hook val))
              ((eq key :interactive) (setq interactive val))
              ((memq key '(:group :type :version :package-version :require :set :initialize
                           :risky :safe :link :tag :options :local))
               (setq custom-args (append custom-args (list key val))))
              ((memq key '(:extra-args)) nil)
              (t nil))))
    (let* ((getter (cond ((null variable) mode)
                         ((and (consp variable) (not (memq (car variable) '(quote function))))
                          (car variable))
                         (t variable)))
           (setter (cond ((null variable) (lambda (v) `(setq ,mode ,v)))
                         ((and (consp variable) (not (memq (car variable) '(quote function))))
                          (let ((fn (cdr variable))) (lambda (v) `(funcall #',fn ,v))))
                         (t (lambda (v) `(setf ,variable ,v)))))
           (state (make-symbol "state")))
      (ignore state)
      `(progn
         ,@(unless variable
             (if globalp
                 `((defcustom ,mode ,init-value
                     ,(format "Non-nil if %s is enabled.\nSee the `%s' command\nfor a description of this minor mode." pretty mode)
                     :set #'custom-set-minor-mode
                     :initialize 'custom-initialize-default
                     :type 'boolean
                     ,@custom-args))
               `((defvar-local ,mode ,init-value
                   ,(format "Non-nil if %s is enabled.\nUse the command `%s' to change this variable." pretty mode)))))
         (defun ,mode (&optional arg)
           ,(or doc (format "Toggle %s on or off." pretty))
           ,@(when interactive
               '((interactive (list (if current-prefix-arg (prefix-numeric-value current-prefix-arg) 'toggle)))))
           (let ((last-message (current-message)))
             ,(funcall setter `(easy-mmode--mode-state arg ,getter))
             ,@(if globalp
                   `((setq global-minor-modes (delq ',mode global-minor-modes))
                     (when ,getter (push ',mode global-minor-modes)))
                 `((setq local-minor-modes (delq ',mode local-minor-modes))
                   (when ,getter (push ',mode local-minor-modes))))
             ,@body
             (run-hooks ',hook (if ,getter ',hook-on ',hook-off))
             (when (called-interactively-p 'any)
               ,@(when globalp `((customize-mark-as-set ',mode)))
               (unless (and (current-message) (not (equal last-message (current-message))))
                 (message ,(format "%s %%sabled%%s" pretty)
                          (if ,getter "en" "dis")
                          ,(if globalp "" " in current buffer")))))
           ,@(when after-hook (list after-hook))
           (force-mode-line-update)
           ,getter)
         (defvar ,hook nil)
         (unless (get ',hook 'variable-documentation)
           (put ',hook 'variable-documentation
                ,(format "Hook run after entering or leaving `%s'." mode)))
         ,@(when keymap
             `((defvar ,map-sym
                 (let ((m ,keymap))
                   (cond ((keymapp m) m)
                         ((listp m) (easy-mmode-define-keymap m))
                         (t (error "Invalid keymap %S" m))))
                 ,(format "Keymap for `%s'." mode))))
         (with-no-warnings
           (add-minor-mode ',mode ',lighter ,(if keymap map-sym `(if (boundp ',map-sym) ,map-sym))
                           nil ,(unless (eq getter mode) `',mode)))
         ',mode))))

(defun custom-set-minor-mode (variable value)
  "The :set function of a global minor mode's variable: call the mode function."
  (funcall variable (if value 1 0)))

(defun customize-mark-as-set (symbol)
  "Record that SYMBOL's value was set through Customize."
  (put symbol 'customized-value (list (custom-quote (symbol-value symbol)))))

(defun force-mode-line-update (&optional all)
  "Force redisplay of the current buffer's mode line (of all with ALL); return ALL.
There is no mode line to redisplay here."
  all)

(defun easy-mmode-define-keymap (bs &optional name m args)
  "Return a keymap built from the bindings BS, a list of (KEY . BINDING)."
  (ignore name args)
  (let ((map (or m (make-sparse-keymap))))
    (dolist (b bs)
      (define-key map (if (stringp (car b)) (car b) (car b)) (cdr b)))
    map))

(defmacro define-globalized-minor-mode (global mode turn-on &rest body)
  "Make a global mode GLOBAL turning buffer-local minor MODE on in every buffer.
TURN-ON is called in each buffer (existing ones now, new ones as their
major mode is set) to turn MODE on."
  (declare (doc-string 2) (indent defun))
  (let ((predicate nil) (keys nil))
    (while (keywordp (car body))
      (let ((k (pop body)) (v (pop body)))
        (if (eq k :predicate) (setq predicate v) (setq keys (append keys (list k v))))))
    (ignore predicate)
    (let ((buffers (intern (format "%s-buffers" global)))
          (enable (intern (format "%s-enable-in-buffers" global)))
          (cmhh (intern (format "%s-check-buffers" global))))
      (ignore buffers cmhh)
      `(progn
         (define-minor-mode ,global
           ,(format "Toggle %s in all buffers." (easy-mmode-pretty-mode-name mode))
           :global t ,@keys
           (if ,global
               (add-hook 'after-change-major-mode-hook #',enable)
             (remove-hook 'after-change-major-mode-hook #',enable))
           (dolist (buf (buffer-list))
             (with-current-buffer buf
               (if ,global (funcall #',turn-on) (when ,mode (,mode -1)))))
           ,@body)
         (defun ,enable ()
           ,(format "Turn on `%s' in the current buffer (for `%s')." mode global)
           (funcall #',turn-on))))))

(defalias 'easy-mmode-define-global-mode #'define-globalized-minor-mode)
(defalias 'define-global-minor-mode #'define-globalized-minor-mode)

(provide 'easy-mmode)

;;; easy-mmode.el ends here
