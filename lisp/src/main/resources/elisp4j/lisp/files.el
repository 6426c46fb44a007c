;;; files.el --- file visiting, saving, backups and auto-save names  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; files.el does for visiting and saving files, backups, lock-file and
;; auto-save file names, auto-save-mode policy and recovery.  See
;; ../shared/spec/auto-save.md in the project history for the
;; behaviour reproduced here; the code is elisp4j's own.

;;; Code:

;;;; User options.

(defvar temporary-file-directory
  (file-name-as-directory
   (let ((tmp (getenv "TMPDIR")))
     (if (and tmp (not (equal tmp ""))) tmp "/tmp")))
  "The directory for writing temporary files.")

(defvar user-emacs-directory "~/.emacs.d/"
  "Directory beneath which additional per-user Emacs-specific files are placed.")

(defvar delete-auto-save-files t
  "Non-nil means delete auto-save file when a buffer is saved.")

(defcustom auto-save-default t
  "Non-nil says by default do auto-saving of every file-visiting buffer."
  :type 'boolean
  :group 'auto-save)

(defcustom auto-save-file-name-transforms
  (list (list "\\`/[^/]*:\\([^/]*/\\)*\\([^/]*\\)\\'"
              (concat temporary-file-directory "\\2") t))
  "Transforms to apply to buffer file name before making auto-save file name.
Each element is (REGEXP REPLACEMENT UNIQUIFY)."
  :group 'auto-save
  :type '(repeat (list (regexp :tag "Regexp") (string :tag "Replacement") (boolean :tag "Uniquify")))
  :initialize 'custom-initialize-delay)

(defcustom lock-file-name-transforms nil
  "Transforms to apply to buffer file name before making a lock file name."
  :group 'files
  :type '(repeat (list (regexp :tag "Regexp") (string :tag "Replacement") (boolean :tag "Uniquify"))))

(defvar auto-save--timer nil "Timer for `auto-save-visited-mode'.")

(defcustom auto-save-visited-interval 5
  "Interval in seconds for `auto-save-visited-mode'."
  :group 'auto-save
  :type 'number
  :set (lambda (sym val)
         (set-default sym val)
         ;; A running mode's idle timer follows the new interval.
         (when auto-save--timer
           (timer-set-idle-time auto-save--timer val :repeat))))

(defcustom make-backup-files t
  "Non-nil means make a backup of a file the first time it is saved."
  :type 'boolean
  :group 'backup)

(defvar backup-inhibited nil
  "If non-nil, backups will be inhibited.")
(make-variable-buffer-local 'backup-inhibited)
(put 'backup-inhibited 'permanent-local t)

(defcustom backup-by-copying nil
  "Non-nil means always use copying to create backup files."
  :type 'boolean
  :group 'backup)
(defcustom backup-by-copying-when-linked nil
  "Non-nil means use copying to create backups for files with multiple names."
  :type 'boolean
  :group 'backup)
(defcustom backup-by-copying-when-mismatch t
  "Non-nil means create backups by copying if this preserves owner or group."
  :type 'boolean
  :group 'backup)
(defcustom backup-by-copying-when-privileged-mismatch 200
  "Non-nil means create backups by copying to preserve a privileged owner."
  :type '(choice (const nil) integer)
  :group 'backup)
(defcustom backup-directory-alist nil
  "Alist of file name patterns and backup directory names."
  :group 'backup
  :type '(repeat (cons (regexp :tag "Regexp matching filename") (directory :tag "Backup directory name"))))
(defcustom version-control nil
  "Control use of version numbers for backup files."
  :type '(choice (const :tag "Never" never) (const :tag "If existing" nil) (other :tag "Always" t))
  :group 'backup)
(defcustom kept-old-versions 2 "Number of oldest versions to keep when a new numbered backup is made."
  :type 'integer
  :group 'backup)
(defcustom kept-new-versions 2 "Number of newest versions to keep when a new numbered backup is made."
  :type 'integer
  :group 'backup)
(defcustom delete-old-versions nil
  "If t, delete excess backup versions silently; nil asks; other values keep them."
  :type '(choice (const :tag "Delete" t) (const :tag "Ask" nil) (other :tag "Leave" other))
  :group 'backup)
(defcustom dired-kept-versions 2 "When cleaning directory, number of versions to keep."
  :type 'integer
  :group 'backup
  :group 'dired)
(defcustom make-backup-file-name-function #'make-backup-file-name--default-function
  "A function that `make-backup-file-name' uses to create backup file names."
  :group 'backup
  :type '(choice (const :tag "Deprecated way to get the default function" nil) (function :tag "Function")))
(defvar backup-enable-predicate #'normal-backup-enable-predicate
  "Predicate that looks at a file name and decides whether to make backups.")
(defcustom small-temporary-file-directory nil
  "The directory for writing small temporary files."
  :group 'files
  :initialize 'custom-initialize-delay
  :type '(choice (const nil) directory))
(defcustom file-precious-flag nil
  "Non-nil means protect against I/O errors while saving files."
  :type 'boolean
  :group 'backup)
(defcustom break-hardlink-on-save nil
  "Whether to allow breaking hardlinks when saving files."
  :type 'boolean
  :group 'files)

(defcustom require-final-newline nil
  "Whether to add a newline automatically at the end of the file."
  :safe #'symbolp
  :type '(choice (const :tag "When visiting" visit) (const :tag "When saving" t) (const :tag "When visiting or saving" visit-save) (const :tag "Don't add newlines" nil) (other :tag "Ask each time" ask))
  :group 'editing-basics)
(defcustom mode-require-final-newline t
  "Whether to add a newline at end of file, in certain major modes."
  :type '(choice (const :tag "When visiting" visit) (const :tag "When saving" t) (const :tag "When visiting or saving" visit-save) (const :tag "Don't add newlines" nil) (other :tag "Ask each time" ask))
  :group 'editing-basics)
(defcustom before-save-hook nil "Normal hook that is run before a buffer is saved to its file."
  :type 'hook
  :group 'files)
(defcustom after-save-hook nil "Normal hook that is run after a buffer is saved to its file."
  :type 'hook
  :group 'files)
(defvar write-file-functions nil "List of functions to be called before saving a buffer to a file.")
(defvar write-contents-functions nil "List of functions to be called before writing out a buffer to a file.")
(make-variable-buffer-local 'write-contents-functions)
(defvar local-write-file-hooks nil "Obsolete: buffer-local `write-file-functions'.")
(make-variable-buffer-local 'local-write-file-hooks)
(put 'local-write-file-hooks 'permanent-local t)
(defcustom find-file-hook nil "List of functions to be called after a buffer is loaded from a file."
  :group 'find-file
  :type 'hook)
(defvar find-file-not-found-functions nil
  "List of functions to be called for `find-file' on nonexistent file.")
(defcustom find-file-visit-truename nil "Non-nil means visiting a file uses its truename as the visited-file name."
  :type 'boolean
  :group 'find-file)
(defcustom find-file-existing-other-name t "Non-nil means find a file under alternative names, in existing buffers."
  :type 'boolean
  :group 'find-file)
(defcustom find-file-suppress-same-file-warnings nil "Non-nil means suppress warning messages for symlinked files."
  :group 'files
  :type 'boolean)
(defcustom large-file-warning-threshold 10000000 "Maximum size of file above which a confirmation is requested."
  :group 'files
  :group 'find-file
  :type '(choice integer (const :tag "Never request confirmation" nil)))
(defcustom revert-without-query nil "Specify which files should be reverted without query."
  :type '(repeat regexp)
  :group 'find-file)
(defcustom buffer-offer-save nil "Non-nil in a buffer means always offer to save buffer on exiting Emacs."
  :type '(choice (const :tag "Never" nil) (const :tag "On Emacs exit" t) (const :tag "Whenever save-some-buffers is called" always))
  :group 'backup)
(make-variable-buffer-local 'buffer-offer-save)
(put 'buffer-offer-save 'permanent-local t)
(defvar buffer-save-without-query nil "Non-nil means `save-some-buffers' should save this buffer without asking.")
(make-variable-buffer-local 'buffer-save-without-query)
(defcustom save-some-buffers-default-predicate nil "Default predicate for `save-some-buffers'."
  :group 'auto-save
  :type '(choice (const :tag "Default" nil) (function :tag "Only in subdirs of current project" save-some-buffers-root) (function :tag "Custom function")))
(defvar save-silently nil "If non-nil, avoid messages when saving files.")
(defvar buffer-file-read-only nil "Non-nil if visited file was read-only when visited.")
(make-variable-buffer-local 'buffer-file-read-only)
(defcustom view-read-only nil "Non-nil means buffers visiting files read-only do so in view mode."
  :type 'boolean
  :group 'view)
(defvar auto-mode-alist nil "Alist of file name patterns vs corresponding major mode functions.")
(defvar interpreter-mode-alist nil "Alist mapping interpreter names to major modes.")
(defvar magic-mode-alist nil "Alist of buffer beginnings vs. corresponding major mode functions.")
(defvar magic-fallback-mode-alist nil "Like `magic-mode-alist' but has lower priority.")
(defcustom auto-mode-case-fold t "Non-nil means to try second pass through `auto-mode-alist'."
  :group 'files
  :type 'boolean)
(defcustom enable-local-variables t "Control use of local variables in files you visit."
  :risky t
  :type '(choice (const :tag "Query Unsafe" t) (const :tag "Safe Only" :safe) (const :tag "Do all" :all) (const :tag "Ignore" nil) (other :tag "Query" other))
  :group 'find-file)
(defvar enable-dir-local-variables t "Non-nil means enable use of directory-local variables.")
(defcustom directory-abbrev-alist nil "Alist of abbreviations for file directories."
  :type '(repeat (cons :format "%v" :value ("\\`" . "") (regexp :tag "From") (string :tag "To")))
  :group 'abbrev
  :group 'find-file)
(defvar abbreviated-home-dir nil "Regexp matching the user's homedir at the beginning of file name.")
(defvar revert-buffer-function #'revert-buffer--default "Function to use to revert this buffer.")
(defvar revert-buffer-insert-file-contents-function
  #'revert-buffer-insert-file-contents--default-function
  "Function to use to insert contents when reverting this buffer.")
(defvar before-revert-hook nil "Normal hook for `revert-buffer' to run before reverting.")
(defvar after-revert-hook nil "Normal hook for `revert-buffer' to run after reverting.")
(defvar revert-buffer-in-progress-p nil "Non-nil if a `revert-buffer' operation is in progress.")
(defvar buffer-stale-function nil "Function to check whether a buffer needs reverting.")
(defcustom kill-emacs-query-functions nil "Functions to call with no arguments to query about killing Emacs."
  :type 'hook
  :group 'convenience)
(defcustom confirm-kill-emacs nil "How to ask for confirmation when leaving Emacs."
  :type '(choice (const :tag "Ask with yes-or-no-p" yes-or-no-p) (const :tag "Ask with y-or-n-p" y-or-n-p) (const :tag "Don't confirm" nil) (function :tag "Predicate function"))
  :group 'convenience)
(defcustom confirm-kill-processes t "Non-nil if Emacs should confirm killing processes on exit."
  :type 'boolean
  :group 'convenience)
(defcustom remote-file-name-inhibit-cache 10 "Whether to use the remote file-name cache for read access."
  :group 'files
  :type '(choice (const :tag "Do not inhibit file name cache" nil) (const :tag "Do not use file name cache" t) (integer :tag "Do not use file name cache" :format "Do not use file name cache older then %v seconds" :value 10)))
(defcustom remote-file-name-inhibit-locks nil "Whether to use file locks for remote files."
  :group 'files
  :type 'boolean)
(defcustom file-name-at-point-functions nil "List of functions to try in sequence to get a file name at point."
  :type '(hook :options (ffap-guess-file-name-at-point))
  :group 'find-file)

(defvar create-lockfiles t "Non-nil means use lockfiles to avoid editing collisions.")

(define-minor-mode lock-file-mode
  "Toggle file locking in the current buffer (Lock File mode).
It sets `create-lockfiles' buffer-locally; that variable is not
buffer-local otherwise."
  :version "28.1"
  (setq-local create-lockfiles (and lock-file-mode t)))

(defcustom auto-save-list-file-prefix
  (concat user-emacs-directory "auto-save-list/.saves-")
  "Prefix for generating `auto-save-list-file-name'."
  :initialize #'custom-initialize-delay
  :type '(choice (const :tag "Don't record a session's auto save list" nil) string)
  :group 'auto-save)


(make-obsolete-variable 'auto-save-visited-file-name 'auto-save-visited-mode "Emacs 26.1" 'set)

;;;; Accessors of `file-attributes' results.

(defsubst file-attribute-type (attributes) "The type field in ATTRIBUTES: t directory, string symlink, nil file." (nth 0 attributes))
(defsubst file-attribute-link-number (attributes) "Return the number of links in ATTRIBUTES." (nth 1 attributes))
(defsubst file-attribute-user-id (attributes) "The UID field in ATTRIBUTES." (nth 2 attributes))
(defsubst file-attribute-group-id (attributes) "The GID field in ATTRIBUTES." (nth 3 attributes))
(defsubst file-attribute-access-time (attributes) "The last access time in ATTRIBUTES." (nth 4 attributes))
(defsubst file-attribute-modification-time (attributes) "The modification time in ATTRIBUTES." (nth 5 attributes))
(defsubst file-attribute-status-change-time (attributes) "The status modification time in ATTRIBUTES." (nth 6 attributes))
(defsubst file-attribute-size (attributes) "The integer size (in bytes) in ATTRIBUTES." (nth 7 attributes))
(defsubst file-attribute-modes (attributes) "The file modes in ATTRIBUTES, a string like \"-rw-r--r--\"." (nth 8 attributes))
(defsubst file-attribute-inode-number (attributes) "The inode number in ATTRIBUTES." (nth 10 attributes))
(defsubst file-attribute-device-number (attributes) "The file system device number in ATTRIBUTES." (nth 11 attributes))
(defsubst file-attribute-file-identifier (attributes)
  "The inode and device numbers in ATTRIBUTES, as a list (INODE DEVICE)."
  (list (file-attribute-inode-number attributes) (file-attribute-device-number attributes)))

;;;; File names (Lisp helpers that Emacs has in files.el).

(defun file-name-sans-versions (name &optional keep-backup-version)
  "Return file NAME sans backup versions or strings (`~' or `.~N~')."
  (let ((handler (find-file-name-handler name 'file-name-sans-versions)))
    (if handler
        (funcall handler 'file-name-sans-versions name keep-backup-version)
      (substring name 0
                 (unless keep-backup-version
                   (and (string-match "\\.~[-[:alnum:]:#@^._]+\\(?:~[[:digit:]]+\\)?~\\'\\|~\\'" name)
                        (match-beginning 0)))))))

(defun file-name-sans-extension (filename)
  "Return FILENAME sans final \"extension\" (a period and what follows, not at the start)."
  (save-match-data
    (let ((file (file-name-sans-versions (file-name-nondirectory filename)))
          directory)
      (if (and (string-match "\\.[^.]*\\'" file)
               (not (eq 0 (match-beginning 0))))
          (if (setq directory (file-name-directory filename))
              (concat directory (substring file 0 (match-beginning 0)))
            (substring file 0 (match-beginning 0)))
        filename))))

(defun file-name-extension (filename &optional period)
  "Return FILENAME's final \"extension\" (without the period unless PERIOD)."
  (save-match-data
    (let ((file (file-name-sans-versions (file-name-nondirectory filename))))
      (if (and (string-match "\\.[^.]*\\'" file)
               (not (eq 0 (match-beginning 0))))
          (substring file (+ (match-beginning 0) (if period 0 1)))
        (if period "")))))

(defun file-name-base (&optional filename)
  "Return the base name of FILENAME: no directory, no extension."
  (file-name-sans-extension (file-name-nondirectory (or filename (buffer-file-name)))))

(defun file-name-with-extension (filename extension)
  "Return FILENAME modified to have the specified EXTENSION."
  (let ((ext (string-trim-left extension "[.]")))
    (concat (file-name-sans-extension filename) "." ext)))

(defun directory-name-p-lisp (name)
  "Return non-nil if NAME ends with a directory separator character."
  (directory-name-p name))

(defun file-name-quoted-p (name &optional top)
  "Whether NAME is quoted with prefix \"/:\"."
  (let ((file-name-handler-alist (unless top file-name-handler-alist)))
    (string-prefix-p "/:" (or (file-remote-p name 'localname) name))))

(defun file-name-quote (name &optional top)
  "Add the quotation prefix \"/:\" to file NAME."
  (let ((file-name-handler-alist (unless top file-name-handler-alist)))
    (if (file-name-quoted-p name top)
        name
      (concat (file-remote-p name) "/:" (or (file-remote-p name 'localname) name)))))

(defun file-name-unquote (name &optional top)
  "Remove quotation prefix \"/:\" from file NAME, if any."
  (let ((file-name-handler-alist (unless top file-name-handler-alist))
        localname)
    (when (setq localname (file-remote-p name 'localname))
      (setq name localname))
    (when (file-name-quoted-p name top)
      (setq name (substring name 2))
      (when (string-empty-p name) (setq name "/")))
    (if (file-remote-p name) (concat (file-remote-p name) name) name)))

(defun file-remote-p (file &optional identification connected)
  "Test whether FILE specifies a location on a remote system (via a file-name handler)."
  (let ((handler (find-file-name-handler file 'file-remote-p)))
    (if handler
        (funcall handler 'file-remote-p file identification connected)
      nil)))

(defun file-local-name (file)
  "Return the local name component of FILE."
  (or (file-remote-p file 'localname) file))

(defun convert-standard-filename (filename)
  "Convert a standard file's name to something suitable for the OS (unchanged on Unix)."
  filename)

(defun string-empty-p (string)
  "Check whether STRING is empty."
  (string= string ""))

(defun file-relative-name (filename &optional directory)
  "Convert FILENAME to be relative to DIRECTORY (default: `default-directory')."
  (save-match-data
    (setq directory (file-name-as-directory
                     (expand-file-name (or directory default-directory))))
    (setq filename (expand-file-name filename))
    (let ((fremote (file-remote-p filename))
          (dremote (file-remote-p directory)))
      (if (not (equal fremote dremote))
          filename
        (let ((ancestor ".")
              (filename-dir (file-name-as-directory filename)))
          (while (not (or (string-prefix-p directory filename)
                          (string-prefix-p directory filename-dir)))
            (setq directory (file-name-directory (substring directory 0 -1))
                  ancestor (if (equal ancestor ".") ".." (concat "../" ancestor))))
          (let ((rest (if (string-prefix-p directory filename)
                          (substring filename (length directory))
                        (substring filename-dir (length directory)))))
            (if (equal ancestor ".")
                (if (equal rest "") "." rest)
              (if (equal rest "") ancestor
                (concat (file-name-as-directory ancestor) rest)))))))))

(defun abbreviate-file-name (filename)
  "Return a version of FILENAME shortened using `directory-abbrev-alist' and ~."
  (save-match-data
    (let ((handler (find-file-name-handler filename 'abbreviate-file-name)))
      (if handler
          (funcall handler 'abbreviate-file-name filename)
        (dolist (dir-abbrev directory-abbrev-alist)
          (when (string-match (car dir-abbrev) filename)
            (setq filename (concat (cdr dir-abbrev)
                                   (substring filename (match-end 0))))))
        (let* ((home (expand-file-name "~"))
               (home-dir (file-name-as-directory home)))
          (cond ((and (not (equal home "/"))
                      (string-prefix-p home-dir filename))
                 (concat "~/" (substring filename (length home-dir))))
                ((and (not (equal home "/")) (equal filename home)) "~")
                (t filename)))))))

(defun file-truename (filename &optional _counter _prev-dirs)
  "Return the truename of FILENAME: absolute, with symbolic links chased."
  (let ((handler (find-file-name-handler filename 'file-truename)))
    (if handler
        (funcall handler 'file-truename filename)
      (let ((name (expand-file-name filename))
            (done nil)
            (count 0))
        ;; Resolve links component by component, from the root.
        (while (not done)
          (let* ((parts (split-string name "/" t))
                 (result "/")
                 (changed nil))
            (while (and parts (not changed))
              (let* ((candidate (concat result (car parts)))
                     (target (file-symlink-p candidate)))
                (if target
                    (progn
                      (setq count (1+ count))
                      (if (> count 100) (error "Apparent cycle of symbolic links for %s" filename))
                      (setq name (expand-file-name
                                  (mapconcat #'identity (cdr parts) "/")
                                  (file-name-as-directory
                                   (expand-file-name target (file-name-directory candidate)))))
                      (if (null (cdr parts))
                          (setq name (expand-file-name target (file-name-directory candidate))))
                      (setq changed t))
                  (setq result (concat candidate (if (cdr parts) "/" "")))
                  (setq parts (cdr parts)))))
            (unless changed
              (setq done t
                    name (if (and (directory-name-p filename) (not (directory-name-p result)))
                             (file-name-as-directory result)
                           result)))))
        name))))

(defun file-chase-links (filename &optional limit)
  "Chase links in FILENAME until a name that is not a link."
  (let ((n 0) target)
    (while (and (setq target (file-symlink-p filename))
                (or (null limit) (< n limit)))
      (setq n (1+ n)
            filename (expand-file-name target (file-name-directory filename))))
    filename))

(defun locate-file (filename path &optional suffixes predicate)
  "Search for FILENAME through PATH, trying SUFFIXES; return the absolute name or nil.
PREDICATE (default `file-readable-p') filters candidates; `executable' and
`readable' are accepted too."
  (locate-file-internal filename path suffixes
                        (cond ((eq predicate 'executable) #'file-executable-p)
                              ((eq predicate 'readable) #'file-readable-p)
                              (predicate predicate)
                              (t #'file-readable-p))))

(defun locate-library (library &optional nosuffix path interactive-call)
  "Show the precise file name of Emacs library LIBRARY."
  (ignore interactive-call)
  (locate-file library (or path load-path)
               (append (unless nosuffix (get-load-suffixes)) '(""))))

(defun locate-user-emacs-file (new-name &optional old-name)
  "Return an absolute per-user Emacs-specific file name for NEW-NAME."
  (let ((home (abbreviate-file-name (expand-file-name user-emacs-directory))))
    (if (and old-name (file-readable-p (expand-file-name old-name "~")))
        (expand-file-name old-name "~")
      (expand-file-name new-name home))))

(defun directory-files-recursively (dir regexp &optional include-directories predicate follow-symlinks)
  "Return list of all files under directory DIR whose names match REGEXP."
  (let ((result nil) (files nil) (dir (directory-file-name dir)))
    (dolist (file (sort (file-name-all-completions "" dir) 'string<))
      (unless (member file '("./" "../"))
        (if (directory-name-p file)
            (let* ((leaf (substring file 0 (1- (length file))))
                   (full-file (concat dir "/" leaf)))
              (when (and (if (file-symlink-p full-file) follow-symlinks t)
                         (or (eq predicate nil) (eq predicate t)
                             (funcall predicate full-file)))
                (setq result (nconc result (directory-files-recursively
                                            full-file regexp include-directories
                                            predicate follow-symlinks))))
              (when (and include-directories (string-match regexp leaf))
                (setq result (nconc result (list full-file)))))
          (when (string-match regexp file)
            (push (concat dir "/" file) files)))))
    (nconc result (nreverse files))))

(defun make-directory (dir &optional parents)
  "Create the directory DIR and, if PARENTS is non-nil, its missing parents."
  (let ((handler (find-file-name-handler dir 'make-directory)))
    (if handler
        (funcall handler 'make-directory dir parents)
      (if (not parents)
          (make-directory-internal dir)
        (let ((dir (directory-file-name (expand-file-name dir)))
              (create-list nil))
          (while (and (not (file-exists-p dir))
                      (not (equal dir (directory-file-name (file-name-directory dir)))))
            (push dir create-list)
            (setq dir (directory-file-name (file-name-directory dir))))
          (dolist (d create-list)
            (condition-case err
                (make-directory-internal d)
              (file-already-exists
               (unless (file-directory-p d) (signal (car err) (cdr err))))))
          nil)))))

(defun delete-directory (directory &optional recursive trash)
  "Delete the directory named DIRECTORY (with its contents if RECURSIVE)."
  (let ((handler (find-file-name-handler directory 'delete-directory)))
    (if handler
        (funcall handler 'delete-directory directory recursive trash)
      (let ((directory (directory-file-name (expand-file-name directory))))
        (when (and recursive (not (file-symlink-p directory)))
          (dolist (file (directory-files directory 'full directory-files-no-dot-files-regexp))
            (if (eq t (car (file-attributes file)))
                (delete-directory file recursive nil)
              (delete-file file nil))))
        (delete-directory-internal directory)))))

(defconst directory-files-no-dot-files-regexp
  "[^.]\\|\\.\\.\\."
  "Regexp matching any file name except \".\" and \"..\".")

(defun make-temp-file (prefix &optional dir-flag suffix text)
  "Create a temporary file whose name starts with PREFIX (relative to
`temporary-file-directory'), ends with SUFFIX, and return its name.
DIR-FLAG non-nil makes a directory; TEXT is the initial contents."
  (let ((absolute-prefix
         (if (or (zerop (length prefix)) (member prefix '("." "..")))
             (concat (file-name-as-directory temporary-file-directory) prefix)
           (expand-file-name prefix temporary-file-directory))))
    (if (find-file-name-handler absolute-prefix 'write-region)
        (files--make-magic-temp-file absolute-prefix dir-flag suffix text)
      (make-temp-file-internal absolute-prefix
                               (if dir-flag t) (or suffix "") text))))

(defun files--make-magic-temp-file (absolute-prefix &optional dir-flag suffix text)
  "Create a temporary file through file-name handlers."
  (let (file)
    (while (condition-case ()
               (progn
                 (setq file (make-temp-name absolute-prefix))
                 (if suffix (setq file (concat file suffix)))
                 (if dir-flag
                     (make-directory file)
                   (write-region (or text "") nil file nil 'silent nil 'excl))
                 nil)
             (file-already-exists t)))
    file))

;;;; Auto-save file names.

(defun files--transform-file-name (filename transforms prefix suffix)
  "Apply the first matching (REGEXP REPLACEMENT UNIQUIFY) of TRANSFORMS to FILENAME.
Then put PREFIX and SUFFIX around the last component and expand the result."
  (save-match-data
    (let ((name filename))
      (catch 'matched
        (dolist (tr transforms)
          (when (string-match (car tr) filename)
            (let ((replaced (replace-match (cadr tr) t nil filename))
                  (uniquify (nth 2 tr)))
              (setq name
                    (cond ((memq uniquify (secure-hash-algorithms))
                           (concat (file-name-directory replaced)
                                   (secure-hash uniquify filename)))
                          (uniquify
                           (concat (file-name-directory replaced)
                                   (subst-char-in-string
                                    ?/ ?! (string-replace "!" "!!" filename))))
                          (t replaced))))
            (throw 'matched nil))))
      (expand-file-name
       (concat (file-name-directory name) prefix (file-name-nondirectory name) suffix)))))

(defun make-auto-save-file-name ()
  "Return file name to use for auto-saves of current buffer.
This does not look at `auto-save-visited-file-name'; callers check it."
  (if buffer-file-name
      (let ((handler (find-file-name-handler buffer-file-name 'make-auto-save-file-name)))
        (if handler
            (funcall handler 'make-auto-save-file-name)
          (files--transform-file-name buffer-file-name auto-save-file-name-transforms
                                      "#" "#")))
    ;; Buffers without files: a random name from the escaped buffer name.
    (let* ((escaped (replace-regexp-in-string
                     "[^A-Za-z0-9_.~#+-]"
                     (lambda (s) (format "%%%02X" (aref s 0)))
                     (buffer-name) t t))
           (dir (cond ((file-writable-p default-directory) default-directory)
                      ((file-writable-p "/var/tmp/") "/var/tmp/")
                      (t "~/")))
           (name (make-temp-file (expand-file-name (format "#%s#" escaped) dir) nil "#")))
      (condition-case nil (delete-file name) (file-error nil))
      name)))

(defun auto-save-file-name-p (filename)
  "Return non-nil if FILENAME can be yielded by `make-auto-save-file-name'.
FILENAME should lack slashes."
  (string-match "\\`#.*#\\'" filename))

(defun make-lock-file-name (filename)
  "Make a lock file name for FILENAME, using `lock-file-name-transforms'."
  (save-match-data
    (let ((handler (find-file-name-handler filename 'make-lock-file-name)))
      (if handler
          (funcall handler 'make-lock-file-name filename)
        (files--transform-file-name filename lock-file-name-transforms ".#" "")))))

(defun delete-auto-save-file-if-necessary (&optional force)
  "Delete auto-save file for current buffer if `delete-auto-save-files' is t.
Normally delete only if the file was written by this Emacs since the last
real save, but optional arg FORCE non-nil means delete anyway."
  (and buffer-auto-save-file-name delete-auto-save-files
       (not (string= buffer-file-name buffer-auto-save-file-name))
       (or force (recent-auto-save-p))
       (progn
         (condition-case ()
             (delete-file buffer-auto-save-file-name)
           (file-error nil))
         (set-buffer-auto-saved)))
  nil)

(defun rename-auto-save-file ()
  "Adjust current buffer's auto save file name for current conditions.
Also rename any existing auto save file, if it was made in this session."
  (let ((osave buffer-auto-save-file-name))
    (setq buffer-auto-save-file-name (make-auto-save-file-name))
    (if (and osave buffer-auto-save-file-name
             (not (string= buffer-auto-save-file-name buffer-file-name))
             (not (string= buffer-auto-save-file-name osave))
             (file-exists-p osave)
             (recent-auto-save-p))
        (rename-file osave buffer-auto-save-file-name t))))

(defun elisp4j--kill-buffer-auto-save ()
  "Offer to delete the current buffer's auto-save file as the buffer is killed.
Used by `kill-buffer' when `kill-buffer-delete-auto-save-files' is non-nil."
  (when (and delete-auto-save-files
             (recent-auto-save-p)
             buffer-auto-save-file-name
             (not (equal buffer-auto-save-file-name buffer-file-name))
             (file-exists-p buffer-auto-save-file-name)
             (yes-or-no-p "Delete auto-save file? "))
    (delete-auto-save-file-if-necessary)))

;;;; Recovery.

(defun recover-this-file ()
  "Recover the visited file--get contents from its last auto-save file."
  (interactive)
  (or buffer-file-name
      (user-error "This buffer is not visiting a file"))
  (recover-file buffer-file-name))

(defun recover-file (file)
  "Visit file FILE, but get contents from its last auto-save file.
The listing of both files is shown in *Directory* while asking for
confirmation."
  (interactive "FRecover file: ")
  (setq file (expand-file-name file))
  (if (auto-save-file-name-p (file-name-nondirectory file))
      (user-error "%s is an auto-save file" (abbreviate-file-name file)))
  (let ((file-name (let ((buffer-file-name file))
                     (make-auto-save-file-name))))
    (cond ((and (file-exists-p file) (not (file-exists-p file-name)))
           (error "Auto save file %s does not exist"
                  (abbreviate-file-name file-name)))
          ((if (file-exists-p file)
               (not (file-newer-than-file-p file-name file))
             (not (file-exists-p file-name)))
           (user-error "Auto-save file %s not current"
                       (abbreviate-file-name file-name)))
          ((with-temp-buffer-window
            "*Directory*" nil
            (lambda (window _value)
              (with-selected-window window
                (unwind-protect
                    (yes-or-no-p (format "Recover auto save file %s? " file-name))
                  (when (window-live-p window)
                    (quit-restore-window window 'kill)))))
            (with-current-buffer standard-output
              (let ((switches dired-listing-switches))
                (if (file-symlink-p file)
                    (setq switches (concat switches " -L")))
                ;; The files may not exist (FILE, when a buffer that
                ;; visited no file was auto-saved).
                (insert-directory-safely file switches)
                (insert-directory-safely file-name switches))))
           (switch-to-buffer (find-file-noselect file t))
           (let ((inhibit-read-only t)
                 (coding-system buffer-file-coding-system)
                 (coding-system-for-read 'auto-save-coding))
             (erase-buffer)
             (insert-file-contents file-name nil)
             (set-buffer-file-coding-system coding-system)
             (set-buffer-auto-saved))
           (after-find-file nil nil t))
          (t (user-error "Recover-file canceled")))))

(defvar dired-mode-hook)

(defun recover-session ()
  "Recover auto-save files from a previous Emacs session.
Show the session files of `auto-save-list-file-prefix' in Dired;
on the line of one, C-c C-c asks which of its files to recover."
  (interactive)
  (if (null auto-save-list-file-prefix)
      (error "You set `auto-save-list-file-prefix' to disable making session files"))
  (let ((dir (file-name-directory auto-save-list-file-prefix))
        (nd (file-name-nondirectory auto-save-list-file-prefix)))
    (unless (file-directory-p dir)
      (make-directory dir t))
    (unless (directory-files dir nil
                             (if (string= "" nd)
                                 directory-files-no-dot-files-regexp
                               (concat "\\`" (regexp-quote nd)))
                             t)
      (error "No previous sessions to recover")))
  (require 'dired)
  (let ((dired-mode-hook (delete 'dired-omit-mode dired-mode-hook)))
    (dired (concat auto-save-list-file-prefix "*")
           (concat dired-listing-switches " -t")))
  (use-local-map (nconc (make-sparse-keymap) (current-local-map)))
  (define-key (current-local-map) "\C-c\C-c" 'recover-session-finish)
  (save-excursion
    (goto-char (point-min))
    (or (looking-at " Move to the session you want to recover,")
        (let ((inhibit-read-only t))
          ;; Each line starts with a space, as Dired's lines do.
          (insert " To recover a session, move to it and type C-c C-c.\n"
                  (substitute-command-keys
                   " To delete a session file, type \
\\[dired-flag-file-deletion] on its line to flag
 the file for deletion, then \\[dired-do-flagged-delete] to \
delete flagged files.\n\n"))))))

(defun recover-session-finish ()
  "Ask which files of the session file on this Dired line to recover, and recover them.
Used in the Dired buffer `recover-session' makes."
  (interactive)
  (let ((file (dired-get-filename))
        files
        (buffer (get-buffer-create " *recover*")))
    (dired-unmark 1)
    (dired-do-flagged-delete t)
    (unwind-protect
        (with-current-buffer buffer
          (erase-buffer)
          (insert-file-contents file)
          ;; The session file has two lines per auto-saved buffer: the
          ;; visited file (empty for a buffer visiting none) and the
          ;; auto-save file.
          (while (not (eobp))
            (let (thisfile autofile)
              (if (eolp)
                  (progn
                    (forward-line 1)
                    (unless (eolp)
                      (setq autofile (buffer-substring-no-properties (point) (line-end-position)))
                      ;; Make up a visited name from the auto-save name #NAME#.
                      (setq thisfile (expand-file-name
                                      (substring (file-name-nondirectory autofile) 1 -1)
                                      (file-name-directory autofile))))
                    (forward-line 1))
                (setq thisfile (buffer-substring-no-properties (point) (progn (end-of-line) (point))))
                (forward-line 1)
                (setq autofile (buffer-substring-no-properties (point) (progn (end-of-line) (point))))
                (forward-line 1))
              (if (and autofile (file-exists-p autofile))
                  (setq files (cons thisfile files)))))
          (setq files (nreverse files))
          (if files
              (map-y-or-n-p "Recover %s? "
                            (lambda (file)
                              (condition-case nil
                                  (save-excursion (recover-file file))
                                (error "Failed to recover `%s'" file)))
                            files
                            '("file" "files" "recover"))
            (message "No files can be recovered from this session now")))
      (kill-buffer buffer))))

;;;; Directory listings.

(defvar insert-directory-program "ls"
  "The `ls'-like program `insert-directory' runs.")
(defvar insert-directory-ls-version 'unknown
  "How the version of `ls' compares with 5.2.1 (`<', `=', `>'), nil if not GNU ls.")
(defvar dired-listing-switches "-al"
  "Switches passed to `ls' for Dired (defined again by dired.el).")

(defvar directory-listing-before-filename-regexp
  (let* ((l "\\([A-Za-z]\\|[^\0-\177]\\)")
         (l-or-quote "\\([A-Za-z']\\|[^\0-\177]\\)")
         (month (concat l-or-quote l-or-quote "+\\.?"))
         (s " ")
         (yyyy "[0-9][0-9][0-9][0-9]")
         (dd "[ 0-3][0-9]")
         (HH:MM "[ 0-2][0-9][:.][0-5][0-9]")
         (seconds "[0-6][0-9]\\([.,][0-9]+\\)?")
         (zone "[-+][0-2][0-9][0-5][0-9]")
         (iso-mm-dd "[01][0-9]-[0-3][0-9]")
         (iso-time (concat HH:MM "\\(:" seconds "\\( ?" zone "\\)?\\)?"))
         (iso (concat "\\(\\(" yyyy "-\\)?" iso-mm-dd "[ T]" iso-time
                      "\\|" yyyy "-" iso-mm-dd "\\)"))
         (western (concat "\\(" month s "+" dd "\\|" dd "\\.?" s month "\\)"
                          s "+" "\\(" HH:MM "\\|" yyyy "\\)"))
         (western-comma (concat month s "+" dd "," s "+" yyyy))
         (DD-MMM-YYYY (concat dd "-" month "-" yyyy s HH:MM))
         (mm "[ 0-1]?[0-9]")
         (east-asian (concat "\\(" mm l "?" s dd l "?" s "+"
                             "\\|" dd s mm s "+" "\\)"
                             "\\(" HH:MM "\\|" yyyy l "?" "\\)")))
    ;; The date (and the size before it) of an `ls -l' line: whatever
    ;; the locale's format, the file name follows.
    (concat "\\([0-9][BkKMGTPEZY]? " iso
            "\\|.*[0-9][BkKMGTPEZY]? "
            "\\(" western "\\|" western-comma "\\|" DD-MMM-YYYY "\\|" east-asian "\\)"
            "\\) +"))
  "Regular expression to match up to the file name in a directory listing.")

(defun wildcard-to-regexp (wildcard)
  "Return a regexp matching exactly the file names shell wildcard WILDCARD matches.
`*' and `?' match any characters, [...] and [!...] sets of them."
  (let ((i 0) (len (length wildcard)) (parts nil))
    (while (< i len)
      (let ((ch (aref wildcard i)))
        (cond
         ((and (eq ch ?\[) (< (1+ i) len) (eq (aref wildcard (1+ i)) ?\]))
          (push "\\[" parts))
         ((eq ch ?\[)
          ;; A set: copied up to its closing bracket, with [!...] negated.
          (setq i (1+ i))
          (let ((open (cond ((and (< i len) (eq (aref wildcard i) ?!))
                             (setq i (1+ i))
                             (if (and (< i len) (eq (aref wildcard i) ?\]))
                                 (progn (setq i (1+ i)) "[^]")
                               "[^"))
                            ((and (< i len) (eq (aref wildcard i) ?^))
                             (setq i (1+ i))
                             ;; A NUL first keeps ^ literal in the set.
                             "[\000^")
                            ((and (< i len) (eq (aref wildcard i) ?\]))
                             (setq i (1+ i))
                             "[]")
                            (t "[")))
                (close (string-search "]" wildcard i)))
            (push (concat open (substring wildcard i close)) parts)
            (setq i (if close (1- close) (1- len)))))
         ((eq ch ?*) (push "[^\000]*" parts))
         ((eq ch ??) (push "[^\000]" parts))
         ((memq ch '(?. ?+ ?^ ?$ ?\\)) (push (string ?\\ ch) parts))
         (t (push (char-to-string ch) parts))))
      (setq i (1+ i)))
    (concat "\\`" (apply #'concat (nreverse parts)) "\\'")))

(defun shell-quote-wildcard-pattern (pattern)
  "Quote the characters of PATTERN special to the shell, except the wildcards.
Existing backslashes are left alone, so they can quote wildcards."
  (save-match-data
    (let ((beg 0))
      (while (string-match "[ \t\n;<>&|()`'\"#$]" pattern beg)
        (setq pattern (concat (substring pattern 0 (match-beginning 0))
                              "\\"
                              (substring pattern (match-beginning 0)))
              beg (1+ (match-end 0))))
      pattern)))

(defun insert-directory-wildcard-in-dir-p (dir)
  "If the directory part of DIR has wildcards and DIR does not exist, split it.
Return (DIRECTORY . WILDCARDS): the longest directory free of
wildcards and the rest of DIR."
  (when (and (or (not (featurep 'ls-lisp))
                 (bound-and-true-p ls-lisp-support-shell-wildcards))
             (string-match "[[?*]" (file-name-directory dir))
             (not (file-exists-p dir)))
    (string-match "\\`\\([^[?*]*/\\)\\([^[?*]*[[?*].*\\)" dir)
    (cons (match-string 1 dir) (match-string 2 dir))))

(defun files--byte-offset-position (beg offset)
  "Return the position OFFSET bytes (of UTF-8 text) after BEG."
  (let ((pos beg) (bytes 0))
    (while (and (< bytes offset) (< pos (point-max)))
      (setq bytes (+ bytes (string-bytes (char-to-string (char-after pos))))
            pos (1+ pos)))
    pos))

(defun insert-directory-clean (beg switches)
  "Turn the \"//DIRED//\" trailer of an `ls --dired' listing after BEG into properties.
The file names get a `dired-filename' property and the trailer
lines are removed.  Nothing happens unless SWITCHES has \"--dired\"."
  (when (if (stringp switches)
            (string-match "--dired\\>" switches)
          (member "--dired" switches))
    (forward-line -2)
    (when (looking-at "//SUBDIRED//")
      (delete-region (point) (progn (forward-line 1) (point)))
      (forward-line -1))
    (if (looking-at "//DIRED//")
        (let ((end (line-end-position))
              (linebeg (point))
              offsets)
          (goto-char linebeg)
          (forward-char (length "//DIRED//"))
          (while (< (point) end)
            (skip-chars-forward " ")
            (when (< (point) end)
              (push (read (current-buffer)) offsets)))
          (setq offsets (nreverse offsets))
          (while offsets
            (let ((start (files--byte-offset-position beg (car offsets)))
                  (stop (files--byte-offset-position beg (cadr offsets))))
              (if (memq (char-after stop) '(?\n ?\s))
                  (put-text-property start stop 'dired-filename t)
                (put-text-property beg linebeg 'dired-filename nil)))
            (setq offsets (cddr offsets)))
          (goto-char linebeg)
          (delete-region (point) (progn (forward-line 1) (point))))
      (forward-line 1))
    (if (looking-at "//DIRED-OPTIONS//")
        (delete-region (point) (progn (forward-line 1) (point))))))

(defun insert-directory--ls-version ()
  "Set `insert-directory-ls-version' from what `ls --version' says, once."
  (when (eq insert-directory-ls-version 'unknown)
    (let ((out (with-temp-buffer
                 (call-process "ls" nil t nil "--version")
                 (buffer-string))))
      (setq insert-directory-ls-version
            (if (string-match "ls (.*utils) \\([0-9.]*\\)$" out)
                (let ((numbers (mapcar #'string-to-number
                                       (split-string (match-string 1 out) "[.]")))
                      (min '(5 2 1))
                      comparison)
                  (while (and (not comparison) (or numbers min))
                    (cond ((null min) (setq comparison '>))
                          ((null numbers) (setq comparison '<))
                          ((> (car numbers) (car min)) (setq comparison '>))
                          ((< (car numbers) (car min)) (setq comparison '<))
                          (t (setq numbers (cdr numbers) min (cdr min)))))
                  (or comparison '=))
              nil)))))

(defun insert-directory (file switches &optional wildcard full-directory-p)
  "Insert a listing of FILE made by `insert-directory-program' with SWITCHES.
SWITCHES is a string or a list of strings.  WILDCARD non-nil means
FILE ends in a shell wildcard, expanded by the shell.
FULL-DIRECTORY-P non-nil means FILE is a directory to list entirely
(its \"total\" line then says how much space is used and
available).  With \"--dired\" in SWITCHES, file names get the
`dired-filename' text property.  Leaves point after the listing."
  (let ((handler (find-file-name-handler (expand-file-name file) 'insert-directory)))
    (if handler
        (funcall handler 'insert-directory file switches wildcard full-directory-p)
      (let ((beg (point)) result)
        (setq result
              (if wildcard
                  (let* ((dir-wildcard (insert-directory-wildcard-in-dir-p file))
                         (default-directory
                           (cond (dir-wildcard (car dir-wildcard))
                                 ((file-name-absolute-p file) (file-name-directory file))
                                 (t (file-name-directory (expand-file-name file)))))
                         (pattern (if dir-wildcard (cdr dir-wildcard) (file-name-nondirectory file))))
                    ;; The backslash keeps shell aliases out.
                    (call-process shell-file-name nil t nil shell-command-switch
                                  (concat "\\" insert-directory-program " -d "
                                          (if (stringp switches)
                                              switches
                                            (mapconcat #'identity switches " "))
                                          " -- "
                                          (shell-quote-wildcard-pattern pattern))))
                (unless full-directory-p
                  (setq switches (cond ((stringp switches) (concat switches " -d"))
                                       ((member "-d" switches) switches)
                                       (t (append switches '("-d"))))))
                (if (string-match "\\`~" file)
                    (setq file (expand-file-name file)))
                (apply #'call-process insert-directory-program nil t nil
                       (append (if (listp switches)
                                   switches
                                 (unless (equal switches "")
                                   (split-string-and-unquote switches)))
                               '("--")
                               (list file)))))
        ;; A "//DIRED//" trailer means a real listing came, whatever the status.
        (when (if (stringp switches)
                  (string-match "--dired\\>" switches)
                (member "--dired" switches))
          (save-excursion
            (forward-line -2)
            (when (looking-at "//SUBDIRED//") (forward-line -1))
            (if (looking-at "//DIRED//") (setq result 0))))
        (unless (eq 0 result)
          (insert-directory--ls-version))
        ;; GNU ls after 5.2.1 exits with 1 for minor problems.
        (when (and (eq 1 result) (eq insert-directory-ls-version '>))
          (setq result 0))
        (unless (eq 0 result)
          (delete-region beg (point))
          (access-file file "Reading directory")
          (error "Listing directory failed but `access-file' worked"))
        (insert-directory-clean beg switches)
        (when full-directory-p
          (save-excursion
            (goto-char beg)
            (when (re-search-forward "^ *\\(total\\)" nil t)
              (replace-match "total used in directory" nil nil nil 1)
              (let ((available (get-free-disk-space file)))
                (when available
                  (end-of-line)
                  (insert " available " available))))))))))

(defun insert-directory-safely (file switches &optional wildcard full-directory-p)
  "Like `insert-directory', but insert an `ls'-like message if FILE does not exist."
  (if (file-exists-p file)
      (insert-directory file switches wildcard full-directory-p)
    (insert (format "%s: No such file or directory\n" file))))

(defun file-size-human-readable (file-size &optional flavor space unit)
  "Return FILE-SIZE bytes as a short human-readable string.
FLAVOR nil counts in 1024s with suffixes k, M, G...; `si' counts in
1000s; `iec' in 1024s with KiB, MiB...  SPACE goes between number
and unit; UNIT (default \"B\" for `iec') follows the prefix."
  (let ((power (if (memq flavor '(nil iec)) 1024.0 1000.0))
        (prefixes '("" "k" "M" "G" "T" "P" "E" "Z" "Y")))
    (while (and (>= file-size power) (cdr prefixes))
      (setq file-size (/ file-size power)
            prefixes (cdr prefixes)))
    (let* ((prefix (car prefixes))
           (full-unit (if (eq flavor 'iec)
                          (concat (if (string= prefix "k") "K" prefix)
                                  (if (string= prefix "") "" "i")
                                  (or unit "B"))
                        (concat prefix unit)))
           (fraction (mod file-size 1.0)))
      (format (if (and (>= fraction 0.05) (< fraction 0.95)) "%.1f%s%s" "%.0f%s%s")
              file-size
              (if (string= full-unit "") "" (or space ""))
              full-unit))))

(defun file-size-human-readable-iec (size)
  "Return SIZE bytes as a human-readable string with IEC prefixes (KiB, MiB...)."
  (file-size-human-readable size 'iec " "))

(defvar byte-count-to-string-function #'file-size-human-readable-iec
  "Function that turns a number of bytes into a human-readable string.")

(defun get-free-disk-space (dir)
  "Return a string saying how much space is free on DIR's file system, or nil."
  (save-match-data
    (let ((avail (nth 2 (file-system-info dir))))
      (if avail (funcall byte-count-to-string-function avail)))))

;;;; Visiting.

(defun find-buffer-visiting (filename &optional predicate)
  "Return the buffer visiting file FILENAME (a string), or nil."
  (let ((truename (abbreviate-file-name (file-truename filename)))
        (found nil))
    (let ((exact (get-file-buffer filename)))
      (when (and exact (or (null predicate) (funcall predicate exact)))
        (setq found exact)))
    (unless found
      (dolist (buf (buffer-list))
        (when (and (not found)
                   (buffer-local-value 'buffer-file-truename buf)
                   (equal (buffer-local-value 'buffer-file-truename buf) truename)
                   (or (null predicate) (funcall predicate buf)))
          (setq found buf))))
    found))

(defun create-file-buffer (filename)
  "Create a suitably named buffer for visiting FILENAME, and return it."
  (let* ((lastname (file-name-nondirectory filename))
         (lastname (if (string= lastname "") filename lastname))
         (buf (generate-new-buffer (if (string-prefix-p " " lastname)
                                       (concat "|" lastname)
                                     lastname))))
    buf))

(defun find-file-noselect (filename &optional nowarn rawfile wildcards)
  "Read file FILENAME into a buffer and return the buffer.
If a buffer exists visiting FILENAME, return that one."
  (ignore wildcards)
  (setq filename (abbreviate-file-name (expand-file-name filename)))
  (if (file-directory-p filename)
      (error "%s is a directory" filename))
  (let* ((buf (get-file-buffer filename))
         (truename (abbreviate-file-name (file-truename filename)))
         (attributes (file-attributes truename))
         (number (nthcdr 10 attributes)))
    (ignore number)
    (setq buf (or buf (find-buffer-visiting filename)))
    (if buf
        (progn
          (unless nowarn
            (unless (or (verify-visited-file-modtime buf)
                        (not (file-exists-p filename)))
              (message "File %s changed on disk" (file-name-nondirectory filename))))
          (unless (or (eq (null rawfile) (null (buffer-local-value 'find-file-literally buf)))
                      ;; Only a file seen to have gone away since the visit is not asked about.
                      (and (not nowarn)
                           (not (verify-visited-file-modtime buf))
                           (not (file-exists-p filename)))
                      (memq (buffer-local-value 'major-mode buf) '(hexl-mode image-mode)))
            (elisp4j--find-file-revisit buf filename nowarn rawfile truename))
          buf)
      (setq buf (create-file-buffer filename))
      (elisp4j--find-file-read buf filename nowarn rawfile truename)
      buf)))

(defun find-file-literally (filename)
  "Visit FILENAME as its bytes: no decoding, format conversion, local variables or modes.
The buffer is unibyte and in Fundamental mode.  A buffer already
visiting the file normally is offered to be read again literally.
Return the buffer, which is also selected."
  (interactive (list (read-file-name "Find file literally: " nil default-directory)))
  (switch-to-buffer (find-file-noselect filename nil t)))

(defun elisp4j--find-file-revisit (buf filename nowarn rawfile truename)
  "Offer to read FILENAME again into BUF, which visits it the other way than RAWFILE says.
RAWFILE non-nil asks for a literal visit.  Edits in BUF may be saved
first or discarded; refusing both signals an error."
  (with-current-buffer buf
    (let* ((how (if rawfile "literally" "normally"))
           (refused (if rawfile "File already visited non-literally" "File already visited literally"))
           (explanation
            (format-message "A buffer visits a file either literally (its bytes, with no \
decoding, format conversion or local variables) or normally, not both.  \
`%s' is visited %s now."
                            (file-name-nondirectory filename)
                            (if rawfile "normally" "literally"))))
      (if (not (buffer-modified-p))
          (unless (let ((help-form explanation))
                    (y-or-n-p (format "Do you want to revisit the file %s now? " how)))
            (error refused))
        (cond ((let ((help-form explanation))
                 (y-or-n-p (format "Do you want to save the file, and visit it %s instead? " how)))
               (save-buffer))
              ((not (y-or-n-p (format "Do you want to discard your changes, and visit the file %s now? "
                                      how)))
               (error refused))))
      (elisp4j--find-file-read buf filename nowarn rawfile truename))))

(defun elisp4j--find-file-read (buf filename nowarn rawfile truename)
  "Read FILENAME (whose true name is TRUENAME) into BUF to visit it, literally if RAWFILE.
NOWARN non-nil suppresses the warnings of `after-find-file'."
  (with-current-buffer buf
        (kill-local-variable 'find-file-literally)
        ;; Reading decides the coding system afresh.
        (kill-local-variable 'buffer-file-coding-system)
        (let ((inhibit-read-only t))
          (erase-buffer))
        (unless rawfile (set-buffer-multibyte t))
        (if rawfile
            (progn
              (condition-case ()
                  (let ((inhibit-read-only t))
                    (insert-file-contents-literally filename t))
                (file-error
                 (when (and (file-exists-p filename)
                            (not (file-readable-p filename)))
                   (kill-buffer buf)
                   (signal 'file-error (list "File is not readable" filename)))
                 (setq buffer-file-name filename)))
              (set-buffer-multibyte nil)
              ;; Fundamental mode (or the default mode), then the literal settings.
              (set-buffer-major-mode buf)
              (setq buffer-file-coding-system 'no-conversion)
              (setq-local find-file-literally t))
          (let ((error nil))
            (condition-case ()
                (let ((inhibit-read-only t))
                  (insert-file-contents filename t))
              (file-error
               (when (and (file-exists-p filename)
                          (not (file-readable-p filename)))
                 (kill-buffer buf)
                 (signal 'file-error (list "File is not readable" filename)))
               (setq error t)))
            (setq buffer-file-truename truename)
            (setq default-directory (file-name-directory buffer-file-name))
            ;; No backups for files the predicate refuses (e.g. under /tmp).
            (when (and buffer-file-name backup-enable-predicate
                       (not (funcall backup-enable-predicate buffer-file-name)))
              (setq-local backup-inhibited t))
            (after-find-file error (not nowarn))))
        (unless buffer-file-truename
          (setq buffer-file-truename truename))
        (setq default-directory (file-name-directory buffer-file-name))))

(defun after-find-file (&optional error warn noauto _after-find-file-from-revert-buffer nomodes)
  "Called after finding a file and by the default revert function.
Sets buffer-read-only, warns about auto-save data and new files, turns on
auto-save (not in batch mode) and sets the major mode."
  (setq buffer-read-only (not (file-writable-p buffer-file-name)))
  (if noninteractive
      nil
    (let* (not-serious
           (msg
            (cond
             ((not warn) nil)
             ((and error (file-exists-p buffer-file-name)
                   (not (file-readable-p buffer-file-name)))
              "File exists, but cannot be read")
             ((and error (file-symlink-p buffer-file-name))
              "Symbolic link that points to nonexistent file")
             ((not buffer-read-only)
              (if (and warn
                       (not auto-save-visited-file-name)
                       (file-newer-than-file-p (or buffer-auto-save-file-name
                                                   (make-auto-save-file-name))
                                               buffer-file-name))
                  (format "%s has auto save data; consider M-x recover-this-file"
                          (file-name-nondirectory buffer-file-name))
                (setq not-serious t)
                (if error "(New file)" nil)))
             ((not error)
              (setq not-serious t)
              "Note: file is write protected")
             ((file-accessible-directory-p default-directory)
              "File not found and directory write-protected")
             (t
              (setq buffer-read-only nil)
              (unless (file-directory-p default-directory)
                "Use M-x make-directory RET RET to create the directory and its parents")))))
      (when msg
        (message "%s" msg)
        (or not-serious (sit-for 1 t))))
    (when (and auto-save-default (not noauto))
      (auto-save-mode 1)))
  (unless nomodes
    (when (and view-read-only view-mode) nil)
    (normal-mode t)
    (run-hooks 'find-file-hook)))

(defun normal-mode (&optional _find-file)
  "Choose the major mode for this buffer automatically."
  (funcall #'set-auto-mode))

(defun set-auto-mode (&optional _keep-mode-if-same)
  "Select major mode appropriate for current buffer, from `auto-mode-alist'."
  (let ((mode nil))
    (when buffer-file-name
      (let ((name (file-name-sans-versions buffer-file-name))
            (case-fold-search nil))
        (catch 'found
          (dolist (entry auto-mode-alist)
            (when (string-match (car entry) name)
              (setq mode (cdr entry))
              (throw 'found nil))))
        (when (and (null mode) auto-mode-case-fold)
          (let ((case-fold-search t))
            (catch 'found
              (dolist (entry auto-mode-alist)
                (when (string-match (car entry) name)
                  (setq mode (cdr entry))
                  (throw 'found nil))))))))
    (when (consp mode) (setq mode (car mode)))
    (when (and mode (functionp mode))
      (funcall mode))
    mode))

(defvar inhibit-local-variables-regexps
  '("\\.tar\\'" "\\.t[bg]z\\'" "\\.arc\\'" "\\.zip\\'" "\\.lzh\\'" "\\.lha\\'"
    "\\.zoo\\'" "\\.[jew]ar\\'" "\\.xpi\\'" "\\.rar\\'" "\\.7z\\'"
    "\\.sx[dmicw]\\'" "\\.odt\\'" "\\.diff\\'" "\\.patch\\'"
    "\\.tiff?\\'" "\\.gif\\'" "\\.png\\'" "\\.jpe?g\\'")
  "File names whose -*- line and local variables are ignored (regexps).")

(defvar inhibit-local-variables-suffixes nil
  "Suffixes (regexps) removed from a file name before `inhibit-local-variables-regexps' applies.")

(defvar file-auto-mode-skip "^\\(#!\\|'\\\\\"\\)"
  "Regexp of a first line that is not the -*- line, which may then be the second line.")

(defvar inhibit-local-variables-ignore-case t
  "Non-nil means `inhibit-local-variables-p' ignores case.")

(defun inhibit-local-variables-p ()
  "Non-nil if the current buffer's file (or buffer) name matches `inhibit-local-variables-regexps'.
Suffixes matching `inhibit-local-variables-suffixes' are removed first."
  (let ((name (if buffer-file-name
                  (file-name-sans-versions buffer-file-name)
                (buffer-name)))
        (case-fold-search inhibit-local-variables-ignore-case)
        (found nil))
    (let ((more t))
      (while more
        (setq more nil)
        (dolist (suffix inhibit-local-variables-suffixes)
          (when (and (not more) (string-match suffix name))
            (setq name (substring name 0 (match-beginning 0))
                  more t)))))
    (dolist (regexp inhibit-local-variables-regexps)
      (when (and (not found) (string-match regexp name))
        (setq found regexp)))
    found))

(defun set-auto-mode-1 ()
  "Find the -*- line from point: leave point at the start of its contents and return their end.
The line is the current one, or the next when the current one starts
as `file-auto-mode-skip' says.  Return nil (point may have moved) if
there is none, or when `inhibit-local-variables-p'."
  (let (beg)
    (and (not (inhibit-local-variables-p))
         (search-forward "-*-" (line-end-position (and (looking-at file-auto-mode-skip) 2)) t)
         (progn
           (skip-chars-forward " \t")
           (setq beg (point))
           (search-forward "-*-" (line-end-position) t))
         (progn
           (forward-char -3)
           (skip-chars-backward " \t")
           (prog1 (point) (goto-char beg))))))

(defun set-visited-file-name (filename &optional no-query along-with-file)
  "Change name of file visited in current buffer to FILENAME."
  (ignore no-query)
  (if filename
      (setq filename
            (if (string-equal filename "")
                nil
              (expand-file-name filename))))
  (let ((truename (and filename (abbreviate-file-name (file-truename filename))))
        (oauto buffer-auto-save-file-name))
    (when (and filename (not along-with-file) buffer-file-name
               (buffer-modified-p))
      (unlock-buffer))
    (unless along-with-file (unlock-buffer))
    (setq buffer-file-name filename)
    (if filename
        (progn
          (setq filename (abbreviate-file-name filename))
          (setq buffer-file-name filename)
          (let ((new-name (file-name-nondirectory buffer-file-name)))
            (or (string= new-name (buffer-name))
                (rename-buffer new-name t)))
          (setq default-directory (file-name-directory buffer-file-name))))
    (setq buffer-file-truename truename)
    (setq buffer-backed-up nil)
    (clear-visited-file-modtime)
    (if filename
        (progn
          (if (not buffer-auto-save-file-name)
              (and auto-save-default (auto-save-mode t))
            (setq buffer-auto-save-file-name (make-auto-save-file-name)))
          (if (and oauto buffer-auto-save-file-name (file-exists-p oauto))
              (rename-file oauto buffer-auto-save-file-name t)))
      (auto-save-mode -1))
    (if buffer-file-name (set-buffer-modified-p t))
    (when (and filename (not along-with-file)) (lock-buffer))
    nil))

(defun insert-file-contents-literally (filename &optional visit beg end replace)
  "Like `insert-file-contents', but only reads in the file literally."
  (let ((format-alist nil)
        (after-insert-file-functions nil)
        (coding-system-for-read 'no-conversion)
        (coding-system-for-write 'no-conversion)
        (inhibit-file-name-handlers
         (append '(jka-compr-handler image-file-handler epa-file-handler)
                 inhibit-file-name-handlers))
        (inhibit-file-name-operation 'insert-file-contents))
    (insert-file-contents filename visit beg end replace)))

(defvar after-insert-file-functions nil "Functions to call after `insert-file-contents' inserts text.")

;;;; Saving.

(defun save-buffer (&optional arg)
  "Save current buffer in visited file if modified."
  (interactive "p")
  (let ((modp (buffer-modified-p))
        (make-backup-files (or (and make-backup-files (not (eq arg 0)))
                               (memq arg '(16 64)))))
    (and modp (memq arg '(16 64)) (setq buffer-backed-up nil))
    (if (and modp (not noninteractive) (not save-silently))
        (message "Saving file %s..." (buffer-file-name)))
    (basic-save-buffer (called-interactively-p 'any))
    (and modp (memq arg '(4 64)) (setq buffer-backed-up nil))))

(defun basic-save-buffer (&optional called-interactively)
  "Save the current buffer in its visited file, if it has been modified.
Also saves an unmodified buffer whose file has disappeared.  A buffer without
a file asks for one.  Runs `before-save-hook' (its errors only reported),
gives `write-contents-functions', `local-write-file-hooks' and
`write-file-functions' the chance to do the writing, else makes the first
backup and writes the file; then deletes the auto-save file if this session
wrote it since the last save, and runs `after-save-hook'.  In an indirect
buffer, the base buffer is saved."
  (interactive '(called-interactively))
  (save-current-buffer
    (when (buffer-base-buffer) (set-buffer (buffer-base-buffer)))
    (if (not (or (buffer-modified-p)
                 (and buffer-file-name (not (file-exists-p buffer-file-name)))))
        (unless (or noninteractive (not called-interactively))
          (files--message "(No changes need to be saved)"))
      ;; Whether this session auto-saved since the last save decides whether the
      ;; auto-save file is ours to delete afterwards.
      (let ((auto-saved-recently (recent-auto-save-p))
            (modes nil))
        (when (and buffer-file-name
                   (not (verify-visited-file-modtime (current-buffer)))
                   (file-exists-p buffer-file-name)
                   (not (yes-or-no-p
                         (format "%s has changed since visited or saved.  Save anyway? "
                                 (file-name-nondirectory buffer-file-name)))))
          (user-error "Save not confirmed"))
        (save-restriction
          (widen)
          (elisp4j--maybe-add-final-newline)
          (with-demoted-errors "Error: %S" (run-hooks 'before-save-hook))
          (unless (run-hook-with-args-until-success 'write-contents-functions)
            (unless buffer-file-name (elisp4j--ask-file-to-save-in))
            (unless (or (run-hook-with-args-until-success 'local-write-file-hooks)
                        (run-hook-with-args-until-success 'write-file-functions))
              (let ((dir (file-name-directory (expand-file-name buffer-file-name))))
                (unless (file-exists-p dir)
                  (if (y-or-n-p (format-message "Directory `%s' does not exist; create? " dir))
                      (make-directory dir t)
                    (error "Canceled"))))
              (setq modes (basic-save-buffer-1))))
          (when buffer-file-name
            ;; The coding system the text was written with is the buffer's from now on.
            (if save-buffer-coding-system
                (setq save-buffer-coding-system last-coding-system-used)
              (setq buffer-file-coding-system last-coding-system-used))
            (setq buffer-file-number (nthcdr 10 (file-attributes buffer-file-name)))
            (when modes
              (condition-case nil
                  (set-file-modes buffer-file-name (car modes))
                (error nil))))
          (delete-auto-save-file-if-necessary auto-saved-recently))
        (run-hooks 'after-save-hook)))))

(defvar-local save-buffer-coding-system nil
  "If non-nil, the coding system saving this buffer uses, in place of
`buffer-file-coding-system' (which then stays as it is).")
(put 'save-buffer-coding-system 'permanent-local t)

(defun elisp4j--ask-file-to-save-in ()
  "Ask for the file a buffer without one is to be saved in, and visit it."
  (let ((file (expand-file-name
               (read-file-name "File to save in: " nil (expand-file-name (buffer-name))))))
    (when (file-exists-p file)
      (when (file-directory-p file)
        (error "%s is a directory" file))
      (unless (y-or-n-p (format-message "File `%s' exists; overwrite? " file))
        (error "Canceled")))
    (set-visited-file-name file)))

(defun elisp4j--maybe-add-final-newline ()
  "Add a final newline if `require-final-newline' asks for one."
  (when (and (> (point-max) (point-min))
             (not find-file-literally)
             (not buffer-read-only)
             (/= (char-before (point-max)) ?\n)
             (cond ((memq require-final-newline '(t visit-save)) t)
                   (require-final-newline
                    (y-or-n-p (format "Buffer %s does not end in newline.  Add one? "
                                      (buffer-name))))))
    (save-excursion
      (goto-char (point-max))
      (insert ?\n))))

(defvar find-file-literally nil "Non-nil if this buffer was made by `find-file-literally'.")
(make-variable-buffer-local 'find-file-literally)
(put 'find-file-literally 'permanent-local t)

(defun files--message (format &rest args)
  "Like `message', except that message logging is disabled while saving silently."
  (unless save-silently (apply #'message format args)))

(defun basic-save-buffer-1 ()
  "Write the current buffer to its file, making a backup first; return file modes to set.
`save-buffer-coding-system', if set, is the coding system to write
with; the one used is recorded in `buffer-file-coding-system-explicit'
when that is set."
  (prog1
      (if save-buffer-coding-system
          (let ((coding-system-for-write save-buffer-coding-system))
            (basic-save-buffer-2))
        (basic-save-buffer-2))
    (when buffer-file-coding-system-explicit
      (setcar buffer-file-coding-system-explicit last-coding-system-used))))

(defun basic-save-buffer-2 ()
  "Write the current buffer to its file, making a backup first; return file modes to set."
  (let (tempsetmodes setmodes)
    (if (not (file-writable-p buffer-file-name))
        (let ((dir (file-name-directory buffer-file-name)))
          (if (not (file-directory-p dir))
              (if (file-exists-p dir)
                  (error "%s is not a directory" dir)
                (error "%s: no such directory" dir))
            (if (not (file-exists-p buffer-file-name))
                (error "Directory %s write-protected" dir)
              (if (yes-or-no-p
                   (format "File %s is write-protected; try to save anyway? "
                           (file-name-nondirectory buffer-file-name)))
                  (setq tempsetmodes t)
                (error "Attempt to save to a file that you aren't allowed to write"))))))
    (or buffer-backed-up
        (setq setmodes (backup-buffer)))
    (let ((dir (file-name-directory buffer-file-name)))
      (if (and file-precious-flag (file-writable-p dir))
          (let ((tempname (make-temp-file (expand-file-name "tmp" dir))))
            (write-region nil nil tempname nil buffer-file-name nil 'excl)
            (rename-file tempname buffer-file-name t)
            (set-visited-file-modtime))
        (and tempsetmodes (not setmodes)
             (set-file-modes buffer-file-name
                             (logior (or (file-modes buffer-file-name) 0) #o200)))
        (write-region nil nil buffer-file-name nil t buffer-file-truename)))
    setmodes))

(defun write-file (filename &optional confirm)
  "Write current buffer into file FILENAME, and visit it."
  (or (null filename) (string-equal filename "")
      (progn
        (if (and (file-directory-p filename) buffer-file-name)
            (setq filename (concat (file-name-as-directory filename)
                                   (file-name-nondirectory buffer-file-name))))
        (and confirm
             (file-exists-p filename)
             (not (and (eq (framep (selected-frame)) 'x)
                       (framep (selected-frame))))
             (or (y-or-n-p (format "File `%s' exists; overwrite? " filename))
                 (user-error "Canceled")))
        (set-visited-file-name filename (not confirm))))
  (set-buffer-modified-p t)
  (save-buffer))

(defvar save-some-buffers-action-alist
  (list (list ?\C-r
              (lambda (buffer)
                (display-buffer buffer)
                (setq other-window-scroll-buffer buffer)
                nil)                    ; still ask about it
              "view this buffer")
        (list ?d
              (lambda (buffer)
                (if (not (buffer-file-name buffer))
                    (message "Not applicable: no file")
                  (diff-buffer-with-file buffer))
                nil)
              "view changes in this buffer"))
  "Extra answers `save-some-buffers' accepts: elements (CHAR FUNCTION HELP-TEXT).
See the ACTION-ALIST argument of `map-y-or-n-p'.")

(defun save-some-buffers--question (buffer)
  "The question `save-some-buffers' asks about BUFFER."
  (let ((file (buffer-file-name buffer))
        (name (buffer-name buffer)))
    (cond ((null file) (format "Save buffer %s? " name))
          ((let ((base (file-name-nondirectory file)))
             ;; The buffer is named after its file (perhaps with a <suffix>).
             (or (equal name base)
                 (string-match-p (concat "\\<" (regexp-quote base) "<[^>]*>\\'") name)))
           (format "Save file %s? " file))
          (t (format "Save file %s (buffer %s)? " file name)))))

(defun save-some-buffers (&optional arg pred)
  "Save modified file-visiting buffers, asking about each one.
Buffers whose `buffer-save-without-query' is non-nil are saved first without
asking.  With ARG non-nil (interactively, a prefix argument), save them all
without asking.  PRED chooses the buffers considered: nil means the
file-visiting buffers, t adds buffers with `buffer-offer-save' set, a
function is called in each buffer and must return non-nil for it.  PRED
defaults to `save-some-buffers-default-predicate'.  The answers are those of
`map-y-or-n-p', with those of `save-some-buffers-action-alist'."
  (interactive "P")
  (unless pred
    (setq pred (if (and (symbolp save-some-buffers-default-predicate)
                        (get save-some-buffers-default-predicate 'save-some-buffers-function))
                   ;; A function that makes the predicate, in the caller's context.
                   (funcall save-some-buffers-default-predicate)
                 save-some-buffers-default-predicate)))
  (let ((asked nil)
        (saved-silently nil)
        (abbrevs-saved nil)
        (count 0))
    (save-window-excursion
      (dolist (buffer (buffer-list))
        (with-current-buffer buffer
          (when (and buffer-save-without-query (buffer-modified-p))
            (push (buffer-name) saved-silently)
            (save-buffer))))
      (setq count
            (map-y-or-n-p
             (lambda (buffer)
               (and (buffer-live-p buffer)
                    (buffer-modified-p buffer)
                    (not (buffer-base-buffer buffer))
                    (or (buffer-file-name buffer)
                        (with-current-buffer buffer
                          (or (eq buffer-offer-save 'always)
                              (and pred buffer-offer-save (> (buffer-size) 0)))))
                    (or (not (functionp pred))
                        (with-current-buffer buffer (funcall pred)))
                    (or arg
                        (progn (setq asked t)
                               (save-some-buffers--question buffer)))))
             (lambda (buffer) (with-current-buffer buffer (save-buffer)))
             (buffer-list)
             '("buffer" "buffers" "save")
             save-some-buffers-action-alist))
      (when (and (bound-and-true-p save-abbrevs) (bound-and-true-p abbrevs-changed))
        (when (or arg (eq save-abbrevs 'silently)
                  (y-or-n-p (format "Save abbrevs in %s? " abbrev-file-name)))
          (write-abbrev-file nil))
        (setq abbrevs-changed nil
              abbrevs-saved t))
      (or asked (> count 0) abbrevs-saved
          (cond ((null saved-silently)
                 (when (called-interactively-p 'any)
                   (files--message "(No files need saving)")))
                ((null (cdr saved-silently))
                 (files--message "(Saved %s)" (car saved-silently)))
                (t
                 (files--message "(Saved %d files: %s)" (length saved-silently)
                                 (mapconcat #'identity saved-silently ", "))))))))

(defun normal-backup-enable-predicate (name)
  "Default `backup-enable-predicate': no backups for files in the temporary directories.
The test is a plain string prefix test, so \"/tmpx/y\" counts as under \"/tmp\"."
  (let ((temp-dirs (delq nil (list temporary-file-directory "/tmp"
                                   small-temporary-file-directory))))
    (not (seq-some-elisp4j (lambda (dir) (string-prefix-p dir name)) temp-dirs))))

(defun seq-some-elisp4j (pred list)
  "Return the first non-nil value of PRED on the elements of LIST."
  (let ((r nil))
    (while (and list (not r))
      (setq r (funcall pred (car list)) list (cdr list)))
    r))

(defun backup-file-name-p (file)
  "Return non-nil if FILE is a backup file name (numeric or not)."
  (string-match "~\\'" file))

(defun make-backup-file-name (file)
  "Create the non-numeric backup file name for FILE."
  (funcall (or make-backup-file-name-function
               #'make-backup-file-name--default-function)
           file))

(defun make-backup-file-name--default-function (file)
  "Default `make-backup-file-name-function': FILE's backup location plus `~'."
  (concat (make-backup-file-name-1 file) "~"))

(defun make-backup-file-name-1 (file)
  "The name of FILE's backup without the `~' (using `backup-directory-alist')."
  (let ((alist backup-directory-alist)
        elt backup-directory abs-backup-directory)
    (while alist
      (setq elt (pop alist))
      (if (string-match (car elt) file)
          (setq backup-directory (cdr elt)
                alist nil)))
    (when backup-directory
      (setq abs-backup-directory
            (expand-file-name backup-directory (file-name-directory file)))
      (if (and abs-backup-directory (not (file-exists-p abs-backup-directory)))
          (condition-case nil
              (make-directory abs-backup-directory 'parents)
            (file-error (setq backup-directory nil
                              abs-backup-directory nil)))))
    (if (null backup-directory)
        file
      (if (file-name-absolute-p backup-directory)
          (expand-file-name
           (subst-char-in-string ?/ ?!
                                 (string-replace "!" "!!" (expand-file-name file)))
           (file-name-as-directory abs-backup-directory))
        (expand-file-name (file-name-nondirectory file)
                          (file-name-as-directory abs-backup-directory))))))

(defun backup-extract-version (fn)
  "Given the name of a numeric backup file FN, return the backup number."
  (if (string-match "\\.~\\([0-9]+\\)~\\'" fn)
      (string-to-number (match-string 1 fn))
    0))

(defun find-backup-file-name (fn)
  "Find a file name for a backup file FN, and suggestions for deletions.
Value is (BACKUP-NAME . OLD-VERSIONS-TO-DELETE)."
  (let ((handler (find-file-name-handler fn 'find-backup-file-name)))
    (cond
     (handler (funcall handler 'find-backup-file-name fn))
     ((or (eq version-control 'never) (file-remote-p fn))
      (list (make-backup-file-name fn)))
     (t
      (let* ((stem (make-backup-file-name-1 fn))
             (dir (file-name-directory stem))
             (prefix (concat (file-name-nondirectory stem) ".~"))
             (numbers (sort (mapcar (lambda (f)
                                      (string-to-number (substring f (length prefix) -1)))
                                    (and (file-directory-p dir)
                                         (directory-files dir nil
                                                          (concat "\\`" (regexp-quote prefix)
                                                                  "[0-9]+~\\'"))))
                            #'<))
             (newest (if numbers (car (last numbers)) 0)))
        (if (not (or version-control (> newest 0)))
            (list (make-backup-file-name fn))
          ;; Keep the KEPT-OLD oldest and KEPT-NEW newest (counting the new one).
          (let ((excess (- (length numbers) kept-old-versions kept-new-versions -1)))
            (cons (format "%s.~%d~" stem (1+ newest))
                  (when (and (> excess 0) (> (+ kept-old-versions kept-new-versions) 0))
                    (mapcar (lambda (n) (format "%s.~%d~" stem n))
                            (take excess (nthcdr kept-old-versions numbers))))))))))))

(defun backup-buffer ()
  "Make a backup of the disk file visited by the current buffer, if appropriate.
Only the first save of a visit makes one.  Return (MODES EXTENDED-ATTRIBUTES
BACKUP-NAME) when the file was renamed to become the backup, else nil."
  (when (and make-backup-files (not backup-inhibited) (not buffer-backed-up))
    (let ((type (aref (or (file-attribute-modes-elisp4j buffer-file-name) "?") 0)))
      (when (and (memq type '(?- ?l))
                 (or (null backup-enable-predicate)
                     (funcall backup-enable-predicate buffer-file-name)))
        (let* ((file (file-chase-links buffer-file-name))
               (info (find-backup-file-name file))
               (backup (car info))
               (doomed (and (cdr info)
                            (cond ((eq delete-old-versions t) t)
                                  ((null delete-old-versions)
                                   (y-or-n-p (format "Delete excess backup versions of %s? " file))))
                            (cdr info)))
               (modes (file-modes buffer-file-name))
               (copy (elisp4j--backup-by-copying-p file modes))
               (result nil))
          (condition-case ()
              (progn
                (if copy
                    (copy-file file backup t t t)
                  (rename-file file backup t)
                  (setq result (list modes nil backup)))
                (setq buffer-backed-up t))
            (file-error
             (let ((fallback (locate-user-emacs-file "%backup%~")))
               (message "Cannot write backup file; backing up in %s" fallback)
               (sleep-for 1)
               (copy-file file fallback t t t)
               (setq buffer-backed-up t))))
          (dolist (old doomed)
            (condition-case () (delete-file old) (file-error nil)))
          result)))))

(defun file-attribute-modes-elisp4j (file)
  "The mode string of FILE (like \"-rw-r--r--\"), or nil if it does not exist."
  (nth 8 (file-attributes file)))

(defun elisp4j--backup-by-copying-p (file modes)
  "Whether the backup of FILE (with MODES) must be a copy rather than a rename."
  (or file-precious-flag
      backup-by-copying
      (and modes (/= 0 (logand modes #o6000)))
      (not (file-writable-p (file-name-directory file)))
      (and backup-by-copying-when-linked (> (file-nlinks file) 1))
      (and (or backup-by-copying-when-mismatch
               (let ((attrs (file-attributes file 'integer)))
                 (and (integerp backup-by-copying-when-privileged-mismatch)
                      (or (<= (nth 2 attrs) backup-by-copying-when-privileged-mismatch)
                          (<= (nth 3 attrs) backup-by-copying-when-privileged-mismatch)))))
           (not (file-ownership-preserved-p file t)))))

(defun file-nlinks (file)
  "Return the number of names FILE has."
  (or (nth 1 (file-attributes file)) 0))

(defun file-ownership-preserved-p (file &optional group)
  "Return t if deleting FILE and rewriting it would preserve the owner (and GROUP)."
  (let ((attributes (file-attributes file 'integer)))
    (or (not attributes)
        (and (= (nth 2 attributes) (user-uid))
             (or (not group)
                 (= (nth 3 attributes) (group-gid)))))))

;;;; Reverting.

(defun revert-buffer (&optional ignore-auto noconfirm preserve-modes)
  "Replace current buffer text with the text of the visited file on disk."
  (interactive (list (not current-prefix-arg)))
  (let ((revert-buffer-in-progress-p t)
        (revert-buffer-preserve-modes preserve-modes))
    (ignore revert-buffer-preserve-modes)
    (funcall (or revert-buffer-function #'revert-buffer--default)
             ignore-auto noconfirm)))

(defvar revert-buffer-preserve-modes nil)

(defun revert-buffer--default (ignore-auto noconfirm)
  "Default function for `revert-buffer': read the file, or the auto-save file."
  (let* ((auto-save-p (and (not ignore-auto)
                           (recent-auto-save-p)
                           buffer-auto-save-file-name
                           (file-readable-p buffer-auto-save-file-name)
                           (y-or-n-p
                            "Buffer has been auto-saved recently.  Revert from auto-save file? ")))
         (file-name (if auto-save-p buffer-auto-save-file-name buffer-file-name)))
    (cond ((null file-name)
           (error "Buffer does not seem to be associated with any file"))
          ((or noconfirm
               (and (not (buffer-modified-p))
                    (catch 'found
                      (dolist (regexp revert-without-query)
                        (when (string-match regexp file-name)
                          (throw 'found t)))))
               (yes-or-no-p (format "Revert buffer from file %s? " file-name)))
           (run-hooks 'before-revert-hook)
           (and (not auto-save-p) buffer-backed-up nil)
           (when (and (not auto-save-p) (not (file-exists-p file-name)))
             (error "File %s no longer exists!" file-name))
           (let ((buffer-read-only nil))
             (funcall revert-buffer-insert-file-contents-function file-name auto-save-p))
           (after-find-file nil nil t nil revert-buffer-preserve-modes)
           (run-hooks 'after-revert-hook)
           t))))

(defun revert-buffer-insert-file-contents--default-function (file-name auto-save-p)
  "Insert the contents of FILE-NAME (an auto-save file if AUTO-SAVE-P) into the buffer.
The file is decoded with `coding-system-for-read', else the coding
system it was explicitly visited with, else as when visiting."
  (let ((coding-system-for-read
         (if auto-save-p
             'auto-save-coding
           (or coding-system-for-read
               (car buffer-file-coding-system-explicit)))))
    (when (and (not enable-multibyte-characters)
               coding-system-for-read
               (not (memq (coding-system-base coding-system-for-read) '(no-conversion raw-text))))
      ;; A coding system for multibyte text needs a multibyte buffer.
      (set-buffer-multibyte t))
    ;; Reading sets `buffer-file-coding-system' afresh (after-insert-file-set-coding).
    (kill-local-variable 'buffer-file-coding-system)
    (if auto-save-p
        (progn
          (erase-buffer)
          (insert-file-contents file-name nil))
      (insert-file-contents file-name t nil nil t))))

;;;; Auto-save-visited mode and the session list name.

(defun auto-save-visited--predicate ()
  "Whether `auto-save-visited-mode' saves the current buffer."
  (and buffer-file-name
       auto-save-visited-mode
       (not (and buffer-auto-save-file-name auto-save-visited-file-name))))

(defvar auto-save-visited-mode nil
  "Non-nil if Auto-Save-Visited mode is enabled.")

(defun auto-save-visited-mode (&optional arg)
  "Toggle automatic saving of file-visiting buffers to their files.
With ARG positive (or omitted from Lisp), enable; with 0 or negative, disable."
  (interactive (list (or current-prefix-arg 'toggle)))
  (setq-default auto-save-visited-mode
                (cond ((eq arg 'toggle) (not (default-value 'auto-save-visited-mode)))
                      ((and (numberp arg) (< arg 1)) nil)
                      (t t)))
  (when auto-save--timer (cancel-timer auto-save--timer))
  (setq auto-save--timer
        (when (default-value 'auto-save-visited-mode)
          (run-with-idle-timer auto-save-visited-interval :repeat
                               #'save-some-buffers :no-prompt
                               #'auto-save-visited--predicate)))
  (run-hooks 'auto-save-visited-mode-hook
             (if (default-value 'auto-save-visited-mode)
                 'auto-save-visited-mode-on-hook
               'auto-save-visited-mode-off-hook))
  (default-value 'auto-save-visited-mode))

(defvar auto-save-visited-mode-hook nil)

(provide 'files)

;;; files.el ends here
