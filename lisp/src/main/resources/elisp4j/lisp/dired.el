;;; dired.el --- directory editing, a minimal Dired  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j after the behaviour of GNU
;; Emacs's dired.el: a Dired buffer lists a directory (or the files
;; matching a wildcard) as `ls' shows it, through `insert-directory';
;; files can be visited, marked, flagged and deleted.  This covers what
;; `recover-session' and everyday scripts use: listing, moving between
;; files, `dired-get-filename', marks and flags, deletion, reverting.
;; Subdirectory insertion, renaming, copying and the other commands of
;; dired-aux.el are not here.

;;; Code:

(defgroup dired nil "Directory editing." :group 'files)

(defcustom dired-listing-switches "-al"
  "Switches passed to `ls' for Dired.  MUST contain the `l' option."
  :type 'string :group 'dired)
(defcustom dired-use-ls-dired 'unspecified
  "Non-nil means Dired should pass the \"--dired\" option to \"ls\".
`unspecified' means to find out whether `ls' accepts it, once."
  :type '(choice (const nil) (const t) (const unspecified)) :group 'dired)
(defcustom dired-trivial-filenames "\\`\\.\\.?\\'\\|\\`\\.?#"
  "Regexp of files to skip when finding the first file of a directory."
  :type '(choice regexp (const nil)) :group 'dired)
(defcustom dired-mode-hook nil "Run at the very end of `dired-mode'." :type 'hook :group 'dired)
(defcustom dired-before-readin-hook nil
  "This hook is run before a Dired buffer is read in (created or reverted)."
  :type 'hook :group 'dired)
(defcustom dired-after-readin-hook nil
  "Hook run after each time a file or directory is read by Dired."
  :type 'hook :group 'dired)
(defcustom dired-initial-position-hook nil
  "This hook is used to position the point."
  :type 'hook :group 'dired)
(defcustom dired-recursive-deletes 'top
  "Whether Dired deletes directories recursively.
nil never; `always' without asking; `top' asking once per directory
given; anything else asking for each directory."
  :type 'symbol :group 'dired)
(defcustom dired-no-confirm nil
  "A list of symbols for commands Dired should not confirm, or t."
  :type 'sexp :group 'dired)
(defcustom dired-auto-revert-buffer nil
  "Non-nil means revert an existing Dired buffer when it is visited again."
  :type 'sexp :group 'dired)
(defcustom dired-switches-in-mode-line nil
  "How to show `dired-actual-switches' in the mode line (see `dired-sort-set-mode-line')."
  :type 'sexp :group 'dired)

(defvar dired-marker-char ?*
  "In Dired, the current mark character.")
(defvar dired-del-marker ?D
  "Character used to flag files for deletion.")
(defvar dired-deletion-confirmer 'yes-or-no-p
  "Function asking whether the flagged files may be deleted.")
(defvar-local dired-directory nil
  "The directory name or wildcard spec that this Dired buffer lists.
A list (DIR FILE...) lists just those files.")
(defvar-local dired-actual-switches nil
  "The value of `dired-listing-switches' used to make this buffer's text.")
(defvar-local dired-subdir-alist nil
  "Alist of (DIRECTORY . MARKER) of the directories in this Dired buffer.")
(defvar dired-buffers nil
  "Alist of expanded directories and their Dired buffers.")
(defvar dired-re-mark "^[^ \n]" "Regexp matching a marked line.")
(defvar dired-re-maybe-mark "^. " "Regexp matching the mark column of a line.")
(defvar dired-re-inode-size "[0-9 \t]*[.,0-9]*[BkKMGTPEZY]?[ \t]*"
  "Regexp matching the optional inode number and size columns.")
(defvar dired-re-dir (concat dired-re-maybe-mark dired-re-inode-size "d[^:]")
  "Regexp matching the line of a directory.")
(defvar dired-re-perms "[-bcdlps][-r][-w].[-r][-w].[-r][-w]."
  "Regexp matching the permission string of `ls -l'.")
(defvar dired-re-dot "^.* \\.\\.?/?$" "Regexp matching the lines of `.' and `..'.")
(defvar dired-permission-flags-regexp
  "\\([^ ]\\)[-r][-w]\\([^ ]\\)[-r][-w]\\([^ ]\\)[-r][-w]\\([^ ]\\)"
  "Regular expression to match the permission flags in `ls -l'.")
(defvar dired-subdir-regexp "^. \\(.+\\)\\(:\\)\n\\|^. \\(.+\\)\\(:\\)\\'"
  "Regexp matching a header line of a (sub)directory listing.")
(defvar dired-ls-sorting-switches "SXU"
  "`ls' switches other than \"t\" that change the sorting.")
(defvar dired-sort-by-date-regexp
  (concat "\\(\\`\\| \\)-[^- ]*t[^ " dired-ls-sorting-switches "]*"
          "\\(\\(\\`\\| +\\)\\(--[^ ]+\\|-[^- t" dired-ls-sorting-switches "]+\\)\\)* *$")
  "Regexp matching switches that sort by date.")
(defvar dired-sort-by-name-regexp
  (concat "\\`\\(\\(\\`\\| +\\)\\(--[^ ]+\\|-[^- t" dired-ls-sorting-switches "]+\\)\\)* *$")
  "Regexp matching switches that sort by name.")

(defvar dired-mode-map
  (let ((map (make-keymap)))
    (set-keymap-parent map special-mode-map)
    (define-key map "D" 'dired-do-delete)
    (define-key map "U" 'dired-unmark-all-marks)
    (define-key map "*m" 'dired-mark)
    (define-key map "*u" 'dired-unmark)
    (define-key map "*!" 'dired-unmark-all-marks)
    (define-key map "*%" 'dired-mark-files-regexp)
    (define-key map "%m" 'dired-mark-files-regexp)
    (define-key map "%d" 'dired-flag-files-regexp)
    (define-key map "*\177" 'dired-unmark-backward)
    (define-key map "*t" 'dired-toggle-marks)
    (define-key map "d" 'dired-flag-file-deletion)
    (define-key map "e" 'dired-find-file)
    (define-key map "f" 'dired-find-file)
    (define-key map "\C-m" 'dired-find-file)
    (define-key map "g" 'revert-buffer)
    (define-key map "j" 'dired-goto-file)
    (define-key map "m" 'dired-mark)
    (define-key map "n" 'dired-next-line)
    (define-key map "o" 'dired-find-file-other-window)
    (define-key map "p" 'dired-previous-line)
    (define-key map "s" 'dired-sort-toggle-or-edit)
    (define-key map "t" 'dired-toggle-marks)
    (define-key map "u" 'dired-unmark)
    (define-key map "x" 'dired-do-flagged-delete)
    (define-key map "^" 'dired-up-directory)
    (define-key map " " 'dired-next-line)
    (define-key map "\177" 'dired-unmark-backward)
    map)
  "Local keymap for Dired mode buffers.")

;;;; Making Dired buffers.

(defun dired (dirname &optional switches)
  "Edit directory DIRNAME: show its listing in the selected window.
DIRNAME may end in a wildcard to list only the matching files, or
be a list (DIR FILE...) to list those files.  SWITCHES (default
`dired-listing-switches') are passed to `ls'.  \\<dired-mode-map>
Flag files with \\[dired-flag-file-deletion] and delete them with \\[dired-do-flagged-delete]."
  (interactive "DDired (directory): ")
  (pop-to-buffer-same-window (dired-noselect dirname switches)))

(defun dired-other-window (dirname &optional switches)
  "Like `dired', but show the listing in another window."
  (interactive "DDired in other window (directory): ")
  (switch-to-buffer-other-window (dired-noselect dirname switches)))

(defun dired-noselect (dir-or-list &optional switches)
  "Like `dired', but return the Dired buffer without selecting it."
  (or dir-or-list (setq dir-or-list default-directory))
  (let* ((dirname (if (consp dir-or-list) (car dir-or-list) dir-or-list))
         (was-dirname (string= (file-name-as-directory dirname) dirname)))
    (setq dirname (abbreviate-file-name (expand-file-name (directory-file-name dirname))))
    (when find-file-visit-truename
      (setq dirname (file-truename dirname)))
    (when (or was-dirname (file-directory-p dirname))
      (setq dirname (file-name-as-directory dirname)))
    (dired-internal-noselect
     (if (consp dir-or-list) (cons dirname (cdr dir-or-list)) dirname)
     switches)))

(defun dired-internal-noselect (dir-or-list &optional switches mode)
  "Return the Dired buffer for DIR-OR-LIST, making and reading it if there is none.
An existing buffer is reverted if SWITCHES are given, if it lists
explicit files, or as `dired-auto-revert-buffer' says."
  (let* ((caller (current-buffer))
         (dirname (if (consp dir-or-list) (car dir-or-list) dir-or-list))
         (existing (dired-find-buffer-nocreate dirname mode))
         (buffer (or existing (create-file-buffer (directory-file-name dirname)))))
    (set-buffer buffer)
    (if existing
        (dired--refresh-for-visit dir-or-list switches dirname)
      (dired--fill-new-buffer buffer dir-or-list switches mode dirname))
    (set-buffer caller)
    buffer))

(defun dired--refresh-for-visit (dir-or-list switches dirname)
  "Bring the current Dired buffer for DIRNAME up to date when it is visited again.
See `dired-internal-noselect' for DIR-OR-LIST and SWITCHES."
  (let ((explicit (or (consp dir-or-list) (consp dired-directory))))
    (if (or switches explicit)
        (setq dired-directory dir-or-list))
    (cond
     (switches (dired-sort-other switches))
     ((or explicit (eq dired-auto-revert-buffer t)) (revert-buffer))
     ((functionp dired-auto-revert-buffer)
      (when (funcall dired-auto-revert-buffer dirname)
        (revert-buffer)
        (message "Changed directory automatically updated")))
     ((dired-directory-changed-p dirname)
      (message "%s" (substitute-command-keys
                     "Directory has changed on disk; type \\[revert-buffer] to update Dired"))))))

(defun dired--fill-new-buffer (buffer dir-or-list switches mode dirname)
  "Set up the fresh current BUFFER in MODE (default Dired mode) and read DIRNAME in.
BUFFER is killed again if the directory cannot be read."
  (setq default-directory
        (or (car-safe (insert-directory-wildcard-in-dir-p dirname))
            (file-name-directory dirname)))
  (if mode
      (funcall mode)
    (dired-mode dir-or-list (or switches dired-listing-switches)))
  (let ((read-in nil))
    (unwind-protect
        (progn (dired-readin)
               (setq read-in t))
      (unless read-in
        (kill-buffer buffer))))
  (goto-char (point-min))
  (dired-initial-position dirname))

(defun dired-directory-changed-p (dirname)
  "Return non-nil if directory DIRNAME changed since this buffer read it."
  (let ((recorded (visited-file-modtime))
        (attributes (file-attributes dirname)))
    (and (not (eq recorded 0))
         (eq t (file-attribute-type attributes))
         (not (equal recorded (file-attribute-modification-time attributes))))))

(defun dired-find-buffer-nocreate (dirname &optional mode)
  "Return a live Dired buffer (in MODE, default `dired-mode') listing DIRNAME, or nil."
  (setq dirname (expand-file-name dirname))
  (or mode (setq mode 'dired-mode))
  (catch 'found
    (dolist (elt dired-buffers)
      (let ((buf (cdr elt)))
        (when (buffer-name buf)
          (with-current-buffer buf
            (when (and (eq major-mode mode)
                       dired-directory
                       (equal dirname (expand-file-name (if (consp dired-directory)
                                                            (car dired-directory)
                                                          dired-directory))))
              (throw 'found buf))))))))

(defun dired--lists-file-p (dir file)
  "Return non-nil if the current Dired buffer lists FILE of DIR (nil FILE: anything).
A wildcard listing must match FILE; an explicit one must contain it."
  (cond ((null file) t)
        ((stringp dired-directory)
         (let ((pattern (file-name-nondirectory dired-directory)))
           (or (string= pattern "")
               (string-match-p (wildcard-to-regexp pattern) file))))
        (t (member (expand-file-name file dir) (cdr dired-directory)))))

(defun dired-buffers-for-dir (dir &optional file)
  "Return the live Dired buffers listing DIR, whose wildcard (if any) matches FILE.
Entries of killed buffers are dropped from `dired-buffers' on the way."
  (let ((dir (file-name-as-directory dir))
        (found nil))
    (dolist (entry dired-buffers)
      (let ((buffer (cdr entry)))
        (if (not (buffer-live-p buffer))
            (setq dired-buffers (delq entry dired-buffers))
          (and (dired-in-this-tree-p dir (car entry))
               (with-current-buffer buffer
                 (and (assoc dir dired-subdir-alist)
                      (dired--lists-file-p dir file)))
               (push buffer found)))))
    found))

(defun dired-in-this-tree-p (file dir)
  "Return non-nil if FILE is DIR or inside it (comparing the names)."
  (let (case-fold-search)
    (string-match-p (concat "^" (regexp-quote dir)) file)))

(defun dired-advertise ()
  "Record the current buffer in `dired-buffers' under its directory."
  (let ((dir (expand-file-name default-directory)))
    (unless (memq (current-buffer) (dired-buffers-for-dir dir))
      (push (cons dir (current-buffer)) dired-buffers))))

(defun dired-unadvertise (dir)
  "Forget the Dired buffer of DIR in `dired-buffers'."
  (setq dired-buffers (delq (assoc (expand-file-name dir) dired-buffers) dired-buffers)))

(defun dired-mode (&optional dirname switches)
  "Major mode for editing a directory listing.
Each line shows a file; the first column holds its mark: `*' for
marked, `D' for flagged for deletion.  \\<dired-mode-map>
\\[dired-mark] marks, \\[dired-unmark] unmarks, \\[dired-flag-file-deletion] flags for deletion, \\[dired-do-flagged-delete] deletes the
flagged files, \\[dired-find-file] visits the file, \\[revert-buffer] reads the directory again.
Not meant to be called interactively: DIRNAME is what the buffer
lists and SWITCHES the `ls' switches.  Runs `dired-mode-hook'."
  (kill-all-local-variables)
  (use-local-map dired-mode-map)
  (dired-advertise)
  (setq major-mode 'dired-mode
        mode-name "Dired"
        buffer-read-only t)
  (setq-local revert-buffer-function #'dired-revert)
  (setq-local page-delimiter "\n\n")
  (setq-local dired-directory (or dirname default-directory))
  (setq-local list-buffers-directory
              (expand-file-name (if (listp dired-directory) (car dired-directory) dired-directory)))
  (setq-local dired-actual-switches (or switches dired-listing-switches))
  (dired-sort-other dired-actual-switches t)
  (run-mode-hooks 'dired-mode-hook))

(defun dired-sort-set-mode-line ()
  "Make `mode-name' say how the listing is sorted."
  (when (eq major-mode 'dired-mode)
    (setq mode-name
          (let ((case-fold-search nil))
            (cond
             (dired-switches-in-mode-line
              (concat "Dired "
                      (if (functionp dired-switches-in-mode-line)
                          (funcall dired-switches-in-mode-line dired-actual-switches)
                        dired-actual-switches)))
             ((string-match-p dired-sort-by-name-regexp dired-actual-switches) "Dired by name")
             ((string-match-p dired-sort-by-date-regexp dired-actual-switches) "Dired by date")
             (t (concat "Dired " dired-actual-switches)))))))

(defun dired-sort-other (switches &optional no-revert)
  "Use SWITCHES as `dired-actual-switches'; revert the buffer unless NO-REVERT."
  (setq dired-actual-switches switches)
  (dired-sort-set-mode-line)
  (unless no-revert (revert-buffer)))

(defun dired-sort-toggle-or-edit (&optional arg)
  "Toggle sorting by date and read the directory again; with ARG, edit the switches."
  (interactive "P")
  (if arg
      (dired-sort-other (read-string "ls switches (must contain -l): " dired-actual-switches))
    (let ((by-date (string-match-p dired-sort-by-date-regexp dired-actual-switches))
          (case-fold-search nil))
      ;; Remove every -t, standing alone or among other short switches.
      (while (string-match "\\(\\`\\| \\)-\\([a-su-zA-Z]*\\)\\(t\\)\\([^ ]*\\)" dired-actual-switches)
        (setq dired-actual-switches
              (if (and (equal (match-string 2 dired-actual-switches) "")
                       (equal (match-string 4 dired-actual-switches) ""))
                  (replace-match "" t t dired-actual-switches)
                (replace-match "" t t dired-actual-switches 3))))
      (unless by-date
        (setq dired-actual-switches
              (concat dired-actual-switches
                      (if (string-match-p "\\`-[[:alnum:]]+\\'" dired-actual-switches) "t" " -t"))))
      (dired-sort-set-mode-line)
      (revert-buffer))))

;;;; Reading the directory in.

(defun dired--listed-directory ()
  "Return the absolute name of the directory (or wildcard) the current buffer lists."
  (expand-file-name (if (consp dired-directory) (car dired-directory) dired-directory)))

(defun dired--note-modtime (dirname)
  "Remember DIRNAME's modification time as the buffer's visited-file modtime."
  (let ((attributes (file-attributes dirname)))
    (if (eq t (file-attribute-type attributes))
        (set-visited-file-modtime (file-attribute-modification-time attributes)))))

(defun dired-readin ()
  "Erase the Dired buffer and insert the listing of `dired-directory' anew."
  (let ((dirname (dired--listed-directory)))
    (save-excursion
      (run-hooks 'dired-before-readin-hook)
      (when (consp buffer-undo-list)
        (setq buffer-undo-list nil))
      (widen)
      (let ((buffer-undo-list t)
            (inhibit-read-only t))
        (erase-buffer)
        (dired-readin-insert))
      (goto-char (point-min))
      (setq dired-subdir-alist nil)
      (dired-build-subdir-alist)
      (dired--note-modtime dirname)
      (set-buffer-modified-p nil)
      (run-hooks 'dired-after-readin-hook))))

(defun dired-readin-insert ()
  "Insert the listing of `dired-directory' at point."
  (let ((dir (dired--listed-directory))
        (file-list (and (consp dired-directory) (cdr dired-directory))))
    (if (and (equal "" (file-name-nondirectory dir)) (not file-list))
        (dired-insert-directory dir dired-actual-switches nil nil t)
      (if (and (not (insert-directory-wildcard-in-dir-p dir))
               (not (file-readable-p (directory-file-name (file-name-directory dir)))))
          (error "Directory %s inaccessible or nonexistent" dir))
      (dired-insert-directory dir dired-actual-switches file-list (not file-list) t))))

(defun dired--use-ls-dired-p ()
  "Return non-nil if `ls' is to be given \"--dired\", finding out once whether it accepts it."
  (if (eq dired-use-ls-dired 'unspecified)
      (or (setq dired-use-ls-dired
                (eq 0 (call-process insert-directory-program nil nil nil "--dired")))
          (progn
            (message "ls does not support --dired; see `dired-use-ls-dired' for more details.")
            nil))
    dired-use-ls-dired))

(defun dired-insert-directory (dir switches &optional file-list wildcard hdr)
  "Insert the listing of DIR, Dired style, made with `ls' SWITCHES.
FILE-LIST non-nil lists just those files; WILDCARD non-nil means
DIR ends in a wildcard.  HDR non-nil inserts a header line naming
the directory.  Every line is indented by two columns for the mark."
  (let ((start (point))
        (switches (if (dired--use-ls-dired-p) (concat "--dired " switches) switches)))
    (if (not file-list)
        (insert-directory dir switches wildcard (not wildcard))
      (dolist (file file-list)
        (insert-directory file switches nil nil)))
    (dired--indent-listing start (point))
    (let ((body (dired--insert-headers start dir (or hdr wildcard) wildcard)))
      (dired-insert-set-properties body (point)))))

(defun dired--indent-listing (start end)
  "Indent the nonempty lines between START and END by two columns for the marks.
Nothing is done if the first line has them already."
  (save-excursion
    (goto-char start)
    (unless (looking-at-p "  ")
      (let ((stop (copy-marker end)))
        (while (< (point) stop)
          (or (eolp) (insert "  "))
          (forward-line 1))
        (set-marker stop nil)))))

(defun dired--insert-headers (start dir header wildcard)
  "Insert at START the line naming DIR (if HEADER) and the WILDCARD line (if any).
A listing that starts with an absolute directory line gets no
second one.  Return where the file lines begin."
  (save-excursion
    (goto-char start)
    (let ((split (insert-directory-wildcard-in-dir-p dir))
          (body start))
      (when (and header
                 (not (and (looking-at "^  \\(.*\\):$")
                           (file-name-absolute-p (match-string 1)))))
        (insert "  " (or (car-safe split) (directory-file-name (file-name-directory dir))) ":\n")
        (setq body (point)))
      (if wildcard
          (insert "  wildcard " (or (cdr-safe split) (file-name-nondirectory dir)) "\n"))
      body)))

(defun dired-insert-set-properties (beg end)
  "Give the file names between BEG and END their `dired-filename' and mouse properties."
  (save-excursion
    (goto-char beg)
    (while (< (point) end)
      (ignore-errors (dired--propertize-line))
      (forward-line 1))))

(defun dired-revert (&optional _arg _noconfirm)
  "Read the directory again, keeping marks and the file at point."
  (widen)
  (let ((modflag (buffer-modified-p))
        (file (dired-get-filename nil t))
        (line (line-number-at-pos))
        (marks (dired-remember-marks (point-min) (point-max)))
        (inhibit-read-only t))
    (let ((dired-after-readin-hook nil))
      (dired-readin))
    (dired-mark-remembered marks)
    (run-hooks 'dired-after-readin-hook)
    (unless (and file (dired-goto-file file))
      (goto-char (point-min))
      (forward-line (1- line))
      (dired-move-to-filename))
    (unless modflag (restore-buffer-modified-p nil))))

(defun dired-remember-marks (beg end)
  "Return an alist (FILE . MARK) of the marked files between BEG and END."
  (let (alist)
    (save-excursion
      (goto-char beg)
      (while (re-search-forward dired-re-mark end t)
        (let ((file (dired-get-filename nil t)))
          (when file
            (push (cons file (char-after (line-beginning-position))) alist)))))
    alist))

(defun dired-mark-remembered (alist)
  "Put back the marks of ALIST, a list (FILE . MARK)."
  (let ((inhibit-read-only t))
    (dolist (elt alist)
      (when (dired-goto-file (car elt))
        (beginning-of-line)
        (delete-char 1)
        (insert (cdr elt))))))

;;;; The (sub)directories of the buffer.

(defun dired--propertize-line ()
  "Give the current listing line the text properties Dired uses.
On a file line the name becomes a `dired-filename'; the details
before it and a link target after it get `invisible' values for
`dired-hide-details-mode'; other lines but blank and header ones
are hidden as a whole."
  (if (not (dired-move-to-filename))
      (unless (or (looking-at-p "^$") (looking-at-p dired-subdir-regexp))
        (put-text-property (line-beginning-position) (1+ (line-end-position))
                           'invisible 'dired-hide-details-information))
    (let ((name-start (point)))
      (put-text-property (1+ (line-beginning-position)) (1- name-start)
                         'invisible 'dired-hide-details-detail)
      (dired-move-to-end-of-filename)
      (add-text-properties name-start (point)
                           '(mouse-face highlight
                             dired-filename t
                             help-echo "mouse-2: visit this file in other window"))
      (let ((after-name (+ 4 (point))))
        (if (< after-name (line-end-position))
            (put-text-property after-name (line-end-position)
                               'invisible 'dired-hide-details-link))))))

(defun dired--header-line-p (pos)
  "Return nil if the line at POS, which looks like a directory header, is a file line.
A file whose name ends in a colon can look like a header."
  (save-excursion
    (goto-char pos)
    (beginning-of-line)
    (forward-char 2)
    (not (looking-at-p dired-re-perms))))

(defun dired-build-subdir-alist (&optional _switches)
  "Set `dired-subdir-alist' from the directory header lines of the buffer; return it."
  (interactive)
  (dolist (entry dired-subdir-alist)
    (set-marker (cdr entry) nil))
  (setq dired-subdir-alist nil)
  (save-excursion
    (let ((buffer-undo-list t)
          (inhibit-read-only t))
      (goto-char (point-min))
      (while (re-search-forward dired-subdir-regexp nil t)
        (when (dired--header-line-p (match-beginning 0))
          (let* ((from (or (match-beginning 1) (match-beginning 3)))
                 (to (or (match-end 1) (match-end 3)))
                 (line-start (save-excursion (goto-char (match-beginning 0))
                                             (line-beginning-position)))
                 (absolute (expand-file-name (buffer-substring-no-properties from to))))
            ;; Headers name their directory absolutely in the buffer too.
            (save-excursion
              (goto-char from)
              (delete-region from to)
              (insert absolute))
            (push (cons (file-name-as-directory absolute) (copy-marker line-start))
                  dired-subdir-alist))))))
  dired-subdir-alist)

(defun dired-current-directory (&optional localp)
  "Return the directory (with a trailing slash) the current line belongs to.
LOCALP non-nil means relative to `default-directory'."
  (let ((here (point))
        (alist (or dired-subdir-alist
                   (error "No subdir-alist in %s" (current-buffer))))
        dir)
    (while alist
      (if (<= (cdr (car alist)) here)
          (setq dir (car (car alist)) alist nil)
        (setq alist (cdr alist))))
    (if localp (dired-make-relative dir default-directory) dir)))

(defun dired-get-subdir ()
  "Return the directory whose header line point is on, or nil."
  (save-excursion
    (let ((cur-dir (dired-current-directory)))
      (beginning-of-line)
      (and (= (point) (cdr (assoc cur-dir dired-subdir-alist)))
           cur-dir))))

(defun dired-subdir-max ()
  "Return the end of the listing of the current directory."
  (let ((here (point)) (end (point-max)))
    (dolist (elt dired-subdir-alist)
      (when (and (> (cdr elt) here) (< (cdr elt) end))
        (setq end (cdr elt))))
    end))

(defun dired-make-relative (file &optional dir)
  "Return FILE relative to DIR (default `default-directory') if it is inside it."
  (or dir (setq dir default-directory))
  (if (string-prefix-p dir file)
      (substring file (length dir))
    file))

(defun dired-make-absolute (file &optional dir)
  "Return FILE (a name relative to DIR, default `default-directory') as an absolute name."
  (concat (or dir default-directory) file))

;;;; Files on lines.

(defun dired--filename-by-regexp (raise-error eol)
  "Move to the file name on this line, found by its prefix; see `dired-move-to-filename'."
  (cond
   ((re-search-forward directory-listing-before-filename-regexp eol t)
    (goto-char (match-end 0)))
   ((not (re-search-forward dired-permission-flags-regexp eol t))
    (if raise-error (error "No file on this line")))
   (raise-error
    (error "Unrecognized line!  Check directory-listing-before-filename-regexp"))
   (t (beginning-of-line)
      nil)))

(defun dired-move-to-filename (&optional raise-error eol)
  "Move to the start of the file name on this line and return it, or nil.
RAISE-ERROR non-nil signals an error if there is none; EOL, if
given, stands for the end of the line."
  (let ((eol (or eol (line-end-position))))
    (beginning-of-line)
    (let ((name-start (next-single-property-change (point) 'dired-filename nil eol)))
      (if (and name-start (< name-start eol))
          (goto-char name-start)
        (dired--filename-by-regexp raise-error eol)))))

(defun dired-move-to-end-of-filename (&optional no-error)
  "Move to the end of the file name on this line (point must be at its start).
Return the position, or nil (an error unless NO-ERROR) if there is no file name."
  (if (get-text-property (point) 'dired-filename)
      (goto-char (next-single-property-change (point) 'dired-filename))
    (let ((opoint (point))
          (eol (line-end-position))
          symlink)
      (save-excursion
        (if (re-search-backward dired-permission-flags-regexp nil t)
            (setq symlink (eq (char-after (match-beginning 1)) ?l))
          (or no-error (error "No file on this line"))))
      (if (and symlink (search-forward " -> " eol t))
          (forward-char -4)
        (goto-char eol))
      (or no-error (not (eq opoint (point)))
          (error "No file on this line"))
      (if (eq opoint (point)) nil (point)))))

(defun dired-get-filename (&optional localp no-error-if-not-filep)
  "Return the name of the file on this line, with its directory.
LOCALP `no-dir' or t means without it, `verbatim' as it appears.
For `.' and `..', or no file on the line, signal an error unless
NO-ERROR-IF-NOT-FILEP, which makes no file give nil."
  (let (file p1 p2)
    (save-excursion
      (when (setq p1 (dired-move-to-filename (not no-error-if-not-filep)))
        (setq p2 (dired-move-to-end-of-filename no-error-if-not-filep))))
    (when (and p1 p2)
      (setq file (buffer-substring-no-properties p1 p2))
      ;; `ls' shows some characters quoted; read them back as a string.
      (let ((start 0))
        (while (string-match "\\(?:[^\\]\\|\\`\\)\\(\"\\)" file start)
          (setq file (replace-match "\\\"" nil t file 1)
                start (1+ (match-end 0)))))
      (setq file (read (concat "\"" file "\""))))
    (cond
     ((null file) nil)
     ((eq localp 'verbatim) file)
     ((and (not no-error-if-not-filep) (member file '("." "..")))
      (error "Cannot operate on `.' or `..'"))
     ((file-name-absolute-p file)
      (if (eq localp 'no-dir) (file-name-nondirectory file) file))
     ((memq localp '(no-dir)) file)
     (t (concat (dired-current-directory localp) file)))))

(defun dired-between-files ()
  "Return non-nil if the current line shows no file."
  (save-excursion (not (dired-move-to-filename))))

(defun dired-next-line (arg)
  "Move down ARG lines (up if negative), then to the file name."
  (interactive "^p")
  (forward-line arg)
  (dired-move-to-filename))

(defun dired-previous-line (arg)
  "Move up ARG lines (down if negative), then to the file name."
  (interactive "^p")
  (dired-next-line (- (or arg 1))))

(defun dired-goto-next-file ()
  "Move to the next line that shows a file."
  (let ((max (1- (dired-subdir-max))))
    (while (and (not (dired-move-to-filename)) (< (point) max))
      (forward-line 1))))

(defun dired-goto-next-nontrivial-file ()
  "Move to the first file at or after point not matching `dired-trivial-filenames'."
  (dired-goto-next-file)
  (when (stringp dired-trivial-filenames)
    (while (and (not (eobp))
                (string-match-p dired-trivial-filenames
                                (file-name-nondirectory (or (dired-get-filename nil t) ""))))
      (forward-line 1)
      (dired-move-to-filename))))

(defun dired-initial-position (_dirname)
  "Move point to the first interesting file of a new listing, then run `dired-initial-position-hook'."
  (end-of-line)
  (when dired-trivial-filenames (dired-goto-next-nontrivial-file))
  (run-hooks 'dired-initial-position-hook))

(defun dired-goto-file (file)
  "Move to the line showing FILE (an absolute name) and return its position, or nil."
  (interactive "FGoto file: ")
  (unless (file-name-absolute-p file)
    (error "File name `%s' is not absolute" file))
  (setq file (directory-file-name file))
  (let ((found (save-excursion
                 (goto-char (point-min))
                 (catch 'found
                   (while (search-forward (concat " " (file-name-nondirectory file)) nil 'move)
                     (if (equal file (dired-get-filename nil t))
                         (throw 'found (dired-move-to-filename))
                       (forward-line 1)))
                   nil))))
    (when found (goto-char found))))

(defun dired-find-file ()
  "Visit the file or directory on this line in the selected window."
  (interactive)
  (let ((file (dired-get-file-for-visit)))
    (if (file-directory-p file)
        (dired file)
      (pop-to-buffer-same-window (find-file-noselect file)))))

(defun dired-find-file-other-window ()
  "Visit the file or directory on this line in another window."
  (interactive)
  (let ((file (dired-get-file-for-visit)))
    (if (file-directory-p file)
        (dired-other-window file)
      (switch-to-buffer-other-window (find-file-noselect file)))))

(defun dired-get-file-for-visit ()
  "Return the existing file on this line, or signal an error."
  (let ((raw (dired-get-filename nil t)))
    (unless raw (error "No file on this line"))
    (let ((file (if (file-name-absolute-p raw) raw (expand-file-name raw))))
      (if (or (file-exists-p file) (file-symlink-p file))
          file
        (error "File no longer exists; type `g' to update Dired buffer")))))

(defun dired-up-directory ()
  "Show the parent directory of this listing in Dired."
  (interactive)
  (let* ((dir (dired-current-directory))
         (up (file-name-directory (directory-file-name dir))))
    (or (dired-goto-file (directory-file-name dir))
        (progn (dired up) (dired-goto-file dir)))))

;;;; Marks and flags.

(defun dired-marker-regexp ()
  "Return a regexp matching lines marked with `dired-marker-char'."
  (concat "^" (regexp-quote (char-to-string dired-marker-char))))

(defun dired-plural-s (count)
  "Return \"s\" unless COUNT is 1."
  (if (= 1 count) "" "s"))

(defun dired--skip-non-file-lines (step)
  "Move by STEP lines (1 or -1) while point is between files."
  (while (and (not (if (> step 0) (eobp) (bobp)))
              (dired-between-files))
    (forward-line step)))

(defun dired-repeat-over-lines (arg function)
  "Call FUNCTION on the next ARG file lines (the previous -ARG if negative)."
  (let ((resume (make-marker)))
    (beginning-of-line)
    (while (and (> arg 0) (not (eobp)))
      (setq arg (1- arg))
      (beginning-of-line)
      (dired--skip-non-file-lines 1)
      ;; FUNCTION may change the line; go on from what follows it.
      (set-marker resume (save-excursion (forward-line 1) (1+ (point))))
      (save-excursion (funcall function))
      (goto-char resume))
    (while (and (< arg 0) (not (bobp)))
      (setq arg (1+ arg))
      (forward-line -1)
      (dired--skip-non-file-lines -1)
      (beginning-of-line)
      (save-excursion (funcall function)))
    (set-marker resume nil)
    (dired-move-to-filename)))

(defmacro dired-map-over-marks (body arg &optional show-progress distinguish-one-marked)
  "Evaluate BODY on each marked line; return the list of results, last line first.
With no marked line, evaluate BODY on the current line.  ARG an
integer means the next ARG lines instead (moving point), another
non-nil value the current line.  DISTINGUISH-ONE-MARKED non-nil
means return (t RESULT) for a single marked line."
  (ignore show-progress)
  `(prog1
       (let ((inhibit-read-only t) case-fold-search found results)
         (if ,arg
             (if (integerp ,arg)
                 (progn
                   (dired-repeat-over-lines ,arg (lambda () (push ,body results)))
                   (if (< ,arg 0) (nreverse results) results))
               (list ,body))
           (let ((regexp (dired-marker-regexp)) next-position)
             (save-excursion
               (goto-char (point-min))
               (setq next-position (and (re-search-forward regexp nil t) (point-marker))
                     found (not (null next-position)))
               (while next-position
                 (goto-char next-position)
                 (push ,body results)
                 (goto-char next-position)
                 (forward-line 1)
                 (set-marker next-position nil)
                 (setq next-position (and (re-search-forward regexp nil t) (point-marker)))))
             (if (and ,distinguish-one-marked (= (length results) 1))
                 (setq results (cons t results)))
             (if found results (list ,body)))))
     (dired-move-to-filename)))

(defun dired-get-marked-files (&optional localp arg filter distinguish-one-marked error)
  "Return the names of the marked files, in buffer order.
With none marked, the file on this line.  LOCALP as for
`dired-get-filename', ARG as for `dired-map-over-marks', FILTER a
predicate the names must satisfy.  ERROR non-nil signals an error
(ERROR if it is a string) when there are none."
  (let ((all (save-excursion
               (delq nil (dired-map-over-marks
                          (dired-get-filename localp 'no-error-if-not-filep)
                          arg nil distinguish-one-marked))))
        result)
    (when (equal all '(t)) (setq all nil))
    (if (not filter)
        (setq result (if (and distinguish-one-marked (eq (car all) t))
                         all
                       (nreverse all)))
      (dolist (file all)
        (when (funcall filter file) (push file result))))
    (when (and (null result) error)
      (user-error (if (stringp error) error "No files specified")))
    result))

(defun dired-mark (arg &optional _interactive)
  "Mark the file on this line (the next ARG files with a prefix argument).
On a directory header line, mark all its files but `.' and `..'."
  (interactive (list current-prefix-arg t))
  (let ((inhibit-read-only t))
    (if (dired-get-subdir)
        (save-excursion
          (let ((end (dired-subdir-max)))
            (forward-line 1)
            (while (< (point) end)
              (when (and (not (looking-at-p dired-re-dot)) (dired-get-filename nil t))
                (delete-char 1)
                (insert dired-marker-char))
              (forward-line 1))))
      (dired-repeat-over-lines (prefix-numeric-value arg)
                               (lambda () (delete-char 1) (insert dired-marker-char))))))

(defun dired-unmark (arg &optional interactive)
  "Remove the mark or flag of the file on this line (the next ARG files)."
  (interactive (list current-prefix-arg t))
  (let ((dired-marker-char ?\s))
    (dired-mark arg interactive)))

(defun dired-flag-file-deletion (arg &optional interactive)
  "Flag the file on this line (the next ARG files) for deletion."
  (interactive (list current-prefix-arg t))
  (let ((dired-marker-char dired-del-marker))
    (dired-mark arg interactive)))

(defun dired-unmark-backward (arg)
  "Move up ARG lines, removing marks and flags there."
  (interactive "p")
  (dired-unmark (- arg) t))

(defun dired-toggle-marks ()
  "Mark the unmarked files and unmark the marked ones (`.' and `..' excepted)."
  (interactive)
  (save-excursion
    (goto-char (point-min))
    (let ((inhibit-read-only t))
      (while (not (eobp))
        (unless (or (dired-between-files) (looking-at-p dired-re-dot))
          (let ((c (following-char)))
            (cond ((eq c ?\s) (delete-char 1) (insert dired-marker-char))
                  ((eq c dired-marker-char) (delete-char 1) (insert ?\s)))))
        (forward-line 1)))))

(defun dired-unmark-all-marks ()
  "Remove all marks and flags from the files of the buffer."
  (interactive)
  (dired-unmark-all-files ?\r))

(defun dired-unmark-all-files (mark &optional _arg)
  "Remove MARK (any mark if it is RET) from every file; say how many were removed."
  (interactive "cRemove marks (RET means all): ")
  (save-excursion
    (let ((count 0)
          (inhibit-read-only t)
          case-fold-search)
      (goto-char (point-min))
      (while (if (eq mark ?\r)
                 (re-search-forward dired-re-mark nil t)
               (search-forward (format "\n%c" mark) nil t))
        (delete-char -1)
        (insert ?\s)
        (setq count (1+ count)))
      (message (if (= count 1) "1 mark removed" "%d marks removed") count))))

(defun dired--mark-if-announce (noun)
  "Say which NOUNs `dired-mark-if' is about to mark, unless NOUN is nil."
  (when noun
    (message "%s %ss%s..."
             (cond ((eq dired-marker-char ?\s) "Unmarking")
                   ((eq dired-marker-char dired-del-marker) "Flagging")
                   (t "Marking"))
             noun
             (if (eq dired-marker-char dired-del-marker) " for deletion" ""))))

(defun dired--mark-if-report (noun count)
  "Say how many (COUNT) NOUNs `dired-mark-if' marked, unless NOUN is nil."
  (when noun
    (message "%s %s%s %s%s" count noun (dired-plural-s count)
             (if (eq dired-marker-char ?\s) "un" "")
             (if (eq dired-marker-char dired-del-marker) "flagged" "marked"))))

(defmacro dired-mark-if (predicate msg)
  "Put `dired-marker-char' on each line (point at its start) where PREDICATE holds.
MSG, a noun for the files, makes messages before and after saying
how many were marked.  Return that number, or nil if none."
  `(let ((inhibit-read-only t)
         (count 0))
     (save-excursion
       (dired--mark-if-announce ,msg)
       (goto-char (point-min))
       (while (not (eobp))
         (and ,predicate
              (/= (following-char) dired-marker-char)
              (progn (delete-char 1)
                     (insert dired-marker-char)
                     (setq count (1+ count))))
         (forward-line 1))
       (dired--mark-if-report ,msg count))
     (if (> count 0) count)))

(defun dired-mark-files-regexp (regexp &optional marker-char)
  "Mark the files whose names (without directory) match REGEXP; MARKER-CHAR instead of `*'.
Return the number of files marked, or nil if none."
  (interactive "sMark files (regexp): ")
  (let ((dired-marker-char (or marker-char dired-marker-char)))
    (dired-mark-if
     (and (not (looking-at-p dired-re-dot))
          (not (eolp))
          (let ((fn (dired-get-filename t t)))
            (and fn (string-match-p regexp fn))))
     "matching file")))

(defun dired-flag-files-regexp (regexp)
  "Flag for deletion the files whose names match REGEXP."
  (interactive "sFlag for deletion (regexp): ")
  (dired-mark-files-regexp regexp dired-del-marker))

;;;; Deleting files.

(defun dired-delete-file (file &optional recursive trash)
  "Delete FILE, or directory FILE if empty or RECURSIVE allows (see `dired-recursive-deletes').
Unless RECURSIVE is `always', a non-empty directory is deleted only
after `read-answer' (\"yes\", \"no\", \"all\" or \"quit\")."
  (if (not (eq t (car (file-attributes file))))
      (delete-file file trash)
    (let ((empty (null (directory-files file t directory-files-no-dot-files-regexp))))
      (if (and recursive (not empty))
          (unless (eq recursive 'always)
            (let ((answer (read-answer
                           (format "Recursively %s %s? "
                                   (if (and trash delete-by-moving-to-trash) "trash" "delete")
                                   (dired-make-relative file))
                           '(("yes" ?y "delete recursively the current directory")
                             ("no" ?n "skip to next")
                             ("all" ?! "delete all remaining directories with no more questions")
                             ("quit" ?q "exit")))))
              (cond ((equal answer "all") (setq recursive 'always dired-recursive-deletes recursive))
                    ((equal answer "yes") (if (eq recursive 'top) (setq recursive 'always)))
                    ((equal answer "no") (setq recursive nil))
                    (t (keyboard-quit)))))
        (setq recursive nil))
      (delete-directory file recursive trash))))

(defun dired-do-flagged-delete (&optional nomessage)
  "Delete the files flagged for deletion (after confirmation).
NOMESSAGE non-nil says nothing when none are flagged."
  (interactive)
  (let* ((dired-marker-char dired-del-marker)
         (regexp (dired-marker-regexp))
         case-fold-search markers)
    (if (save-excursion (goto-char (point-min)) (re-search-forward regexp nil t))
        (dired-internal-do-deletions
         (nreverse
          (dired-map-over-marks (cons (dired-get-filename)
                                      (let ((m (point-marker))) (push m markers) m))
                                nil))
         nil t)
      (dolist (m markers) (set-marker m nil))
      (or nomessage (message "(No deletions requested)")))))

(defun dired-do-delete (&optional arg)
  "Delete the marked files (or the next ARG files), after confirmation."
  (interactive "P")
  (let (markers)
    (dired-internal-do-deletions
     (nreverse
      (dired-map-over-marks (cons (dired-get-filename)
                                  (let ((m (point-marker))) (push m markers) m))
                            arg))
     arg t)
    (dolist (m markers) (set-marker m nil))))

(defun dired-mark-prompt (arg files)
  "Describe FILES for a prompt: the name of one, else \"* [N files]\" or \"[next N files]\"."
  (let* ((names (if (eq t (car files)) (cdr files) files))
         (n (length names)))
    (cond ((= n 1) (car names))
          ((integerp arg) (format "[next %d files]" arg))
          (t (format "%c [%d files]" dired-marker-char n)))))

(defun dired--list-before-asking-p (op-symbol files)
  "Return non-nil if FILES should be listed before asking about operation OP-SYMBOL."
  (not (or (eq dired-no-confirm t)
           (memq op-symbol dired-no-confirm)
           (= 1 (length files)))))

(defun dired-mark-pop-up (buffer-or-name op-symbol files function &rest args)
  "Show FILES in a window of buffer BUFFER-OR-NAME, then return FUNCTION applied to ARGS.
The list is not shown for one file or when `dired-no-confirm' (t
or a list containing OP-SYMBOL) says so."
  (if (not (dired--list-before-asking-p op-symbol files))
      (apply function args)
    (let ((display-buffer-mark-dedicated 'soft)
          (listing (get-buffer-create (or buffer-or-name " *Marked Files*")))
          (names (if (eq t (car files)) (cdr files) files)))
      (with-current-buffer-window listing
          (list #'display-buffer-below-selected
                (cons 'body-function
                      (lambda (_window)
                        (dolist (name names)
                          (insert name "\n")))))
          (lambda (window _value)
            (with-selected-window window
              (unwind-protect (apply function args)
                (if (window-live-p window)
                    (quit-restore-window window 'kill)))))))))

(defvar dired-log-buffer "*Dired log*"
  "Name of the buffer where Dired records failures.")

(defun dired--log-close-entry (origin)
  "End the current entry of the log buffer, stamped with the time and ORIGIN's name."
  (goto-char (if (search-backward "\f\n" nil t) (match-end 0) (point-min)))
  (if (not (bolp))
      (insert "\n"))
  (insert (current-time-string)
          (format-message "\tBuffer `%s'\n" (buffer-name origin)))
  (goto-char (point-max))
  (insert "\f\n"))

(defun dired-log (log &rest args)
  "Record LOG (a format string for ARGS, or t to end an entry) in `dired-log-buffer'."
  (let ((origin (current-buffer)))
    (with-current-buffer (get-buffer-create dired-log-buffer)
      (let ((inhibit-read-only t))
        (goto-char (point-max))
        (cond ((eq log t) (dired--log-close-entry origin))
              ((stringp log)
               (insert (if args (apply #'format-message log args) log))))))))

(defun dired-log-summary (string failures)
  "Report the failures of a command: the logged message for one, STRING for more."
  (if (= (length failures) 1)
      (message "%s"
               (with-current-buffer dired-log-buffer
                 (goto-char (point-max))
                 ;; The last entry: what follows the previous form feed.
                 (let ((start (if (search-backward "\f\n" nil t) (match-end 0) (point-min))))
                   (buffer-substring start (point-max)))))
    (message (if failures "%s--type ? for details (%s)" "%s--type ? for details")
             string failures))
  (dired-log (concat "\n" string "\n"))
  (dired-log t))

(defun dired--delete-listed-file (file trash on-success)
  "Delete FILE as `dired-internal-do-deletions' does and call ON-SUCCESS.
Remove FILE's line from every Dired buffer listing it.  Return t,
or nil after logging an error; a quit cancels the whole command."
  (let ((inhibit-read-only t))
    (condition-case err
        (progn
          (dired-delete-file file dired-recursive-deletes trash)
          (funcall on-success)
          (dolist (buffer (dired-buffers-for-dir (file-name-directory file)
                                                 (file-name-nondirectory file)))
            (with-current-buffer buffer
              (dired-remove-entry file)))
          t)
      (quit (throw '--delete-cancel (message "OK, canceled")))
      (error (dired-log "%s: %s\n" (car err) (error-message-string err))
             nil))))

(defun dired-internal-do-deletions (l arg &optional trash)
  "Delete the files of L, a list of (FILE . MARKER), after confirmation.
ARG is the prefix argument the command got; TRASH non-nil moves
them to the trash if `delete-by-moving-to-trash'.  Failures are
logged in `dired-log-buffer'."
  (let* ((names (mapcar (lambda (entry) (dired-make-relative (car entry))) l))
         (total (length l))
         (dired-recursive-deletes dired-recursive-deletes)
         (trashing (and trash delete-by-moving-to-trash))
         (question (format "%s %s " (if trashing "Trash" "Delete")
                           (dired-mark-prompt arg names))))
    (if (not (dired-mark-pop-up " *Deletions*" 'delete names
                                dired-deletion-confirmer question))
        (message "(No deletions performed)")
      (save-excursion
        (catch '--delete-cancel
          (let* ((deleted 0)
                 (progress (make-progress-reporter
                            (if trashing "Trashing..." "Deleting...") deleted total))
                 (failures nil))
            (dolist (entry l)
              (goto-char (marker-position (cdr entry)))
              (dired-move-to-filename)
              (unless (dired--delete-listed-file
                       (car entry) trash
                       (lambda ()
                         (setq deleted (1+ deleted))
                         (progress-reporter-update progress deleted)))
                (push (car entry) failures)))
            (if (null failures)
                (progress-reporter-done progress)
              (dired-log-summary
               (format (if (= total 1) "%d of %d deletion failed" "%d of %d deletions failed")
                       (length failures) total)
               failures)))))))
  (dired-move-to-filename))

(defun dired-remove-entry (file)
  "Remove the line of FILE from the current Dired buffer (not the file itself)."
  (save-excursion
    (when (dired-goto-file file)
      (let ((inhibit-read-only t))
        (beginning-of-line)
        (delete-region (point) (line-beginning-position 2))))))

(provide 'dired)

;;; dired.el ends here
