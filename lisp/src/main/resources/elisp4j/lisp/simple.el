;;; simple.el --- basic editing commands  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as the corresponding
;; commands of GNU Emacs 28's simple.el (auto-save-mode, undo, the mark,
;; line counting, buffer creation helpers); the code is elisp4j's own.

;;; Code:

(defun generate-new-buffer (name &optional inhibit-buffer-hooks)
  "Create and return a buffer with a name based on NAME (made unique)."
  (get-buffer-create (generate-new-buffer-name name) inhibit-buffer-hooks))

;;;; Auto-save mode.

(defvar auto-save-mode-hook nil "Hook run after entering or leaving `auto-save-mode'.")

(defun auto-save-mode (&optional arg)
  "Toggle auto-saving in the current buffer (Auto Save mode).
From Lisp, ARG `toggle' toggles, a number less than 1 disables, and
anything else (including nil) enables.  Turning it on (re)computes
`buffer-auto-save-file-name'; any call resets a negative
`buffer-saved-size' to 0.  Return the new state."
  (interactive (list (if current-prefix-arg (prefix-numeric-value current-prefix-arg) 'toggle)))
  (let* ((was-on (and buffer-auto-save-file-name
                      (integerp buffer-saved-size) (>= buffer-saved-size 0)))
         (on (cond ((eq arg 'toggle) (not was-on))
                   ((and (numberp arg) (< arg 1)) nil)
                   (t t)))
         (last-message (current-message)))
    (setq buffer-auto-save-file-name
          (and on
               (if (and buffer-file-name auto-save-visited-file-name
                        (not buffer-read-only))
                   buffer-file-name
                 (make-auto-save-file-name))))
    (let ((state (and buffer-auto-save-file-name
                      (integerp buffer-saved-size) (>= buffer-saved-size 0))))
      (setq local-minor-modes (delq 'auto-save-mode local-minor-modes))
      (when state (push 'auto-save-mode local-minor-modes)))
    ;; A buffer whose auto-saving was suspended (size shrunk, or -1/-2)
    ;; is turned back on by toggling.
    (when (and (integerp buffer-saved-size) (< buffer-saved-size 0))
      (setq buffer-saved-size 0))
    (let ((state (and buffer-auto-save-file-name
                      (or (not (integerp buffer-saved-size)) (>= buffer-saved-size 0)) t)))
      (run-hooks 'auto-save-mode-hook
                 (if state 'auto-save-mode-on-hook 'auto-save-mode-off-hook))
      (when (called-interactively-p 'any)
        (unless (and (current-message) (not (equal last-message (current-message))))
          (message "Auto-Save mode %sabled in current buffer" (if state "en" "dis"))))
      (and state t))))

;;;; Undo.

(defun buffer-enable-undo (&optional buffer)
  "Start keeping undo information for buffer BUFFER (default current)."
  (interactive)
  (with-current-buffer (if buffer (get-buffer buffer) (current-buffer))
    (when (eq buffer-undo-list t)
      (setq buffer-undo-list nil))))

(defun buffer-disable-undo (&optional buffer)
  "Make BUFFER stop keeping undo information (and discard what it has)."
  (interactive)
  (with-current-buffer (if buffer (get-buffer buffer) (current-buffer))
    (setq buffer-undo-list t)))

(defun undo-boundary ()
  "Declare a boundary for undo: push nil unless there is one already."
  (unless (or (eq buffer-undo-list t) (null buffer-undo-list) (null (car buffer-undo-list)))
    (setq buffer-undo-list (cons nil buffer-undo-list)))
  nil)

(defvar pending-undo-list nil "Within a run of consecutive undo commands, list remaining to be undone.")

(defun primitive-undo (n list)
  "Undo N records from the front of the list LIST; return what is left of LIST."
  (let ((arg n)
        (inhibit-read-only t)
        (did-apply nil)
        (next nil))
    (while (> arg 0)
      (while (setq next (pop list))
        (pcase-elisp4j-undo-entry next)
        (setq did-apply t))
      (setq arg (1- arg)))
    (ignore did-apply)
    list))

(defun pcase-elisp4j-undo-entry (entry)
  "Undo one entry ENTRY of an undo list."
  (cond
   ((integerp entry) (goto-char entry))
   ((and (consp entry) (eq (car entry) t))
    ;; (t . TIME): the buffer was unmodified before this change.
    (let ((visited (visited-file-modtime)))
      (when (or (equal (cdr entry) visited)
                (and (consp visited) (equal (cdr entry) (list (car visited) (cadr visited)))))
        (when (and buffer-file-name (fboundp 'unlock-buffer)) (unlock-buffer))
        (set-buffer-modified-p nil))))
   ((and (consp entry) (null (car entry)))
    ;; (nil PROP VAL BEG . END)
    (let ((prop (nth 1 entry)) (val (nth 2 entry))
          (beg (nth 3 entry)) (end (nthcdr 4 entry)))
      (when (or (> (point-min) beg) (< (point-max) end))
        (error "Changes to be undone are outside visible portion of buffer"))
      (put-text-property beg end prop val)))
   ((and (consp entry) (integerp (car entry)) (integerp (cdr entry)))
    ;; (BEG . END): an insertion.
    (let ((beg (car entry)) (end (cdr entry)))
      (when (or (> (point-min) beg) (< (point-max) end))
        (error "Changes to be undone are outside visible portion of buffer"))
      (goto-char beg)
      (delete-region beg end)))
   ((and (consp entry) (stringp (car entry)))
    ;; (TEXT . POSITION): a deletion.
    (let* ((text (car entry)) (pos (cdr entry)) (apos (abs pos)))
      (when (or (< apos (point-min)) (> apos (point-max)))
        (error "Changes to be undone are outside visible portion of buffer"))
      (if (< pos 0)
          (progn (goto-char (- pos)) (insert text))
        (goto-char pos)
        (insert text)
        (goto-char pos))))
   ((and (consp entry) (markerp (car entry)))
    (let ((marker (car entry)) (adjustment (cdr entry)))
      (when (marker-buffer marker)
        (set-marker marker (- marker adjustment) (marker-buffer marker)))))
   ((and (consp entry) (eq (car entry) 'apply))
    (let ((rest (cdr entry)))
      (if (integerp (car rest))
          (apply (nth 3 rest) (nthcdr 4 rest))
        (apply (car rest) (cdr rest)))))
   (t (error "Unrecognized entry in undo list %S" entry))))

(defun undo (&optional arg)
  "Undo some previous changes (ARG groups, default 1)."
  (interactive)
  (when (eq buffer-undo-list t) (user-error "No undo information in this buffer"))
  (let ((list (if (eq last-command 'undo) pending-undo-list buffer-undo-list)))
    (when (and list (null (car list))) (setq list (cdr list)))
    (unless list (user-error "No further undo information"))
    (setq pending-undo-list (primitive-undo (or arg 1) list))
    (setq this-command 'undo)
    nil))

(defvar transient-mark-mode nil "Non-nil if Transient Mark mode is enabled.")
(defvar mark-even-if-inactive t "Non-nil means you can use the mark even when inactive.")
(defvar mark-ring nil "The list of former marks of the current buffer, most recent first.")
(make-variable-buffer-local 'mark-ring)
(defcustom mark-ring-max 16 "Maximum size of mark ring."
  :type 'integer
  :group 'editing-basics)
(defvar global-mark-ring nil "The list of saved global marks, most recent first.")
(defvar kill-ring nil "List of killed text sequences.")
(defcustom kill-ring-max 120 "Maximum length of kill ring before oldest elements are thrown away."
  :type 'integer
  :group 'killing)
(defvar kill-ring-yank-pointer nil "The tail of the kill ring whose car is the last thing yanked.")
(defvar activate-mark-hook nil "Hook run when the mark becomes active.")
(defvar deactivate-mark-hook nil "Hook run when the mark becomes inactive.")
(defvar deactivate-mark nil "If an editing command sets this to t, deactivate the mark afterward.")

;;;; The mark.

(defun mark (&optional force)
  "Return this buffer's mark value as integer, or nil if never set."
  (if (or force (not transient-mark-mode) mark-active mark-even-if-inactive)
      (marker-position (mark-marker))
    (signal 'mark-inactive nil)))

(defun set-mark (pos)
  "Set this buffer's mark to POS."
  (if pos
      (progn
        (set-marker (mark-marker) pos (current-buffer))
        (setq mark-active t)
        (run-hooks 'activate-mark-hook))
    (set-marker (mark-marker) nil)
    (setq mark-active nil)
    (run-hooks 'deactivate-mark-hook)))

(defun push-mark (&optional location nomsg activate)
  "Set mark at LOCATION (point, by default) and push old mark on mark ring."
  (when (mark t)
    (let ((old (copy-marker (mark-marker))))
      (setq mark-ring (cons old mark-ring))
      (when (> (length mark-ring) mark-ring-max)
        (setcdr (nthcdr (1- mark-ring-max) mark-ring) nil))))
  (set-marker (mark-marker) (or location (point)) (current-buffer))
  (or nomsg executing-kbd-macro (> (minibuffer-depth) 0) noninteractive
      (message "Mark set"))
  (if (or activate (not transient-mark-mode))
      (set-mark (mark t)))
  nil)

(defun pop-mark ()
  "Pop off mark ring into the buffer's actual mark."
  (when mark-ring
    (setq mark-ring (nconc mark-ring (list (copy-marker (mark-marker)))))
    (set-marker (mark-marker) (car mark-ring))
    (set-marker (car mark-ring) nil)
    (pop mark-ring)))

(defun deactivate-mark (&optional _force)
  "Deactivate the mark."
  (when mark-active
    (setq mark-active nil)
    (run-hooks 'deactivate-mark-hook)))

(defun activate-mark (&optional _no-tmm)
  "Activate the mark, if there is one."
  (when (mark t)
    (unless mark-active
      (setq mark-active t)
      (run-hooks 'activate-mark-hook))))

(defun region-beginning ()
  "Return the integer value of point or mark, whichever is smaller."
  (let ((m (mark t)))
    (unless m (error "The mark is not set now, so there is no region"))
    (min (point) m)))

(defun region-end ()
  "Return the integer value of point or mark, whichever is larger."
  (let ((m (mark t)))
    (unless m (error "The mark is not set now, so there is no region"))
    (max (point) m)))

(setq region-extract-function
  (lambda (method)
    (when (region-beginning)
      (cond
       ((eq method 'bounds) (list (cons (region-beginning) (region-end))))
       ((eq method 'delete-only) (delete-region (region-beginning) (region-end)))
       (t (filter-buffer-substring (region-beginning) (region-end) method))))))

(defun region-active-p ()
  "Return non-nil if Transient Mark mode is enabled and the mark is active."
  (and transient-mark-mode mark-active (mark t) t))

(defun use-region-p ()
  "Return t if the region is active and it is appropriate to act on it."
  (and (region-active-p) (> (region-end) (region-beginning))))

(defun exchange-point-and-mark (&optional _arg)
  "Put the mark where point is now, and point where the mark is now."
  (interactive "P")
  (let ((omark (mark t)))
    (if (null omark) (user-error "No mark set in this buffer"))
    (set-mark (point))
    (goto-char omark)
    nil))

;;;; Lines and motion.

(defun count-lines (start end &optional ignore-invisible-lines)
  "Return number of lines between START and END (a partial last line counts)."
  (ignore ignore-invisible-lines)
  (save-excursion
    (save-restriction
      (narrow-to-region start end)
      ;; The newlines, plus a partial last line; the match data is left alone.
      (goto-char (point-max))
      (- (line-number-at-pos) (if (bolp) 1 0)))))

(defun goto-line (line &optional buffer relative)
  "Go to LINE, counting from line 1 at beginning of buffer (of the accessible part if RELATIVE)."
  (with-current-buffer (or buffer (current-buffer))
    (unless relative (widen))
    (goto-char (point-min))
    (forward-line (1- line))))

(defun move-beginning-of-line (arg)
  "Move point to the beginning of the current line (ARG - 1 lines forward first)."
  (interactive "^p")
  (beginning-of-line (or arg 1)))

(defun move-end-of-line (arg)
  "Move point to the end of the current line (ARG - 1 lines forward first)."
  (interactive "^p")
  (end-of-line (or arg 1)))

(defun right-char (&optional n)
  "Move point N characters to the right (forward, in left-to-right text)."
  (interactive "^p")
  (forward-char n))

(defun left-char (&optional n)
  "Move point N characters to the left (backward, in left-to-right text)."
  (interactive "^p")
  (backward-char n))

(defun beginning-of-buffer (&optional _arg)
  "Move point to the beginning of the buffer."
  (interactive)
  (push-mark)
  (goto-char (point-min)))

(defun end-of-buffer (&optional _arg)
  "Move point to the end of the buffer."
  (interactive)
  (push-mark)
  (goto-char (point-max)))

(defun newline (&optional arg _interactive)
  "Insert a newline (ARG of them)."
  (interactive "*P")
  (dotimes (_ (prefix-numeric-value arg)) (insert "\n"))
  nil)

(defun open-line (n)
  "Insert a newline and leave point before it."
  (interactive "*p")
  (save-excursion (dotimes (_ n) (insert "\n"))))

(defun delete-backward-char (n &optional killflag)
  "Delete the previous N characters."
  (interactive "p\nP")
  (delete-char (- n) killflag))

(defun delete-forward-char (n &optional killflag)
  "Delete the following N characters."
  (interactive "p\nP")
  (delete-char n killflag))

(defun line-number-at-pos-lisp (&optional pos)
  "Return the line number at POS (default point)."
  (line-number-at-pos pos))

(defun current-kill (n &optional do-not-move)
  "Rotate the yanking point by N places, and then return that kill."
  (or kill-ring (error "Kill ring is empty"))
  (let ((elt (nthcdr (mod (- n (length kill-ring-yank-pointer)) (length kill-ring))
                     kill-ring)))
    (unless do-not-move (setq kill-ring-yank-pointer elt))
    (car elt)))

(defun kill-new (string &optional replace)
  "Make STRING the latest kill in the kill ring."
  (if (and replace kill-ring)
      (setcar kill-ring string)
    (push string kill-ring)
    (if (> (length kill-ring) kill-ring-max)
        (setcdr (nthcdr (1- kill-ring-max) kill-ring) nil)))
  (setq kill-ring-yank-pointer kill-ring)
  string)

(defun kill-append (string before-p)
  "Append STRING to the end of the latest kill in the kill ring (start if BEFORE-P)."
  (let ((cur (car kill-ring)))
    (kill-new (if before-p (concat string cur) (concat cur string))
              (or (string= cur "") (null (get-text-property 0 'yank-handler cur))))))

(defun kill-region (beg end &optional _region)
  "Kill (\"cut\") text between point and mark."
  (interactive (list (mark) (point) 'region))
  (let ((string (filter-buffer-substring beg end t)))
    (if (eq last-command 'kill-region)
        (kill-append string (< end beg))
      (kill-new string)))
  (setq this-command 'kill-region)
  nil)

(defun copy-region-as-kill (beg end &optional _region)
  "Save the region as if killed, but don't kill it."
  (interactive (list (mark) (point) 'region))
  (let ((str (filter-buffer-substring beg end)))
    (if (eq last-command 'kill-region)
        (kill-append str (< end beg))
      (kill-new str)))
  nil)

(defun kill-ring-save (beg end &optional region)
  "Save the region as if killed, but don't kill it."
  (interactive (list (mark) (point) 'region))
  (copy-region-as-kill beg end region))

(defvar filter-buffer-substring-function #'buffer-substring--filter
  "Function to perform the filtering in `filter-buffer-substring'.")

(defun filter-buffer-substring (beg end &optional delete)
  "Return the buffer substring between BEG and END, after filtering (deleting it if DELETE)."
  (funcall filter-buffer-substring-function beg end delete))

(defun buffer-substring--filter (beg end &optional delete)
  "Default function to use for `filter-buffer-substring-function'."
  (if delete
      (delete-and-extract-region beg end)
    (buffer-substring beg end)))

(defun copy-to-buffer (buffer start end)
  "Replace the contents of BUFFER (created if need be) with the text START..END of this buffer.
Point in BUFFER ends up before the copied text."
  (interactive "BCopy to buffer: \nr")
  (let ((from (current-buffer)))
    (with-current-buffer (get-buffer-create buffer)
      (barf-if-buffer-read-only)
      (erase-buffer)
      (save-excursion
        (insert-buffer-substring from start end)))))

(defun yank (&optional arg)
  "Reinsert (\"paste\") the last stretch of killed text."
  (interactive "*P")
  (push-mark)
  (insert-for-yank (current-kill (cond ((listp arg) 0) ((eq arg '-) -2) (t (1- arg)))))
  (setq this-command 'yank)
  nil)

(defun insert-for-yank (string)
  "Insert STRING at point for the `yank' command."
  (insert string))

(defun kill-line (&optional arg)
  "Kill the rest of the current line; if no nonblanks there, kill thru newline."
  (interactive "P")
  (kill-region (point)
               (progn
                 (if arg
                     (forward-line (prefix-numeric-value arg))
                   (if (eobp) (signal 'end-of-buffer nil))
                   (if (looking-at "[ \t]*$") (forward-line 1) (end-of-line)))
                 (point))))

(defun kill-whole-line (&optional arg)
  "Kill current line (ARG lines)."
  (interactive "p")
  (ignore arg)
  (kill-region (line-beginning-position) (min (point-max) (1+ (line-end-position)))))

(defun zap-to-char (arg char &optional _interactive)
  "Kill up to and including ARGth occurrence of CHAR."
  (interactive "p\ncZap to char: ")
  (kill-region (point) (progn (search-forward (char-to-string char) nil nil arg) (point))))

(defun shell-command-to-string (command)
  "Execute shell command COMMAND and return its output as a string."
  (with-output-to-string
    (with-current-buffer standard-output
      (call-process shell-file-name nil t nil shell-command-switch command))))

(defun process-file (program &optional infile buffer display &rest args)
  "Process files synchronously in a separate process (as `call-process', honouring handlers)."
  (let ((fh (find-file-name-handler default-directory 'process-file)))
    (if fh (apply fh 'process-file program infile buffer display args)
      (apply #'call-process program infile buffer display args))))

(defun minibuffer-message (message &rest args)
  "Temporarily display MESSAGE at the end of the minibuffer (here: `message')."
  (apply #'message message args))

;;;; Executing commands.

(defvar command-history nil
  "List of recent commands that read arguments from terminal.
Each command is represented as a form to evaluate.")
(defvar disabled-command-function nil
  "Function to call to handle disabled commands (run as a hook).")
(defcustom shift-select-mode t
  "When non-nil, shifted motion keys activate the mark momentarily."
  :type '(choice (const :tag "Off" nil) (const :tag "Permanent" permanent) (other :tag "On" t))
  :group 'editing-basics)

(defun add-to-history (history-var newelt &optional maxelt keep-all)
  "Add NEWELT to the history list stored in the variable HISTORY-VAR.
The list is truncated to MAXELT elements (default: the `history-length'
property of HISTORY-VAR, else `history-length').  Unless KEEP-ALL is
non-nil, empty strings and repetitions of the latest element are not added."
  (let ((limit (or maxelt (get history-var 'history-length) history-length))
        (history (symbol-value history-var)))
    (when (and (listp history)
               (or keep-all
                   (not (or (equal newelt "") (equal newelt (car history))))))
      (if history-delete-duplicates
          (setq history (delete newelt history)))
      (push newelt history)
      (cond ((not (integerp limit)))
            ((<= limit 0) (setq history nil))
            (t (let ((last-kept (nthcdr (1- limit) history)))
                 (if (consp last-kept) (setcdr last-kept nil)))))
      (set history-var history))))

(defun command-execute (cmd &optional record-flag keys special)
  "Execute CMD as an editor command: call it interactively, or run it as
a keyboard macro if it is a string or vector.  RECORD-FLAG non-nil
records the call in `command-history'.  KEYS is the key sequence to
report as having invoked it.  SPECIAL non-nil (for special events)
leaves the prefix argument alone."
  (let ((prefixarg (unless special
                     (prog1 prefix-arg
                       (setq current-prefix-arg prefix-arg
                             prefix-arg nil)
                       (when current-prefix-arg (prefix-command-update))))))
    (if (and (symbolp cmd) (get cmd 'disabled) disabled-command-function)
        (run-hooks 'disabled-command-function)
      (let ((final cmd))
        (while (progn
                 (setq final (indirect-function final))
                 (when (autoloadp final)
                   (setq final (autoload-do-load final cmd)))))
        (if (arrayp final)
            (progn
              (when record-flag
                (add-to-history 'command-history
                                (list 'execute-kbd-macro final prefixarg) nil t))
              (execute-kbd-macro final prefixarg))
          (call-interactively cmd record-flag keys))))))

(defun keyboard-quit ()
  "Signal a `quit' condition (what C-g does at top level)."
  (interactive)
  (deactivate-mark)
  (setq defining-kbd-macro nil)
  (let ((debug-on-quit nil))
    (signal 'quit nil)))

(defun handle-shift-selection ()
  "Activate or deactivate the mark for a command invoked with a `^' spec:
a shift-translated key (see `this-command-keys-shift-translated') with
`shift-select-mode' sets the mark and activates it temporarily;
otherwise a temporarily activated region is deactivated."
  (cond ((and (eq shift-select-mode 'permanent) this-command-keys-shift-translated)
         (unless mark-active (push-mark nil nil t)))
        ((and shift-select-mode this-command-keys-shift-translated)
         (unless (and mark-active (eq (car-safe transient-mark-mode) 'only))
           (setq-local transient-mark-mode
                       (cons 'only (unless (eq transient-mark-mode 'lambda)
                                     transient-mark-mode)))
           (push-mark nil nil t)))
        ((eq (car-safe transient-mark-mode) 'only)
         (setq transient-mark-mode (cdr transient-mark-mode))
         (when (eq transient-mark-mode (default-value 'transient-mark-mode))
           (kill-local-variable 'transient-mark-mode))
         (deactivate-mark))))

(defun overwrite-mode (&optional arg)
  "Toggle Overwrite mode: typed characters replace the existing text.
With a positive prefix ARG turn it on, with another ARG off."
  (interactive "P")
  (setq overwrite-mode
        (and (if (null arg) (not overwrite-mode) (> (prefix-numeric-value arg) 0))
             'overwrite-mode-textual))
  (force-mode-line-update))

(defun binary-overwrite-mode (&optional arg)
  "Toggle Binary Overwrite mode: like Overwrite mode, but newlines and
tabs are replaced too."
  (interactive "P")
  (setq overwrite-mode
        (and (if (null arg) (not (eq overwrite-mode 'overwrite-mode-binary))
               (> (prefix-numeric-value arg) 0))
             'overwrite-mode-binary))
  (force-mode-line-update))

;;;; Prefix arguments.

(defvar prefix-command--needs-update nil)
(defvar prefix-command-echo-keystrokes-functions nil
  "Functions describing the current prefix state for echoing keystrokes.")
(defvar prefix-command-preserve-state-hook nil
  "Normal hook run when a command needs to preserve the prefix.")

(defun prefix-command-update ()
  "Note that the prefix command state has changed."
  (setq prefix-command--needs-update t))

(defun universal-argument--preserve ()
  "Keep the prefix argument for the next command."
  (setq prefix-arg current-prefix-arg))
(add-hook 'prefix-command-preserve-state-hook #'universal-argument--preserve)

(defun prefix-command-preserve-state ()
  "Pass the current prefix command state on to the next command.
The next command sees the `last-command' of the prefix command."
  (run-hooks 'prefix-command-preserve-state-hook)
  (setq this-command last-command
        real-this-command real-last-command)
  (prefix-command-update))

(defvar universal-argument-map
  (let ((map (make-sparse-keymap))
        (minus `(menu-item "" negative-argument
                           :filter ,(lambda (cmd) (if (integerp prefix-arg) nil cmd)))))
    (define-key map [?\C-u] 'universal-argument-more)
    (define-key map [?-] minus)
    (dotimes (i 10)
      (define-key map (vector (+ ?0 i)) 'digit-argument)
      (define-key map (vector (intern (format "kp-%d" i))) 'digit-argument))
    (define-key map [kp-subtract] minus)
    map)
  "Keymap used while reading the digits of a \\[universal-argument] argument.")

(defun universal-argument--mode ()
  "Keep reading digits for a prefix argument."
  (prefix-command-update)
  (set-transient-map universal-argument-map nil))

(defun elisp4j--prefix-arg-continues (value)
  "Make VALUE the prefix argument so far, and keep reading more of it."
  (setq prefix-arg value)
  (universal-argument--mode))

(defun universal-argument ()
  "Begin a numeric argument for the following command: digits or a minus
sign make it up; alone, it means 4, and each repetition multiplies by 4."
  (interactive)
  (prefix-command-preserve-state)
  (elisp4j--prefix-arg-continues (list 4)))

(defun universal-argument-more (arg)
  "After \\[universal-argument] with no digits, multiply ARG by 4; else end it."
  (interactive "P")
  (prefix-command-preserve-state)
  (setq prefix-arg (cond ((consp arg) (list (* 4 (car arg))))
                         ((eq arg '-) (list -4))
                         (t arg)))
  (when (consp prefix-arg) (universal-argument--mode)))

(defun negative-argument (arg)
  "Flip the sign of the prefix argument being typed (ARG), or start a negative one."
  (interactive "P")
  (prefix-command-preserve-state)
  (elisp4j--prefix-arg-continues (cond ((integerp arg) (- arg))
                                       ((not (eq arg '-)) '-))))

(defun digit-argument (arg)
  "Append the digit just typed to the prefix argument being typed (ARG)."
  (interactive "P")
  (prefix-command-preserve-state)
  (let* ((key (if (integerp last-command-event)
                  last-command-event
                (get last-command-event 'ascii-character)))
         (digit (- (logand key ?\177) ?0)))
    (elisp4j--prefix-arg-continues
     (cond ((eq arg '-) (if (= digit 0) '- (- digit))) ; "-0" stays "-"
           ((not (integerp arg)) digit)
           ((< arg 0) (- (* arg 10) digit))
           (t (+ (* arg 10) digit))))))

(provide 'simple)

;; Completion list buffers are made with `with-output-to-temp-buffer';
;; this makes them read-only once shown.
(defun completion-list-mode-finish ()
  "Make the buffer read-only if it is in Completion List mode."
  (when (eq major-mode 'completion-list-mode)
    (setq buffer-read-only t)))
(add-hook 'temp-buffer-show-hook #'completion-list-mode-finish)

;;;; Cloning buffers.

(defvar clone-buffer-hook nil
  "Normal hook run by `clone-buffer' in the new buffer, which is current then.")

(defun clone-buffer (&optional newname display-flag)
  "Create and return a twin of the current buffer.
The twin gets NEWNAME (default the current name; a trailing <N> is
dropped and the name made unique), a copy of the text with its
properties, the same point, mark, narrowing, major mode and local
variables; then `clone-buffer-hook' runs in it.  With DISPLAY-FLAG
non-nil, the twin is shown with `pop-to-buffer'.  Buffers visiting a
file, and buffers whose major mode has a non-nil `no-clone' property,
cannot be cloned."
  (interactive (list (and current-prefix-arg
                          (read-buffer "Name of new cloned buffer: "
                                       (current-buffer)))
                     t))
  (when buffer-file-name
    (error "Cannot clone a file-visiting buffer"))
  (when (get major-mode 'no-clone)
    (error "Cannot clone a buffer in %s mode" mode-name))
  (let* ((source (current-buffer))
         (base (or newname (buffer-name)))
         (base (if (string-match "<[0-9]+>\\'" base)
                   (substring base 0 (match-beginning 0))
                 base))
         (twin (get-buffer-create (generate-new-buffer-name base)))
         (from (point-min))
         (to (point-max))
         (pt (point))
         (mk (mark t))
         (locals (buffer-local-variables))
         (mode major-mode))
    (with-current-buffer twin
      (insert (with-current-buffer source
                (save-restriction
                  (widen)
                  (buffer-string))))
      (when mk (set-mark mk))
      (goto-char pt)
      (narrow-to-region from to)
      (unless (eq mode 'fundamental-mode)
        (funcall mode))
      (dolist (binding locals)
        (when (consp binding)
          (condition-case nil
              (set (make-local-variable (car binding)) (cdr binding))
            (setting-constant nil))))
      (run-hooks 'clone-buffer-hook))
    (when display-flag
      (pop-to-buffer twin))
    twin))

;;; simple.el ends here
