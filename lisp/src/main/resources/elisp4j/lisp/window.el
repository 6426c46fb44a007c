;;; window.el --- windows: tree, sizes, selection, buffer display  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j after the behaviour of GNU
;; Emacs's window.el: the Lisp half of the window system, on top of the
;; primitives of window.c (`split-window-internal', `set-window-buffer',
;; `window-resize-apply', ...).  Batch Emacs has one text-terminal frame,
;; so what concerns several frames, side windows and atomic windows is
;; reduced to what that frame needs.  The macros Emacs keeps in subr.el
;; (`save-selected-window', `with-selected-window',
;; `save-window-excursion', `with-output-to-temp-buffer') are here too.

;;; Code:

;;;; Options.

(defgroup windows nil "Windows within a frame." :group 'environment)

(defcustom window-min-height 4
  "The minimum total height, in lines, of any window." :type 'integer)
(defcustom window-min-width 10
  "The minimum total width, in columns, of any window." :type 'integer)
(defconst window-safe-min-height 1 "The absolute minimum number of lines of any window.")
(defconst window-safe-min-width 2 "The absolute minimum number of columns of a window.")
(defvar ignore-window-parameters nil
  "If non-nil, standard functions ignore window parameters.")
(defvar window-size-fixed nil
  "Non-nil in a buffer means windows showing it keep their size.
`height' and `width' fix only that dimension.")
(make-variable-buffer-local 'window-size-fixed)
(defcustom split-height-threshold 80
  "Minimum height for splitting windows sensibly." :type '(choice integer (const nil)))
(defcustom split-width-threshold 160
  "Minimum width for splitting windows sensibly." :type '(choice integer (const nil)))
(defcustom split-window-preferred-function #'split-window-sensibly
  "Function called by `display-buffer' routines to split a window." :type 'function)
(defcustom split-window-keep-point t
  "If non-nil, \\[split-window-below] keeps the original point in both windows."
  :type 'boolean)
(defcustom pop-up-windows t "Non-nil means `display-buffer' may make new windows." :type 'boolean)
(defcustom pop-up-frames nil "Whether `display-buffer' should make a separate frame." :type 'boolean)
(defcustom display-buffer-reuse-frames nil
  "Non-nil means `display-buffer' should reuse frames." :type 'boolean)
(defvaralias 'even-window-heights 'even-window-sizes)
(defcustom even-window-sizes t
  "If non-nil `display-buffer' will try to even window sizes." :type 'symbol)
(defcustom same-window-buffer-names nil
  "List of names of buffers that should appear in the \"same\" window." :type '(repeat string))
(defcustom same-window-regexps nil
  "List of regexps saying which buffers should appear in the \"same\" window."
  :type '(repeat regexp))
(defcustom special-display-buffer-names nil
  "List of names of buffers that should be displayed specially." :type '(repeat string))
(defcustom special-display-regexps nil
  "List of regexps saying which buffers should be displayed specially." :type '(repeat regexp))
(defcustom special-display-function 'special-display-popup-frame
  "Function to call for displaying special buffers." :type 'function)
(defcustom pop-up-frame-alist nil "Alist of parameters for frames made by `display-buffer'." :type 'sexp)
(defcustom pop-up-frame-function (lambda () (make-frame pop-up-frame-alist))
  "Function used by `display-buffer' for creating a new frame." :type 'function)
(defvar display-buffer-function nil
  "If non-nil, function to call to handle `display-buffer'.")
(defvar display-buffer-mark-dedicated nil
  "If non-nil, `display-buffer' marks the windows it creates as dedicated.")
(defvar display-buffer-overriding-action '(nil . nil)
  "Overriding action for buffer display, a cons (FUNCTIONS . ALIST).")
(put 'display-buffer-overriding-action 'risky-local-variable t)
(defcustom display-buffer-alist nil
  "Alist of user-defined conditional actions for `display-buffer'.
Elements are (CONDITION . ACTION): CONDITION a regexp matching
buffer names or a function of the buffer name and the ACTION
argument of `display-buffer'."
  :type 'sexp :risky t)
(defcustom display-buffer-base-action '(nil . nil)
  "User-specified default action for `display-buffer'." :type 'sexp :risky t)
(defconst display-buffer-fallback-action
  '((display-buffer--maybe-same-window display-buffer-reuse-window
     display-buffer--maybe-pop-up-frame-or-window
     display-buffer-in-previous-window display-buffer-use-some-window
     display-buffer-pop-up-frame))
  "The action `display-buffer' falls back on when no other one displayed the buffer.")
(put 'display-buffer-fallback-action 'risky-local-variable t)
(defvar display-buffer--same-window-action
  '(display-buffer-same-window (inhibit-same-window . nil))
  "A `display-buffer' action for displaying in the same window.")
(defvar display-buffer--other-frame-action
  '((display-buffer-reuse-window display-buffer-pop-up-frame)
    (reusable-frames . 0)
    (inhibit-same-window . t))
  "A `display-buffer' action for displaying in another frame.")
(defcustom switch-to-buffer-preserve-window-point t
  "If non-nil, `switch-to-buffer' tries to preserve `window-point'." :type 'symbol)
(defcustom switch-to-buffer-in-dedicated-window nil
  "Allow switching to buffer in strongly dedicated windows." :type 'symbol)
(defcustom switch-to-buffer-obey-display-actions nil
  "If non-nil, `switch-to-buffer' runs `pop-to-buffer-same-window' instead."
  :type 'boolean)
(defcustom switch-to-visible-buffer t
  "If non-nil, allow switching to an already visible buffer." :type 'boolean)
(defcustom switch-to-prev-buffer-skip nil
  "Buffers `switch-to-prev-buffer' should skip." :type 'sexp)
(defcustom delete-window-choose-selected 'mru
  "How to choose a frame's selected window after window deletion." :type 'symbol)
(defcustom frame-auto-hide-function #'iconify-frame
  "Function called to automatically hide frames." :type 'function)
(defcustom quit-window-hook nil
  "Hook run before performing any other actions in the `quit-window' command."
  :type 'hook)
(defvar temp-buffer-window-setup-hook nil
  "Normal hook run by `with-temp-buffer-window' before buffer display.")
(defvar temp-buffer-window-show-hook nil
  "Normal hook run by `with-temp-buffer-window' after buffer display.")
(defvar temp-buffer-setup-hook nil
  "Normal hook run by `with-output-to-temp-buffer' at the start.")
(defvar temp-buffer-show-hook nil
  "Normal hook run by `with-output-to-temp-buffer' after displaying the buffer.")
(defvar temp-buffer-resize-mode nil
  "Non-nil means temporary buffer windows are resized to fit (not done in batch).")
(defvar recenter-last-op nil "Last operation of `recenter-top-bottom'.")

;;;; Selecting windows temporarily.

(defun internal--before-save-selected-window ()
  "Record the selection state that `save-selected-window' restores.
The value is (SELECTED-WINDOW (FRAME . ITS-SELECTED-WINDOW)...)."
  (let ((per-frame nil))
    (dolist (frame (frame-list))
      (push (cons frame (frame-selected-window frame)) per-frame))
    (cons (selected-window) (nreverse per-frame))))

(defun internal--after-save-selected-window (state)
  "Reinstate the selection recorded in STATE, skipping what has died since."
  (dolist (pair (cdr state))
    (let ((frame (car pair)) (window (cdr pair)))
      (when (and (frame-live-p frame) (window-live-p window))
        (set-frame-selected-window frame window 'norecord))))
  (if (window-live-p (car state))
      (select-window (car state) 'norecord)))

(defmacro save-selected-window (&rest body)
  "Run BODY and afterwards select again the window selected before it.
The selected window of every frame and the current buffer come
back too.  Neither the buffer list nor window use times change."
  (declare (indent 0) (debug t))
  (let ((state (make-symbol "selection-state")))
    `(let ((,state (internal--before-save-selected-window)))
       (save-current-buffer
         (unwind-protect (progn ,@body)
           (internal--after-save-selected-window ,state))))))

(defun internal--before-with-selected-window (window)
  "Record the selection state that `with-selected-window' restores around WINDOW.
The value is (WINDOW OLD-SELECTED-WINDOW OTHER-FRAME-SELECTED-WINDOW),
the last one nil when WINDOW is on the selected frame."
  (let* ((target-frame (window-frame window))
         (other (and (not (eq target-frame (selected-frame)))
                     (frame-selected-window target-frame))))
    (list window (selected-window) other)))

(defun internal--after-with-selected-window (state)
  "Undo the temporary selection described by STATE."
  ;; The other frame's window first, so that the old window ends up
  ;; selected together with its frame.
  (dolist (w (list (nth 2 state) (nth 1 state)))
    (if (window-live-p w)
        (select-window w 'norecord))))

(defmacro with-selected-window (window &rest body)
  "Select WINDOW, run BODY, then put the previous selection back.
The current buffer is saved and restored; the buffer list and
window use times are not touched."
  (declare (indent 1) (debug t))
  (let ((state (make-symbol "selection-state")))
    `(let ((,state (internal--before-with-selected-window ,window)))
       (save-current-buffer
         (unwind-protect
             (progn (select-window (car ,state) 'norecord) ,@body)
           (internal--after-with-selected-window ,state))))))

(defmacro with-selected-frame (frame &rest body)
  "Select FRAME while BODY runs, then select the frame selected before."
  (declare (indent 1) (debug t))
  (let ((previous (make-symbol "previous")))
    `(let ((,previous (cons (selected-frame) (current-buffer))))
       (unwind-protect
           (progn (select-frame ,frame 'norecord) ,@body)
         (if (frame-live-p (car ,previous))
             (select-frame (car ,previous) 'norecord))
         (if (buffer-live-p (cdr ,previous))
             (set-buffer (cdr ,previous)))))))

(defmacro save-window-excursion (&rest body)
  "Run BODY, then put the selected frame's windows back as they were.
This happens however BODY exits."
  (declare (indent 0) (debug t))
  (let ((saved (make-symbol "saved-configuration")))
    `(let ((,saved (current-window-configuration)))
       (unwind-protect (progn ,@body)
         (set-window-configuration ,saved)))))

(defmacro with-window-non-dedicated (window &rest body)
  "Evaluate BODY with WINDOW (nil: the selected one) temporarily not dedicated."
  (declare (indent 1) (debug t))
  (let ((w (make-symbol "window")) (d (make-symbol "dedicated")))
    `(let* ((,w (window-normalize-window ,window t))
            (,d (window-dedicated-p ,w)))
       (set-window-dedicated-p ,w nil)
       (unwind-protect (progn ,@body)
         (set-window-dedicated-p ,w ,d)))))

;;;; Arguments and the window tree.

(defun window-normalize-buffer (buffer-or-name)
  "Return the live buffer BUFFER-OR-NAME (a buffer, a name, or nil for the current one)."
  (let ((buffer (cond ((null buffer-or-name) (current-buffer))
                      ((bufferp buffer-or-name) buffer-or-name)
                      ((stringp buffer-or-name) (get-buffer buffer-or-name))
                      (t (error "No such buffer %s" buffer-or-name)))))
    (if (buffer-live-p buffer)
        buffer
      (error "No such live buffer %s" buffer-or-name))))

(defun window-normalize-frame (frame)
  "Return FRAME if it is a live frame, the selected frame if it is nil."
  (cond ((null frame) (selected-frame))
        ((frame-live-p frame) frame)
        (t (error "%s is not a live frame" frame))))

(defun window-normalize-window (window &optional live-only)
  "Return WINDOW, or the selected window if WINDOW is nil.
WINDOW must be valid, or live if LIVE-ONLY is non-nil."
  (cond ((null window) (selected-window))
        (live-only
         (if (window-live-p window) window
           (error "%s is not a live window" window)))
        ((window-valid-p window) window)
        (t (error "%s is not a valid window" window))))

(defun frame-char-size (&optional window-or-frame horizontal)
  "Return the character height (HORIZONTAL: width) of WINDOW-OR-FRAME's frame."
  (let ((frame (cond ((window-valid-p window-or-frame) (window-frame window-or-frame))
                     ((frame-live-p window-or-frame) window-or-frame)
                     (t (selected-frame)))))
    (if horizontal (frame-char-width frame) (frame-char-height frame))))

(defun frame-root-window-p (window)
  "Return non-nil if WINDOW is the root window of its frame."
  (eq window (frame-root-window window)))

(defun window-right (window)
  "Return WINDOW's right (or lower) sibling; nil for a root window."
  (and window (window-parent window) (window-next-sibling window)))

(defun window-left (window)
  "Return WINDOW's left (or upper) sibling; nil for a root window."
  (and window (window-parent window) (window-prev-sibling window)))

(defun window-child (window)
  "Return WINDOW's first child window, or nil."
  (or (window-top-child window) (window-left-child window)))

(defun window-child-count (window)
  "Return the number of WINDOW's child windows."
  (let ((n 0) (child (and (windowp window) (window-child window))))
    (while child
      (setq n (1+ n) child (window-next-sibling child)))
    n))

(defun window-last-child (window)
  "Return the last child window of WINDOW, or nil."
  (let ((child (and (windowp window) (window-child window))))
    (while (and child (window-next-sibling child))
      (setq child (window-next-sibling child)))
    child))

(defun window-combined-p (&optional window horizontal)
  "Return non-nil if WINDOW is part of a vertical combination.
HORIZONTAL non-nil means a horizontal combination."
  (setq window (window-normalize-window window))
  (let ((parent (window-parent window)))
    (and parent (if horizontal (window-left-child parent) (window-top-child parent)))))

(defun window-combination-p (&optional window horizontal)
  "Return WINDOW's first child if WINDOW is a vertical (HORIZONTAL: horizontal) combination."
  (setq window (window-normalize-window window))
  (if horizontal (window-left-child window) (window-top-child window)))

(defun window-combinations (window &optional horizontal ignore-fixed)
  "Return the largest number of windows stacked within WINDOW.
HORIZONTAL non-nil counts windows side by side; IGNORE-FIXED
non-nil ignores fixed-size windows."
  (setq window (window-normalize-window window))
  (cond
   ((window-live-p window) 1)
   ((window-combination-p window horizontal)
    (let ((count 0))
      (dolist (child (window--children window))
        (unless (and ignore-fixed (window-size-fixed-p child horizontal))
          (setq count (+ count (window-combinations child horizontal ignore-fixed)))))
      count))
   (t
    (let ((count 1))
      (dolist (child (window--children window))
        (unless (and ignore-fixed (window-size-fixed-p child horizontal))
          (setq count (max count (window-combinations child horizontal ignore-fixed)))))
      count))))

(defun window--children (window)
  "Return the list of WINDOW's child windows."
  (let ((child (window-child window)) children)
    (while child
      (push child children)
      (setq child (window-next-sibling child)))
    (nreverse children)))

(defun walk-window-tree-1 (fun window any &optional sub-only)
  "Call FUN on WINDOW's subtree (and its right siblings unless SUB-ONLY).
Internal windows get FUN too when ANY is non-nil."
  (while window
    (let ((live (window-buffer window)))
      (when (or live any) (funcall fun window))
      (unless live
        (walk-window-tree-1 fun (window-left-child window) any)
        (walk-window-tree-1 fun (window-top-child window) any)))
    (setq window (if sub-only nil (window-right window)))))

(defun walk-window-tree (fun &optional frame any minibuf)
  "Call FUN on each live window of FRAME, in pre-order.
ANY non-nil includes internal windows.  MINIBUF t includes the
minibuffer window, nil only if it is active, anything else never."
  (let* ((frame (window-normalize-frame frame))
         (root (frame-root-window frame))
         (mini (minibuffer-window frame))
         (include-mini (cond ((eq minibuf t) t)
                             ((null minibuf) (minibuffer-window-active-p mini)))))
    (unless (eq root mini)
      (walk-window-tree-1 fun root any))
    (when (and include-mini
               (window-live-p mini)
               (eq (window-frame mini) frame))
      (funcall fun mini))))

(defun walk-window-subtree (fun &optional window any)
  "Call FUN on the live windows of the subtree at WINDOW (ANY: internal ones too)."
  (walk-window-tree-1 fun (window-normalize-window window) any t))

(defun walk-windows (fun &optional minibuf all-frames)
  "Call FUN on each live window, in the order of `window-list-1'.
MINIBUF and ALL-FRAMES are as for `next-window'.  The selected
window and current buffer are restored afterwards."
  (save-selected-window
    (when (framep all-frames)
      (select-window (frame-first-window all-frames) 'norecord))
    (dolist (walk-windows-window (window-list-1 nil minibuf all-frames))
      (funcall fun walk-windows-window))))

(defun window-with-parameter (parameter &optional value frame any minibuf)
  "Return the first window of FRAME whose PARAMETER is non-nil (or `equal' to VALUE)."
  (catch 'found
    (walk-window-tree
     (lambda (window)
       (let ((v (window-parameter window parameter)))
         (when (and v (or (not value) (equal value v)))
           (throw 'found window))))
     frame any minibuf)))

(defun minibuffer-window-active-p (window)
  "Return t if WINDOW is the currently active minibuffer window."
  (and (window-live-p window) (eq window (active-minibuffer-window))))

(defun active-minibuffer-window ()
  "Return the currently active minibuffer window, or nil.
Batch Emacs reads minibuffer input from standard input, so there
is never one."
  nil)

(defun window-main-window (&optional frame)
  "Return the main window of FRAME.
Without side windows that is FRAME's root window; otherwise the
last non-side window found that has a side window as sibling."
  (let (main)
    (walk-window-tree
     (lambda (window)
       (when (and (not (window-parameter window 'window-side))
                  (let ((prev (window-prev-sibling window))
                        (next (window-next-sibling window)))
                    (or (and prev (window-parameter prev 'window-side))
                        (and next (window-parameter next 'window-side)))))
         (setq main window)))
     frame t 'nomini)
    (or main (frame-root-window (window-normalize-frame frame)))))

(defun window-tree (&optional frame)
  "Return the window tree of FRAME: (ROOT MINIBUFFER-WINDOW).
An internal window appears as (DIR EDGES CHILD...), DIR t for a
vertical combination and nil for a horizontal one."
  (setq frame (window-normalize-frame frame))
  (window--subtree (frame-root-window frame) t))

(defun window--subtree (window &optional next)
  "Return the tree of WINDOW (and, if NEXT, of its following siblings)."
  (let ((result nil))
    (while window
      (let ((vertical (window-top-child window))
            (horizontal (window-left-child window)))
        (push (if (or vertical horizontal)
                  `(,(and vertical t) ,(window-edges window)
                    ,@(window--subtree (or vertical horizontal) t))
                window)
              result))
      (setq window (and next (window-next-sibling window))))
    (nreverse result)))

(defun one-window-p (&optional nomini all-frames)
  "Return non-nil if the selected window is the only window.
NOMINI non-nil ignores the minibuffer window even if active;
ALL-FRAMES as for `next-window'."
  (let* ((start (selected-window))
         (start (if (and nomini (eq start (minibuffer-window)))
                    (next-window start)
                  start)))
    (eq (next-window start (and nomini 'arg) all-frames) start)))

(defun count-windows (&optional minibuf all-frames)
  "Return the number of live windows on the selected frame.
MINIBUF and ALL-FRAMES as for `next-window'."
  (length (window-list-1 nil minibuf all-frames)))

(defun get-window-with-predicate (predicate &optional minibuf all-frames default)
  "Return a live window satisfying PREDICATE, searching from the next window.
If none does, return DEFAULT."
  (catch 'found
    (dolist (window (window-list-1 (next-window nil minibuf all-frames) minibuf all-frames))
      (when (funcall predicate window)
        (throw 'found window)))
    default))
(defalias 'some-window 'get-window-with-predicate)

(defun get-lru-window (&optional all-frames dedicated not-selected no-other)
  "Return the least recently used window on frames given by ALL-FRAMES.
Dedicated windows count only if DEDICATED is non-nil; the selected
window not if NOT-SELECTED; windows with a `no-other-window'
parameter not if NO-OTHER.  Full-width windows are preferred."
  (let (best best-time second second-time)
    (dolist (window (window-list-1 nil 'nomini all-frames))
      (when (and (or dedicated (not (window-dedicated-p window)))
                 (not (and not-selected (eq window (selected-window))))
                 (not (and no-other (window-parameter window 'no-other-window))))
        (let ((time (window-use-time window)))
          (if (or (eq window (selected-window)) (not (window-full-width-p window)))
              (when (or (not second-time) (< time second-time))
                (setq second-time time second window))
            (when (or (not best-time) (< time best-time))
              (setq best-time time best window))))))
    (or best second)))

(defun get-mru-window (&optional all-frames dedicated not-selected no-other)
  "Return the most recently used window on frames given by ALL-FRAMES.
DEDICATED, NOT-SELECTED and NO-OTHER as for `get-lru-window'."
  (let (best best-time)
    (dolist (window (window-list-1 nil 'nomini all-frames))
      (let ((time (window-use-time window)))
        (when (and (or dedicated (not (window-dedicated-p window)))
                   (not (and not-selected (eq window (selected-window))))
                   (not (and no-other (window-parameter window 'no-other-window)))
                   (or (not best-time) (> time best-time)))
          (setq best-time time best window))))
    best))

(defun get-largest-window (&optional all-frames dedicated not-selected no-other)
  "Return the largest window on frames given by ALL-FRAMES.
DEDICATED, NOT-SELECTED and NO-OTHER as for `get-lru-window'."
  (let ((best-size 0) best)
    (dolist (window (window-list-1 nil 'nomini all-frames))
      (when (and (or dedicated (not (window-dedicated-p window)))
                 (not (and not-selected (eq window (selected-window))))
                 (not (and no-other (window-parameter window 'no-other-window))))
        (let ((size (* (window-pixel-height window) (window-pixel-width window))))
          (when (> size best-size)
            (setq best-size size best window)))))
    best))

(defun get-buffer-window-list (&optional buffer-or-name minibuf all-frames)
  "Return the windows showing BUFFER-OR-NAME (default the current buffer).
MINIBUF and ALL-FRAMES as for `next-window'; the selected window
comes first if it shows the buffer."
  (let ((buffer (window-normalize-buffer buffer-or-name))
        windows)
    (dolist (window (window-list-1 (selected-window) minibuf all-frames))
      (when (eq (window-buffer window) buffer)
        (push window windows)))
    (nreverse windows)))

(defun window-full-height-p (&optional window)
  "Return t if WINDOW is as high as its frame's root window.
A minibuffer window counts as full height only if it is the root."
  (let* ((window (window-normalize-window window))
         (root (frame-root-window (window-frame window))))
    (cond ((window-minibuffer-p window) (eq window root))
          (t (= (window-pixel-height root) (window-pixel-height window))))))

(defun window-full-width-p (&optional window)
  "Return t if WINDOW is as wide as its frame's root window."
  (setq window (window-normalize-window window))
  (= (window-pixel-width window)
     (window-pixel-width (frame-root-window window))))

(defun window-at-side-p (&optional window side)
  "Return t if WINDOW is at SIDE (`left', `top', `right' or `bottom') of its frame."
  (setq window (window-normalize-window window))
  (let ((edge (cond ((eq side 'left) 0) ((eq side 'top) 1)
                    ((eq side 'right) 2) ((memq side '(bottom nil)) 3))))
    (= (nth edge (window-pixel-edges window))
       (nth edge (window-pixel-edges (frame-root-window window))))))

;;;; Window sizes.

(defalias 'window-height 'window-total-height)
(defalias 'window-width 'window-body-width)

(defun window-total-size (&optional window horizontal round)
  "Return the total height of WINDOW in lines (HORIZONTAL: total width in columns)."
  (if horizontal
      (window-total-width window round)
    (window-total-height window round)))

(defun window-size (&optional window horizontal pixelwise round)
  "Return the height (HORIZONTAL: width) of WINDOW, in pixels if PIXELWISE."
  (if horizontal
      (if pixelwise (window-pixel-width window) (window-total-width window round))
    (if pixelwise (window-pixel-height window) (window-total-height window round))))

(defun window-body-size (&optional window horizontal pixelwise)
  "Return the height (HORIZONTAL: width) of WINDOW's text area."
  (if horizontal
      (window-body-width window pixelwise)
    (window-body-height window pixelwise)))

(defun window-safe-min-size (&optional window horizontal pixelwise)
  "Return the safe minimum size of WINDOW: 1 line or 2 columns."
  (setq window (window-normalize-window window))
  (let ((size (if horizontal window-safe-min-width window-safe-min-height)))
    (if pixelwise (* size (frame-char-size window horizontal)) size)))

(defun window-safe-min-pixel-size (&optional window horizontal)
  "Return the safe minimum pixel size of WINDOW."
  (window-safe-min-size window horizontal t))

(defun window-min-pixel-height (&optional window)
  "Return the minimum pixel height of WINDOW: `window-min-height' lines, 1 for a minibuffer window."
  (* (max (if (window-minibuffer-p window) 1 window-min-height) window-safe-min-height)
     (frame-char-size window)))

(defun window-min-pixel-width (&optional window)
  "Return the minimum pixel width of WINDOW, from `window-min-width'."
  (* (max window-min-width window-safe-min-width) (frame-char-size window t)))

(defun window-min-pixel-size (&optional window horizontal)
  "Return the minimum pixel height (HORIZONTAL: width) of WINDOW."
  (if horizontal (window-min-pixel-width window) (window-min-pixel-height window)))

(defun window-preserved-size (&optional window horizontal)
  "Return the preserved height (HORIZONTAL: width) of live WINDOW, or nil."
  (setq window (window-normalize-window window t))
  (let ((parameter (window-parameter window 'window-preserved-size)))
    (when (eq (nth 0 parameter) (window-buffer window))
      (if horizontal (nth 1 parameter) (nth 2 parameter)))))

(defun window--preserve-size (window horizontal)
  "Return non-nil if WINDOW's height (HORIZONTAL: width) shall be preserved."
  (let ((size (window-preserved-size window horizontal)))
    (and (numberp size)
         (= size (if horizontal (window-body-width window t) (window-body-height window t))))))

(defun window-preserve-size (&optional window horizontal preserve)
  "Preserve (PRESERVE non-nil) or stop preserving the height (HORIZONTAL: width) of WINDOW."
  (setq window (window-normalize-window window t))
  (let* ((parameter (window-parameter window 'window-preserved-size))
         (width (nth 1 parameter))
         (height (nth 2 parameter)))
    (set-window-parameter
     window 'window-preserved-size
     (if horizontal
         (list (window-buffer window) (and preserve (window-body-width window t)) height)
       (list (window-buffer window) width (and preserve (window-body-height window t)))))))

(defun window--min-size-ignore-p (window ignore)
  "Return non-nil if IGNORE says to ignore size restrictions for WINDOW."
  (cond ((window-valid-p ignore) (eq ignore window))
        ((eq ignore 'preserved) nil)
        (t (and ignore t))))

(defun window-min-size (&optional window horizontal ignore pixelwise)
  "Return the minimum height (HORIZONTAL: width) of WINDOW.
IGNORE as for `window-resizable'; PIXELWISE non-nil means pixels."
  (window--min-size-1 (window-normalize-window window) horizontal ignore pixelwise))

(defun window--min-size-1 (window horizontal ignore pixelwise)
  "Compute `window-min-size' of WINDOW."
  (let ((first (window-child window)))
    (if (null first)
        (window--min-size-live window horizontal ignore pixelwise)
      (let ((sizes (mapcar (lambda (child)
                             (window--min-size-1 child horizontal ignore pixelwise))
                           (window--children window))))
        ;; Children side by side in the direction asked add up; the
        ;; others only need room for the largest.
        (apply (if (window-combined-p first horizontal) #'+ #'max) sizes)))))

(defun window--size-fixed-1 (window horizontal ignore)
  "Return non-nil if WINDOW's size is fixed (see `window-size-fixed-p')."
  (let ((sub (window-child window)))
    (if sub
        (if (window-combined-p sub horizontal)
            ;; An iso-combination is fixed if all its children are.
            (catch 'free
              (while sub
                (unless (window--size-fixed-1 sub horizontal ignore) (throw 'free nil))
                (setq sub (window-right sub)))
              t)
          ;; An ortho-combination is fixed if one of its children is.
          (catch 'fixed
            (while sub
              (when (window--size-fixed-1 sub horizontal ignore) (throw 'fixed t))
              (setq sub (window-right sub)))
            nil))
      (and (not (and (windowp ignore) (eq window ignore)))
           (or (and (not (eq ignore 'preserved))
                    (window--preserve-size window horizontal))
               (with-current-buffer (window-buffer window)
                 (memq window-size-fixed (if horizontal '(width t) '(height t)))))))))

(defun window-size-fixed-p (&optional window horizontal ignore)
  "Return non-nil if WINDOW's height (HORIZONTAL: width) is fixed."
  (when (or (windowp ignore) (memq ignore '(nil preserved)))
    (window--size-fixed-1 (window-normalize-window window) horizontal ignore)))

(defun window-sizable (window delta &optional horizontal ignore pixelwise)
  "Return how much of DELTA lines (HORIZONTAL: columns) can be added to WINDOW.
Only WINDOW and its children are considered."
  (setq window (window-normalize-window window))
  (cond
   ((< delta 0)
    (let ((min-size (window-min-size window horizontal ignore pixelwise))
          (size (window-size window horizontal pixelwise)))
      (if (<= size min-size) 0 (max (- min-size size) delta))))
   ((> delta 0)
    (if (window-size-fixed-p window horizontal ignore) 0 delta))
   (t 0)))

(defun window-sizable-p (window delta &optional horizontal ignore pixelwise)
  "Return t if WINDOW can be resized by DELTA lines (see `window-sizable')."
  (setq window (window-normalize-window window))
  (if (> delta 0)
      (>= (window-sizable window delta horizontal ignore pixelwise) delta)
    (<= (window-sizable window delta horizontal ignore pixelwise) delta)))

(defun window--decoration-pixels (window horizontal)
  "Return the pixels of WINDOW that are not text: lines of a mode line,
header line and the like, or (HORIZONTAL) margins, scroll bar and divider."
  (if (not horizontal)
      (+ (window-tab-line-height window) (window-header-line-height window)
         (window-mode-line-height window) (window-scroll-bar-height window)
         (window-bottom-divider-width window))
    (let ((margin-columns (+ (or (car (window-margins window)) 0)
                             (or (cdr (window-margins window)) 0))))
      (+ (* margin-columns (frame-char-size window t))
         (window-scroll-bar-width window)
         (window-right-divider-width window)))))

(defun window--min-size-live (window horizontal ignore pixelwise)
  "Compute `window-min-size' of the live WINDOW."
  (with-current-buffer (window-buffer window)
    (let ((fixed (window-size-fixed-p window horizontal ignore))
          (unit (frame-char-size window horizontal)))
      (if fixed
          (window-size window horizontal pixelwise)
        (if (eq ignore 'safe)
            (window-safe-min-size window horizontal pixelwise)
          (let ((needed (ceiling (+ (window-safe-min-size window horizontal t)
                                    (window--decoration-pixels window horizontal))
                                 unit))
                (free (window--min-size-ignore-p window ignore)))
            (cond (pixelwise
                   (max (* needed unit)
                        (if free 0 (window-min-pixel-size window horizontal))))
                  (free needed)
                  (t (max needed (if horizontal window-min-width window-min-height))))))))))

(defun window--trading-siblings (window trail)
  "Return the siblings of WINDOW that may trade space with it.
TRAIL `before' keeps only the ones before WINDOW, `after' the
ones after it; anything else keeps all."
  (let ((seen-window nil) (result nil))
    (dolist (sibling (window--children (window-parent window)))
      (cond ((eq sibling window) (setq seen-window t))
            ((eq trail (if seen-window 'before 'after)))
            (t (push sibling result))))
    (nreverse result)))

(defun window--spare-size (window horizontal ignore pixelwise rounding)
  "Return by how much WINDOW exceeds its minimum size; 0 at least.
ROUNDING is passed on to `window-size'."
  (max 0 (- (window-size window horizontal pixelwise rounding)
            (window-min-size window horizontal ignore pixelwise))))

(defun window--min-delta-1 (window delta &optional horizontal ignore trail noup pixelwise)
  "Return how much of DELTA WINDOW can give to its siblings and ancestors' siblings."
  (let ((parent (window-parent window))
        (settled noup))
    (when parent
      (if (window-combined-p window horizontal)
          ;; One sibling that can grow takes all of DELTA.
          (dolist (sibling (window--trading-siblings window trail))
            (unless (window-size-fixed-p sibling horizontal ignore)
              (setq settled t)))
        ;; Side by side with WINDOW, every sibling must shrink as well.
        (dolist (sibling (window--children parent))
          (unless (eq sibling window)
            (setq delta (min delta (window--spare-size
                                    sibling horizontal ignore pixelwise 'ceiling))))))
      (unless settled
        (setq delta (window--min-delta-1 parent delta horizontal ignore trail nil pixelwise))))
    (if parent delta 0)))

(defun window-min-delta (&optional window horizontal ignore trail noup nodown pixelwise)
  "Return the number of lines (HORIZONTAL: columns) by which WINDOW can be shrunk."
  (setq window (window-normalize-window window))
  (let ((size (window-size window horizontal pixelwise 'floor))
        (minimum (window-min-size window horizontal ignore pixelwise)))
    (cond (nodown (window--min-delta-1 window size horizontal ignore trail noup pixelwise))
          ((<= size minimum) 0)
          (t (window--min-delta-1 window (- size minimum) horizontal ignore trail noup pixelwise)))))

(defun window--max-delta-1 (window delta &optional horizontal ignore trail noup pixelwise)
  "Return how much WINDOW can get from its siblings and ancestors' siblings, plus DELTA."
  (let ((parent (window-parent window))
        (settled noup))
    (when parent
      (if (window-combined-p window horizontal)
          (dolist (sibling (window--trading-siblings window trail))
            (setq delta (+ delta (window--spare-size
                                  sibling horizontal ignore pixelwise 'floor))))
        ;; A fixed sibling side by side with WINDOW keeps the parent's size.
        (dolist (sibling (window--children parent))
          (when (and (not (eq sibling window))
                     (window-size-fixed-p sibling horizontal ignore))
            (setq settled t))))
      (unless settled
        (setq delta (window--max-delta-1 parent delta horizontal ignore trail nil pixelwise))))
    delta))

(defun window-max-delta (&optional window horizontal ignore trail noup nodown pixelwise)
  "Return the number of lines (HORIZONTAL: columns) by which WINDOW can be enlarged."
  (setq window (window-normalize-window window))
  (if (and (not nodown) (window-size-fixed-p window horizontal ignore))
      0
    (window--max-delta-1 window 0 horizontal ignore trail noup pixelwise)))

(defun window--resizable (window delta &optional horizontal ignore trail noup nodown pixelwise)
  "Return the part of DELTA by which WINDOW can be resized (see `window-resizable')."
  (setq window (window-normalize-window window))
  (cond ((< delta 0)
         (max (- (window-min-delta window horizontal ignore trail noup nodown pixelwise)) delta))
        ((> delta 0)
         (min (window-max-delta window horizontal ignore trail noup nodown pixelwise) delta))
        (t 0)))

(defun window--resizable-p (window delta &optional horizontal ignore trail noup nodown pixelwise)
  "Return t if WINDOW can be resized by all of DELTA (see `window--resizable')."
  (setq window (window-normalize-window window))
  (let ((d (window--resizable window delta horizontal ignore trail noup nodown pixelwise)))
    (if (> delta 0) (>= d delta) (<= d delta))))

(defun window-resizable (window delta &optional horizontal ignore pixelwise)
  "Return DELTA if WINDOW can be resized by DELTA lines (HORIZONTAL: columns).
Otherwise return the part of DELTA that is possible; 0 if none.
IGNORE non-nil ignores fixed sizes and minimum sizes (`safe':
down to the safe minimum; `preserved': only preserved sizes; a
window: restrictions of that window only)."
  (window--resizable window delta horizontal ignore nil nil nil pixelwise))

(defun window-resizable-p (window delta &optional horizontal ignore pixelwise)
  "Return t if WINDOW can be resized by DELTA lines (see `window-resizable')."
  (window--resizable-p window delta horizontal ignore nil nil nil pixelwise))

(defun window--size-to-pixel (window size &optional horizontal pixelwise round-maybe)
  "Return SIZE lines (HORIZONTAL: columns) of WINDOW in pixels, unless PIXELWISE."
  (ignore round-maybe)
  (if pixelwise size (* size (frame-char-size window horizontal))))

;;;; Resizing: the new sizes that `window-resize-apply' installs.

(defun window--resize-reset (&optional frame horizontal)
  "Make every window of FRAME's new size its current height (HORIZONTAL: width)."
  (window--resize-reset-1 (frame-root-window (window-normalize-frame frame)) horizontal))

(defun window--resize-reset-1 (window horizontal)
  "Reset the new sizes of WINDOW, its subtree and its following siblings."
  (while window
    (set-window-new-normal window)
    (set-window-new-total window (window-size window horizontal))
    (set-window-new-pixel window (window-size window horizontal t))
    (let ((first-child (window-child window)))
      (if first-child (window--resize-reset-1 first-child horizontal)))
    (setq window (window-right window))))

(defun window--resize-child-windows-skip-p (window)
  "Return non-nil if the resizing routines shall leave WINDOW alone."
  (memq (window-new-normal window) '(ignore stuck skip)))

(defun window--resize-child-windows-normal (parent horizontal window this-delta &optional trail other-delta)
  "Set new normal sizes of PARENT's children after WINDOW changed by THIS-DELTA.
OTHER-DELTA is what was taken from (or given to) PARENT's ancestors."
  (let* ((delta-normal
          (if (and (= (- this-delta) (window-size window horizontal t))
                   (eql other-delta 0))
              (- (window-normal-size window horizontal))
            (/ (float this-delta) (window-size parent horizontal t))))
         (parent-normal 0.0)
         (others nil))
    ;; The children that share the change: all but WINDOW and the
    ;; ones on the TRAIL side.
    (let ((skip (eq trail 'after)))
      (dolist (sub (window--children parent))
        (cond ((eq sub window) (setq skip (eq trail 'before)))
              (skip)
              (t (push sub others)
                 (setq parent-normal (+ parent-normal (window-normal-size sub horizontal)))))))
    (dolist (sub others)
      (let ((old (window-normal-size sub horizontal)))
        (set-window-new-normal
         sub (min 1.0 (max (- old (* (/ old parent-normal) delta-normal)) 0.0)))))
    (when (numberp other-delta)
      (let ((factor (/ (float (window-size parent horizontal t))
                       (+ (window-size parent horizontal t) other-delta))))
        (dolist (sub others)
          (set-window-new-normal sub (min 1.0 (max (* (window-new-normal sub) factor) 0.0))))))
    (let ((sum 0))
      (dolist (sub (window--children parent))
        (unless (eq sub window)
          (setq sum (+ sum (if (numberp (window-new-normal sub))
                               (window-new-normal sub)
                             (window-normal-size sub horizontal))))))
      (set-window-new-normal window (min 1.0 (max (- 1.0 sum) 0.0))))))

(defun window--resize-child-windows (parent delta &optional horizontal window ignore trail edge char-size)
  "Resize the children of PARENT by DELTA pixels in total.
WINDOW, if given, is the child the caller resizes itself.  With
TRAIL `before' or `after' and EDGE a pixel position, a child whose
edge lies there takes all of DELTA if it can; otherwise the change
is spread over the children (see `window--spread-over-children').
Return `normalized' when the new normal sizes are already set."
  (let ((unit (or char-size (and window-resize-pixelwise 1)
                  (frame-char-size parent horizontal)))
        (new-parent-size (+ (window-size parent horizontal t) delta))
        (at-edge (and edge (memq trail '(before after))
                      (window--child-at-edge parent delta horizontal ignore trail edge))))
    (if (not at-edge)
        (window--spread-over-children parent delta horizontal ignore trail edge unit
                                      new-parent-size)
      (window--resize-this-window at-edge delta horizontal ignore t trail edge)
      (if (not window)
          (window--resize-child-windows-normal parent horizontal at-edge 0 trail delta)
        ;; WINDOW's normal size changes by what AT-EDGE's does, oppositely.
        (let ((share (/ (float (window-new-pixel at-edge)) new-parent-size)))
          (set-window-new-normal at-edge share)
          (set-window-new-normal
           window (- (window-normal-size window horizontal)
                     (- share (window-normal-size at-edge horizontal))))))
      'normalized)))

(defun window--child-at-edge (parent delta horizontal ignore trail edge)
  "Return the child of PARENT whose TRAIL side is at pixel EDGE, if it can take DELTA."
  (let ((child (window-child parent)))
    (while (and (window-right child)
                (if (eq trail 'before)
                    (not (window--resize-child-windows-skip-p (window-right child)))
                  (window--resize-child-windows-skip-p child)))
      (setq child (window-right child)))
    (let* ((start (if horizontal (window-pixel-left child) (window-pixel-top child)))
           (side (if (eq trail 'before)
                     (+ start (window-size child horizontal t))
                   start)))
      (and (= side edge)
           (window-sizable-p child delta horizontal ignore t)
           child))))

(defun window--share-offset (window horizontal pixels parent-size)
  "Return how far PIXELS of PARENT-SIZE are from WINDOW's normal size, as a fraction."
  (- (/ (float pixels) parent-size) (window-normal-size window horizontal)))

(defun window--spread-over-children (parent delta horizontal ignore trail edge unit parent-size)
  "Resize the children of PARENT by DELTA pixels, UNIT pixels at a time.
Each step goes to the child whose share of PARENT-SIZE is furthest
from its normal size: the largest share when shrinking, the
smallest when growing.  While this runs, a child's new normal slot
holds its offset (a cons of what it can still give and the offset
when shrinking), or `ignore' for a child of fixed size."
  (let ((children (reverse (window--children parent)))
        (shrinking (< delta 0))
        (left (abs delta))
        (taker nil))
    (dolist (child children)
      (cond
       ((window--resize-child-windows-skip-p child))
       ((and (not ignore) (window-size-fixed-p child horizontal ignore))
        (set-window-new-normal child 'ignore))
       (t
        (let ((offset (window--share-offset child horizontal (window-size child horizontal t)
                                            parent-size)))
          (cond (shrinking
                 (set-window-new-normal
                  child (cons (window-min-delta child horizontal ignore trail t nil t) offset)))
                ((> delta 0) (set-window-new-normal child offset)))))))
    (unless (zerop delta)
      (while (and (> left 0)
                  (setq taker (window--furthest-child children shrinking)))
        (let* ((state (window-new-normal taker))
               (step (if shrinking (min (car state) unit left) (min left unit))))
          (setq left (- left step))
          (set-window-new-pixel taker (if shrinking (- step) step) t)
          (let ((offset (window--share-offset taker horizontal (window-new-pixel taker)
                                              parent-size)))
            (set-window-new-normal
             taker (cond ((not shrinking) offset)
                         ((= (car state) step) 'skip)
                         (t (cons (- (car state) step) offset)))))))
      ;; Install the sizes only when all of DELTA found a taker.
      (when taker
        (dolist (child children)
          (let ((state (window-new-normal child)))
            (when (or (consp state) (numberp state))
              (set-window-new-normal child))
            (unless (eq state 'ignore)
              (let ((change (- (window-new-pixel child) (window-size child horizontal t))))
                (when (or trail (/= change 0))
                  (window--resize-this-window child change horizontal ignore nil trail edge))))))))))

(defun window--furthest-child (children shrinking)
  "Return the one of CHILDREN that should take the next step of a resize.
See `window--spread-over-children'; ties go to the earliest of CHILDREN."
  (let ((best nil) (best-offset nil))
    (dolist (child children)
      (let ((state (window-new-normal child)))
        (when (if shrinking
                  (and (consp state) (> (car state) 0)
                       (or (null best-offset) (> (cdr state) best-offset)))
                (and (numberp state)
                     (or (null best-offset) (< state best-offset))))
          (setq best child
                best-offset (if shrinking (cdr state) state)))))
    best))

(defun window--resize-siblings (window delta &optional horizontal ignore trail edge char-size)
  "Resize the other windows when WINDOW changes by DELTA pixels.
WINDOW itself is not resized here; what its siblings cannot take
goes up to the parent's siblings."
  (let ((parent (window-parent window)))
    (when parent
      (if (window-combined-p window horizontal)
          (setq delta (window--resize-iso-siblings
                       window parent delta horizontal ignore trail edge char-size))
        ;; Side by side with WINDOW, all siblings change by DELTA too.
        (set-window-new-pixel parent delta 'add)
        (dolist (sibling (window--children parent))
          (unless (eq sibling window)
            (window--resize-this-window sibling delta horizontal ignore t))))
      (unless (zerop delta)
        (window--resize-siblings parent delta horizontal ignore trail edge char-size)))))

(defun window--resize-this-window (window delta &optional horizontal ignore add trail edge char-size)
  "Resize WINDOW by DELTA pixels and its children accordingly.
ADD non-nil means add DELTA to WINDOW's new size first."
  (when add
    (set-window-new-pixel window delta t))
  (let ((sub (window-child window)))
    (cond
     ((not sub))
     ((window-combined-p sub horizontal)
      (window--resize-child-windows window delta horizontal nil ignore trail edge char-size))
     (t
      (while sub
        (window--resize-this-window sub delta horizontal ignore t trail edge char-size)
        (setq sub (window-right sub)))))))

(defun window--resize-root-window (window delta horizontal ignore pixelwise)
  "Resize root window WINDOW by DELTA lines (or pixels if PIXELWISE), proportionally."
  (when (and (windowp window) (numberp delta))
    (let ((pixel-delta (if pixelwise delta (window--size-to-pixel window delta horizontal))))
      (when (window-sizable-p window pixel-delta horizontal ignore t)
        (window--resize-reset (window-frame window) horizontal)
        (window--resize-this-window window pixel-delta horizontal ignore t)))))

(defun window--resize-iso-siblings (window parent delta horizontal ignore trail edge char-size)
  "Let the siblings of WINDOW in its combination PARENT take DELTA pixels.
Return the part of DELTA they cannot take, added to PARENT's new size."
  (let ((traders (window--trading-siblings window trail))
        (any-free nil))
    (dolist (sibling (window--children parent))
      (cond ((memq sibling traders)
             (unless (window-size-fixed-p sibling horizontal ignore)
               (setq any-free t)))
            (t (set-window-new-normal sibling 'ignore))))
    (let* ((deleting (= (- delta) (window-size window horizontal t)))
           (here (cond ((not deleting)
                        (window--resizable window delta horizontal ignore trail t nil t))
                       (any-free delta)
                       (t 0)))
           (rest (- delta here)))
      (unless (zerop rest)
        (set-window-new-pixel parent rest 'add))
      (when (or (zerop here)
                (not (eq 'normalized
                         (window--resize-child-windows
                          parent (- here) horizontal window ignore trail edge char-size))))
        (window--resize-child-windows-normal parent horizontal window here trail rest))
      rest)))

(defun window--pixel-to-total-1 (window horizontal char-size)
  "Set the new total sizes of WINDOW's subtree from their pixel sizes."
  (let ((children (window--children window)))
    (if (not (window-combination-p window horizontal))
        (dolist (child children)
          (set-window-new-total child (window-new-total window))
          (window--pixel-to-total-1 child horizontal char-size))
      (let ((unassigned (window-new-total window)))
        (dolist (child children)
          (let ((whole (max 1 (/ (window-size child horizontal t) char-size))))
            (set-window-new-total child whole)
            (setq unassigned (- unassigned whole))))
        ;; Lines left over go one by one to the child with the largest
        ;; fraction of a line, the later child on a tie.
        (while (> unassigned 0)
          (let ((winner nil) (winner-fraction 0))
            (dolist (child (reverse children))
              (let* ((pixels (window-size child horizontal t))
                     (fraction (% pixels char-size)))
                (when (and (> fraction winner-fraction)
                           (<= (window-new-total child) (/ pixels char-size)))
                  (setq winner child winner-fraction fraction))))
            (if (null winner)
                (setq unassigned 0)
              (set-window-new-total winner 1 t)
              (setq unassigned (1- unassigned)))))
        (dolist (child children)
          (window--pixel-to-total-1 child horizontal char-size))))))

(defun window--pixel-to-total (&optional frame horizontal)
  "Set the total heights (HORIZONTAL: widths) of FRAME's windows from their pixel sizes."
  (let* ((frame (window-normalize-frame frame))
         (unit (frame-char-size frame horizontal))
         (root (frame-root-window frame))
         (mini (let ((m (minibuffer-window frame)))
                 (and (not (eq m root)) (eq (window-frame m) frame) m))))
    (cond ((and mini (not horizontal))
           (window--share-lines-with-minibuffer root mini unit))
          (t
           (set-window-new-total root (round (window-size root horizontal t) unit))
           (if mini
               (set-window-new-total mini (round (window-size mini horizontal t) unit)))))
    (unless (window-live-p root)
      (window--pixel-to-total-1 root horizontal unit))
    (window-resize-apply-total frame horizontal)))

(defun window--resize-apply-p (frame &optional horizontal)
  "Return t if the new sizes of FRAME's windows can be applied."
  (window-resize-apply frame horizontal))

(defun window-resize (window delta &optional horizontal ignore pixelwise)
  "Resize WINDOW by DELTA lines (HORIZONTAL: columns), taking the space from others.
IGNORE as for `window-resizable'; PIXELWISE non-nil means DELTA is in pixels."
  (setq window (window-normalize-window window))
  (let* ((frame (window-frame window))
         (pixel-delta (if pixelwise delta (window--size-to-pixel window delta horizontal))))
    (cond
     ((eq window (frame-root-window frame))
      (error "Cannot resize the root window of a frame"))
     ((window-minibuffer-p window)
      (error "Cannot resize the minibuffer window here"))
     ((window--resizable-p window pixel-delta horizontal ignore nil nil nil t)
      (window--resize-reset frame horizontal)
      (window--resize-this-window window pixel-delta horizontal ignore t)
      (window--resize-siblings window pixel-delta horizontal ignore)
      (if (window-resize-apply frame horizontal)
          (window--pixel-to-total frame horizontal)
        (error "Failed to apply resizing %s" window)))
     (t (error "Cannot resize window %s" window)))))

(defun window-resize-no-error (window delta &optional horizontal ignore pixelwise)
  "Like `window-resize', but return nil instead of signaling an error."
  (when (window--resizable-p window delta horizontal ignore nil nil nil pixelwise)
    (window-resize window delta horizontal ignore pixelwise)))

(defun window--share-lines-with-minibuffer (root mini unit)
  "Set the new total heights of ROOT and MINI, UNIT pixels a line.
Both get their whole lines first; a line left over by rounding
goes to the one whose pixel height leaves the larger remainder."
  (let* ((root-pixels (window-size root nil t))
         (mini-pixels (window-size mini nil t))
         (root-lines (max 1 (/ root-pixels unit)))
         (mini-lines (max 1 (/ mini-pixels unit))))
    (dotimes (_ (- (round (+ root-pixels mini-pixels) unit) root-lines mini-lines))
      (if (< (% root-pixels root-lines) (% mini-pixels mini-lines))
          (setq mini-lines (1+ mini-lines))
        (setq root-lines (1+ root-lines))))
    (set-window-new-total root root-lines)
    (set-window-new-total mini mini-lines)))

(defun enlarge-window (delta &optional horizontal)
  "Make the selected window DELTA lines taller (HORIZONTAL: columns wider).
If that much is not possible, resize it as far as it goes."
  (interactive "p")
  (if (window-preserved-size nil horizontal)
      (window-preserve-size nil horizontal))
  (unless (zerop delta)
    (let ((refusal
           (cond ((window-size-fixed-p nil horizontal) "Selected window has fixed size")
                 ((window-minibuffer-p) "Cannot resize minibuffer window")
                 ((and (minibuffer-window) (eq (frame-root-window) (selected-window)))
                  "Cannot resize the root window of a frame"))))
      (when refusal
        (user-error "%s" refusal))
      (window-resize nil
                     (cond ((window--resizable-p nil delta horizontal) delta)
                           ((< delta 0) (- (window-min-delta nil horizontal)))
                           (t (window-max-delta nil horizontal)))
                     horizontal))))

(defun shrink-window (delta &optional horizontal)
  "Make the selected window DELTA lines smaller (HORIZONTAL: columns narrower)."
  (interactive "p")
  (enlarge-window (- delta) horizontal))

;;;; Window edges.

(defun window-edges (&optional window body absolute pixelwise)
  "Return (LEFT TOP RIGHT BOTTOM) of WINDOW in columns and lines.
BODY non-nil means the text area's edges (WINDOW must be live);
ABSOLUTE non-nil means relative to the display rather than the
frame; PIXELWISE non-nil means in pixels."
  (let* ((window (window-normalize-window window body))
         (frame (window-frame window))
         (border (frame-internal-border-width frame))
         (cw (frame-char-width frame))
         (ch (frame-char-height frame))
         (left (if pixelwise (+ (window-pixel-left window) border)
                 (+ (window-left-column window) (/ border cw))))
         (top (if pixelwise (+ (window-pixel-top window) border)
                (+ (window-top-line window) (/ border ch))))
         (right (+ left (if pixelwise (window-pixel-width window) (window-total-width window))))
         (bottom (+ top (if pixelwise (window-pixel-height window) (window-total-height window))))
         (left-body (and body (+ (window-pixel-left window) border
                                 (nth 0 (window-fringes window))
                                 (* (or (car (window-margins window)) 0) cw))))
         (top-body (and body (+ (window-pixel-top window) border
                                (window-header-line-height window)
                                (window-tab-line-height window))))
         (right-body (and body (+ left-body (window-body-width window t))))
         (bottom-body (and body (+ top-body (window-body-height window t)))))
    (cond
     (absolute
      (let* ((pos (frame-position frame))
             (dx (car pos)) (dy (cdr pos)))
        (if body
            (list (+ left-body dx) (+ top-body dy) (+ right-body dx) (+ bottom-body dy))
          (list (+ left dx) (+ top dy) (+ right dx) (+ bottom dy)))))
     ((and body pixelwise) (list left-body top-body right-body bottom-body))
     (body (list (/ left-body cw) (/ top-body ch)
                 (/ (+ right-body cw -1) cw) (/ (+ bottom-body ch -1) ch)))
     (t (list left top right bottom)))))

(defun window-body-edges (&optional window)
  "Return the edges of WINDOW's text area in columns and lines."
  (window-edges window t nil nil))
(defalias 'window-inside-edges 'window-body-edges)

(defun window-pixel-edges (&optional window)
  "Return the edges of WINDOW in pixels."
  (window-edges window nil nil t))

(defun window-body-pixel-edges (&optional window)
  "Return the edges of WINDOW's text area in pixels."
  (window-edges window t nil t))
(defalias 'window-inside-pixel-edges 'window-body-pixel-edges)

(defun window-at-x-y (x y &optional frame no-other)
  "Return the live window at pixel coordinates X, Y of FRAME, or nil.
NO-OTHER non-nil means nil for a window with a `no-other-window' parameter."
  (let* ((frame (window-normalize-frame frame))
         (outer (window-edges (frame-root-window frame) nil nil t))
         (hit (catch 'hit
                (walk-window-tree
                 (lambda (w)
                   (if (window--covers-pixel-p w x y outer)
                       (throw 'hit w)))
                 frame)
                nil)))
    (if (and hit no-other (window-parameter hit 'no-other-window))
        nil
      hit)))

;;;; Splitting and deleting windows.

(defun window-split-min-size (&optional horizontal)
  "Return the minimum number of lines (HORIZONTAL: columns) of a window made by splitting."
  (max (if horizontal window-min-width window-min-height)
       (if horizontal window-safe-min-width window-safe-min-height)))

(defun window--covers-pixel-p (window x y outer)
  "Return non-nil if pixel X, Y lies in WINDOW.
OUTER are the pixel edges of the frame's root window: a point on
its right or bottom edge belongs to the windows along that edge."
  (let ((edges (window-edges window nil nil t)))
    (and (<= (nth 0 edges) x)
         (<= (nth 1 edges) y)
         (or (= x (nth 2 outer)) (< x (nth 2 edges)))
         (or (= y (nth 3 outer)) (< y (nth 3 edges))))))

(defun window--normalize-split-side (side)
  "Return the canonical form of the SIDE argument of `split-window'."
  (cond ((memq side '(nil below down)) 'below)
        ((memq side '(above up)) 'above)
        ((eq side 'left) 'left)
        (t 'right)))

(defun split-window (&optional window size side pixelwise)
  "Make a new window next to WINDOW (default the selected one) and return it.
SIZE positive makes WINDOW SIZE lines (or columns) big, negative
makes the new window -SIZE big; nil splits WINDOW in half.  SIDE
nil or `below', `above', t or `right', `left' says where the new
window goes.  PIXELWISE non-nil means SIZE is in pixels.  A
`split-window' parameter of WINDOW that is a function is called
instead, unless `ignore-window-parameters' is non-nil."
  (let* ((window (window-normalize-window window))
         (side (window--normalize-split-side side))
         (custom (window-parameter window 'split-window))
         (obey-parameters (not (or ignore-window-parameters (eq custom t)))))
    (cond
     ((and obey-parameters (functionp custom))
      (funcall custom window size side))
     ((and obey-parameters
           (window-parameter window 'window-side)
           (not (eq window-combination-resize 'side)))
      (error "Cannot split side window or parent of side window"))
     (t
      (let* ((horizontal (memq side '(left right)))
             (pixels (and (numberp size)
                          (window--size-to-pixel window size horizontal pixelwise t)))
             ;; `split-window-internal' reads this variable too.
             (window-combination-limit
              (if (and (eq window-combination-resize t) pixels (> pixels 0))
                  t
                window-combination-limit)))
        (window--split window pixels side (and horizontal t)))))))

(defun split-window-no-error (&optional window size side pixelwise)
  "Like `split-window', but return nil instead of signaling an error."
  (condition-case nil
      (split-window window size side pixelwise)
    (error nil)))

(defun window--split-new-size (window parent pixels horizontal spread)
  "Return the pixel size of the window that splitting WINDOW makes.
PIXELS is the requested size (see `split-window'), SPREAD non-nil
means the space comes from all of PARENT's children."
  (let ((old (window-size window horizontal t)))
    (cond
     ((and pixels (< pixels 0)) (- pixels))
     (pixels (- old pixels))
     (t
      (let ((unit (frame-char-size window horizontal))
            (wanted
             (if (not spread)
                 (/ old 2)
               (let ((parent-size (window-size parent horizontal t)))
                 (max (window-min-pixel-size window horizontal)
                      (min (/ parent-size (1+ (window-combinations parent horizontal)))
                           (- parent-size (window-min-size parent horizontal nil t))))))))
        (if window-resize-pixelwise
            wanted
          (* (round wanted unit) unit)))))))

(defun window--split-too-small (window parent pixels new horizontal spread)
  "Return the window too small for splitting WINDOW so that NEW pixels
go to the new window, or nil when the split is possible."
  (let ((old (window-size window horizontal t))
        (safe (window-safe-min-pixel-size window horizontal)))
    (cond
     ((and pixels (>= pixels 0) (or (>= pixels old) (< new safe)))
      window)
     (spread
      (unless (window-sizable-p parent (- new) horizontal nil t)
        parent))
     ((null pixels)
      (and (< old (+ new (window-min-size window horizontal nil t)))
           window))
     ((or (< new safe) (< (- old new) safe))
      window))))

(defun window--split (window pixels side horizontal)
  "Split WINDOW on SIDE, the new window PIXELS big (see `split-window').
Return the new window."
  (let* ((frame (window-frame window))
         (parent (window-parent window))
         (spread (and window-combination-resize
                      (not (memq window-combination-resize '(side)))
                      (not (eq window-combination-limit t))
                      (window-combined-p window horizontal)))
         (old (window-size window horizontal t))
         (new (window--split-new-size window parent pixels horizontal spread))
         (culprit (window--split-too-small window parent pixels new horizontal spread)))
    (when culprit
      (error "Window %s too small for splitting" culprit))
    (window--resize-reset frame horizontal)
    (let* ((own-parent (or (eq window-combination-limit t)
                           (not (window-combined-p window horizontal))))
           (new-normal
            (cond (pixels
                   (/ (float new) (if own-parent old (window-size parent horizontal t))))
                  (own-parent 0.5)
                  (spread (/ 1.0 (1+ (window-combinations parent horizontal t))))
                  (t (/ (window-normal-size window horizontal) 2.0)))))
      (if (not spread)
          (progn
            (set-window-new-pixel window (- old new))
            (window--resize-this-window window (- new) horizontal)
            (set-window-new-normal
             window (- (if own-parent 1.0 (window-normal-size window horizontal))
                       new-normal)))
        (window--resize-child-windows parent (- new) horizontal)
        (let ((scale (- 1.0 new-normal)))
          (dolist (child (window--children parent))
            (set-window-new-normal child (* scale (window-normal-size child horizontal))))))
      (let ((made (split-window-internal window new side new-normal))
            (margins (window-parameter window 'min-margins)))
        (window--pixel-to-total frame horizontal)
        (if margins
            (set-window-parameter made 'min-margins margins))
        (run-window-scroll-functions made)
        made))))

(defun window--split-selected (size side least)
  "Split the selected window on SIDE; SIZE is a raw prefix argument.
A new window of fewer than LEAST lines or columns is refused."
  (let ((count (and size (prefix-numeric-value size))))
    (if (and count (< count 0) (> least (- count)))
        (error "Size of new window too small"))
    (split-window nil count side)))

(defun window--inherit-quit-restore (from to)
  "Give window TO the `quit-restore' parameter of window FROM, if any."
  (let ((parameter (window-parameter from 'quit-restore)))
    (if parameter
        (set-window-parameter to 'quit-restore parameter))))

(defun split-window-below (&optional size)
  "Split the selected window into two, the new one below, and return it.
SIZE as for `split-window'.  Unless `split-window-keep-point', the
window whose lines contain point stays selected."
  (interactive "P")
  (let* ((upper (selected-window))
         (upper-point (window-point))
         (lower (window--split-selected size 'below window-min-height)))
    (unless split-window-keep-point
      (window--place-point-after-split upper upper-point lower))
    (window--inherit-quit-restore upper lower)
    lower))
(defun window--place-point-after-split (upper upper-point lower)
  "Start LOWER where the text of UPPER ends, and select the one showing UPPER-POINT."
  (with-current-buffer (window-buffer upper)
    (goto-char (window-start upper))
    (forward-line (1- (window-height upper)))
    (let ((boundary (point)))
      (set-window-start lower boundary)
      (if (< (window-point lower) boundary)
          (set-window-point lower boundary))
      (if (/= boundary upper-point)
          (select-window lower)
        (set-window-point upper boundary)))))

(defalias 'split-window-vertically #'split-window-below)

(defun split-window-right (&optional size)
  "Split the selected window into two side by side, the new one on the right.
SIZE as for `split-window'.  Return the new window."
  (interactive "P")
  (let* ((left (selected-window))
         (right (window--split-selected size 'right window-min-width)))
    (window--inherit-quit-restore left right)
    right))
(defalias 'split-window-horizontally #'split-window-right)

(defun window-deletable-p (&optional window)
  "Return t if WINDOW can be safely deleted from its frame.
Return `frame' if WINDOW is its frame's root window and the frame
could be deleted (never in batch, which has one frame)."
  (setq window (window-normalize-window window))
  (let ((frame (window-frame window)))
    (cond
     ((frame-root-window-p window)
      (unless (eq frame (next-frame frame 0))
        'frame))
     ((window-minibuffer-p window) nil)
     ((or ignore-window-parameters
          (not (eq window (window-main-window frame))))
      t))))

(defun delete-window (&optional window)
  "Delete WINDOW (a valid window, default the selected one) and return nil.
Its space goes to its left (or upper) sibling, or else to the
right one.  If WINDOW was its frame's selected window, the most
recently used remaining window is selected.  A `delete-window'
parameter that is a function is called instead, unless
`ignore-window-parameters' is non-nil."
  (interactive)
  (let* ((window (window-normalize-window window))
         (custom (window-parameter window 'delete-window))
         (obey-parameters (not (or ignore-window-parameters (eq custom t)))))
    (if (and obey-parameters (functionp custom))
        (funcall custom window)
      (when obey-parameters
        (let ((frame (window-frame window)))
          (cond ((null (window-parent window))
                 (error "Attempt to delete minibuffer or sole ordinary window"))
                ((eq (window-main-window frame) window)
                 (error "Attempt to delete main window of frame %s" frame)))))
      (window--delete-from-tree window)
      nil)))

(defun window--delete-from-tree (window)
  "Delete WINDOW, giving its space to its siblings, and fix the frame's selection."
  (let* ((frame (window-frame window))
         (parent (window-parent window))
         (horizontal (window-left-child parent))
         (pixels (window-size window horizontal t))
         (was-selected (frame-selected-window frame))
         (heir (or (window-left window) (window-right window)))
         (window-combination-resize
          (or window-combination-resize (window-parameter parent 'window-side))))
    (window--resize-reset frame horizontal)
    (if (and heir
             (not (eq window-combination-resize t))
             (window-sizable-p heir pixels horizontal nil t))
        ;; The neighbour takes all of WINDOW's space and normal size.
        (progn
          (window--resize-this-window heir pixels horizontal nil t)
          (set-window-new-normal heir (+ (window-normal-size window horizontal)
                                         (window-normal-size heir horizontal))))
      (window--resize-siblings
       window (- pixels) horizontal
       (not (window--resizable-p window (- pixels) horizontal nil nil nil t t))))
    (delete-window-internal window)
    (window--pixel-to-total frame horizontal)
    (unless (window-live-p was-selected)
      (let ((current (frame-selected-window frame)))
        (set-frame-selected-window
         frame
         (or (and (eq delete-window-choose-selected 'mru)
                  (get-mru-window frame nil nil t))
             (and (window-parameter current 'no-other-window)
                  (window--first-selectable frame))
             current))))))

(defun window--first-selectable (frame)
  "Return the first window of FRAME without a `no-other-window' parameter."
  (catch 'found
    (walk-window-tree (lambda (w)
                        (unless (window-parameter w 'no-other-window)
                          (throw 'found w)))
                      frame)
    nil))

(defun delete-other-windows (&optional window interactive)
  "Make WINDOW (default the selected window) fill its frame; return nil.
A `delete-other-windows' parameter that is a function is called
instead, unless `ignore-window-parameters' is non-nil.  INTERACTIVE
non-nil reports when there is nothing to delete."
  (interactive "i\np")
  (let* ((window (window-normalize-window window))
         (frame (window-frame window))
         (custom (window-parameter window 'delete-other-windows))
         (obey-parameters (not (or ignore-window-parameters (eq custom t)))))
    (if (and obey-parameters (functionp custom))
        (funcall custom window)
      (when obey-parameters
        (if (window-parameter window 'window-side)
            (error "Cannot make side window the only window"))
        (if (and (window-minibuffer-p window)
                 (not (eq (frame-root-window window) window)))
            (error "Can't expand minibuffer to full frame")))
      (cond
       ((and (not ignore-window-parameters)
             (window-with-parameter 'no-delete-other-windows nil frame))
        ;; Some windows must stay: delete the others one by one.
        (dolist (other (window-list frame))
          (unless (or (eq other window)
                      (not (window-live-p other))
                      (window-parameter other 'no-delete-other-windows))
            (ignore-errors (delete-window other)))))
       ((not (eq window (frame-root-window frame)))
        (delete-other-windows-internal window (frame-root-window frame)))
       ((and interactive (not executing-kbd-macro) (not noninteractive))
        (message "No other windows to delete")))
      nil)))

(defun window--frames-for-on (frame)
  "Translate the FRAME argument of `delete-windows-on' into an ALL-FRAMES one."
  (cond ((eq frame t) nil)
        ((null frame) t)
        (t frame)))

(defun delete-windows-on (&optional buffer-or-name frame)
  "Delete all windows showing BUFFER-OR-NAME (default the current buffer).
FRAME nil means all frames, t the selected frame, otherwise as for
`next-window'.  A window that cannot be deleted shows another buffer."
  (interactive "bDelete windows on (buffer):\nP")
  (let ((buffer (window-normalize-buffer buffer-or-name)))
    (dolist (window (window-list-1 nil nil (window--frames-for-on frame)))
      (cond
       ((not (eq buffer (window-buffer window)))
        (unrecord-window-buffer window buffer))
       ((eq t (window-deletable-p window))
        (delete-window window))
       (t
        (let ((side (eq (window-dedicated-p window) 'side)))
          (set-window-dedicated-p window nil)
          (switch-to-prev-buffer window 'bury)
          (if side (set-window-dedicated-p window 'side))))))))

(defun other-window (count &optional all-frames interactive)
  "Select the COUNTth window in cyclic order from the selected one; return nil.
Negative COUNT goes backwards.  ALL-FRAMES as for `next-window'.
Windows with a `no-other-window' parameter are skipped.  An
`other-window' parameter of the selected window that is a
function is called instead, unless `ignore-window-parameters'."
  (interactive "p\ni\np")
  (let ((custom (and (not ignore-window-parameters)
                     (window-parameter (selected-window) 'other-window))))
    (if (functionp custom)
        (funcall custom count all-frames)
      (let ((target (window--count-off (selected-window) count all-frames)))
        (when target
          (if (and interactive (eq target (selected-window))
                   (not executing-kbd-macro) (not noninteractive))
              (message "No other window to select"))
          (select-window target)))
      nil)))

;;;; What windows showed: the buffer history of a window.

(defun window--count-off (start count all-frames)
  "Return the window COUNT steps from START, not counting skipped windows.
Return nil when the walk comes round to the same skipped window
with the same count left, that is, when only skipped windows remain."
  (let ((window start) (landmark nil) (landmark-count nil))
    (catch 'hopeless
      (while (/= count 0)
        (setq window (if (< count 0)
                         (previous-window window nil all-frames)
                       (next-window window nil all-frames)))
        (cond ((eq window landmark)
               (if (= count landmark-count) (throw 'hopeless nil)))
              ((window-parameter window 'no-other-window)
               (unless landmark
                 (setq landmark window landmark-count count)))
              ((< count 0) (setq count (1+ count)))
              (t (setq count (1- count)))))
      window)))

(defun push-window-buffer-onto-prev (&optional window)
  "Put WINDOW's buffer, start and point at the front of its previous buffers."
  (let* ((window (window-normalize-window window t))
         (buffer (window-buffer window))
         (history (window-prev-buffers window))
         (known (assq buffer history))
         (start (window-start window))
         (spot (window-point window)))
    (set-window-prev-buffers
     window
     (cons (cons buffer
                 (with-current-buffer buffer
                   (if (not known)
                       (list (copy-marker start)
                             (copy-marker spot window-point-insertion-type))
                     (list (set-marker (nth 1 known) start)
                           (set-marker (nth 2 known) spot)))))
           (if known (assq-delete-all buffer history) history)))))

(defun record-window-buffer (&optional window)
  "Record WINDOW's buffer in WINDOW's previous buffers (unless its name starts with a space)."
  (let* ((window (window-normalize-window window t))
         (buffer (window-buffer window)))
    (set-window-next-buffers window nil)
    (unless (eq (aref (buffer-name buffer) 0) ?\s)
      (push-window-buffer-onto-prev window)
      (run-hooks 'buffer-list-update-hook))))

(defun unrecord-window-buffer (&optional window buffer)
  "Remove BUFFER (default WINDOW's buffer) from WINDOW's previous and next buffers."
  (let* ((window (window-normalize-window window t))
         (buffer (or buffer (window-buffer window))))
    (set-window-prev-buffers window (assq-delete-all buffer (window-prev-buffers window)))
    (set-window-next-buffers window (delq buffer (window-next-buffers window)))))

(defun set-window-buffer-start-and-point (window buffer &optional start point)
  "Make WINDOW show BUFFER, with START and POINT if given.
If WINDOW is selected and showed the current buffer, BUFFER
becomes current."
  (let* ((window (window-normalize-window window t))
         (follow (and (eq window (selected-window))
                      (eq (current-buffer) (window-buffer window))))
         (side (eq 'side (window-dedicated-p window))))
    (set-window-buffer window buffer)
    (if side (set-window-dedicated-p window 'side))
    (if follow (set-buffer buffer))
    (if start (set-window-start window start t))
    (if point (set-window-point window point))))

(defun switch-to-prev-buffer-skip-p (skip window buffer &optional bury-or-kill)
  "Return non-nil if `switch-to-prev-buffer' should skip BUFFER according to SKIP."
  (when skip
    (if (functionp skip)
        (funcall skip window buffer bury-or-kill)
      (get-buffer-window buffer skip))))

(defun window--switch-skip (frame)
  "The skip value of `switch-to-prev-buffer' for a window of FRAME."
  (cond ((or (functionp switch-to-prev-buffer-skip)
             (memq switch-to-prev-buffer-skip '(t visible 0)))
         switch-to-prev-buffer-skip)
        ((or switch-to-prev-buffer-skip (not switch-to-visible-buffer))
         frame)))

(defun window--switch-target (window old-buffer)
  "Return the window whose buffer `switch-to-prev-buffer' changes for WINDOW.
That is WINDOW, or for a minibuffer window the window selected
before it.  Signal an error if that window is strongly dedicated
\(to OLD-BUFFER, named in the message)."
  (when (window-minibuffer-p window)
    (let ((before (minibuffer-selected-window)))
      (unless before
        (error "Window %s is a minibuffer window" window))
      (setq window before)))
  (if (memq (window-dedicated-p window) '(nil side))
      window
    (error "Window %s is dedicated to buffer %s" window old-buffer)))

(defun window--shown-buffer-p (buffer)
  "Return non-nil unless BUFFER's name marks it as internal (a leading space)."
  (not (eq ?\s (aref (buffer-name buffer) 0))))

(defun switch-to-prev-buffer (&optional window bury-or-kill)
  "In WINDOW (default the selected one), show the buffer it showed before.
Return that buffer, or nil if there is none suitable.  BURY-OR-KILL
non-nil means WINDOW's current buffer is being buried or killed
and is removed from WINDOW's history (`append' moves it to the end)."
  (interactive)
  (let* ((window (window-normalize-window window t))
         (frame (window-frame window))
         (side-window (window-parameter window 'window-side))
         (old (window-buffer window))
         (later (window-next-buffers window))
         (pred (frame-parameter frame 'buffer-predicate))
         (skip (window--switch-skip frame))
         (result nil) (dead nil) (passed nil))
    (setq window (window--switch-target window old))
    (let ((alive (lambda (buffer)
                   (or (buffer-live-p buffer) (progn (push buffer dead) nil))))
          (wanted (lambda (buffer) (or (null pred) (funcall pred buffer))))
          (offer (lambda (buffer &optional entry)
                   ;; Show BUFFER unless SKIP refuses it; nil if refused.
                   (unless (switch-to-prev-buffer-skip-p skip window buffer bury-or-kill)
                     (setq result buffer)
                     (set-window-buffer-start-and-point
                      window buffer (nth 1 entry) (nth 2 entry))
                     (throw 'switched t)))))
      (catch 'switched
        ;; What WINDOW showed before, latest first.  As in Emacs, the
        ;; value is the last buffer looked at here if nothing fits.
        (dolist (entry (window-prev-buffers window))
          (let ((buffer (car entry)))
            (unless (eq buffer old)
              (setq result buffer)
              (and (funcall alive buffer)
                   (funcall wanted buffer)
                   (or bury-or-kill (not (memq buffer later)))
                   (not (funcall offer buffer entry))
                   (setq passed buffer)))))
        ;; Then the frame's other buffers.
        (unless side-window
          (dolist (buffer (if bury-or-kill (buffer-list frame) (nreverse (buffer-list frame))))
            (and (buffer-live-p buffer)
                 (not (eq buffer old))
                 (funcall wanted buffer)
                 (window--shown-buffer-p buffer)
                 (or bury-or-kill (not (memq buffer later)))
                 (not (funcall offer buffer))
                 (not passed)
                 (setq passed buffer))))
        ;; Last, what WINDOW was switched away from, earliest first.
        (unless bury-or-kill
          (dolist (buffer (reverse later))
            (let (entry)
              (and (funcall alive buffer)
                   (not (eq buffer old))
                   (funcall wanted buffer)
                   (setq entry (assq buffer (window-prev-buffers window)))
                   (not (funcall offer buffer entry))
                   (not passed)
                   (setq passed buffer)))))
        (when (and passed (not (functionp switch-to-prev-buffer-skip)))
          (setq result passed)
          (set-window-buffer-start-and-point window passed))))
    (if (not bury-or-kill)
        (set-window-next-buffers window (cons old (delq old later)))
      (let ((keep (and (eq bury-or-kill 'append)
                       (assq old (window-prev-buffers window)))))
        (set-window-prev-buffers window (assq-delete-all old (window-prev-buffers window)))
        (set-window-next-buffers window (delq old later))
        (if keep
            (set-window-prev-buffers
             window (append (window-prev-buffers window) (list keep))))))
    (dolist (buffer dead)
      (unrecord-window-buffer window buffer))
    result))

(defun switch-to-next-buffer (&optional window)
  "In WINDOW (default the selected one), undo a `switch-to-prev-buffer'.
Return the buffer switched to, or nil."
  (interactive)
  (let* ((window (window-normalize-window window t))
         (frame (window-frame window))
         (side-window (window-parameter window 'window-side))
         (old (window-buffer window))
         (later (window-next-buffers window))
         (pred (frame-parameter frame 'buffer-predicate))
         (skip (window--switch-skip frame))
         (result nil) (dead nil) (passed nil))
    (setq window (window--switch-target window old))
    (let ((alive (lambda (buffer)
                   (or (buffer-live-p buffer) (progn (push buffer dead) nil))))
          (wanted (lambda (buffer) (or (null pred) (funcall pred buffer))))
          (offer (lambda (buffer &optional entry)
                   (unless (switch-to-prev-buffer-skip-p skip window buffer)
                     (setq result buffer)
                     (set-window-buffer-start-and-point
                      window buffer (nth 1 entry) (nth 2 entry))
                     (throw 'switched t)))))
      (catch 'switched
        ;; What WINDOW was switched away from, latest first.
        (dolist (buffer later)
          (let (entry)
            (and (funcall alive buffer)
                 (not (eq buffer old))
                 (funcall wanted buffer)
                 (setq entry (assq buffer (window-prev-buffers window)))
                 (not (funcall offer buffer entry))
                 (setq passed buffer))))
        ;; Then the frame's buffers WINDOW never showed.
        (unless side-window
          (dolist (buffer (buffer-list frame))
            (and (buffer-live-p buffer)
                 (not (eq buffer old))
                 (funcall wanted buffer)
                 (window--shown-buffer-p buffer)
                 (not (assq buffer (window-prev-buffers window)))
                 (not (funcall offer buffer))
                 (not passed)
                 (setq passed buffer))))
        ;; Last, what WINDOW showed before, earliest first.
        (dolist (entry (reverse (window-prev-buffers window)))
          (let ((buffer (car entry)))
            (and (not (eq buffer result))
                 (not (eq buffer old))
                 (setq result buffer)
                 (funcall alive buffer)
                 (funcall wanted buffer)
                 (not (funcall offer buffer entry))
                 (not passed)
                 (setq passed buffer))))
        (when (and passed (not (functionp switch-to-prev-buffer-skip)))
          (setq result passed)
          (set-window-buffer-start-and-point window passed))))
    (set-window-next-buffers window (delq result later))
    (dolist (buffer dead)
      (unrecord-window-buffer window buffer))
    result))

(defun previous-buffer (&optional arg interactive)
  "In the selected window, switch to the ARGth previous buffer."
  (interactive "p\np")
  (cond
   ((window-minibuffer-p) (user-error "Cannot switch buffers in minibuffer window"))
   ((eq (window-dedicated-p) t) (user-error "Window is strongly dedicated to its buffer"))
   (t (dotimes (_ (or arg 1))
        (when (and (not (switch-to-prev-buffer)) interactive
                   (not (or executing-kbd-macro noninteractive)))
          (user-error "No previous buffer"))))))

(defun next-buffer (&optional arg interactive)
  "In the selected window, switch to the ARGth next buffer."
  (interactive "p\np")
  (cond
   ((window-minibuffer-p) (user-error "Cannot switch buffers in minibuffer window"))
   ((eq (window-dedicated-p) t) (user-error "Window is strongly dedicated to its buffer"))
   (t (dotimes (_ (or arg 1))
        (when (and (not (switch-to-next-buffer)) interactive
                   (not (or executing-kbd-macro noninteractive)))
          (user-error "No next buffer"))))))

(defun get-next-valid-buffer (list &optional buffer visible-ok frame)
  "Return the first buffer of LIST suitable for display in FRAME, other than BUFFER."
  (setq frame (or frame (selected-frame)))
  (let ((pred (frame-parameter frame 'buffer-predicate)))
    (catch 'found
      (dolist (buf list)
        (when (and (not (eq buffer buf))
                   (buffer-live-p buf)
                   (or (null pred) (funcall pred buf))
                   (not (eq (aref (buffer-name buf) 0) ?\s))
                   (or visible-ok (null (get-buffer-window buf 'visible))))
          (throw 'found buf))))))

(defun last-buffer (&optional buffer visible-ok frame)
  "Return the last suitable buffer of FRAME's buffer list other than BUFFER, or *scratch*."
  (setq frame (or frame (selected-frame)))
  (or (get-next-valid-buffer (nreverse (buffer-list frame)) buffer visible-ok frame)
      (get-buffer "*scratch*")
      (let ((scratch (get-buffer-create "*scratch*")))
        (set-buffer-major-mode scratch)
        scratch)))

(defun window--hide-frame (frame kill)
  "Get rid of FRAME whose last window is quit: delete it if KILL, else hide it."
  (let ((own-way (frame-parameter frame 'auto-hide-function)))
    (cond (kill (delete-frame frame))
          ((functionp own-way) (funcall own-way))
          ((functionp frame-auto-hide-function)
           (funcall frame-auto-hide-function frame)))))

(defun window--delete (&optional window dedicated-only kill)
  "Delete live WINDOW if possible and return non-nil if it is gone.
DEDICATED-ONLY non-nil deletes it only if it is dedicated; KILL
non-nil means its buffer is about to be killed.  The value is
`frame' when WINDOW's frame went instead."
  (let ((window (window-normalize-window window t)))
    (when (or (not dedicated-only) (window-dedicated-p window))
      (let ((how (window-deletable-p window)))
        (if (eq how 'frame)
            (progn (window--hide-frame (window-frame window) kill)
                   'frame)
          (when how
            (delete-window window)
            t))))))

(defun bury-buffer (&optional buffer-or-name)
  "Put BUFFER-OR-NAME (default the current buffer) at the end of the buffer list.
Without an argument, also remove the buffer from the selected window
if it shows it: delete the window if dedicated, else show another
buffer there."
  (interactive)
  (let ((buffer (window-normalize-buffer buffer-or-name)))
    (bury-buffer-internal buffer)
    (and (null buffer-or-name)
         (eq buffer (window-buffer))
         (not (window-minibuffer-p))
         (not (window--delete nil t))
         (progn (set-window-dedicated-p nil nil)
                (switch-to-prev-buffer nil 'bury)))
    nil))

(defun unbury-buffer ()
  "Show the buffer at the end of the buffer list in the selected window."
  (interactive)
  (let ((buried (last-buffer)))
    (switch-to-buffer buried)))

(defun replace-buffer-in-windows (&optional buffer-or-name)
  "Replace BUFFER-OR-NAME with some other buffer in all windows showing it.
A dedicated window is deleted if possible.  The buffer is also
removed from every window's previous and next buffers."
  (interactive "bBuffer to replace: ")
  (let ((buffer (window-normalize-buffer buffer-or-name)))
    (dolist (window (window-list-1 nil nil t))
      (if (not (eq buffer (window-buffer window)))
          (unrecord-window-buffer window buffer)
        (let ((side (eq 'side (window-dedicated-p window))))
          (unless (and (not side) (window--delete window t t))
            (set-window-dedicated-p window nil)
            (cond ((switch-to-prev-buffer window 'kill)
                   (if side (set-window-dedicated-p window 'side)))
                  (t (window--delete window nil 'kill)))))))))

(defun window--select-if-live (window)
  "Select WINDOW if it is a live window."
  (if (window-live-p window)
      (select-window window)))

(defun window--made-to-show-p (window info buffer)
  "Return non-nil if WINDOW was made to show BUFFER, according to its quit-restore INFO."
  (and (eq buffer (nth 3 info))
       (or (eq 'frame (nth 1 info))
           (and (eq 'window (nth 1 info))
                (not (eq (frame-root-window window) window))))))

(defun window--combined-size (window)
  "Return WINDOW's total size along its combination (its height if not side by side)."
  (if (window-combined-p window)
      (window-total-height window)
    (window-total-width window)))

(defun window--restore-quad (window quad buffer dedicated bury-or-kill)
  "Make WINDOW show again what QUAD of its quit-restore parameter recorded.
QUAD is (BUFFER START POINT SIZE); BUFFER is what WINDOW shows now,
DEDICATED its dedication and BURY-OR-KILL as for `quit-restore-window'."
  (let ((size (nth 3 quad)))
    (when (and (integerp size) (/= size (window--combined-size window)))
      (ignore-errors
        (window-resize window (- size (window--combined-size window))
                       (window-combined-p window t)))))
  (set-window-dedicated-p window nil)
  (set-window-buffer-start-and-point window (nth 0 quad) (nth 1 quad) (nth 2 quad))
  (if (eq dedicated 'side)
      (set-window-dedicated-p window 'side))
  (let ((moved (and (eq bury-or-kill 'append)
                    (assq buffer (window-prev-buffers window)))))
    (if bury-or-kill
        (unrecord-window-buffer window buffer))
    (if moved
        (set-window-prev-buffers
         window (append (window-prev-buffers window) (list moved))))))

(defun quit-restore-window (&optional window bury-or-kill)
  "Quit WINDOW (default the selected one) and deal with its buffer.
Following WINDOW's `quit-restore' parameter, delete WINDOW, or show
the buffer it showed before, or some other buffer.  BURY-OR-KILL:
nil leaves the buffer alone, `append' and `bury' move it to the end
of the buffer list (and of WINDOW's history), `kill' kills it."
  (let* ((window (window-normalize-window window t))
         (buffer (window-buffer window))
         (info (window-parameter window 'quit-restore))
         (quad (nth 1 info))
         (back-to (nth 2 info))
         (killing (eq bury-or-kill 'kill))
         (dedicated (window-dedicated-p window))
         (other-shown (let ((entries (window-prev-buffers window)))
                        (while (and entries (eq buffer (caar entries)))
                          (setq entries (cdr entries)))
                        entries)))
    (cond
     ((or (and dedicated (not (eq dedicated 'side))
               (window--delete window 'dedicated killing))
          (and (null other-shown)
               (window--made-to-show-p window info buffer)
               (window--delete window nil killing)))
      (window--select-if-live back-to))
     ((and (listp quad) (buffer-live-p (car quad)) (eq buffer (nth 3 info)))
      (window--restore-quad window quad buffer dedicated bury-or-kill)
      (set-window-parameter window 'quit-restore nil)
      (window--select-if-live back-to))
     (t
      (set-window-parameter window 'quit-restore nil)
      (set-window-dedicated-p window nil)
      (cond ((switch-to-prev-buffer window bury-or-kill)
             (if (eq dedicated 'side) (set-window-dedicated-p window 'side)))
            (t (window--delete window nil killing)
               (window--select-if-live back-to)))))
    (when (buffer-live-p buffer)
      (cond (killing (kill-buffer buffer))
            (bury-or-kill (bury-buffer-internal buffer))))))

(defun quit-window (&optional kill window)
  "Quit WINDOW (default the selected one) and bury its buffer (KILL: kill it).
Runs `quit-window-hook' first, then `quit-restore-window'."
  (interactive "P")
  (let ((how (if kill 'kill 'bury)))
    (with-current-buffer (window-buffer (window-normalize-window window))
      (run-hooks 'quit-window-hook))
    (quit-restore-window window how)))

(defun quit-windows-on (&optional buffer-or-name kill frame)
  "Quit all windows showing BUFFER-OR-NAME, killing it if KILL; FRAME as for `delete-windows-on'."
  (interactive "bQuit windows on (buffer):\nP")
  (let ((buffer (window-normalize-buffer buffer-or-name)))
    (dolist (window (window-list-1 nil nil (window--frames-for-on frame)))
      (if (eq buffer (window-buffer window))
          (quit-window kill window)
        (unrecord-window-buffer window buffer)))))

(defun kill-buffer-and-window ()
  "Kill the current buffer and delete the selected window."
  (interactive)
  (let ((window-to-delete (selected-window))
        (buffer-to-kill (current-buffer)))
    (unwind-protect
        (when (kill-buffer (current-buffer))
          (when (and (window-live-p window-to-delete)
                     (not (eq buffer-to-kill (window-buffer window-to-delete))))
            (quit-restore-window window-to-delete 'bury)))
      nil)))

;;;; Displaying buffers.

(defun window--in-direction-2 (window posn &optional horizontal)
  "Return the distance from WINDOW's rows (HORIZONTAL: columns) to position POSN."
  (if horizontal
      (let ((top (window-pixel-top window)))
        (if (> top posn) (- top posn) (- posn top (window-pixel-height window))))
    (let ((left (window-pixel-left window)))
      (if (> left posn) (- left posn) (- posn left (window-pixel-width window))))))

(defun window--direction-probe (window across sign)
  "Return the pixel row (ACROSS non-nil) or column of WINDOW to look from.
SIGN negative means WINDOW's last one, positive its first; else
the one of point, which is the second in batch (`posn-at-point'
has no display to ask)."
  (let ((from (if across (window-pixel-top window) (window-pixel-left window)))
        (span (if across (window-pixel-height window) (window-pixel-width window))))
    (cond ((not (numberp sign)) (1+ from))
          ((> sign 0) from)
          ((< sign 0) (+ from span -1))
          (t (1+ from)))))

(defun window-in-direction (direction &optional window ignore sign wrap minibuf)
  "Return the nearest window in DIRECTION of WINDOW (default the selected one), or nil.
DIRECTION is `above' (or `up'), `below' (or `down'), `left' or
`right'.  Windows are looked for at the column (or row) of
WINDOW's point (its first one in batch, which has no display);
SIGN negative means WINDOW's last column or row, positive its
first.  Failing such a window, the nearest one in DIRECTION counts.
Windows with a `no-other-window' parameter count only if IGNORE.
WRAP non-nil wraps around the frame's edges; MINIBUF as for
`walk-window-tree'."
  (setq window (window-normalize-window window t))
  (cond ((eq direction 'up) (setq direction 'above))
        ((eq direction 'down) (setq direction 'below))
        ((not (memq direction '(above below left right)))
         (error "Wrong direction %s" direction)))
  (let* ((frame (window-frame window))
         (hor (memq direction '(left right)))
         (first (if hor (window-pixel-left window) (window-pixel-top window)))
         (last (+ first (window-size window hor t)))
         (posn (window--direction-probe window hor sign))
         (best-edge (cond ((eq direction 'below) (frame-pixel-height frame))
                          ((eq direction 'right) (frame-pixel-width frame))
                          (t -1)))
         (best-edge-2 best-edge)
         (best-diff-2 (if hor (frame-pixel-height frame) (frame-pixel-width frame)))
         best best-2)
    (walk-window-tree
     (lambda (w)
       (let* ((w-top (window-pixel-top w))
              (w-left (window-pixel-left w))
              ;; W's position along DIRECTION, its extent across it.
              (w-pos (if hor w-left w-top))
              (w-size (if hor (window-pixel-width w) (window-pixel-height w)))
              (w-across (if hor w-top w-left))
              (w-across-size (if hor (window-pixel-height w) (window-pixel-width w)))
              (before (memq direction '(above left))))
         (cond
          ((or (eq window w)
               (and (window-parameter w 'no-other-window) (not ignore))))
          ((and (<= w-across posn) (< posn (+ w-across w-across-size)))
           ;; W covers POSN: the nearest such window wins.
           (when (if before
                     (or (and (<= w-pos first) (> w-pos best-edge))
                         (and wrap
                              (window-at-side-p window (if hor 'left 'top))
                              (window-at-side-p w (if hor 'right 'bottom))))
                   (or (and (>= w-pos (if hor last first)) (< w-pos best-edge))
                       (and wrap
                            (window-at-side-p window (if hor 'right 'bottom))
                            (window-at-side-p w (if hor 'left 'top)))))
             (setq best-edge w-pos best w)))
          ((and (if before (<= (+ w-pos w-size) first) (<= last w-pos))
                ;; W lies in DIRECTION without covering POSN: the one
                ;; nearest to POSN is the fallback.
                (let ((diff (window--in-direction-2 w posn hor)))
                  (when (or (< diff best-diff-2)
                            (and (= diff best-diff-2)
                                 (if before (> w-pos best-edge-2) (< w-pos best-edge-2))))
                    (setq best-diff-2 diff)
                    t)))
           (setq best-edge-2 w-pos best-2 w)))))
     frame nil minibuf)
    (or best best-2)))

(defun window-splittable-p (window &optional horizontal)
  "Return non-nil if `split-window-sensibly' may split WINDOW.
Vertically (HORIZONTAL nil) WINDOW must be at least
`split-height-threshold' lines and twice `window-min-height' high;
horizontally at least `split-width-threshold' and twice
`window-min-width' columns wide.  A fixed size forbids it."
  (and (window-live-p window)
       (not (window-parameter window 'window-side))
       (with-current-buffer (window-buffer window)
         (let ((threshold (if horizontal split-width-threshold split-height-threshold))
               (least (if horizontal
                          (max window-min-width 2)
                        (max window-min-height (if mode-line-format 2 1)))))
           (and (numberp threshold)
                (memq window-size-fixed (if horizontal '(nil height) '(nil width)))
                (>= (if horizontal (window-width window) (window-height window))
                    (max threshold (* 2 least))))))))

(defun split-window-sensibly (&optional window)
  "Split WINDOW (default the selected one) in a way suitable for `display-buffer'.
Try below, then on the right; if WINDOW is the only (non-dedicated)
window of its frame, try below ignoring `split-height-threshold'.
Return the new window, or nil."
  (let ((window (or window (selected-window))))
    (cond
     ((window-splittable-p window)
      (with-selected-window window (split-window-below)))
     ((window-splittable-p window t)
      (with-selected-window window (split-window-right)))
     ((and (not (window-minibuffer-p window))
           (window--sole-usable-window-p window)
           (let ((split-height-threshold 0))
             (window-splittable-p window)))
      (let ((split-height-threshold 0))
        (with-selected-window window (split-window-below)))))))

(defun window--sole-usable-window-p (window)
  "Return non-nil if WINDOW is its frame's root or all other windows there are dedicated."
  (let ((frame (window-frame window)))
    (or (eq (frame-root-window frame) window)
        (catch 'other
          (walk-window-tree (lambda (w)
                              (and (not (eq w window))
                                   (not (window-dedicated-p w))
                                   (throw 'other nil)))
                            frame nil 'nomini)
          t))))

(defun window--limit-combination-p (alist)
  "Return non-nil if `window-combination-limit' asks for a new parent here.
ALIST is the action alist of the `display-buffer' call at hand."
  (cond ((eq window-combination-limit 'display-buffer) t)
        ((eq window-combination-limit 'window-size)
         (or (cdr (assq 'window-height alist))
             (cdr (assq 'window-width alist))))))

(defun window--try-to-split-window (window &optional alist)
  "Split WINDOW with `split-window-preferred-function'; return the new window or nil."
  (when (and (window-live-p window)
             (not (frame-parameter (window-frame window) 'unsplittable)))
    (let* ((window-combination-limit
            (if (window--limit-combination-p alist) t window-combination-limit))
           (made (ignore-errors (funcall split-window-preferred-function window))))
      (if (window-live-p made) made))))

(defun window--frame-usable-p (frame)
  "Return FRAME if it can be used to display a buffer."
  (and (frame-live-p frame)
       (let ((root (frame-root-window frame)))
         (not (and (window-live-p root) (window-minibuffer-p root))))
       frame))

(defun window--even-window-sizes (window)
  "Even the sizes of WINDOW and the selected window if they are the only siblings."
  (let ((parent (window-parent window)))
    (when (and (eq (window-parent) parent)
               (= 2 (window-child-count parent)))
      (cond ((window-combined-p window t)
             (unless (memq even-window-sizes '(nil height-only))
               (window--even-out window t)))
            ((window-combined-p window)
             (unless (memq even-window-sizes '(nil width-only))
               (window--even-out window nil)))))))

(defun window--maybe-raise-frame (frame)
  "Make FRAME visible and raise it unless it is the selected frame."
  (make-frame-visible frame)
  (unless (or (frame-parameter frame 'no-focus-on-map)
              (frame-parameter frame 'no-accept-focus)
              (eq frame (selected-frame)))
    (raise-frame frame)))

(defun window--even-out (window horizontal)
  "Give WINDOW half of what the selected window has more (HORIZONTAL: in width)."
  (let ((mine (window-total-size nil horizontal))
        (theirs (window-total-size window horizontal)))
    (if (> mine theirs)
        (ignore-errors (enlarge-window (/ (- theirs mine) 2) horizontal)))))

(defun window--quit-quad (window)
  "Return what `quit-restore-window' needs to show WINDOW's buffer again.
That is (BUFFER START POINT-MARKER SIZE)."
  (with-current-buffer (window-buffer window)
    (list (current-buffer)
          (window-start window)
          (copy-marker (window-point window) window-point-insertion-type)
          (window--combined-size window))))

(defun display-buffer-record-window (type window buffer)
  "Record in WINDOW's `quit-restore' parameter how it came to show BUFFER.
TYPE is `reuse' (WINDOW existed), `window' (made on an existing
frame) or `frame' (made on a new frame).  Call before WINDOW shows
BUFFER."
  (cond
   ((memq type '(window frame tab))
    (set-window-parameter window 'quit-restore (list type type (selected-window) buffer)))
   ((not (eq type 'reuse)))
   ((not (eq buffer (window-buffer window)))
    (set-window-parameter window 'quit-restore
                          (list 'other (window--quit-quad window) (selected-window) buffer)))
   (t
    ;; BUFFER shows there already: remember only that it was shown again.
    (let ((info (window-parameter window 'quit-restore)))
      (when (consp info)
        (setcar info 'same)
        (unless (or (eq window (selected-window)) (eq window (nth 2 info)))
          (setcar (nthcdr 2 info) (selected-window))))))))

(defun window--dedicate-for-display (window type alist)
  "Dedicate WINDOW as the `dedicated' entry of ALIST or `display-buffer-mark-dedicated' say.
A window already dedicated, or reused (TYPE `reuse') without a
`side' request, keeps its dedication."
  (let ((entry (assq 'dedicated alist)))
    (unless (or (window-dedicated-p window)
                (and (eq type 'reuse) (not (eq 'side (cdr entry)))))
      (let ((flag (if entry (cdr entry) display-buffer-mark-dedicated)))
        (if (or entry flag)
            (set-window-dedicated-p window flag))))))

(defun window--apply-size-request (window request horizontal)
  "Resize WINDOW as the `window-height' (HORIZONTAL: `window-width') REQUEST asks.
An integer is a number of lines or columns, a float a fraction of
the frame's root window, a function is called with WINDOW."
  (cond
   ((functionp request) (ignore-errors (funcall request window)))
   ((numberp request)
    (let* ((target (if (integerp request)
                       request
                     (round (* request (window-total-size (frame-root-window window) horizontal)))))
           (delta (- target (window-total-size window horizontal))))
      (when (and (window--resizable-p window delta horizontal 'safe)
                 (window-combined-p window horizontal))
        (window-resize window delta horizontal 'safe))))))

(defun window--display-buffer (buffer window type &optional alist)
  "Show BUFFER in live WINDOW, chosen by a display action of TYPE (see above).
Handle dedication, the `window-height', `window-width',
`preserve-size', `window-parameters' and `body-function' entries
of ALIST.  Return WINDOW."
  (when (and (window-live-p window) (buffer-live-p buffer))
    (display-buffer-record-window type window buffer)
    (unless (eq (window-buffer window) buffer)
      (set-window-dedicated-p window nil)
      (set-window-buffer window buffer))
    (window--dedicate-for-display window type alist)
    (if (memq type '(window frame tab))
        (set-window-prev-buffers window nil))
    (let ((filler (cdr (assq 'body-function alist))))
      (when (functionp filler)
        (let ((inhibit-read-only t) (inhibit-modification-hooks t))
          (funcall filler window))))
    ;; Sizes are only adjusted in a window made for BUFFER.
    (let ((info (window-parameter window 'quit-restore)))
      (when (or (eq type 'window)
                (and (eq 'same (car info)) (eq 'window (nth 1 info))))
        (window--apply-size-request window (cdr (assq 'window-height alist)) nil)
        (window--apply-size-request window (cdr (assq 'window-width alist)) t)
        (let ((preserve (cdr (assq 'preserve-size alist))))
          (when (consp preserve)
            (window-preserve-size window t (car preserve))
            (window-preserve-size window nil (cdr preserve))))))
    (dolist (parameter (cdr (assq 'window-parameters alist)))
      (set-window-parameter window (car parameter) (cdr parameter)))
    window))

(defun window--display-and-raise (buffer window type alist)
  "Show BUFFER in WINDOW like `window--display-buffer' and raise WINDOW's frame.
ALIST's `inhibit-switch-frame' entry prevents the raising."
  (prog1 (window--display-buffer buffer window type alist)
    (unless (cdr (assq 'inhibit-switch-frame alist))
      (window--maybe-raise-frame (window-frame window)))))

(defun same-window-p (buffer-name)
  "Return non-nil if a buffer named BUFFER-NAME would be shown in the selected window.
That is decided by `same-window-buffer-names' and `same-window-regexps'."
  (if (not (stringp buffer-name))
      t
    (or (member buffer-name same-window-buffer-names)
        (assoc buffer-name same-window-buffer-names)
        (let ((found nil))
          (dolist (pattern same-window-regexps found)
            (let ((regexp (if (consp pattern) (car pattern) pattern)))
              (if (and (stringp regexp) (string-match-p regexp buffer-name))
                  (setq found t))))))))

(defun special-display-p (buffer-name)
  "Return non-nil if a buffer named BUFFER-NAME gets a special frame.
Returns t, or the parameters of the matching entry of
`special-display-buffer-names' or `special-display-regexps'."
  (let (tmp)
    (cond
     ((member buffer-name special-display-buffer-names) t)
     ((setq tmp (assoc buffer-name special-display-buffer-names)) (cdr tmp))
     ((catch 'found
        (dolist (regexp special-display-regexps)
          (cond
           ((stringp regexp)
            (when (string-match-p regexp buffer-name) (throw 'found t)))
           ((and (consp regexp) (stringp (car regexp))
                 (string-match-p (car regexp) buffer-name))
            (throw 'found (cdr regexp))))))))))

(defun display-buffer--special-action (buffer)
  "Return the special display action for BUFFER, if `special-display-p' says so."
  (and special-display-function
       (let ((pars (special-display-p (buffer-name buffer))))
         (when pars
           (list (list #'display-buffer-reuse-window
                       (lambda (buffer _alist)
                         (funcall special-display-function buffer (if (listp pars) pars)))))))))

(defun display-buffer-assq-regexp (buffer-name alist action)
  "Return the action of the first entry of ALIST matching BUFFER-NAME.
A key matches if it is a regexp matching BUFFER-NAME or a function
returning non-nil for BUFFER-NAME and ACTION."
  (catch 'match
    (dolist (entry alist)
      (let ((key (car entry)))
        (when (or (and (stringp key) (string-match-p key buffer-name))
                  (and (functionp key) (funcall key buffer-name action)))
          (throw 'match (cdr entry)))))))

(defun display-buffer (buffer-or-name &optional action frame)
  "Display BUFFER-OR-NAME in some window, without selecting it; return the window.
The action functions of `display-buffer-overriding-action',
`display-buffer-alist', ACTION, `display-buffer-base-action' and
`display-buffer-fallback-action' are tried in this order, with
the concatenation of their alists, until one returns a window.
ACTION not a list means (as in old code) not the selected window.
FRAME non-nil adds a `reusable-frames' entry."
  (interactive (list (read-buffer "Display buffer: " (other-buffer))
                     (if current-prefix-arg t)))
  (let* ((buffer (if (bufferp buffer-or-name) buffer-or-name (get-buffer buffer-or-name)))
         (split-window-keep-point t)
         (not-here (and action (not (listp action))))
         (action (if (listp action) action nil)))
    (if display-buffer-function
        (funcall display-buffer-function buffer not-here)
      (let ((actions
             (list display-buffer-overriding-action
                   (display-buffer-assq-regexp (buffer-name buffer) display-buffer-alist action)
                   (display-buffer--special-action buffer)
                   action
                   (cons nil (append (and not-here '((inhibit-same-window . t)))
                                     (and frame (list (cons 'reusable-frames frame)))))
                   display-buffer-base-action
                   display-buffer-fallback-action))
            (functions nil)
            (alist nil))
        (dolist (entry (reverse actions))
          (let ((fns (car entry)))
            (setq functions (append (if (functionp fns) (list fns) fns) functions)
                  alist (append (cdr entry) alist))))
        (unless (buffer-live-p buffer)
          (error "Invalid buffer"))
        (let ((outcome (catch 'outcome
                         (dolist (fn functions)
                           (let ((result (funcall fn buffer alist)))
                             (if result (throw 'outcome result))))
                         nil)))
          (if (windowp outcome) outcome))))))

(defun display-buffer-same-window (buffer alist)
  "Display BUFFER in the selected window, unless ALIST has `inhibit-same-window'.
Fails (returns nil) for a minibuffer or dedicated selected window."
  (let ((here (selected-window)))
    (and (not (cdr (assq 'inhibit-same-window alist)))
         (not (window-minibuffer-p here))
         (not (window-dedicated-p here))
         (window--display-buffer buffer here 'reuse alist))))

(defun display-buffer--maybe-same-window (buffer alist)
  "Display BUFFER in the selected window if `same-window-p' says so."
  (when (same-window-p (buffer-name buffer))
    (display-buffer-same-window buffer alist)))

(defun window--reusable-frames (alist)
  "The frames whose windows a display action may reuse, according to ALIST."
  (let ((entry (assq 'reusable-frames alist)))
    (cond (entry (cdr entry))
          (pop-up-frames 0)
          (display-buffer-reuse-frames 0)
          (t (last-nonminibuffer-frame)))))

(defun window--other-window-showing (buffer frames)
  "Return a window other than the selected one showing BUFFER on FRAMES.
One on the selected frame is preferred."
  (let ((candidates (delq (selected-window)
                          (get-buffer-window-list buffer 'nomini frames))))
    (or (catch 'local
          (dolist (w candidates)
            (if (eq (selected-frame) (window-frame w))
                (throw 'local w)))
          nil)
        (car candidates))))

(defun display-buffer-reuse-window (buffer alist)
  "Display BUFFER in a window already showing it, preferably on the selected frame.
ALIST's `inhibit-same-window' excludes the selected window and
`reusable-frames' says which frames to search."
  (let ((window (if (and (eq (window-buffer) buffer)
                         (not (cdr (assq 'inhibit-same-window alist))))
                    (selected-window)
                  (window--other-window-showing buffer (window--reusable-frames alist)))))
    (if (window-live-p window)
        (window--display-and-raise buffer window 'reuse alist))))

(defun display-buffer-reuse-mode-window (buffer alist)
  "Display BUFFER in a window showing a buffer in the same major mode.
ALIST's `mode' entry gives the mode(s) to look for (default
BUFFER's); `inhibit-same-window' and `reusable-frames' as usual."
  (let* ((wanted (let ((entry (assq 'mode alist)))
                   (if entry (cdr entry) (buffer-local-value 'major-mode buffer))))
         (modes (if (listp wanted) wanted (list wanted)))
         (avoid (and (cdr (assq 'inhibit-same-window alist)) (selected-window)))
         ;; Same mode on this frame, same mode elsewhere, derived mode
         ;; on this frame, derived mode elsewhere; each latest first.
         (ranks (make-vector 4 nil)))
    (dolist (window (window-list-1 nil 'nomini (window--reusable-frames alist)))
      (let ((kind (with-current-buffer (window-buffer window)
                    (cond ((memq major-mode modes) 0)
                          ((apply #'derived-mode-p modes) 2)))))
        (when (and kind (not (eq window avoid)))
          (let ((rank (if (eq (window-frame window) (selected-frame)) kind (1+ kind))))
            (aset ranks rank (cons window (aref ranks rank)))))))
    (let ((window (car (apply #'append (append ranks nil)))))
      (if (window-live-p window)
          (window--display-and-raise buffer window 'reuse alist)))))

(defun display-buffer-pop-up-frame (buffer alist)
  "Display BUFFER in a new frame made by `pop-up-frame-function'.
Batch Emacs cannot make frames, so this signals that error."
  (let* ((pop-up-frame-alist (append (cdr (assq 'pop-up-frame-parameters alist))
                                     pop-up-frame-alist))
         (maker pop-up-frame-function)
         (frame (and maker (with-current-buffer buffer (funcall maker))))
         (window (and frame (frame-selected-window frame))))
    (if window
        (window--display-and-raise buffer window 'frame alist))))

(defun display-buffer-pop-up-window (buffer alist)
  "Display BUFFER in a new window made by splitting the largest or least recently used one."
  (let* ((frame (or (window--frame-usable-p (selected-frame))
                    (window--frame-usable-p (last-nonminibuffer-frame))))
         (frame (if (not (frame-parameter frame 'unsplittable))
                    frame
                  (let ((other (and (eq frame (selected-frame)) (last-nonminibuffer-frame))))
                    (and other
                         (window--frame-usable-p other)
                         (not (frame-parameter other 'unsplittable))
                         other))))
         (window (or (window--try-to-split-window (get-largest-window frame t) alist)
                     (window--try-to-split-window (get-lru-window frame t) alist))))
    (if window
        (window--display-and-raise buffer window 'window alist))))

(defun display-buffer--maybe-pop-up-frame-or-window (buffer alist)
  "Display BUFFER in a new frame if `pop-up-frames', else a new window if `pop-up-windows'."
  (or (display-buffer--maybe-pop-up-frame buffer alist)
      (display-buffer--maybe-pop-up-window buffer alist)))

(defun display-buffer--maybe-pop-up-frame (buffer alist)
  "Display BUFFER in a new frame if `pop-up-frames' is non-nil."
  (and (if (eq pop-up-frames 'graphic-only) (display-graphic-p) pop-up-frames)
       (display-buffer-pop-up-frame buffer alist)))

(defun display-buffer--maybe-pop-up-window (buffer alist)
  "Display BUFFER in a new window if `pop-up-windows' is non-nil."
  (and pop-up-windows
       (display-buffer-pop-up-window buffer alist)))

(defun window--tall-enough-p (window least)
  "Return non-nil unless LEAST is a number of lines WINDOW does not have."
  (or (not (numberp least)) (<= least (window-height window))))

(defun display-buffer-below-selected (buffer alist)
  "Display BUFFER in the window below the selected one, making it if needed.
ALIST's `window-min-height' entry gives the least height wanted."
  (let ((least (cdr (assq 'window-min-height alist)))
        (below (window-in-direction 'below)))
    (or (and below
             (eq (window-buffer below) buffer)
             (window--tall-enough-p below least)
             (window--display-buffer buffer below 'reuse alist))
        (let ((made (and (not (frame-parameter nil 'unsplittable))
                         (or (not (numberp least)) (window-sizable-p nil (- least)))
                         (let ((split-height-threshold 0)
                               (split-width-threshold nil))
                           (window--try-to-split-window (selected-window) alist)))))
          (and made (window--display-buffer buffer made 'window alist)))
        (let ((below (window-in-direction 'below)))
          (and below
               (not (window-dedicated-p below))
               (window--tall-enough-p below least)
               (window--display-buffer buffer below 'reuse alist))))))

(defun display-buffer-at-bottom (buffer alist)
  "Display BUFFER in a window at the bottom of the selected frame.
Reuse a bottom window showing BUFFER, or split the main window, or
reuse a non-dedicated bottom window."
  (let ((lowest nil) (lowest-shows-buffer nil))
    (walk-window-tree
     (lambda (w)
       (unless (window-in-direction 'below w)
         (if (and (not lowest-shows-buffer) (eq buffer (window-buffer w)))
             (setq lowest w lowest-shows-buffer t)
           (or lowest (setq lowest w)))))
     nil nil 'nomini)
    (or (and lowest-shows-buffer
             (window--display-buffer buffer lowest 'reuse alist))
        (let ((made (and (not (frame-parameter nil 'unsplittable))
                         (split-window-no-error (window-main-window)))))
          (and made (window--display-buffer buffer made 'window alist)))
        (and lowest
             (not (window-dedicated-p lowest))
             (window--display-buffer buffer lowest 'reuse alist)))))

(defun display-buffer-in-previous-window (buffer alist)
  "Display BUFFER in a window that showed it before.
A `previous-window' entry of ALIST names a window to use too; the
selected window is used only as a last resort (never with
`inhibit-same-window')."
  (let* ((spare-selected (not (cdr (assq 'inhibit-same-window alist))))
         (named (cdr (assq 'previous-window alist)))
         (last-resort nil)
         (choice
          (catch 'choice
            (dolist (w (window-list-1 (frame-first-window) 'nomini
                                      (window--reusable-frames alist)))
              (when (and (not (window-dedicated-p w))
                         (assq buffer (window-prev-buffers w)))
                (if (not (eq w (selected-window)))
                    (throw 'choice w)
                  (if spare-selected (setq last-resort w)))))
            nil)))
    (if (and named (symbolp named) (boundp named))
        (setq named (symbol-value named)))
    (when (and (window-live-p named)
               (or (eq (window-buffer named) buffer)
                   (not (window-dedicated-p named))))
      (cond ((not (eq named (selected-window))) (setq choice named))
            (spare-selected (setq last-resort named))))
    (let ((window (or choice last-resort)))
      (if window
          (window--display-buffer buffer window 'reuse alist)))))

(defun window--some-window-for (buffer frame not-here)
  "Return the window `display-buffer-use-some-window' uses for BUFFER on FRAME.
NOT-HERE non-nil excludes the selected window."
  (let ((allowed (lambda (w) (if (and not-here (eq w (selected-window))) nil w))))
    (or (get-lru-window frame nil not-here)
        (funcall allowed (get-buffer-window buffer 'visible))
        (get-largest-window 'visible nil not-here)
        (funcall allowed (get-buffer-window buffer 0))
        (get-largest-window 0 nil not-here))))

(defun display-buffer-use-some-window (buffer alist)
  "Display BUFFER in an existing window: the least recently used, or the largest one."
  (let* ((frame (or (window--frame-usable-p (selected-frame))
                    (window--frame-usable-p (last-nonminibuffer-frame))))
         (window (window--some-window-for
                  buffer frame (cdr (assq 'inhibit-same-window alist)))))
    (when (window-live-p window)
      ;; Give back the height the window had when it was taken over.
      (let ((quad (nth 1 (window-parameter window 'quit-restore))))
        (when (and (listp quad)
                   (integerp (nth 3 quad))
                   (< (window-total-height window) (nth 3 quad)))
          (ignore-errors
            (window-resize window (- (nth 3 quad) (window-total-height window))))))
      (prog1 (window--display-buffer buffer window 'reuse alist)
        (window--even-window-sizes window)
        (unless (cdr (assq 'inhibit-switch-frame alist))
          (window--maybe-raise-frame (window-frame window)))))))

(defun display-buffer-use-least-recent-window (buffer alist)
  "Like `display-buffer-use-some-window', but never the selected window, and bump its use time."
  (let ((window (display-buffer-use-some-window
                 buffer (cons (cons 'inhibit-same-window t) alist))))
    (when window
      (window-bump-use-time window)
      window)))

(defun display-buffer-no-window (_buffer alist)
  "Display no window: return `fail' if ALIST has a non-nil `allow-no-window' entry."
  (when (cdr (assq 'allow-no-window alist))
    'fail))

(defun display-buffer-in-side-window (buffer alist)
  "Display BUFFER in a side window of the selected frame.
ALIST's `side' entry (`bottom' by default, or `top', `left',
`right') says where, `slot' which of the side windows there.  An
existing side window with that slot (or else the first one on that
side) is reused; otherwise the main window is split on that side.
Only one window per side is made here, unlike in Emacs."
  (let* ((side (or (cdr (assq 'side alist)) 'bottom))
         (slot (or (cdr (assq 'slot alist)) 0))
         (split-side (cdr (assq side '((bottom . below) (top . above)
                                       (left . left) (right . right)))))
         same-slot any-on-side window)
    (unless split-side
      (error "Invalid side %s specified" side))
    (walk-window-tree
     (lambda (w)
       (when (eq (window-parameter w 'window-side) side)
         (unless any-on-side (setq any-on-side w))
         (when (equal (window-parameter w 'window-slot) slot)
           (setq same-slot w))))
     nil nil 'nomini)
    (setq window (or same-slot any-on-side))
    (if window
        (progn
          (set-window-parameter window 'window-slot slot)
          (window--display-buffer buffer window 'reuse alist))
      (let ((window-combination-limit t))
        (setq window (split-window-no-error (window-main-window) nil split-side)))
      (when window
        (set-window-parameter window 'window-side side)
        (set-window-parameter window 'window-slot slot)
        (window--display-buffer buffer window 'window
                                (cons '(dedicated . side) alist))))))

(defun pop-to-buffer (buffer-or-name &optional action norecord)
  "Display BUFFER-OR-NAME with `display-buffer' (ACTION) and select its window.
A name of no existing buffer makes one; nil means `other-buffer'.
NORECORD as for `select-window'.  Return the buffer."
  (interactive (list (read-buffer "Pop to buffer: " (other-buffer))
                     (if current-prefix-arg t)))
  (let* ((buffer (window-normalize-buffer-to-switch-to buffer-or-name))
         (frame-before (selected-frame))
         (window (display-buffer buffer action)))
    (if (null window)
        (set-buffer buffer)
      (let ((target-frame (window-frame window)))
        (if (not (eq target-frame frame-before))
            (select-frame target-frame norecord)))
      (select-window window norecord))
    buffer))

(defun pop-to-buffer-same-window (buffer &optional norecord)
  "Select BUFFER in some window, preferably the selected one; return BUFFER."
  (pop-to-buffer buffer display-buffer--same-window-action norecord))

(defun window-normalize-buffer-to-switch-to (buffer-or-name)
  "Return the buffer BUFFER-OR-NAME names, making it if needed; `other-buffer' for nil."
  (cond ((null buffer-or-name) (other-buffer))
        ((get-buffer buffer-or-name))
        (t (let ((fresh (get-buffer-create buffer-or-name)))
             (set-buffer-major-mode fresh)
             fresh))))

(defun window--show-in-selected (buffer)
  "Show BUFFER in the selected window, maybe where that window last had point in it.
See `switch-to-buffer-preserve-window-point'."
  (let* ((history (assq buffer (window-prev-buffers)))
         (preserve (buffer-local-value 'switch-to-buffer-preserve-window-point buffer))
         (restore (and history
                       (or (eq preserve t)
                           (and (eq preserve 'already-displayed)
                                (get-buffer-window buffer 0))))))
    (set-window-buffer nil buffer)
    (when restore
      (set-window-start (selected-window) (nth 1 history) t)
      (set-window-point nil (nth 2 history)))))

(defun switch-to-buffer (buffer-or-name &optional norecord force-same-window)
  "Display BUFFER-OR-NAME in the selected window and make it current; return it.
A name of no existing buffer makes one; nil means `other-buffer'.
If the selected window is a minibuffer window or strongly
dedicated, use `pop-to-buffer' instead, or signal an error if
FORCE-SAME-WINDOW.  NORECORD non-nil leaves the buffer list and
window use times alone."
  (interactive
   (list (read-buffer "Switch to buffer: " (other-buffer (current-buffer)))
         nil 'force-same-window))
  (let ((buffer (window-normalize-buffer-to-switch-to buffer-or-name))
        (obey switch-to-buffer-obey-display-actions))
    (cond
     ((and (not obey) (eq (window-buffer) buffer)))
     ((and (not obey) (or (window-minibuffer-p) (eq t (window-dedicated-p))))
      (cond ((not force-same-window) (pop-to-buffer buffer norecord))
            ((window-minibuffer-p)
             (user-error "Cannot switch buffers in minibuffer window"))
            (t (user-error "Cannot switch buffers in a dedicated window"))))
     ((or (not obey)
          (let ((before (selected-window)))
            (pop-to-buffer-same-window buffer norecord)
            (eq before (selected-window))))
      (window--show-in-selected buffer)))
    (if (not norecord)
        (select-window (selected-window)))
    (set-buffer buffer)))

(defun switch-to-buffer-other-window (buffer-or-name &optional norecord)
  "Select BUFFER-OR-NAME in a window other than the selected one; return the buffer."
  (interactive (list (read-buffer "Switch to buffer in other window: "
                                  (other-buffer (current-buffer)))))
  (let ((pop-up-windows t))
    (pop-to-buffer buffer-or-name t norecord)))

(defun switch-to-buffer-other-frame (buffer-or-name &optional norecord)
  "Select BUFFER-OR-NAME in another frame (batch Emacs cannot make one)."
  (interactive (list (read-buffer "Switch to buffer in other frame: "
                                  (other-buffer (current-buffer)))))
  (pop-to-buffer buffer-or-name display-buffer--other-frame-action norecord))

(defun display-buffer-other-frame (buffer)
  "Display BUFFER preferably in another frame; return the window."
  (interactive (list (read-buffer "Display buffer in other frame: " (current-buffer))))
  (display-buffer buffer display-buffer--other-frame-action t))

;;;; Temporary buffers.

(defun window--reset-temp-buffer (directory hook)
  "Empty the current buffer for temporary output in DIRECTORY, then run HOOK.
Local variables go, and the buffer is writable, fileless and without undo."
  (kill-all-local-variables)
  (setq default-directory directory
        buffer-read-only nil
        buffer-file-name nil
        buffer-undo-list t)
  (let ((inhibit-modification-hooks t)
        (inhibit-read-only t))
    (erase-buffer)
    (run-hooks hook)))

(defun temp-buffer-window-setup (buffer-or-name)
  "Make buffer BUFFER-OR-NAME empty and fresh for temporary output; return it."
  (let ((directory default-directory)
        (buffer (get-buffer-create buffer-or-name)))
    (with-current-buffer buffer
      (window--reset-temp-buffer directory 'temp-buffer-window-setup-hook))
    buffer))

(defun window--temp-combination-limit ()
  "Return the `window-combination-limit' to use when showing a temporary buffer."
  (cond ((eq window-combination-limit 'temp-buffer) t)
        ((and temp-buffer-resize-mode
              (eq window-combination-limit 'temp-buffer-resize))
         t)
        (t window-combination-limit)))

(defun window--finish-temp-display (window hook &optional from-top)
  "Settle WINDOW, which now shows a temporary buffer, and run HOOK with it selected.
FROM-TOP non-nil puts its start and point at the beginning."
  (setq minibuffer-scroll-window window)
  (set-window-hscroll window 0)
  (when from-top
    (set-window-start window (point-min) t)
    (set-window-point window (point-min)))
  (with-selected-window window
    (run-hooks hook)))

(defun temp-buffer-window-show (buffer &optional action)
  "Make BUFFER unmodified and read-only and show it with `display-buffer' ACTION.
Return the window, after running `temp-buffer-window-show-hook'
with it selected."
  (with-current-buffer buffer
    (set-buffer-modified-p nil)
    (setq buffer-read-only t)
    (goto-char (point-min))
    (let ((window (let ((window-combination-limit (window--temp-combination-limit)))
                    (display-buffer buffer action))))
      (when window
        (let ((frame (window-frame window)))
          (if (not (eq frame (selected-frame)))
              (raise-frame frame)))
        (window--finish-temp-display window 'temp-buffer-window-show-hook)
        window))))

(defun window--temp-buffer-window-form (buffer-or-name action quit-function body current)
  "Return the expansion of `with-temp-buffer-window' (CURRENT nil) or
`with-current-buffer-window' (CURRENT non-nil)."
  (let ((buf (make-symbol "buffer"))
        (act (make-symbol "action"))
        (quit (make-symbol "quit-function"))
        (window (make-symbol "window"))
        (value (make-symbol "value")))
    `(let* ((,buf ,buffer-or-name)
            (,act ,action)
            (,quit ,quit-function)
            (,window nil)
            (,value nil))
       (setq ,buf (temp-buffer-window-setup ,buf))
       (let ((standard-output ,buf))
         ,(if current
              `(with-current-buffer ,buf
                 (setq ,value (progn ,@body))
                 (setq ,window (temp-buffer-window-show ,buf ,act)))
            `(progn
               (setq ,value (progn ,@body))
               (with-current-buffer ,buf
                 (setq ,window (temp-buffer-window-show ,buf ,act)))))
         (if (functionp ,quit)
             (funcall ,quit ,window ,value)
           ,value)))))

(defmacro with-temp-buffer-window (buffer-or-name action quit-function &rest body)
  "Bind `standard-output' to the emptied BUFFER-OR-NAME, run BODY, show the buffer.
The buffer is displayed with `display-buffer' ACTION, but not
selected nor made current for BODY.  If QUIT-FUNCTION is a
function, return its value for the window and BODY's value;
otherwise return BODY's value."
  (declare (debug t) (indent 3))
  (window--temp-buffer-window-form buffer-or-name action quit-function body nil))

(defmacro with-current-buffer-window (buffer-or-name action quit-function &rest body)
  "Like `with-temp-buffer-window', but run BODY with the buffer current."
  (declare (debug t) (indent 3))
  (window--temp-buffer-window-form buffer-or-name action quit-function body t))

(defun internal-temp-output-buffer-show (buffer)
  "Show BUFFER, filled by `with-output-to-temp-buffer'; return nil.
Calls `temp-buffer-show-function' if non-nil, else displays the
buffer and runs `temp-buffer-show-hook' with its window selected."
  (with-current-buffer buffer
    (goto-char (point-min))
    (set-buffer-modified-p nil))
  (if (not temp-buffer-show-function)
      (with-current-buffer buffer
        (let ((window (let ((window-combination-limit (window--temp-combination-limit)))
                        (display-buffer buffer))))
          (when window
            (let ((frame (window-frame window)))
              (if (not (eq frame (selected-frame)))
                  (make-frame-visible frame)))
            (window--finish-temp-display window 'temp-buffer-show-hook t))))
      (funcall temp-buffer-show-function buffer))
  nil)

(defmacro with-output-to-temp-buffer (bufname &rest body)
  "Bind `standard-output' to buffer BUFNAME, emptied, run BODY, then show the buffer.
The buffer is not made current for BODY.  `temp-buffer-setup-hook'
runs before BODY with the buffer current; afterwards the buffer is
displayed by `internal-temp-output-buffer-show'.  Return BODY's value."
  (declare (debug t))
  (let ((directory (make-symbol "directory"))
        (output (make-symbol "output")))
    `(let* ((,directory default-directory)
            (,output (with-current-buffer (get-buffer-create ,bufname)
                       (window--reset-temp-buffer ,directory 'temp-buffer-setup-hook)
                       (current-buffer)))
            (standard-output ,output))
       (prog1 (progn ,@body)
         (internal-temp-output-buffer-show ,output)))))

(provide 'window)

;;; window.el ends here
