;;; use-package.el --- declare how to load and configure packages  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j after the documented behaviour of
;; the `use-package' macro that GNU Emacs 29 ships (Emacs 28.2, elisp4j's
;; reference, has none, so nothing here could be recorded from it).  The
;; semantics implemented, keyword by keyword:
;;
;; (use-package NAME KEYWORD ARGS... KEYWORD ARGS...) expands at
;; macro-expansion time into plain Lisp.  A keyword's arguments run up to
;; the next keyword; a keyword given twice has its arguments merged.
;; Keywords are handled in the fixed order of `use-package-keywords'
;; whatever order they are written in: each one wraps or extends the code
;; of the keywords after it.
;;
;; - :disabled anywhere: the whole form expands to nothing.
;; - :if / :when FORM, :unless FORM: everything after them happens only if
;;   FORM is non-nil (nil).  :load-path, :preface come before, always.
;; - :load-path DIR...: added to `load-path' (front); relative names are
;;   relative to `user-emacs-directory'; a symbol stands for its value.
;; - :requires FEATURE...: go on only if all are already `featurep'.
;; - :defines, :functions: for the byte compiler only; no effect at run time.
;; - :preface FORMS: evaluated first (`eval-and-compile').
;; - :pin ARCHIVE: recorded in `package-pinned-packages'.
;; - :ensure [t | PACKAGE]: make sure the package is installed.  EMACS-COMPAT:
;;   elisp4j never downloads anything: the default `use-package-ensure-function'
;;   accepts a package found on `load-path' (or already provided) and reports
;;   any other as use-package reports a failed installation, "Failed to
;;   install NAME: ..." (a warning); the require that follows then fails too.
;; - :after SPEC: the rest waits until SPEC is satisfied: a feature, or a list
;;   (:all implied), or (:all ...) / (:any ...) combining features, with
;;   `eval-after-load'.  :after cancels :demand.
;; - :custom (VAR VALUE [COMMENT])...: `customize-set-variable', with the
;;   comment "Customized with use-package NAME" unless one is given (the
;;   `use-package-use-theme' nil behaviour: no use-package theme here).
;; - :custom-face (FACE SPEC)...: SPEC (backquoted) becomes FACE's
;;   `face-defface-spec', and the face is marked `face-modified'.
;; - :bind (KEY . COMMAND)... with the `bind-keys' keywords (:map etc.),
;;   :bind* the same in `override-global-map'; bindings happen after the rest.
;; - :interpreter, :mode: (REGEXP . MODE) pairs (MODE defaults to NAME) added
;;   to `interpreter-mode-alist' / `auto-mode-alist' with `add-to-list'.
;; - :hook: (HOOKS . FUNCTION) pairs, HOOKS a symbol or a list of symbols,
;;   FUNCTION defaulting to NAME if it ends in "-mode", else NAME-mode; each
;;   hook symbol gets `use-package-hook-name-suffix' ("-hook") appended, and
;;   FUNCTION is added with `add-hook' after the rest.  Shapes: `:hook
;;   prog-mode', `:hook (a b)', `:hook (a . f)', `:hook ((a b) . f)',
;;   `:hook ((a . f) (b . g))'.
;; - :commands: autoload these (interactive) commands from NAME, unless
;;   already defined; the symbols of :bind, :mode, :interpreter and :hook
;;   are added to them.
;; - :init FORMS: evaluated before the package is loaded.
;; - :defer [t | N]: do not load now (implied by :bind, :bind*, :mode,
;;   :interpreter, :hook and :commands, and by `use-package-always-defer',
;;   unless :demand); :config then runs from `eval-after-load'.  A number N
;;   also loads the package after N seconds of idle time.
;; - :demand: load now, even with a deferring keyword.
;; - :no-require: never `require' the package (the :config runs now).
;; - :config FORMS: evaluated after the package is loaded.
;; - :catch t | nil | FUNCTION: errors in :init and :config are reported
;;   with `display-warning' as "NAME/:init: MESSAGE" (t, the default), not
;;   caught (nil), or passed to FUNCTION with the keyword and the error.
;; - :diminish, :delight: accepted; they call `diminish' / `delight' when
;;   such a function exists (elisp4j has no mode line of its own).
;;
;; A package that is not deferred is loaded with (require 'NAME nil t); if
;; that fails the warning "Cannot load NAME" is displayed (level :error)
;; and its :config is skipped.  A keyword that is unknown, or whose
;; arguments are malformed, makes the form expand to nothing and displays
;; "Failed to parse package NAME: use-package: MESSAGE"; with
;; `use-package-verbose' set to `errors' the error is signalled instead.
;; `use-package-verbose' t also reports "Loading package NAME..." and
;; "Configuring package NAME..." messages.
;;
;; Not provided: :bind-keymap(*), :magic(-fallback), :autoload,
;; :vc, statistics, and the use-package theme.

;;; Code:

(require 'bind-key)

(defgroup use-package nil
  "A declarative way to load and configure packages."
  :group 'initialization)

(defcustom use-package-keywords
  '(:disabled :load-path :requires :defines :functions :preface
    :if :when :unless :pin :ensure :no-require :catch :after
    :custom :custom-face :bind :bind* :interpreter :mode :hook
    :commands :init :defer :demand :load :diminish :delight :config)
  "The keywords `use-package' knows, in the order it handles them."
  :type '(repeat symbol))

(defcustom use-package-verbose nil
  "Whether `use-package' reports loading and configuring packages.
t reports them; `errors' signals errors in its own arguments instead of
reporting them."
  :type '(choice (const nil) (const t) (const errors) (const debug)))

(defcustom use-package-always-defer nil
  "Non-nil means every `use-package' form is deferred unless it says :demand."
  :type 'boolean)

(defcustom use-package-always-demand nil
  "Non-nil means every `use-package' form loads its package now unless it says :defer."
  :type 'boolean)

(defcustom use-package-always-ensure nil
  "Non-nil means every `use-package' form without :load-path has :ensure t."
  :type 'boolean)

(defcustom use-package-always-pin nil
  "An archive every `use-package' form is pinned to, if non-nil."
  :type '(choice (const nil) string))

(defcustom use-package-minimum-reported-time 0.1
  "Loading or configuring that takes longer (in seconds) is reported with its time."
  :type 'number)

(defcustom use-package-hook-name-suffix "-hook"
  "Appended to the hook names given to :hook (nil: names are used as given)."
  :type '(choice string (const nil)))

(defcustom use-package-ensure-function #'use-package-ensure-elisp4j
  "Function making sure a package is installed.
It is called with the package NAME, the list of :ensure arguments (t for
NAME itself, or package symbols) and a third argument, always nil here."
  :type 'function)

(defvar package-pinned-packages nil
  "Alist of (PACKAGE . ARCHIVE): the archive each package is installed from.")

;;;; Errors and argument helpers.

(defun use-package-error (msg)
  "Signal MSG as an error of `use-package'."
  (error "use-package: %s" msg))

(defun use-package--symbol-elisp4j (name)
  "NAME (a symbol or string) as a symbol."
  (if (stringp name) (intern name) name))

(defun use-package--string-elisp4j (name)
  "NAME (a symbol or string) as a string."
  (if (symbolp name) (symbol-name name) name))

(defun use-package--sym-p-elisp4j (x)
  "Non-nil if X is a symbol other than nil and t and keywords."
  (and x (symbolp x) (not (eq x t)) (not (keywordp x))))

(defun use-package--one-elisp4j (keyword args)
  "The single argument of KEYWORD in ARGS (t if there is none)."
  (cond ((null args) t)
        ((cdr args) (use-package-error (format "%s wants exactly one argument" keyword)))
        (t (car args))))

(defun use-package--function-p-elisp4j (v &optional binding)
  "Non-nil if V names or is a function (a command, for a key BINDING)."
  (or (if binding (symbolp v) (use-package--sym-p-elisp4j v))
      (and (consp v) (memq (car v) '(quote function))
           (use-package--sym-p-elisp4j (cadr v)))
      (if binding (or (commandp v) (stringp v) (vectorp v)) (functionp v))
      (and (consp v) (eq (car v) 'lambda))))

(defun use-package--unquote-elisp4j (v)
  "V without a quote or `function' around a symbol."
  (if (and (consp v) (memq (car v) '(quote function)) (symbolp (cadr v)))
      (cadr v)
    v))

(defun use-package--pairs-elisp4j (keyword args key-p default)
  "Normalize ARGS of KEYWORD to (KEY . FUNCTION) pairs; KEY-P recognizes keys.
A lone key gets DEFAULT as its function."
  (unless args (use-package-error (format "%s wants a non-empty list" keyword)))
  (use-package--pairs-1-elisp4j keyword (if (and (consp args) (null (cdr args))) (car args) args)
                                key-p default t))

(defun use-package--pairs-1-elisp4j (keyword x key-p default top)
  "The (KEY . FUNCTION) pairs of X for KEYWORD; TOP means X may be a list of them."
  (cond ((funcall key-p x) (list (cons x default)))
        ((and (consp x) (funcall key-p (car x))
              (use-package--function-p-elisp4j (cdr x)))
         (list (cons (car x) (use-package--unquote-elisp4j (cdr x)))))
        ((and top (consp x) (listp (cdr x)))
         (mapcan (lambda (y) (use-package--pairs-1-elisp4j keyword y key-p default nil)) x))
        (t (use-package-error
            (format "%s wants a %s or a list of these" keyword
                    (if (eq keyword :hook)
                        "<symbol> or (<symbol or list of symbols> . <symbol or function>)"
                      "<string> or (<string> . <symbol>)"))))))

;;;; Normalizing the arguments of each keyword.

(defun use-package--normalize-elisp4j (name keyword args)
  "The normalized value of KEYWORD's ARGS in a `use-package' form for NAME."
  (pcase keyword
    ((or :disabled :defer :demand :no-require :catch)
     (use-package--one-elisp4j keyword args))
    ((or :if :when :unless)
     (if (and args (null (cdr args)))
         (car args)
       (use-package-error (format "%s wants exactly one argument" keyword))))
    (:load-path
     (mapcan (lambda (p)
               (cond ((stringp p) (list (expand-file-name p user-emacs-directory)))
                     ((use-package--sym-p-elisp4j p)
                      (let ((v (symbol-value p)))
                        (mapcar (lambda (d) (expand-file-name d user-emacs-directory))
                                (if (listp v) v (list v)))))
                     ((and (consp p) (not (eq (car p) 'quote)))
                      (mapcar (lambda (d) (expand-file-name d user-emacs-directory))
                              (let ((v (eval p t))) (if (listp v) v (list v)))))
                     (t (use-package-error ":load-path wants a directory path, or list of paths"))))
             (if (and (consp args) (null (cdr args)) (consp (car args))
                      (stringp (caar args)))
                 (car args)
               args)))
    ((or :requires :defines :functions :commands :diminish :delight)
     (let ((xs (if (and (consp args) (null (cdr args)) (listp (car args))) (car args) args)))
       (dolist (x xs)
         (unless (or (symbolp x) (memq keyword '(:diminish :delight)))
           (use-package-error (format "%s wants a symbol, or list of symbols" keyword))))
       xs))
    ((or :preface :init :config) args)
    (:pin
     (let ((a (use-package--one-elisp4j keyword args)))
       (unless (or (stringp a) (symbolp a))
         (use-package-error ":pin wants an archive name (a string)"))
       (if (symbolp a) (symbol-name a) a)))
    (:ensure
     (if (null args) (list t)
       (mapcar (lambda (a)
                 (unless (symbolp a)
                   (use-package-error ":ensure wants an optional package name (an unquoted symbol name)"))
                 a)
               args)))
    (:after
     (if (and args (null (cdr args))) (car args) args))
    (:custom
     (let ((defs (if (and (consp args) (null (cdr args)) (consp (car args))
                          (consp (caar args)))
                     (car args)
                   args)))
       (dolist (d defs)
         (unless (and (consp d) (symbolp (car d)) (consp (cdr d)))
           (use-package-error
            ":custom expects (<symbol> <value> [comment]) or a list of these")))
       defs))
    (:custom-face
     (dolist (d args)
       (unless (and (consp d) (symbolp (car d)) (consp (cdr d)))
         (use-package-error ":custom-face wants a (<symbol> <face-spec>) or list of these")))
     args)
    ((or :bind :bind*)
     (use-package--binder-elisp4j name keyword args))
    ((or :mode :interpreter)
     (use-package--pairs-elisp4j
      keyword args (lambda (k) (stringp k)) (use-package--symbol-elisp4j name)))
    (:hook
     (use-package--pairs-elisp4j
      keyword args
      (lambda (k) (or (use-package--sym-p-elisp4j k)
                      (and (consp k) (proper-list-p k)
                           (let ((ok t))
                             (dolist (s k ok) (unless (use-package--sym-p-elisp4j s) (setq ok nil)))))))
      (let ((n (use-package--string-elisp4j name)))
        (intern (if (string-suffix-p "-mode" n) n (concat n "-mode"))))))
    (_ args)))

(defun use-package--binder-elisp4j (name keyword args)
  "Check and flatten the ARGS of :bind (KEYWORD) for NAME into `bind-keys' arguments.
Groups given as separate lists are separated by :break."
  (let ((out nil))
    (while args
      (let ((x (car args)))
        (cond ((and (consp x) (or (stringp (car x)) (vectorp (car x)))
                    (use-package--function-p-elisp4j (cdr x) t))
               (push x out)
               (setq args (cdr args)))
              ((and (memq x '(:map :prefix :prefix-map :prefix-docstring :filter
                              :menu-name :package))
                    (cdr args))
               (push x out)
               (push (cadr args) out)
               (setq args (cddr args)))
              ((and (consp x) (listp (cdr x)))
               (setq out (append (reverse (use-package--binder-elisp4j name keyword x)) out))
               (setq args (cdr args)))
              (t (use-package-error
                  (format "%s wants arguments acceptable to the `bind-keys' macro, or a list of such values"
                          name))))))
    (nreverse out)))

(defun use-package--split-break-elisp4j (args)
  "ARGS split into the lists between :break markers."
  (let ((groups (list nil)))
    (dolist (a args)
      (if (eq a :break)
          (push nil groups)
        (push a (car groups))))
    (delq nil (nreverse (mapcar #'reverse groups)))))

(defun use-package--commands-of-elisp4j (pairs)
  "The function symbols in the (KEY . FUNCTION) PAIRS."
  (let ((cmds nil))
    (dolist (p pairs)
      (when (consp p)
        (let ((f (use-package--unquote-elisp4j (cdr p))))
          (when (use-package--sym-p-elisp4j f)
            (push f cmds)))))
    (nreverse cmds)))

(defun use-package--plist-elisp4j (name args)
  "The normalized keyword plist of the `use-package' form for NAME with ARGS."
  (unless (or (symbolp name) (stringp name))
    (signal 'wrong-type-argument (list 'symbolp name)))
  (let ((plist nil))
    (while args
      (let ((keyword (pop args))
            (values nil))
        (unless (keywordp keyword)
          (use-package-error (format "Unrecognized keyword: %s" keyword)))
        (while (and args (not (keywordp (car args))))
          (push (pop args) values))
        (unless (memq keyword use-package-keywords)
          (use-package-error (format "Unrecognized keyword: %s" keyword)))
        (let ((value (use-package--normalize-elisp4j name keyword (nreverse values))))
          (if (plist-member plist keyword)
              (plist-put plist keyword
                         (let ((old (plist-get plist keyword)))
                           (pcase keyword
                             ((or :if :when) `(and ,old ,value))
                             (:unless `(or ,old ,value))
                             (:after `(:all ,old ,value))
                             ((or :defer :demand :no-require :catch :pin) value)
                             ((or :bind :bind*) (append old (list :break) value))
                             (_ (append old value)))))
            (setq plist (append plist (list keyword value)))))))
    ;; Keywords that name commands autoload them, and defer the package.
    (let ((cmds (append (use-package--commands-of-elisp4j (plist-get plist :mode))
                        (use-package--commands-of-elisp4j (plist-get plist :interpreter))
                        (use-package--commands-of-elisp4j (plist-get plist :hook))
                        (use-package--commands-of-elisp4j (plist-get plist :bind))
                        (use-package--commands-of-elisp4j (plist-get plist :bind*)))))
      (when cmds
        (setq plist (plist-put plist :commands
                               (delete-dups (append (plist-get plist :commands) cmds))))))
    (when (and (not (plist-member plist :demand))
               (not (plist-member plist :defer))
               (or use-package-always-defer
                   (let ((found nil))
                     (dolist (k '(:bind :bind* :mode :interpreter :hook :commands) found)
                       (when (plist-member plist k) (setq found t))))))
      (setq plist (plist-put plist :defer t)))
    (when (and use-package-always-demand
               (not (plist-member plist :demand)) (not (plist-member plist :defer)))
      (setq plist (plist-put plist :demand t)))
    (when (plist-member plist :after)
      (setq plist (use-package--plist-remove-elisp4j plist :demand)))
    (when (plist-member plist :demand)
      (setq plist (use-package--plist-remove-elisp4j plist :defer)))
    (when (and use-package-always-ensure (not (plist-member plist :ensure))
               (not (plist-member plist :load-path)))
      (setq plist (plist-put plist :ensure (list t))))
    (when (and use-package-always-pin (not (plist-member plist :pin)))
      (setq plist (plist-put plist :pin use-package-always-pin)))
    (unless (plist-member plist :catch)
      (setq plist (plist-put plist :catch t)))
    (unless (or (plist-get plist :defer) (plist-get plist :no-require))
      (setq plist (plist-put plist :load (list (use-package--symbol-elisp4j name)))))
    ;; In the order of `use-package-keywords'.
    (let ((sorted nil))
      (dolist (k use-package-keywords)
        (when (plist-member plist k)
          (setq sorted (append sorted (list k (plist-get plist k))))))
      sorted)))

(defun use-package--plist-remove-elisp4j (plist key)
  "PLIST without KEY."
  (let ((out nil))
    (while plist
      (unless (eq (car plist) key)
        (setq out (append out (list (car plist) (cadr plist)))))
      (setq plist (cddr plist)))
    out))

;;;; Generating the code.

(defvar use-package--catch-elisp4j nil
  "While generating: how errors in :init and :config are handled (:catch's value).")

(defun use-package--hush-elisp4j (name keyword body)
  "BODY (forms) guarded as :catch says, errors reported for NAME's KEYWORD."
  (let ((catch use-package--catch-elisp4j))
    (if (or (null catch) (null body))
        body
      `((condition-case-unless-debug err
            ,(macroexp-progn body)
          (error
           ,(if (eq catch t)
                `(display-warning
                  'use-package
                  (format "%s/%s: %s" ',name ,keyword (error-message-string err))
                  :error)
              `(funcall #',catch ,keyword err))))))))

(defun use-package--timed-elisp4j (text body)
  "BODY (forms), reported as TEXT when `use-package-verbose' is t."
  (if (not (memq use-package-verbose '(t debug)))
      body
    `((let ((start (current-time)))
        (message "%s..." ,text)
        (prog1 ,(macroexp-progn body)
          (let ((elapsed (float-time (time-subtract (current-time) start))))
            (if (> elapsed use-package-minimum-reported-time)
                (message "%s...done (%.3fs)" ,text elapsed)
              (message "%s...done" ,text))))))))

(defun use-package--after-elisp4j (spec body)
  "BODY (forms) run once the features of the :after SPEC are loaded."
  (cond ((use-package--sym-p-elisp4j spec)
         `((eval-after-load ',spec ',(macroexp-progn body))))
        ((and (consp spec) (memq (car spec) '(:any :or)))
         ;; The first of them to be loaded runs BODY, once: the forms share
         ;; one cell that says whether it ran.
         (let ((done (list nil)))
           (mapcan (lambda (s)
                     (use-package--after-elisp4j
                      s `((unless (car ',done) (setcar ',done t) ,@body))))
                   (cdr spec))))
        ((and (consp spec) (memq (car spec) '(:all :and)))
         (dolist (s (reverse (cdr spec)) body)
           (setq body (use-package--after-elisp4j s body))))
        ((consp spec) (use-package--after-elisp4j (cons :all spec) body))
        (t (use-package-error (format ":after wants a feature or a list of features, not %S" spec)))))

(defun use-package--process-elisp4j (name plist)
  "The forms for NAME's keyword PLIST: the first keyword's code around the rest's."
  (if (null plist)
      nil
    (let* ((keyword (car plist))
           (arg (cadr plist))
           (rest (cddr plist))
           (sym (use-package--symbol-elisp4j name))
           (str (use-package--string-elisp4j name)))
      (pcase keyword
        (:load-path
         (append (mapcar (lambda (p) `(eval-and-compile (add-to-list 'load-path ,p))) arg)
                 (use-package--process-elisp4j name rest)))
        (:requires
         (let ((body (use-package--process-elisp4j name rest)))
           (when body
             `((when ,(if (cdr arg)
                          `(not (memq nil (mapcar #'featurep ',arg)))
                        `(featurep ',(car arg)))
                 ,@body)))))
        (:preface
         (append (when arg `((eval-and-compile ,@arg)))
                 (use-package--process-elisp4j name rest)))
        ((or :if :when)
         (let ((body (use-package--process-elisp4j name rest)))
           `((when ,arg ,@body))))
        (:unless
         (let ((body (use-package--process-elisp4j name rest)))
           `((unless ,arg ,@body))))
        (:pin
         (cons `(add-to-list 'package-pinned-packages '(,sym . ,arg))
               (use-package--process-elisp4j name rest)))
        (:ensure
         (cons `(,use-package-ensure-function ',sym ',arg nil)
               (use-package--process-elisp4j name rest)))
        (:catch
         (let ((use-package--catch-elisp4j arg))
           (use-package--process-elisp4j name rest)))
        (:after
         (let ((body (use-package--process-elisp4j name rest)))
           (when body (use-package--after-elisp4j arg body))))
        (:custom
         (append (mapcar (lambda (def)
                           (let ((comment (nth 2 def)))
                             `(customize-set-variable
                               ',(car def) ,(nth 1 def)
                               ,(if (stringp comment) comment
                                  (format "Customized with use-package %s" name)))))
                         arg)
                 (use-package--process-elisp4j name rest)))
        (:custom-face
         (append (mapcar (lambda (def)
                           `(progn (put ',(car def) 'face-defface-spec
                                        ,(list '\` (cadr def)))
                                   (put ',(car def) 'face-modified t)))
                         arg)
                 (use-package--process-elisp4j name rest)))
        ((or :bind :bind*)
         (append (use-package--process-elisp4j name rest)
                 (mapcar (lambda (group)
                           `(,(if (eq keyword :bind) 'bind-keys 'bind-keys*)
                             :package ,sym
                             ,@(mapcar (lambda (x)
                                         (if (consp x)
                                             (cons (car x) (use-package--unquote-elisp4j (cdr x)))
                                           x))
                                       group)))
                         (use-package--split-break-elisp4j arg))))
        ((or :mode :interpreter)
         (append (use-package--process-elisp4j name rest)
                 (mapcar (lambda (pair)
                           `(add-to-list ',(if (eq keyword :mode) 'auto-mode-alist
                                             'interpreter-mode-alist)
                                         ',pair))
                         arg)))
        (:hook
         (append (use-package--process-elisp4j name rest)
                 (mapcan (lambda (pair)
                           (let ((hooks (if (listp (car pair)) (car pair) (list (car pair))))
                                 (fn (cdr pair)))
                             (when fn
                               (mapcar (lambda (h)
                                         `(add-hook ',(intern (concat (symbol-name h)
                                                                      use-package-hook-name-suffix))
                                                    #',fn))
                                       hooks))))
                         arg)))
        (:commands
         (append (unless (plist-get rest :demand)
                   (mapcar (lambda (cmd)
                             `(unless (fboundp ',cmd) (autoload #',cmd ,str nil t)))
                           (delete-dups (copy-sequence arg))))
                 (use-package--process-elisp4j name rest)))
        (:init
         (append (use-package--hush-elisp4j sym :init arg)
                 (use-package--process-elisp4j name rest)))
        (:defer
         (let ((body (use-package--process-elisp4j name rest)))
           (append (when (numberp arg)
                     `((run-with-idle-timer ,arg nil #'require ',sym nil t)))
                   (if (and arg body)
                       `((eval-after-load ',sym ',(macroexp-progn body)))
                     body))))
        (:load
         (let ((body (use-package--process-elisp4j name rest)))
           (dolist (pkg (reverse arg) body)
             (setq body
                   (use-package--timed-elisp4j
                    (format "Loading package %s" pkg)
                    `((if (not (require ',pkg nil t))
                          (display-warning 'use-package
                                           (format "Cannot load %s" ',pkg)
                                           :error)
                        ,@body)))))))
        ((or :diminish :delight)
         (append (use-package--process-elisp4j name rest)
                 (let ((fn (if (eq keyword :diminish) 'diminish 'delight))
                       (modes (or arg (list (intern (concat str "-mode"))))))
                   `((when (fboundp ',fn)
                       ,@(mapcar (lambda (m)
                                   (if (consp m)
                                       `(,fn ',(car m) ,(cdr m))
                                     `(,fn ',m)))
                                 modes))))))
        (:config
         (let ((body (use-package--process-elisp4j name rest)))
           (if (null arg)
               body
             (append (use-package--timed-elisp4j
                      (format "Configuring package %s" sym)
                      (use-package--hush-elisp4j sym :config (append arg (list t))))
                     body))))
        ;; :defines, :functions, :demand, :no-require: nothing at run time.
        (_ (use-package--process-elisp4j name rest))))))

;;;###autoload
(defmacro use-package (name &rest args)
  "Declare how package NAME is loaded and configured.
ARGS are keywords, each followed by its arguments:

:init FORMS        run before the package is loaded
:config FORMS      run after it is loaded
:preface FORMS     run first of all
:if/:when/:unless FORM  go on only if FORM is non-nil (nil)
:disabled          ignore this form
:load-path DIRS    add DIRS (relative to `user-emacs-directory') to `load-path'
:requires FEATURES go on only if FEATURES are already loaded
:after FEATURES    load and configure once FEATURES are loaded (:all, :any)
:defer [t|N]       do not load now (after N seconds of idle time)
:demand            load now even with :bind, :hook, :mode...
:no-require        do not require the package
:commands CMDS     autoload CMDS from the package
:bind BINDINGS     bind keys as `bind-keys' does; :bind* overrides modes
:mode PAIRS        add (REGEXP . MODE) to `auto-mode-alist'
:interpreter PAIRS add (INTERPRETER . MODE) to `interpreter-mode-alist'
:hook PAIRS        add functions to hooks (\"-hook\" is appended)
:custom SETTINGS   (VAR VALUE [COMMENT]) set with `customize-set-variable'
:custom-face SPECS (FACE SPEC) as a face's spec
:ensure [PACKAGE]  make sure the package is installed (never downloaded here)
:pin ARCHIVE       record the archive the package comes from
:defines, :functions  for the byte compiler only
:diminish, :delight   hide mode-line lighters, where such packages exist
:catch FUNCTION    how errors in :init and :config are reported

Keywords that name commands (:bind, :mode, :interpreter, :hook, :commands)
defer loading unless :demand is given."
  (declare (indent defun))
  (unless (memq :disabled args)
    (if (eq use-package-verbose 'errors)
        (macroexp-progn (use-package--process-elisp4j
                         name (use-package--plist-elisp4j name args)))
      (condition-case-unless-debug err
          (macroexp-progn (use-package--process-elisp4j
                           name (use-package--plist-elisp4j name args)))
        (error
         (ignore
          (display-warning 'use-package
                           (format "Failed to parse package %s: %s"
                                   name (error-message-string err))
                           :error)))))))

(defun use-package-ensure-elisp4j (name args _state)
  "Make sure the packages :ensure ARGS name for NAME are available, downloading nothing.
Each of ARGS is t (meaning NAME) or a package symbol; a package that is
neither provided nor found on `load-path' is reported with `display-warning'."
  (dolist (pkg args)
    (let ((package (if (eq pkg t) name pkg)))
      (when (and package
                 (not (featurep package))
                 (not (locate-library (symbol-name package))))
        (display-warning
         'use-package
         (format "Failed to install %s: elisp4j downloads no packages, and %s is not on `load-path'"
                 name package)
         :error)))))

(provide 'use-package)

;;; use-package.el ends here
