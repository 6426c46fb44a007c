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
  "Whether buffers that visit files start with auto-saving turned on."
  :group 'auto-save
  :type 'boolean)

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

(defun elisp4j--extension-dot (name)
  "Index of the period that starts NAME's extension, or nil if it has none.
NAME has no directory part; a period at its very start is no extension."
  (let ((dot (save-match-data (string-match "\\.[^.]*\\'" name))))
    (and dot (> dot 0) dot)))

(defun file-name-sans-extension (filename)
  "Return FILENAME with its extension removed.
The extension is the last period of the last name component (not at
its start) and what follows it, once backup version marks are ignored."
  (let* ((base (file-name-sans-versions (file-name-nondirectory filename)))
         (dot (elisp4j--extension-dot base)))
    (if (null dot)
        filename
      (concat (file-name-directory filename) (substring base 0 dot)))))

(defun file-name-extension (filename &optional period)
  "Return the extension of FILENAME, without its period unless PERIOD.
Nil when there is none, or \"\" then if PERIOD is non-nil."
  (let* ((base (file-name-sans-versions (file-name-nondirectory filename)))
         (dot (elisp4j--extension-dot base)))
    (cond (dot (substring base (if period dot (1+ dot))))
          (period ""))))

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

(defun elisp4j--missing-directories (dir)
  "Return DIR and its ancestors up to the first that exists, outermost first."
  (let ((missing nil)
        (parent nil))
    (setq dir (directory-file-name (expand-file-name dir)))
    (while (and (not (file-exists-p dir))
                (not (equal dir (setq parent (directory-file-name
                                              (file-name-directory dir))))))
      (push dir missing)
      (setq dir parent))
    missing))

