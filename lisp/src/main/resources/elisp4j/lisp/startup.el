;;; startup.el --- process the command line  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; startup.el does for the options elisp4j supports: options are
;; processed left to right, `command-line-args-left' reflects what is
;; still to be processed, and batch sessions exit when it is empty.

;;; Code:

(defvar command-line-processed nil
  "Non-nil once the command line has been processed.")

(defvar command-switch-alist nil
  "Alist of command-line switches: (OPTION . HANDLER-FUNCTION).")

(defvar command-line-functions nil
  "Functions called to process unrecognized command-line arguments.")

(defvar command-line-default-directory nil
  "Default directory to use for command line arguments.")

(defvar init-file-user nil
  "Identity of user whose init file is or was read.")

(defvar user-init-file nil
  "File name, including directory, of user's initialization file.")

(defcustom site-run-file nil
  "File containing site-wide run-time initializations."
  :type '(choice (const :tag "none" nil) string))

(defvar before-init-hook nil
  "Normal hook run after handling urgent options but before loading init files.")

(defvar after-init-hook nil
  "Normal hook run after initializing the Emacs session.")

(defvar emacs-startup-hook nil
  "Normal hook run after loading init files and handling the command line.")

(defvar window-setup-hook nil
  "Normal hook run after loading init files and handling the command line.")

(defvar after-init-time nil
  "Value of `current-time' after loading the init files.")

(defvar before-init-time nil
  "Value of `current-time' before Emacs begins initialization.")