(defun make-directory (dir &optional parents)
  "Make the directory DIR.
With PARENTS non-nil, also make any missing ancestors, and let DIR exist
already."
  (let ((handler (find-file-name-handler dir 'make-directory)))
    (cond (handler (funcall handler 'make-directory dir parents))
          ((not parents) (make-directory-internal dir))
          (t (dolist (d (elisp4j--missing-directories dir))
               ;; Someone else may make it meanwhile.
               (condition-case err
                   (make-directory-internal d)
                 (file-already-exists
                  (or (file-directory-p d) (signal (car err) (cdr err))))))
             nil))))

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
  "Make a new file with a unique name and return that name.
The name is PREFIX, taken relative to `temporary-file-directory', then
random characters, then SUFFIX.  DIR-FLAG non-nil makes a directory
instead; TEXT, a string, becomes the new file's contents."
  (let* ((tmpdir temporary-file-directory)
         (start (if (member prefix '(nil "" "." ".."))
                    (concat (file-name-as-directory tmpdir) prefix)
                  (expand-file-name prefix tmpdir))))
    (cond ((find-file-name-handler start 'write-region)
           (files--make-magic-temp-file start dir-flag suffix text))
          (t (make-temp-file-internal start (and dir-flag t) (or suffix "") text)))))

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
  "Remove the current buffer's auto-save file if `delete-auto-save-files' allows.
Only an auto-save file written by this session since the last real
save goes, unless FORCE is non-nil.  Always returns nil."
  (when (and delete-auto-save-files
             buffer-auto-save-file-name
             (not (string= buffer-file-name buffer-auto-save-file-name))
             (or force (recent-auto-save-p)))
    (ignore-error file-error
      (delete-file buffer-auto-save-file-name))
    (set-buffer-auto-saved))
  nil)

(defun rename-auto-save-file ()
  "Recompute the buffer's auto-save file name after its visited name changed.
An auto-save file this session already wrote under the old name moves
to the new one."
  (let* ((old buffer-auto-save-file-name)
         (new (setq buffer-auto-save-file-name (make-auto-save-file-name))))
    (when (and old new
               (not (or (string= new old) (string= new buffer-file-name)))
               (file-exists-p old)
               (recent-auto-save-p))
      (rename-file old new t))))

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
  "Run `recover-file' on the file the current buffer visits."
  (interactive)
  (let ((visited buffer-file-name))
    (unless visited
      (user-error "This buffer is not visiting a file"))
    (recover-file visited)))

(defun elisp4j--recover-check (file autosave)
  "Signal why FILE cannot be recovered from AUTOSAVE, if it cannot.
AUTOSAVE must exist, and be newer than FILE when FILE exists."
  (let ((have-autosave (file-exists-p autosave)))
    (cond ((not (file-exists-p file))
           (unless have-autosave
             (user-error "Auto-save file %s not current"
                         (abbreviate-file-name autosave))))
          ((not have-autosave)
           (error "Auto save file %s does not exist"
                  (abbreviate-file-name autosave)))
          ((not (file-newer-than-file-p autosave file))
           (user-error "Auto-save file %s not current"
                       (abbreviate-file-name autosave))))))

(defun elisp4j--recover-confirm (file autosave)
  "List FILE and AUTOSAVE in a *Directory* window and ask about recovering.
Returns the answer; the window goes away once answered."
  (let ((switches dired-listing-switches))
    (when (file-symlink-p file)
      (setq switches (concat switches " -L")))
    (with-temp-buffer-window "*Directory*" nil
        (lambda (win _value)
          (with-selected-window win
            (unwind-protect
                (yes-or-no-p (format "Recover auto save file %s? " autosave))
              (if (window-live-p win)
                  (quit-restore-window win 'kill)))))
      (with-current-buffer standard-output
        ;; Either file may be missing (FILE is, for a buffer that
        ;; visited none), so list them the forgiving way.
        (mapc (lambda (f) (insert-directory-safely f switches))
              (list file autosave))))))

(defun recover-file (file)
  "Visit FILE, taking its text from its auto-save file instead of from FILE.
Both files are listed in a *Directory* window while you confirm;
saying no signals a `user-error'."
  (interactive "FRecover file: ")
  (setq file (expand-file-name file))
  (when (auto-save-file-name-p (file-name-nondirectory file))
    (user-error "%s is an auto-save file" (abbreviate-file-name file)))
  (let ((autosave (let ((buffer-file-name file))
                    (make-auto-save-file-name))))
    (elisp4j--recover-check file autosave)
    (unless (elisp4j--recover-confirm file autosave)
      (user-error "Recover-file canceled"))
    (switch-to-buffer (find-file-noselect file t))
    ;; The visited file's coding system survives reading the
    ;; auto-save text, which has its own decoding.
    (let* ((kept-coding buffer-file-coding-system)
           (coding-system-for-read 'auto-save-coding)
           (inhibit-read-only t))
      (erase-buffer)
      (insert-file-contents autosave nil)
      (set-buffer-file-coding-system kept-coding)
      (set-buffer-auto-saved))
    (after-find-file nil nil t)))

(defvar dired-mode-hook)

(defun elisp4j--session-files-p ()
  "Non-nil when some session file starts with `auto-save-list-file-prefix'.
Makes the prefix's directory if it is missing."
  (let* ((prefix auto-save-list-file-prefix)
         (stem (file-name-nondirectory prefix))
         (dir (file-name-directory prefix)))
    (or (file-directory-p dir)
        (make-directory dir t))
    (directory-files dir nil
                     (if (equal stem "")
                         directory-files-no-dot-files-regexp
                       (concat "\\`" (regexp-quote stem)))
                     t)))

(defun recover-session ()
  "Offer the session files of earlier Emacs sessions in Dired, newest first.
On a session's line, C-c C-c asks which of its auto-saved files to recover."
  (interactive)
  (unless auto-save-list-file-prefix
    (error "You set `auto-save-list-file-prefix' to disable making session files"))
  (unless (elisp4j--session-files-p)
    (error "No previous sessions to recover"))
  (require 'dired)
  ;; Users may have put `dired-omit-mode' on the hook; it would hide
  ;; the session files.
  (let ((dired-mode-hook (delete 'dired-omit-mode dired-mode-hook)))
    (dired (concat auto-save-list-file-prefix "*")
           (concat dired-listing-switches " -t")))
  (let ((map (make-sparse-keymap)))
    (set-keymap-parent map (current-local-map))
    (use-local-map map)
    (define-key map "\C-c\C-c" 'recover-session-finish))
  (save-excursion
    (goto-char (point-min))
    (unless (looking-at " Move to the session you want to recover,")
      ;; Like Dired's own lines, the help lines start with a space.
      (let ((inhibit-read-only t)
            (help (concat " To delete a session file, type "
                          "\\[dired-flag-file-deletion] on its line to flag\n"
                          " the file for deletion, then "
                          "\\[dired-do-flagged-delete] to delete flagged files.\n\n")))
        (insert " To recover a session, move to it and type C-c C-c.\n"
                (substitute-command-keys help))))))

(defun elisp4j--take-line ()
  "Return the text of the line at point, moving point to the next line."
  (let ((start (point)))
    (forward-line 1)
    (buffer-substring-no-properties
     start (save-excursion (goto-char start) (line-end-position)))))

(defun elisp4j--session-recoverable ()
  "Return the files the session file in the current buffer can recover.
Each auto-saved buffer has two lines: the file it visited (empty for
none; a name is then made from the auto-save name #NAME#) and its
auto-save file.  Buffers whose auto-save file is gone are skipped."
  (goto-char (point-min))
  (let (found)
    (while (not (eobp))
      (let* ((visited (elisp4j--take-line))
             (autosave (elisp4j--take-line))
             (target (cond ((not (equal visited "")) visited)
                           ((not (equal autosave ""))
                            (expand-file-name
                             (substring (file-name-nondirectory autosave) 1 -1)
                             (file-name-directory autosave))))))
        (and target
             (file-exists-p autosave)
             (push target found))))
    (nreverse found)))

(defun recover-session-finish ()
  "Recover files from the session file on the current line of `recover-session'.
Asks about each file whose auto-save file still exists."
  (interactive)
  (let ((session (dired-get-filename))
        (scratch (get-buffer-create " *recover*")))
    (dired-unmark 1)
    (dired-do-flagged-delete t)
    (unwind-protect
        (with-current-buffer scratch
          (erase-buffer)
          (insert-file-contents session)
          (let ((files (elisp4j--session-recoverable)))
            (if (null files)
                (message "No files can be recovered from this session now")
              (map-y-or-n-p "Recover %s? "
                            (lambda (f)
                              ;; A file that fails is passed over.
                              (ignore-errors (save-excursion (recover-file f))))
                            files
                            '("file" "files" "recover")))))
      (kill-buffer scratch))))

;;;; Directory listings.

(defvar insert-directory-program "ls"
  "The `ls'-like program `insert-directory' runs.")
(defvar insert-directory-ls-version 'unknown
  "How the version of `ls' compares with 5.2.1 (`<', `=', `>'), nil if not GNU ls.")
(defvar dired-listing-switches "-al"
  "Switches passed to `ls' for Dired (defined again by dired.el).")

(defvar directory-listing-before-filename-regexp
  ;; An `ls -l' line has the file's size, then its date in one of
  ;; several locale styles, then the name; this matches up to the name.
  (let* ((letter "\\([A-Za-z]\\|[^\0-\177]\\)")
         (mon (let ((c "\\([A-Za-z']\\|[^\0-\177]\\)")) (concat c c "+\\.?")))
         (year "[0-9][0-9][0-9][0-9]")
         (day "[ 0-3][0-9]")
         (month-number "[ 0-1]?[0-9]")
         (clock "[ 0-2][0-9][:.][0-5][0-9]")
         (numeric-day "[01][0-9]-[0-3][0-9]")
         (styles
          (list
           ;; Locale-free styles: "Jan 31 12:00", "31. Jan 2020" and so on.
           (format "\\(%s +%s\\|%s\\.? %s\\) +\\(%s\\|%s\\)"
                   mon day day mon clock year)
           (format "%s +%s, +%s" mon day year)
           (format "%s-%s-%s %s" day mon year clock)
           ;; Chinese, Japanese and Korean styles put a letter after numbers.
           (format "\\(%s%s? %s%s? +\\|%s %s +\\)\\(%s\\|%s%s?\\)"
                   month-number letter day letter day month-number
                   clock year letter)))
         (iso (format "\\(\\(%s-\\)?%s[ T]%s\\(:%s\\( ?%s\\)?\\)?\\|%s-%s\\)"
                      year numeric-day clock
                      "[0-6][0-9]\\([.,][0-9]+\\)?" "[-+][0-2][0-9][0-5][0-9]"
                      year numeric-day))
         (size "[0-9][BkKMGTPEZY]? "))
    (format "\\(%s%s\\|.*%s\\(%s\\)\\) +"
            size iso size (mapconcat #'identity styles "\\|")))
  "Regexp matching an `ls -l' line from its start up to the file name.")

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

(defun elisp4j--dired-switch-p (switches)
  "Non-nil if SWITCHES (a string or a list of strings) include \"--dired\"."
  (cond ((stringp switches) (string-match "--dired\\>" switches))
        (t (member "--dired" switches))))

(defun elisp4j--kill-whole-line ()
  "Delete from point to the start of the next line."
  (delete-region (point) (line-beginning-position 2)))

(defun elisp4j--dired-trailer-p ()
  "Non-nil if the `ls --dired' output before point ends with its //DIRED// line."
  (save-excursion
    (forward-line -2)
    (if (looking-at "//SUBDIRED//") (forward-line -1))
    (looking-at "//DIRED//")))

(defun insert-directory-clean (beg switches)
  "Fold the trailer of the `ls --dired' listing after BEG into text properties.
Every file name gets a non-nil `dired-filename' property, and the
//DIRED//, //SUBDIRED// and //DIRED-OPTIONS// lines are deleted.  Does
nothing unless SWITCHES include \"--dired\"."
  (when (elisp4j--dired-switch-p switches)
    (forward-line -2)
    (when (looking-at "//SUBDIRED//")
      (elisp4j--kill-whole-line)
      (forward-line -1))
    (if (not (looking-at "//DIRED//"))
        (forward-line 1)
      (let ((trailer (point))
            (eol (line-end-position))
            (offsets nil))
        (forward-char 9)                ; past "//DIRED//"
        (while (progn (skip-chars-forward " ") (< (point) eol))
          (push (read (current-buffer)) offsets))
        (setq offsets (nreverse offsets))
        ;; Byte offsets come in pairs: where a name starts and ends.
        (while offsets
          (let* ((from (files--byte-offset-position beg (pop offsets)))
                 (to (files--byte-offset-position beg (pop offsets))))
            (if (memq (char-after to) '(?\s ?\n))
                (put-text-property from to 'dired-filename t)
              ;; The offsets do not fit the text: mark nothing.
              (put-text-property beg trailer 'dired-filename nil))))
        (goto-char trailer)
        (elisp4j--kill-whole-line)))
    (when (looking-at "//DIRED-OPTIONS//")
      (elisp4j--kill-whole-line))))

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
      (let ((beg (point))
            (result nil))
        (cond
         (wildcard
          (setq result (elisp4j--ls-wildcard file switches)))
         (t
          ;; Without -d, `ls' would list a directory's contents.
          (unless full-directory-p
            (setq switches (elisp4j--ls-switches-with-d switches)))
          (when (string-prefix-p "~" file)
            (setq file (expand-file-name file)))
          (setq result (elisp4j--ls-file file switches))))
        ;; A "//DIRED//" trailer means a real listing came, whatever the status.
        (when (and (elisp4j--dired-switch-p switches) (elisp4j--dired-trailer-p))
          (setq result 0))
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
        (if full-directory-p
            (elisp4j--total-line-with-space beg file))))))

(defun elisp4j--ls-switches-with-d (switches)
  "Return SWITCHES (a string or a list of strings) with \"-d\" among them."
  (if (stringp switches)
      (concat switches " -d")
    (if (member "-d" switches) switches (append switches (list "-d")))))

(defun elisp4j--ls-file (file switches)
  "Insert what `insert-directory-program' prints for FILE with SWITCHES.
Return the program's exit status."
  (let ((args (cond ((listp switches) switches)
                    ((equal switches "") nil)
                    (t (split-string-and-unquote switches)))))
    (apply #'call-process insert-directory-program nil t nil
           (append args (list "--" file)))))

(defun elisp4j--ls-wildcard (pattern switches)
  "Insert what `insert-directory-program' prints for wildcard PATTERN.
The shell expands the wildcard, from the directory of PATTERN's part
without wildcards.  Return the shell's exit status."
  (let* ((split (insert-directory-wildcard-in-dir-p pattern))
         (default-directory
           (if split
               (car split)
             (file-name-directory (if (file-name-absolute-p pattern)
                                      pattern
                                    (expand-file-name pattern)))))
         (glob (if split (cdr split) (file-name-nondirectory pattern)))
         (flags (if (stringp switches) switches (mapconcat #'identity switches " "))))
    ;; The leading backslash stops the shell from using an alias.
    (call-process shell-file-name nil t nil shell-command-switch
                  (format "\\%s -d %s -- %s" insert-directory-program flags
                          (shell-quote-wildcard-pattern glob)))))

(defun elisp4j--total-line-with-space (beg dir)
  "Make the \"total\" line of the listing after BEG tell the free space of DIR.
It reads \"total used in directory N available M\" afterwards."
  (save-excursion
    (goto-char beg)
    (if (re-search-forward "^ *\\(total\\)" nil t)
        (let (free)
          (replace-match "total used in directory" nil nil nil 1)
          (setq free (get-free-disk-space dir))
          (if free
              (progn (end-of-line) (insert " available " free)))))))

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
  (let ((step (if (memq flavor '(nil iec)) 1024.0 1000.0))
        (scale 0))
    (while (and (< scale 8) (>= file-size step))
      (setq scale (1+ scale)
            file-size (/ file-size step)))
    (let* ((prefix (aref ["" "k" "M" "G" "T" "P" "E" "Z" "Y"] scale))
           (suffix (cond ((not (eq flavor 'iec)) (concat prefix unit))
                         ((= scale 0) (or unit "B"))
                         ((= scale 1) (concat "Ki" (or unit "B")))
                         (t (concat prefix "i" (or unit "B")))))
           (frac (mod file-size 1.0))
           ;; One decimal only when it shows something.
           (digits (if (and (>= frac 0.05) (< frac 0.95)) "%.1f" "%.0f")))
      (format (concat digits "%s%s")
              file-size (if (equal suffix "") "" (or space "")) suffix))))

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

(defcustom find-file-run-dired t
  "Whether `find-file' may visit a directory, through `find-directory-functions'."
  :type 'boolean
  :group 'find-file)

(defcustom find-directory-functions '(cvs-dired-noselect dired-noselect)
  "Functions tried in turn to visit a directory.
Each gets the directory name and returns a buffer, or nil to pass."
  :type '(hook :options (cvs-dired-noselect dired-noselect))
  :group 'find-file)

(defun cvs-dired-noselect (dir)
  "Visit DIR with PCL-CVS when it is a CVS administrative directory, else return nil.
PCL-CVS itself (`cvs-examine') is not part of elisp4j."
  (when (stringp dir)
    (setq dir (directory-file-name dir))
    (when (and (equal (file-name-nondirectory dir) "CVS")
               (file-readable-p (expand-file-name "Entries" dir)))
      (cvs-examine (file-name-directory dir) t))))

(defun find-file-noselect (filename &optional nowarn rawfile wildcards)
  "Read file FILENAME into a buffer and return the buffer.
If a buffer exists visiting FILENAME, return that one.  A directory is
visited with `find-directory-functions' when `find-file-run-dired' allows."
  (ignore wildcards)
  (setq filename (abbreviate-file-name (expand-file-name filename)))
  (if (file-directory-p filename)
      (or (and find-file-run-dired
               (run-hook-with-args-until-success
                'find-directory-functions
                (if find-file-visit-truename
                    (abbreviate-file-name (file-truename filename))
                  filename)))
          (error "%s is a directory" filename))
    (elisp4j--find-file-noselect-1 filename nowarn rawfile)))

(defun elisp4j--find-file-noselect-1 (filename nowarn rawfile)
  "Visit the file (not directory) FILENAME for `find-file-noselect'."
  (let* ((truename (abbreviate-file-name (file-truename filename)))
         (buf (or (get-file-buffer filename) (find-buffer-visiting filename))))
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
              (when (elisp4j--visit-read filename t)
                (setq buffer-file-name filename))
              (set-buffer-multibyte nil)
              ;; Fundamental mode (or the default mode), then the literal settings.
              (set-buffer-major-mode buf)
              (setq buffer-file-coding-system 'no-conversion)
              (setq-local find-file-literally t))
          (let ((missing (elisp4j--visit-read filename nil)))
            (setq buffer-file-truename truename)
            (setq default-directory (file-name-directory buffer-file-name))
            ;; No backups for files the predicate refuses (e.g. under /tmp).
            (when (and buffer-file-name backup-enable-predicate
                       (not (funcall backup-enable-predicate buffer-file-name)))
              (setq-local backup-inhibited t))
            (after-find-file missing (not nowarn))))
        (unless buffer-file-truename
          (setq buffer-file-truename truename))
        (setq default-directory (file-name-directory buffer-file-name))))

(defun elisp4j--visit-read (filename literally)
  "Read FILENAME into the current buffer, which is to visit it.
LITERALLY non-nil reads raw bytes.  Return non-nil if FILENAME could
not be read because it does not exist; if it exists but may not be
read, kill the buffer and signal `file-error'."
  (condition-case nil
      (let ((inhibit-read-only t))
        (if literally
            (insert-file-contents-literally filename t)
          (insert-file-contents filename t))
        nil)
    (file-error
     (if (and (file-exists-p filename) (not (file-readable-p filename)))
         (progn (kill-buffer (current-buffer))
                (signal 'file-error (list "File is not readable" filename)))
       t))))

(defun elisp4j--after-find-note (error)
  "Return what to tell about the file just visited, as (TEXT . PAUSE), or nil.
ERROR non-nil means it could not be read.  PAUSE non-nil asks for a
second's pause after showing TEXT.  Clears `buffer-read-only' when the
file could not be read and its directory is missing or unwritable."
  (let ((file buffer-file-name))
    (cond
     ((and error (file-exists-p file) (not (file-readable-p file)))
      (cons "File exists, but cannot be read" t))
     ((and error (file-symlink-p file))
      (cons "Symbolic link that points to nonexistent file" t))
     (buffer-read-only
      (cond ((not error) (list "Note: file is write protected"))
            ((file-accessible-directory-p default-directory)
             (cons "File not found and directory write-protected" t))
            (t (setq buffer-read-only nil)
               (and (not (file-directory-p default-directory))
                    (cons (concat "Use M-x make-directory RET RET to create "
                                  "the directory and its parents")
                          t)))))
     ((and (not auto-save-visited-file-name)
           (file-newer-than-file-p
            (or buffer-auto-save-file-name (make-auto-save-file-name))
            file))
      (cons (format "%s has auto save data; consider M-x recover-this-file"
                    (file-name-nondirectory file))
            t))
     (error (list "(New file)")))))

(defun after-find-file (&optional error warn noauto _after-find-file-from-revert-buffer nomodes)
  "Called after finding a file and by the default revert function.
Sets buffer-read-only, warns about auto-save data and new files, turns on
auto-save (not in batch mode) and sets the major mode."
  (setq buffer-read-only (not (file-writable-p buffer-file-name)))
  (unless noninteractive
    (let ((note (and warn (elisp4j--after-find-note error))))
      (when note
        (message "%s" (car note))
        (if (cdr note) (sit-for 1 t))))
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
  (unless (inhibit-local-variables-p)
    (let ((limit (line-end-position (if (looking-at file-auto-mode-skip) 2 1))))
      (when (search-forward "-*-" limit t)
        (let ((start (progn (skip-chars-forward " \t") (point))))
          (when (search-forward "-*-" (line-end-position) t)
            (goto-char (match-beginning 0))
            (skip-chars-backward " \t")
            (prog1 (point)
              (goto-char start))))))))

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
  "Do what `insert-file-contents' does with the same arguments, on raw bytes.
No decoding, format conversion or after-insert functions, and the
handlers that uncompress, decrypt or display images stay out."
  (let ((inhibit-file-name-operation 'insert-file-contents)
        (inhibit-file-name-handlers
         (cons 'jka-compr-handler
               (cons 'image-file-handler
                     (cons 'epa-file-handler inhibit-file-name-handlers))))
        (coding-system-for-write 'no-conversion)
        (coding-system-for-read 'no-conversion)
        (after-insert-file-functions nil)
        (format-alist nil))
    (insert-file-contents filename visit beg end replace)))

(defvar after-insert-file-functions nil "Functions to call after `insert-file-contents' inserts text.")

;;;; Saving.

(defun save-buffer (&optional arg)
  "Save current buffer in visited file if modified."
  (interactive "p")
  (let* ((changed (buffer-modified-p))
         (back-up-old (memq arg '(16 64)))
         (back-up-next (memq arg '(4 64)))
         (make-backup-files (if back-up-old t
                              (and make-backup-files (not (eq arg 0))))))
    (when changed
      (if back-up-old (setq buffer-backed-up nil))
      (unless (or noninteractive save-silently)
        (message "Saving file %s..." (buffer-file-name))))
    (basic-save-buffer (called-interactively-p 'any))
    (if (and changed back-up-next)
        (setq buffer-backed-up nil))))

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

(defun elisp4j--save-allowed ()
  "Signal an error unless the visited file may be written.
For a write-protected file, ask; return non-nil if the user wants to
save anyway (by making it writable for the owner)."
  (let ((file buffer-file-name))
    (unless (file-writable-p file)
      (let ((dir (file-name-directory file)))
        (cond ((not (file-directory-p dir))
               (error (if (file-exists-p dir) "%s is not a directory"
                        "%s: no such directory")
                      dir))
              ((not (file-exists-p file))
               (error "Directory %s write-protected" dir))
              ((not (yes-or-no-p
                     (format "File %s is write-protected; try to save anyway? "
                             (file-name-nondirectory file))))
               (error "Attempt to save to a file that you aren't allowed to write"))
              (t t))))))

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
  "Write the current buffer to its file, after backing up the old one if due.
Return the file modes `backup-buffer' wants restored, if any."
  (let* ((force-writable (elisp4j--save-allowed))
         (modes (unless buffer-backed-up (backup-buffer)))
         (file buffer-file-name)
         (dir (file-name-directory file)))
    (cond
     ((and file-precious-flag (file-writable-p dir))
      ;; Write a fresh file, then move it over the old one.
      (let ((temp (make-temp-file (expand-file-name "tmp" dir))))
        (write-region nil nil temp nil file nil 'excl)
        (rename-file temp file t)
        (set-visited-file-modtime)))
     (t
      (when (and force-writable (not modes))
        (set-file-modes file (logior #o200 (or (file-modes file) 0))))
      (write-region nil nil file nil t buffer-file-truename)))
    modes))

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

(defun elisp4j--save-candidate-p (buffer pred)
  "Non-nil if `save-some-buffers', called with PRED, should offer BUFFER.
It must be live, modified and not indirect, and visit a file or offer
saving itself; a function PRED must also approve it."
  (and (buffer-live-p buffer)
       (not (buffer-base-buffer buffer))
       (buffer-modified-p buffer)
       (with-current-buffer buffer
         (and (or buffer-file-name
                  (eq buffer-offer-save 'always)
                  (and pred buffer-offer-save (> (buffer-size) 0)))
              (or (not (functionp pred)) (funcall pred))))))

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
               (when (elisp4j--save-candidate-p buffer pred)
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
  "Return the name of FILE's backup, less its final `~'.
The first entry of `backup-directory-alist' whose regexp matches FILE
gives the directory.  A relative one is taken under FILE's directory
and gets FILE's own name; an absolute one gets FILE's whole name with
each / turned into ! (and each ! doubled).  With no entry, or if that
directory cannot be made, the backup sits next to FILE."
  (let* ((rule (assoc file backup-directory-alist
                      (lambda (regexp name) (string-match regexp name))))
         (where (cdr rule))
         (dir (and where (expand-file-name where (file-name-directory file)))))
    (and dir
         (not (file-exists-p dir))
         (condition-case nil
             (make-directory dir 'parents)
           (file-error (setq where nil))))
    (cond ((null where) file)
          ((file-name-absolute-p where)
           (let ((flat (string-replace "!" "!!" (expand-file-name file))))
             (expand-file-name (subst-char-in-string ?/ ?! flat)
                               (file-name-as-directory dir))))
          (t (expand-file-name (file-name-nondirectory file)
                               (file-name-as-directory dir))))))

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
                            (elisp4j--take excess (nthcdr kept-old-versions numbers))))))))))))

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

(defun elisp4j--revert-without-query-p (file)
  "Non-nil if FILE matches one of the regexps of `revert-without-query'."
  (let ((regexps revert-without-query)
        (hit nil))
    (while (and regexps (not hit))
      (setq hit (string-match (car regexps) file)
            regexps (cdr regexps)))
    hit))

(defun revert-buffer--default (ignore-auto noconfirm)
  "Revert the usual way: reread the visited file, or the auto-save file.
The auto-save file is offered when it is recent and IGNORE-AUTO is nil.
Asks first unless NOCONFIRM, or the buffer is unmodified and its file
is in `revert-without-query'.  Returns t once the buffer was reverted."
  (let* ((use-auto-save
          (and (not ignore-auto)
               (recent-auto-save-p)
               buffer-auto-save-file-name
               (file-readable-p buffer-auto-save-file-name)
               (y-or-n-p (concat "Buffer has been auto-saved recently.  "
                                 "Revert from auto-save file? "))))
         (source (if use-auto-save buffer-auto-save-file-name buffer-file-name)))
    (unless source
      (error "Buffer does not seem to be associated with any file"))
    (when (or noconfirm
              (and (not (buffer-modified-p))
                   (elisp4j--revert-without-query-p source))
              (yes-or-no-p (format "Revert buffer from file %s? " source)))
      (run-hooks 'before-revert-hook)
      (or use-auto-save
          (file-exists-p source)
          (error "File %s no longer exists!" source))
      (let ((buffer-read-only nil))
        (funcall revert-buffer-insert-file-contents-function source use-auto-save))
      (after-find-file nil nil t nil revert-buffer-preserve-modes)
      (run-hooks 'after-revert-hook)
      t)))

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