(defcustom initial-major-mode 'lisp-interaction-mode
  "The major mode command `*scratch*' is put in at start-up."
  :type 'function)

(defcustom inhibit-startup-screen nil
  "Non-nil inhibits the startup screen."
  :type 'boolean)

(defvar init-file-had-error nil "Non-nil if there was an error loading the user's init file.")
(defvar early-init-file nil "File name, including directory, of user's early init file.")
(defvar startup--xdg-config-home-elisp4j nil)

(defun elisp4j--user-emacs-directory ()
  "The directory Emacs 28 uses for user files: ~/.emacs.d/ if it exists, else the XDG
directory ~/.config/emacs/ (or under $XDG_CONFIG_HOME) if that exists, else ~/.emacs.d/."
  (let* ((xdg-config (or (getenv "XDG_CONFIG_HOME") "~/.config"))
         (xdg (file-name-as-directory (expand-file-name "emacs" xdg-config))))
    (cond ((file-directory-p (expand-file-name "~/.emacs.d/")) "~/.emacs.d/")
          ((file-directory-p xdg) (abbreviate-file-name xdg))
          (t "~/.emacs.d/"))))

(defun elisp4j--load-init-file (file)
  "Load FILE as an init file; report an error as Emacs does and go on."
  (condition-case err
      (load file t t)
    (error
     (setq init-file-had-error t)
     (display-warning
      'initialization
      (format-message "An error occurred while loading `%s':\n\n%s%s%s\n\n\
To ensure normal operation, you should investigate and remove the
cause of the error in your initialization file.  Start Emacs with
the `--debug-init' option to view a complete error backtrace."
                      user-init-file
                      (get (car err) 'error-message)
                      (if (cdr err) ": " "")
                      (mapconcat (lambda (obj) (prin1-to-string obj t)) (cdr err) ", "))
      :warning)
     nil)))

(defun elisp4j--load-init-files ()
  "Load the early init file and the init file, as Emacs 28 looks for them:
`user-emacs-directory'/early-init.el, then ~/.emacs (.el), else
`user-emacs-directory'/init.el."
  (let ((early (expand-file-name "early-init" user-emacs-directory)))
    (when (locate-file early nil '(".el" ""))
      (setq early-init-file (locate-file early nil '(".el" "")))
      (elisp4j--load-init-file early-init-file)))
  (let ((dot-emacs (locate-file (expand-file-name "~/.emacs") nil '(".el" "")))
        (init (locate-file (expand-file-name "init" user-emacs-directory) nil '(".el" ""))))
    (setq user-init-file (or dot-emacs init))
    (when user-init-file
      (elisp4j--load-init-file user-init-file))))

(defun command-line-normalize-file-name (file)
  "Collapse multiple slashes to one, to handle non-Emacs file names."
  (save-match-data
    (replace-regexp-in-string "//+" "/" file)))

(defun elisp4j--option-value (arg option args-left)
  "The value of OPTION given as ARG: after `=' in ARG, or the next argument.
Return (VALUE . REMAINING-ARGS)."
  (if (string-match "\\`--?[^=]*=\\(.*\\)\\'" arg)
      (cons (match-string 1 arg) args-left)
    (if (null args-left)
        (error "Option `%s' requires an argument" option))
    (cons (car args-left) (cdr args-left))))

(defun command-line-1 (args)
  "Process the command-line options ARGS (after the initial ones)."
  (setq command-line-args-left args)
  (let ((dir command-line-default-directory))
    (while command-line-args-left
      (let* ((argi (pop command-line-args-left))
             (longopt (and (string-match "\\`--?\\([^=]*\\)" argi)
                           (match-string 1 argi)))
             (handler (cdr (assoc argi command-switch-alist))))
        (cond
         (handler (funcall handler argi))
         ((member argi '("-l" "-load" "--load"))
          (let ((file (command-line-normalize-file-name (pop command-line-args-left))))
            (elisp4j--load-arg file dir)))
         ((and longopt (string-prefix-p "--load=" argi))
          (elisp4j--load-arg (command-line-normalize-file-name (substring argi 7)) dir))
         ((or (member argi '("-eval" "--eval" "-execute" "--execute"))
              (string-prefix-p "--eval=" argi)
              (string-prefix-p "--execute=" argi))
          (let* ((v (elisp4j--option-value argi "--eval" command-line-args-left))
                 (str (car v))
                 (read-data (read-from-string str)))
            (setq command-line-args-left (cdr v))
            (unless (= (cdr read-data) (length str))
              (let ((rest (substring str (cdr read-data))))
                (unless (string-match-p "\\`[ \t\n]*\\'" rest)
                  (error "Trailing garbage following expression: %s" rest))))
            (eval (car read-data) t)))
         ((or (member argi '("-f" "-funcall" "--funcall" "-e"))
              (string-prefix-p "--funcall=" argi))
          (let* ((v (elisp4j--option-value argi "--funcall" command-line-args-left))
                 (fn (intern (car v))))
            (setq command-line-args-left (cdr v))
            (if (commandp fn) (command-execute fn) (funcall fn))))
         ((or (member argi '("-L" "-directory" "--directory"))
              (string-prefix-p "--directory=" argi))
          (let* ((v (elisp4j--option-value argi "--directory" command-line-args-left))
                 (d (car v)))
            (setq command-line-args-left (cdr v))
            (if (string-prefix-p ":" d)
                (setq load-path (append load-path
                                        (list (expand-file-name (substring d 1) dir))))
              (push (expand-file-name d dir) load-path))))
         ((member argi '("-scriptload"))
          (let ((file (command-line-normalize-file-name (pop command-line-args-left))))
            (load (expand-file-name file dir) nil t t)))
         ((member argi '("-kill" "--kill"))
          (kill-emacs t))
         ((equal argi "--")
          (while command-line-args-left
            (elisp4j--visit-arg (pop command-line-args-left) dir)))
         ((run-hook-with-args-until-success 'command-line-functions))
         ((string-prefix-p "-" argi)
          (error "Unknown option `%s'" argi))
         (t (elisp4j--visit-arg argi dir)))))))

(defun elisp4j--load-arg (file dir)
  "Load FILE given with -l, relative to DIR when it exists there."
  (let ((abs (expand-file-name file dir)))
    (load (if (file-exists-p abs) abs file) nil t)))

(defun elisp4j--visit-arg (file dir)
  "Visit FILE named on the command line."
  (let ((name (expand-file-name (command-line-normalize-file-name file) dir)))
    (if (fboundp 'find-file)
        (find-file name)
      (set-buffer (find-file-noselect name)))))

(defun command-line ()
  "Process the command line: initial options, init files, then the rest."
  (setq before-init-time (current-time)
        command-line-default-directory default-directory)
  (setq user-emacs-directory (elisp4j--user-emacs-directory))
  ;; Options whose standard value depends on the environment are computed again now,
  ;; in the order they were defined.
  (when (listp custom-delayed-init-variables)
    (mapc #'custom-reevaluate-setting (reverse custom-delayed-init-variables)))
  (setq custom-delayed-init-variables t)
  ;; The coding systems the locale asks for (Emacs's set-locale-environment).
  (elisp4j--set-locale-coding)
  (let ((args (cdr command-line-args))
        (rest nil)
        (no-init noninteractive))
    ;; The initial options, which may appear anywhere before the others.
    (while args
      (let ((argi (pop args)))
        (cond
         ((member argi '("-batch" "--batch")) nil)
         ((member argi '("-q" "-no-init-file" "--no-init-file")) (setq no-init t))
         ((member argi '("-Q" "-quick" "--quick")) (setq no-init t))
         ((member argi '("-no-site-file" "--no-site-file" "-no-splash" "--no-splash"
                         "-nw" "--no-window-system" "-no-x-resources" "--no-x-resources"))
          nil)
         ((member argi '("-script" "--script"))
          (setq rest (append rest (list "-scriptload" (pop args)))))
         ((string-prefix-p "--script=" argi)
          (setq rest (append rest (list "-scriptload" (substring argi 9)))))
         ((member argi '("-init-directory" "--init-directory"))
          (setq user-emacs-directory (file-name-as-directory (expand-file-name (pop args)))))
         ((string-prefix-p "--init-directory=" argi)
          (setq user-emacs-directory
                (file-name-as-directory (expand-file-name (substring argi 17)))))
         ((member argi '("-l" "-load" "--load" "-L" "-directory" "--directory"
                         "-eval" "--eval" "-execute" "--execute" "-f" "-funcall"
                         "--funcall" "-e" "-insert" "--insert"))
          ;; An option taking a value: keep the value with it.
          (setq rest (append rest (list argi) (if args (list (pop args))))))
         (t (setq rest (append rest (list argi)))))))
    (run-hooks 'before-init-hook)
    (unless no-init
      (when (fboundp 'elisp4j--load-init-files)
        (elisp4j--load-init-files)))
    (setq after-init-time (current-time))
    (run-hooks 'after-init-hook)
    ;; *scratch* gets `initial-major-mode' unless an init file gave it a mode.
    (let ((scratch (get-buffer "*scratch*")))
      (when scratch
        (with-current-buffer scratch
          (when (eq major-mode 'fundamental-mode)
            (funcall initial-major-mode)))))
    (command-line-1 rest)
    (setq command-line-processed t)
    ;; In batch mode Emacs exits here: `emacs-startup-hook' never runs.
    (if noninteractive (kill-emacs t))))

(defun normal-top-level ()
  "Emacs calls this function when it first starts up."
  (let ((dir default-directory))
    (with-current-buffer "*Messages*"
      (messages-buffer-mode)
      (setq-local window-point-insertion-type t)
      (setq default-directory dir)))
  (command-line)
  ;; The session's auto-save list, named once the init files had their say.
  (unless (or auto-save-list-file-name (null auto-save-list-file-prefix))
    (setq auto-save-list-file-name
          (expand-file-name (format "%s%d-%s~" auto-save-list-file-prefix
                                    (emacs-pid) (system-name)))))
  (run-hooks 'emacs-startup-hook 'window-setup-hook))

;;; startup.el ends here
