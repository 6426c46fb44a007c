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
  '((display-buffer--maybe-same-window
     display-buffer-reuse-window
     display-buffer--maybe-pop-up-frame-or-window
     display-buffer-in-previous-window
     display-buffer-use-some-window
     display-buffer-pop-up-frame))
  "Default fallback action for `display-buffer'.")
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
  "Return the selected window and each frame's selected window."
  (cons (selected-window)
        (mapcar (lambda (f) (cons f (frame-selected-window f)))
                (frame-list))))

(defun internal--after-save-selected-window (state)
  "Restore the selections recorded in STATE, as far as they are live."
  (dolist (elt (cdr state))
    (and (frame-live-p (car elt))
         (window-live-p (cdr elt))
         (set-frame-selected-window (car elt) (cdr elt) 'norecord)))
  (when (window-live-p (car state))
    (select-window (car state) 'norecord)))

(defmacro save-selected-window (&rest body)
  "Execute BODY, then select the window that was selected before.
Each frame's selected window and the current buffer are restored
too; the buffer list and window use times are left alone."
  (declare (indent 0) (debug t))
  `(let ((save-selected-window--state (internal--before-save-selected-window)))
     (save-current-buffer
       (unwind-protect
           (progn ,@body)
         (internal--after-save-selected-window save-selected-window--state)))))

(defun internal--before-with-selected-window (window)
  "Return what `with-selected-window' restores when it selects WINDOW."
  (let ((other-frame (window-frame window)))
    (list window (selected-window)
          (unless (eq (selected-frame) other-frame)
            (frame-selected-window other-frame)))))

(defun internal--after-with-selected-window (state)
  "Undo the selection made by `with-selected-window' according to STATE."
  (when (window-live-p (nth 2 state))
    (select-window (nth 2 state) 'norecord))
  (when (window-live-p (nth 1 state))
    (select-window (nth 1 state) 'norecord)))

(defmacro with-selected-window (window &rest body)
  "Execute BODY with WINDOW selected, then restore the selected windows.
Neither the buffer list nor the window use times change; the
current buffer is saved and restored."
  (declare (indent 1) (debug t))
  `(let ((save-selected-window--state
          (internal--before-with-selected-window ,window)))
     (save-current-buffer
       (unwind-protect
           (progn (select-window (car save-selected-window--state) 'norecord)
                  ,@body)
         (internal--after-with-selected-window save-selected-window--state)))))

(defmacro with-selected-frame (frame &rest body)
  "Execute BODY with FRAME selected, then select the previous frame again."
  (declare (indent 1) (debug t))
  (let ((old-frame (make-symbol "old-frame"))
        (old-buffer (make-symbol "old-buffer")))
    `(let ((,old-frame (selected-frame))
           (,old-buffer (current-buffer)))
       (unwind-protect
           (progn (select-frame ,frame 'norecord) ,@body)
         (when (frame-live-p ,old-frame) (select-frame ,old-frame 'norecord))
         (when (buffer-live-p ,old-buffer) (set-buffer ,old-buffer))))))

(defmacro save-window-excursion (&rest body)
  "Execute BODY, then restore the window configuration of the selected frame.
The configuration is restored even if BODY exits nonlocally."
  (declare (indent 0) (debug t))
  (let ((c (make-symbol "wconfig")))
    `(let ((,c (current-window-configuration)))
       (unwind-protect (progn ,@body)
         (set-window-configuration ,c)))))

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
  (let ((root (frame-root-window frame))
        (mini (minibuffer-window frame)))
    (setq frame (window-normalize-frame frame))
    (unless (eq root mini)
      (walk-window-tree-1 fun root any))
    (when (and (window-live-p mini)
               (eq (window-frame mini) frame)
               (or (eq minibuf t)
                   (and (not minibuf) (minibuffer-window-active-p mini))))
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
An internal window appears as (DIR EDGES CHILD...), DIR nil for a
vertical combination and t for a horizontal one."
  (setq frame (window-normalize-frame frame))
  (window--subtree (frame-root-window frame) t))

(defun window--subtree (window &optional next)
  "Return the tree of WINDOW (and, if NEXT, of its following siblings)."
  (let (list)
    (while window
      (push (cond ((window-top-child window)
                   (cons t (cons (window-edges window)
                                 (window--subtree (window-top-child window) t))))
                  ((window-left-child window)
                   (cons nil (cons (window-edges window)
                                   (window--subtree (window-left-child window) t))))
                  (t window))
            list)
      (setq window (when next (window-next-sibling window))))
    (nreverse list)))

(defun one-window-p (&optional nomini all-frames)
  "Return non-nil if the selected window is the only window.
NOMINI non-nil ignores the minibuffer window even if active;
ALL-FRAMES as for `next-window'."
  (let ((base-window (selected-window)))
    (if (and nomini (eq base-window (minibuffer-window)))
        (setq base-window (next-window base-window)))
    (eq base-window
        (next-window base-window (if nomini 'arg) all-frames))))

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
  "Return t if WINDOW is as high as its frame's root window."
  (setq window (window-normalize-window window))
  (if (window-minibuffer-p window)
      (eq window (frame-root-window (window-frame window)))
    (= (window-pixel-height window)
       (window-pixel-height (frame-root-window window)))))

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
  (if (window-valid-p ignore)
      (eq window ignore)
    (not (memq ignore '(nil preserved)))))

(defun window-min-size (&optional window horizontal ignore pixelwise)
  "Return the minimum height (HORIZONTAL: width) of WINDOW.
IGNORE as for `window-resizable'; PIXELWISE non-nil means pixels."
  (window--min-size-1 (window-normalize-window window) horizontal ignore pixelwise))

(defun window--min-size-1 (window horizontal ignore pixelwise)
  "Compute `window-min-size' of WINDOW."
  (let ((sub (window-child window)))
    (if sub
        (let ((value 0) (iso (window-combined-p sub horizontal)))
          (while sub
            (let ((size (window--min-size-1 sub horizontal ignore pixelwise)))
              (setq value (if iso (+ value size) (max value size))))
            (setq sub (window-right sub)))
          value)
      (with-current-buffer (window-buffer window)
        (let ((char-size (frame-char-size window horizontal))
              (ignored (window--min-size-ignore-p window ignore)))
          (cond
           ((window-size-fixed-p window horizontal ignore)
            (window-size window horizontal pixelwise))
           ((eq ignore 'safe) (window-safe-min-size window horizontal pixelwise))
           (t
            (let ((pixels
                   (if horizontal
                       (let ((margins (window-margins window)))
                         (+ (window-safe-min-size window t t)
                            (* (+ (or (car margins) 0) (or (cdr margins) 0)) char-size)
                            (window-scroll-bar-width window)
                            (window-right-divider-width window)))
                     (+ (window-safe-min-size window nil t)
                        (window-tab-line-height window)
                        (window-header-line-height window)
                        (window-scroll-bar-height window)
                        (window-mode-line-height window)
                        (window-bottom-divider-width window)))))
              (if pixelwise
                  (max (* (ceiling pixels char-size) char-size)
                       (if ignored 0 (window-min-pixel-size window horizontal)))
                (max (ceiling pixels char-size)
                     (if ignored 0 (if horizontal window-min-width window-min-height))))))))))))

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

(defun window--min-delta-1 (window delta &optional horizontal ignore trail noup pixelwise)
  "Return how much of DELTA WINDOW can give to its siblings and ancestors' siblings."
  (if (not (window-parent window))
      0
    (let* ((parent (window-parent window))
           (sub (window-child parent)))
      (catch 'done
        (if (window-combined-p sub horizontal)
            (let ((skip (eq trail 'after)))
              (while sub
                (cond ((eq sub window) (setq skip (eq trail 'before)))
                      (skip)
                      ((window-size-fixed-p sub horizontal ignore))
                      (t (throw 'done delta)))
                (setq sub (window-right sub))))
          (while sub
            (unless (eq sub window)
              (setq delta (min delta
                               (max (- (window-size sub horizontal pixelwise 'ceiling)
                                       (window-min-size sub horizontal ignore pixelwise))
                                    0))))
            (setq sub (window-right sub))))
        (if noup
            delta
          (window--min-delta-1 parent delta horizontal ignore trail nil pixelwise))))))

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
  (if (not (window-parent window))
      delta
    (let* ((parent (window-parent window))
           (sub (window-child parent)))
      (catch 'fixed
        (if (window-combined-p sub horizontal)
            (let ((skip (eq trail 'after)))
              (while sub
                (cond ((eq sub window) (setq skip (eq trail 'before)))
                      (skip)
                      (t (setq delta (+ delta (max (- (window-size sub horizontal pixelwise 'floor)
                                                      (window-min-size sub horizontal ignore pixelwise))
                                                   0)))))
                (setq sub (window-right sub))))
          (while sub
            (when (and (not (eq sub window)) (window-size-fixed-p sub horizontal ignore))
              (throw 'fixed delta))
            (setq sub (window-right sub))))
        (if noup
            delta
          (window--max-delta-1 parent delta horizontal ignore trail nil pixelwise))))))

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
    (set-window-new-pixel window (window-size window horizontal t))
    (set-window-new-total window (window-size window horizontal))
    (set-window-new-normal window)
    (when (window-child window)
      (window--resize-reset-1 (window-child window) horizontal))
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
The children shrink or grow one character at a time, always the
one whose share deviates most from its normal size.  WINDOW, if
given, is the child being resized by the caller.  TRAIL and EDGE
restrict the change to one side, preferring the child at EDGE."
  (let* ((first (window-child parent))
         (last (window-last-child parent))
         (parent-total (+ (window-size parent horizontal t) delta))
         (char-size (or char-size (and window-resize-pixelwise 1)
                        (frame-char-size parent horizontal)))
         sub best-window best-value best-delta)
    (if (and edge (memq trail '(before after))
             (progn
               (setq sub first)
               (while (and (window-right sub)
                           (or (and (eq trail 'before)
                                    (not (window--resize-child-windows-skip-p (window-right sub))))
                               (and (eq trail 'after)
                                    (window--resize-child-windows-skip-p sub))))
                 (setq sub (window-right sub)))
               sub)
             (if horizontal
                 (if (eq trail 'before)
                     (= (+ (window-pixel-left sub) (window-pixel-width sub)) edge)
                   (= (window-pixel-left sub) edge))
               (if (eq trail 'before)
                   (= (+ (window-pixel-top sub) (window-pixel-height sub)) edge)
                 (= (window-pixel-top sub) edge)))
             (window-sizable-p sub delta horizontal ignore t))
        ;; Only the child at EDGE changes.
        (progn
          (window--resize-this-window sub delta horizontal ignore t trail edge)
          (if (and window (eq (window-parent sub) parent))
              (progn
                (set-window-new-normal sub (/ (float (window-new-pixel sub)) parent-total))
                (set-window-new-normal
                 window (- (window-normal-size window horizontal)
                           (- (window-new-normal sub) (window-normal-size sub horizontal)))))
            (window--resize-child-windows-normal parent horizontal sub 0 trail delta))
          'normalized)
      ;; Every child changes in proportion.  Record in each child's new
      ;; normal slot how far its share is from its normal size (and,
      ;; when shrinking, how much it can give).
      (setq sub last)
      (while sub
        (cond
         ((or (window--resize-child-windows-skip-p sub)
              (and (not ignore)
                   (window-size-fixed-p sub horizontal ignore)
                   (set-window-new-normal sub 'ignore))))
         ((< delta 0)
          (set-window-new-normal
           sub (cons (window-min-delta sub horizontal ignore trail t nil t)
                     (- (/ (float (window-size sub horizontal t)) parent-total)
                        (window-normal-size sub horizontal)))))
         ((> delta 0)
          (set-window-new-normal
           sub (- (/ (float (window-size sub horizontal t)) parent-total)
                  (window-normal-size sub horizontal)))))
        (setq sub (window-left sub)))
      (cond
       ((< delta 0)
        (setq best-window t)
        (while (and best-window (not (zerop delta)))
          (setq sub last best-window nil best-value nil)
          (while sub
            (when (and (consp (window-new-normal sub))
                       (> (car (window-new-normal sub)) 0)
                       (or (not best-value) (> (cdr (window-new-normal sub)) best-value)))
              (setq best-window sub best-value (cdr (window-new-normal sub))))
            (setq sub (window-left sub)))
          (when best-window
            (setq best-delta (min (car (window-new-normal best-window)) char-size (- delta)))
            (setq delta (+ delta best-delta))
            (set-window-new-pixel best-window (- best-delta) t)
            (set-window-new-normal
             best-window
             (if (= (car (window-new-normal best-window)) best-delta)
                 'skip
               (cons (- (car (window-new-normal best-window)) best-delta)
                     (- (/ (float (window-new-pixel best-window)) parent-total)
                        (window-normal-size best-window horizontal))))))))
       ((> delta 0)
        (setq best-window t)
        (while (and best-window (not (zerop delta)))
          (setq sub last best-window nil best-value nil)
          (while sub
            (when (and (numberp (window-new-normal sub))
                       (or (not best-value) (< (window-new-normal sub) best-value)))
              (setq best-window sub best-value (window-new-normal sub)))
            (setq sub (window-left sub)))
          (when best-window
            (setq best-delta (min delta char-size))
            (setq delta (- delta best-delta))
            (set-window-new-pixel best-window best-delta t)
            (set-window-new-normal
             best-window
             (- (/ (float (window-new-pixel best-window)) parent-total)
                (window-normal-size best-window horizontal)))))))
      (when best-window
        (setq sub last)
        (while sub
          (when (or (consp (window-new-normal sub)) (numberp (window-new-normal sub)))
            (set-window-new-normal sub))
          (unless (eq (window-new-normal sub) 'ignore)
            (let ((sub-delta (- (window-new-pixel sub) (window-size sub horizontal t))))
              (unless (and (zerop sub-delta) (not trail))
                (window--resize-this-window sub sub-delta horizontal ignore nil trail edge))))
          (setq sub (window-left sub)))))))

(defun window--resize-siblings (window delta &optional horizontal ignore trail edge char-size)
  "Resize the other windows when WINDOW changes by DELTA pixels.
WINDOW itself is not resized here."
  (when (window-parent window)
    (let* ((parent (window-parent window))
           (sub (window-child parent)))
      (if (window-combined-p sub horizontal)
          (let ((skip (eq trail 'after)) this-delta other-delta)
            (while sub
              (cond ((eq sub window)
                     (set-window-new-normal sub 'ignore)
                     (setq skip (eq trail 'before)))
                    (skip (set-window-new-normal sub 'ignore))
                    ((not (window-size-fixed-p sub horizontal ignore))
                     (setq this-delta t)))
              (setq sub (window-right sub)))
            (setq this-delta
                  (if (= (- delta) (window-size window horizontal t))
                      ;; WINDOW is being deleted: its siblings get all of it.
                      (if this-delta delta 0)
                    (window--resizable window delta horizontal ignore trail t nil t)))
            (setq other-delta (- delta this-delta))
            (unless (zerop other-delta)
              (set-window-new-pixel parent other-delta 'add))
            (if (zerop this-delta)
                (window--resize-child-windows-normal
                 parent horizontal window this-delta trail other-delta)
              (unless (eq (window--resize-child-windows
                           parent (- this-delta) horizontal window ignore trail edge char-size)
                          'normalized)
                (window--resize-child-windows-normal
                 parent horizontal window this-delta trail other-delta))
              (setq delta other-delta)))
        ;; In an ortho-combination every sibling changes by DELTA.
        (set-window-new-pixel parent delta 'add)
        (while sub
          (unless (eq sub window)
            (window--resize-this-window sub delta horizontal ignore t))
          (setq sub (window-right sub))))
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

(defun window--pixel-to-total-1 (window horizontal char-size)
  "Set the new total sizes of WINDOW's subtree from their pixel sizes."
  (let ((child (window-child window)))
    (if (window-combination-p window horizontal)
        (let ((remainder (window-new-total window)))
          (dolist (c (window--children window))
            (let ((size (max (/ (window-size c horizontal t) char-size) 1)))
              (set-window-new-total c size)
              (setq remainder (- remainder size))))
          ;; Give the lines left over to the children with the largest
          ;; fractions, counting from the last one.
          (while (> remainder 0)
            (let ((best nil) (best-rem 0))
              (dolist (c (reverse (window--children window)))
                (let ((rem (% (window-size c horizontal t) char-size)))
                  (when (and (<= (window-new-total c) (/ (window-size c horizontal t) char-size))
                             (> rem best-rem))
                    (setq best c best-rem rem))))
              (set-window-new-total best 1 t)
              (setq remainder (1- remainder))))
          (dolist (c (window--children window))
            (window--pixel-to-total-1 c horizontal char-size)))
      (let ((size (window-new-total window)))
        (while child
          (set-window-new-total child size)
          (window--pixel-to-total-1 child horizontal char-size)
          (setq child (window-next-sibling child)))))))

(defun window--pixel-to-total (&optional frame horizontal)
  "Set the total heights (HORIZONTAL: widths) of FRAME's windows from their pixel sizes."
  (setq frame (window-normalize-frame frame))
  (let* ((char-size (frame-char-size frame horizontal))
         (root (frame-root-window frame))
         (root-size (window-size root horizontal t))
         (mini (let ((m (minibuffer-window frame)))
                 (and (eq (window-frame m) frame) (not (eq m root)) m)))
         (mini-size (and mini (window-size mini horizontal t))))
    (if (and mini (not horizontal))
        (let (lines)
          (set-window-new-total root (max (/ root-size char-size) 1))
          (set-window-new-total mini (max (/ mini-size char-size) 1))
          (setq lines (- (round (+ root-size mini-size) char-size)
                         (+ (window-new-total root) (window-new-total mini))))
          (while (> lines 0)
            (if (>= (% root-size (window-new-total root))
                    (% mini-size (window-new-total mini)))
                (set-window-new-total root 1 t)
              (set-window-new-total mini 1 t))
            (setq lines (1- lines))))
      (set-window-new-total root (round root-size char-size))
      (when mini
        (set-window-new-total mini (round mini-size char-size))))
    (unless (window-buffer root)
      (window--pixel-to-total-1 root horizontal char-size))
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

(defun enlarge-window (delta &optional horizontal)
  "Make the selected window DELTA lines taller (HORIZONTAL: columns wider)."
  (interactive "p")
  (let ((minibuffer-window (minibuffer-window)))
    (when (window-preserved-size nil horizontal)
      (window-preserve-size nil horizontal))
    (cond
     ((zerop delta))
     ((window-size-fixed-p nil horizontal)
      (user-error "Selected window has fixed size"))
     ((window-minibuffer-p)
      (user-error "Cannot resize minibuffer window"))
     ((and (eq (selected-window) (frame-root-window)) minibuffer-window)
      (user-error "Cannot resize the root window of a frame"))
     ((window--resizable-p nil delta horizontal)
      (window-resize nil delta horizontal))
     (t
      (window-resize nil (if (> delta 0)
                             (window-max-delta nil horizontal)
                           (- (window-min-delta nil horizontal)))
                     horizontal)))))

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
  (setq frame (window-normalize-frame frame))
  (let* ((root-edges (window-edges (frame-root-window frame) nil nil t))
         (root-right (nth 2 root-edges))
         (root-bottom (nth 3 root-edges)))
    (catch 'window
      (walk-window-tree
       (lambda (window)
         (let ((edges (window-edges window nil nil t)))
           (when (and (>= x (nth 0 edges)) (or (< x (nth 2 edges)) (= x root-right))
                      (>= y (nth 1 edges)) (or (< y (nth 3 edges)) (= y root-bottom)))
             (throw 'window (unless (and no-other (window-parameter window 'no-other-window))
                              window)))))
       frame))))

;;;; Splitting and deleting windows.

(defun window-split-min-size (&optional horizontal)
  "Return the minimum number of lines (HORIZONTAL: columns) of a window made by splitting."
  (max (if horizontal window-min-width window-min-height)
       (if horizontal window-safe-min-width window-safe-min-height)))

(defun split-window (&optional window size side pixelwise)
  "Make a new window next to WINDOW (default the selected one) and return it.
SIZE positive makes WINDOW SIZE lines (or columns) big, negative
makes the new window -SIZE big; nil splits WINDOW in half.  SIDE
nil or `below', `above', t or `right', `left' says where the new
window goes.  PIXELWISE non-nil means SIZE is in pixels.  A
`split-window' parameter of WINDOW that is a function is called
instead, unless `ignore-window-parameters' is non-nil."
  (setq window (window-normalize-window window))
  (let* ((side (cond ((not side) 'below)
                     ((eq side 'up) 'above)
                     ((eq side 'down) 'below)
                     ((memq side '(below above right left)) side)
                     (t 'right)))
         (horizontal (not (memq side '(below above))))
         (frame (window-frame window))
         (parent (window-parent window))
         (function (window-parameter window 'split-window))
         (window-combination-limit window-combination-limit)
         (char-size (frame-char-size window horizontal))
         (pixel-size (when (numberp size)
                       (window--size-to-pixel window size horizontal pixelwise t))))
    (catch 'done
      (cond
       ((or ignore-window-parameters (eq function t)))
       ((functionp function)
        (throw 'done (funcall function window size side)))
       ((and (not (eq window-combination-resize 'side))
             (window-parameter window 'window-side))
        (error "Cannot split side window or parent of side window")))
      (when (and (eq window-combination-resize t) pixel-size (> pixel-size 0))
        (setq window-combination-limit t))
      (let* ((parent-pixel-size (when parent (window-size parent horizontal t)))
             (resize (and window-combination-resize
                          (not (eq window-combination-resize 'side))
                          (not (eq window-combination-limit t))
                          (window-combined-p window horizontal)))
             (old-pixel-size (window-size window horizontal t))
             new-pixel-size new-parent new-normal)
        (setq new-pixel-size
              (cond
               ((not pixel-size)
                (let ((s (if resize
                             (max (min (- parent-pixel-size (window-min-size parent horizontal nil t))
                                       (/ parent-pixel-size
                                          (1+ (window-combinations parent horizontal))))
                                  (window-min-pixel-size window horizontal))
                           (/ old-pixel-size 2))))
                  (if window-resize-pixelwise s (* char-size (round s char-size)))))
               ((>= pixel-size 0) (- old-pixel-size pixel-size))
               (t (- pixel-size))))
        ;; Check the sizes.
        (cond
         ((not pixel-size)
          (if resize
              (unless (window-sizable-p parent (- new-pixel-size) horizontal nil t)
                (error "Window %s too small for splitting" parent))
            (when (> (+ new-pixel-size (window-min-size window horizontal nil t))
                     old-pixel-size)
              (error "Window %s too small for splitting" window))))
         ((and (>= pixel-size 0)
               (or (>= pixel-size old-pixel-size)
                   (< new-pixel-size (window-safe-min-pixel-size window horizontal))))
          (error "Window %s too small for splitting" window))
         (resize
          (unless (window-sizable-p parent (- new-pixel-size) horizontal nil t)
            (error "Window %s too small for splitting" parent)))
         ((or (< new-pixel-size (window-safe-min-pixel-size window horizontal))
              (< (- old-pixel-size new-pixel-size)
                 (window-safe-min-pixel-size window horizontal)))
          (error "Window %s too small for splitting" window)))
        (window--resize-reset frame horizontal)
        (setq new-parent (or (eq window-combination-limit t)
                             (not (window-combined-p window horizontal))))
        (setq new-normal
              (cond
               (pixel-size (/ (float new-pixel-size)
                              (if new-parent old-pixel-size parent-pixel-size)))
               (new-parent 0.5)
               (resize (/ 1.0 (1+ (window-combinations parent horizontal t))))
               (t (/ (window-normal-size window horizontal) 2.0))))
        (if resize
            (progn
              (window--resize-child-windows parent (- new-pixel-size) horizontal)
              (let ((normal (- 1.0 new-normal)))
                (dolist (sub (window--children parent))
                  (set-window-new-normal sub (* (window-normal-size sub horizontal) normal)))))
          (set-window-new-pixel window (- old-pixel-size new-pixel-size))
          (window--resize-this-window window (- new-pixel-size) horizontal)
          (set-window-new-normal
           window (- (if new-parent 1.0 (window-normal-size window horizontal)) new-normal)))
        (let ((new (split-window-internal window new-pixel-size side new-normal)))
          (window--pixel-to-total frame horizontal)
          (let ((min-margins (window-parameter window 'min-margins)))
            (when min-margins
              (set-window-parameter new 'min-margins min-margins)))
          (run-window-scroll-functions new)
          new)))))

(defun split-window-no-error (&optional window size side pixelwise)
  "Like `split-window', but return nil instead of signaling an error."
  (condition-case nil
      (split-window window size side pixelwise)
    (error nil)))

(defun split-window-below (&optional size)
  "Split the selected window into two, the new one below, and return it.
SIZE as for `split-window'.  Unless `split-window-keep-point', the
window whose lines contain point stays selected."
  (interactive "P")
  (let ((old-window (selected-window))
        (old-point (window-point))
        (size (and size (prefix-numeric-value size)))
        new-window)
    (when (and size (< size 0) (< (- size) window-min-height))
      (error "Size of new window too small"))
    (setq new-window (split-window nil size))
    (unless split-window-keep-point
      (with-current-buffer (window-buffer)
        (goto-char (window-start))
        (forward-line (1- (window-height)))
        (set-window-start new-window (point))
        (when (> (point) (window-point new-window))
          (set-window-point new-window (point)))
        (if (= (point) old-point)
            (set-window-point old-window (point))
          (select-window new-window))))
    ;; Always copy quit-restore parameter in interactive use.
    (let ((quit-restore (window-parameter old-window 'quit-restore)))
      (when quit-restore
        (set-window-parameter new-window 'quit-restore quit-restore)))
    new-window))
(defalias 'split-window-vertically 'split-window-below)

(defun split-window-right (&optional size)
  "Split the selected window into two side by side, the new one on the right.
SIZE as for `split-window'.  Return the new window."
  (interactive "P")
  (let ((old-window (selected-window))
        (size (and size (prefix-numeric-value size)))
        new-window)
    (when (and size (< size 0) (< (- size) window-min-width))
      (error "Size of new window too small"))
    (setq new-window (split-window nil size t))
    (let ((quit-restore (window-parameter old-window 'quit-restore)))
      (when quit-restore
        (set-window-parameter new-window 'quit-restore quit-restore)))
    new-window))
(defalias 'split-window-horizontally 'split-window-right)

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
  (setq window (window-normalize-window window))
  (let* ((frame (window-frame window))
         (function (window-parameter window 'delete-window))
         (parent (window-parent window)))
    (catch 'done
      (cond
       ((or ignore-window-parameters (eq function t)))
       ((functionp function)
        (throw 'done (funcall function window)))
       ((not parent)
        (error "Attempt to delete minibuffer or sole ordinary window"))
       ((eq window (window-main-window frame))
        (error "Attempt to delete main window of frame %s" frame)))
      (let* ((horizontal (window-left-child parent))
             (size (window-size window horizontal t))
             (window-combination-resize
              (or window-combination-resize (window-parameter parent 'window-side)))
             (frame-selected-window (frame-selected-window frame))
             (sibling (or (window-left window) (window-right window))))
        (window--resize-reset frame horizontal)
        (cond
         ((and (not (eq window-combination-resize t))
               sibling (window-sizable-p sibling size horizontal nil t))
          (window--resize-this-window sibling size horizontal nil t)
          (set-window-new-normal
           sibling (+ (window-normal-size sibling horizontal)
                      (window-normal-size window horizontal))))
         ((window--resizable-p window (- size) horizontal nil nil nil t t)
          (window--resize-siblings window (- size) horizontal))
         (t
          (window--resize-siblings window (- size) horizontal t)))
        (delete-window-internal window)
        (window--pixel-to-total frame horizontal)
        (cond
         ((window-live-p frame-selected-window))
         ((and (eq delete-window-choose-selected 'mru)
               (let ((mru-window (get-mru-window frame nil nil t)))
                 (and mru-window (set-frame-selected-window frame mru-window)))))
         ((and (window-parameter (frame-selected-window frame) 'no-other-window)
               (catch 'found
                 (walk-window-tree
                  (lambda (other)
                    (unless (window-parameter other 'no-other-window)
                      (set-frame-selected-window frame other)
                      (throw 'found t)))
                  frame))))
         (t (set-frame-selected-window frame (frame-selected-window frame))))
        nil))))

(defun delete-other-windows (&optional window interactive)
  "Make WINDOW (default the selected window) fill its frame; return nil.
A `delete-other-windows' parameter that is a function is called
instead, unless `ignore-window-parameters' is non-nil.  INTERACTIVE
non-nil reports when there is nothing to delete."
  (interactive "i\np")
  (setq window (window-normalize-window window))
  (let* ((frame (window-frame window))
         (function (window-parameter window 'delete-other-windows))
         main)
    (catch 'done
      (cond
       ((or ignore-window-parameters (eq function t)))
       ((functionp function)
        (throw 'done (funcall function window)))
       ((window-parameter window 'window-side)
        (error "Cannot make side window the only window"))
       ((and (window-minibuffer-p window)
             (not (eq window (frame-root-window window))))
        (error "Can't expand minibuffer to full frame")))
      (cond
       ((or ignore-window-parameters
            (not (window-with-parameter 'no-delete-other-windows nil frame)))
        (setq main (frame-root-window frame)))
       (t
        (dolist (other (window-list frame))
          (when (and (window-live-p other)
                     (not (eq other window))
                     (not (window-parameter other 'no-delete-other-windows)))
            (condition-case nil
                (delete-window other)
              (error nil))))
        (throw 'done nil)))
      (if (eq window main)
          (when (and interactive (not (or executing-kbd-macro noninteractive)))
            (message "No other windows to delete"))
        (delete-other-windows-internal window main))
      nil)))

(defun delete-windows-on (&optional buffer-or-name frame)
  "Delete all windows showing BUFFER-OR-NAME (default the current buffer).
FRAME nil means all frames, t the selected frame, otherwise as for
`next-window'.  A window that cannot be deleted shows another buffer."
  (interactive "bDelete windows on (buffer):\nP")
  (let ((buffer (window-normalize-buffer buffer-or-name))
        (all-frames (cond ((not frame) t) ((eq frame t) nil) (t frame))))
    (dolist (window (window-list-1 nil nil all-frames))
      (if (eq (window-buffer window) buffer)
          (let ((deletable (window-deletable-p window))
                (dedicated (window-dedicated-p window)))
            (cond
             ((eq deletable t) (delete-window window))
             (t
              (set-window-dedicated-p window nil)
              (switch-to-prev-buffer window 'bury)
              (when (eq dedicated 'side)
                (set-window-dedicated-p window 'side)))))
        (unrecord-window-buffer window buffer)))))

(defun other-window (count &optional all-frames interactive)
  "Select the COUNTth window in cyclic order from the selected one; return nil.
Negative COUNT goes backwards.  ALL-FRAMES as for `next-window'.
Windows with a `no-other-window' parameter are skipped.  An
`other-window' parameter of the selected window that is a
function is called instead, unless `ignore-window-parameters'."
  (interactive "p\ni\np")
  (let* ((window (selected-window))
         (original-window window)
         (function (and (not ignore-window-parameters)
                        (window-parameter window 'other-window)))
         old-window old-count)
    (if (functionp function)
        (funcall function count all-frames)
      ;; When only windows to skip are left, give up without selecting.
      (catch 'exit
        (while (/= count 0)
          (setq window (if (> count 0)
                           (next-window window nil all-frames)
                         (previous-window window nil all-frames)))
          (cond
           ((eq window old-window)
            (when (= count old-count)
              (throw 'exit nil)))
           ((window-parameter window 'no-other-window)
            (unless old-window
              (setq old-window window old-count count)))
           (t (setq count (if (> count 0) (1- count) (1+ count))))))
        (when (and (eq window original-window)
                   interactive
                   (not (or executing-kbd-macro noninteractive)))
          (message "No other window to select"))
        (select-window window)
        nil))))

;;;; What windows showed: the buffer history of a window.

(defun push-window-buffer-onto-prev (&optional window)
  "Put WINDOW's buffer, start and point at the front of its previous buffers."
  (let* ((window (window-normalize-window window t))
         (buffer (window-buffer window))
         (w-list (window-prev-buffers window))
         (entry (assq buffer w-list)))
    (when entry
      (setq w-list (assq-delete-all buffer w-list)))
    (let ((start (window-start window))
          (point (window-point window)))
      (setq entry
            (cons buffer
                  (with-current-buffer buffer
                    (if entry
                        (list (set-marker (nth 1 entry) start)
                              (set-marker (nth 2 entry) point))
                      (list (copy-marker start)
                            (copy-marker point window-point-insertion-type))))))
      (set-window-prev-buffers window (cons entry w-list)))))

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
  (setq window (window-normalize-window window t))
  (let ((selected (eq window (selected-window)))
        (current (eq (window-buffer window) (current-buffer)))
        (dedicated-side (eq (window-dedicated-p window) 'side)))
    (set-window-buffer window buffer)
    (and dedicated-side (set-window-dedicated-p window 'side))
    (when (and selected current)
      (set-buffer buffer))
    (when start
      (set-window-start window start t))
    (when point
      (set-window-point window point))))

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

(defun switch-to-prev-buffer (&optional window bury-or-kill)
  "In WINDOW (default the selected one), show the buffer it showed before.
Return that buffer, or nil if there is none suitable.  BURY-OR-KILL
non-nil means WINDOW's current buffer is being buried or killed
and is removed from WINDOW's history (`append' moves it to the end)."
  (interactive)
  (let* ((window (window-normalize-window window t))
         (frame (window-frame window))
         (window-side (window-parameter window 'window-side))
         (old-buffer (window-buffer window))
         (next-buffers (window-next-buffers window))
         (pred (frame-parameter frame 'buffer-predicate))
         (skip (window--switch-skip frame))
         entry new-buffer killed-buffers skipped)
    (when (window-minibuffer-p window)
      (unless (setq window (minibuffer-selected-window))
        (error "Window %s is a minibuffer window" window)))
    (unless (memq (window-dedicated-p window) '(nil side))
      (error "Window %s is dedicated to buffer %s" window old-buffer))
    (catch 'found
      ;; The buffers WINDOW showed before, most recent first.
      (dolist (entry (window-prev-buffers window))
        (when (and (not (eq (car entry) old-buffer))
                   (setq new-buffer (car entry))
                   (or (buffer-live-p new-buffer)
                       (not (push new-buffer killed-buffers)))
                   (or (null pred) (funcall pred new-buffer))
                   (or bury-or-kill (not (memq new-buffer next-buffers))))
          (if (switch-to-prev-buffer-skip-p skip window new-buffer bury-or-kill)
              (setq skipped new-buffer)
            (set-window-buffer-start-and-point window new-buffer (nth 1 entry) (nth 2 entry))
            (throw 'found t))))
      ;; Then the frame's buffers.
      (unless window-side
        (dolist (buffer (if bury-or-kill (buffer-list frame) (nreverse (buffer-list frame))))
          (when (and (buffer-live-p buffer)
                     (not (eq buffer old-buffer))
                     (or (null pred) (funcall pred buffer))
                     (not (eq (aref (buffer-name buffer) 0) ?\s))
                     (or bury-or-kill (not (memq buffer next-buffers))))
            (if (switch-to-prev-buffer-skip-p skip window buffer bury-or-kill)
                (setq skipped (or skipped buffer))
              (setq new-buffer buffer)
              (set-window-buffer-start-and-point window new-buffer)
              (throw 'found t)))))
      ;; Then the buffers re-shown lately, oldest first.
      (unless bury-or-kill
        (dolist (buffer (reverse next-buffers))
          (when (and (or (buffer-live-p buffer)
                         (not (push buffer killed-buffers)))
                     (not (eq buffer old-buffer))
                     (or (null pred) (funcall pred buffer))
                     (setq entry (assq buffer (window-prev-buffers window))))
            (if (switch-to-prev-buffer-skip-p skip window buffer bury-or-kill)
                (setq skipped (or skipped buffer))
              (setq new-buffer buffer)
              (set-window-buffer-start-and-point window new-buffer (nth 1 entry) (nth 2 entry))
              (throw 'found t)))))
      (when (and skipped (not (functionp switch-to-prev-buffer-skip)))
        (setq new-buffer skipped)
        (set-window-buffer-start-and-point window new-buffer)))
    (if bury-or-kill
        (let ((entry (and (eq bury-or-kill 'append)
                          (assq old-buffer (window-prev-buffers window)))))
          (set-window-prev-buffers window (assq-delete-all old-buffer (window-prev-buffers window)))
          (set-window-next-buffers window (delq old-buffer next-buffers))
          (when entry
            (set-window-prev-buffers window (append (window-prev-buffers window) (list entry)))))
      (set-window-next-buffers window (cons old-buffer (delq old-buffer next-buffers))))
    (dolist (buffer killed-buffers)
      (set-window-prev-buffers window (assq-delete-all buffer (window-prev-buffers window)))
      (set-window-next-buffers window (delq buffer (window-next-buffers window))))
    new-buffer))

(defun switch-to-next-buffer (&optional window)
  "In WINDOW (default the selected one), undo a `switch-to-prev-buffer'.
Return the buffer switched to, or nil."
  (interactive)
  (let* ((window (window-normalize-window window t))
         (frame (window-frame window))
         (window-side (window-parameter window 'window-side))
         (old-buffer (window-buffer window))
         (next-buffers (window-next-buffers window))
         (pred (frame-parameter frame 'buffer-predicate))
         (skip (window--switch-skip frame))
         new-buffer entry killed-buffers skipped)
    (when (window-minibuffer-p window)
      (unless (setq window (minibuffer-selected-window))
        (error "Window %s is a minibuffer window" window)))
    (unless (memq (window-dedicated-p window) '(nil side))
      (error "Window %s is dedicated to buffer %s" window old-buffer))
    (catch 'found
      (dolist (buffer next-buffers)
        (when (and (or (buffer-live-p buffer)
                       (not (push buffer killed-buffers)))
                   (not (eq buffer old-buffer))
                   (or (null pred) (funcall pred buffer))
                   (setq entry (assq buffer (window-prev-buffers window))))
          (if (switch-to-prev-buffer-skip-p skip window buffer)
              (setq skipped buffer)
            (setq new-buffer buffer)
            (set-window-buffer-start-and-point window new-buffer (nth 1 entry) (nth 2 entry))
            (throw 'found t))))
      (unless window-side
        (dolist (buffer (buffer-list frame))
          (when (and (buffer-live-p buffer)
                     (not (eq buffer old-buffer))
                     (or (null pred) (funcall pred buffer))
                     (not (eq (aref (buffer-name buffer) 0) ?\s))
                     (not (assq buffer (window-prev-buffers window))))
            (if (switch-to-prev-buffer-skip-p skip window buffer)
                (setq skipped (or skipped buffer))
              (setq new-buffer buffer)
              (set-window-buffer-start-and-point window new-buffer)
              (throw 'found t)))))
      (dolist (entry (reverse (window-prev-buffers window)))
        (when (and (not (eq new-buffer (car entry)))
                   (not (eq old-buffer (car entry)))
                   (setq new-buffer (car entry))
                   (or (buffer-live-p new-buffer)
                       (not (push new-buffer killed-buffers)))
                   (or (null pred) (funcall pred new-buffer)))
          (if (switch-to-prev-buffer-skip-p skip window new-buffer)
              (setq skipped (or skipped new-buffer))
            (set-window-buffer-start-and-point window new-buffer (nth 1 entry) (nth 2 entry))
            (throw 'found t))))
      (when (and skipped (not (functionp switch-to-prev-buffer-skip)))
        (setq new-buffer skipped)
        (set-window-buffer-start-and-point window new-buffer)))
    (set-window-next-buffers window (delq new-buffer next-buffers))
    (dolist (buffer killed-buffers)
      (set-window-prev-buffers window (assq-delete-all buffer (window-prev-buffers window)))
      (set-window-next-buffers window (delq buffer (window-next-buffers window))))
    new-buffer))

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

(defun window--delete (&optional window dedicated-only kill)
  "Delete live WINDOW if possible and return non-nil if it is gone.
DEDICATED-ONLY non-nil deletes it only if it is dedicated; KILL
non-nil means its buffer is about to be killed."
  (setq window (window-normalize-window window t))
  (unless (and dedicated-only (not (window-dedicated-p window)))
    (let ((deletable (window-deletable-p window)))
      (cond
       ((eq deletable 'frame)
        (let ((frame (window-frame window)))
          (cond (kill (delete-frame frame))
                ((functionp (frame-parameter frame 'auto-hide-function))
                 (funcall (frame-parameter frame 'auto-hide-function)))
                ((functionp frame-auto-hide-function)
                 (funcall frame-auto-hide-function frame))))
        'frame)
       (deletable
        (delete-window window)
        t)))))

(defun bury-buffer (&optional buffer-or-name)
  "Put BUFFER-OR-NAME (default the current buffer) at the end of the buffer list.
Without an argument, also remove the buffer from the selected window
if it shows it: delete the window if dedicated, else show another
buffer there."
  (interactive)
  (let ((buffer (window-normalize-buffer buffer-or-name)))
    (bury-buffer-internal buffer)
    (cond
     ((or buffer-or-name
          (not (eq buffer (window-buffer)))
          (window-minibuffer-p)))
     ((window--delete nil t))
     (t
      (set-window-dedicated-p nil nil)
      (switch-to-prev-buffer nil 'bury)))
    nil))

(defun unbury-buffer ()
  "Switch to the last buffer in the buffer list."
  (interactive)
  (switch-to-buffer (last-buffer)))

(defun replace-buffer-in-windows (&optional buffer-or-name)
  "Replace BUFFER-OR-NAME with some other buffer in all windows showing it.
A dedicated window is deleted if possible.  The buffer is also
removed from every window's previous and next buffers."
  (interactive "bBuffer to replace: ")
  (let ((buffer (window-normalize-buffer buffer-or-name)))
    (dolist (window (window-list-1 nil nil t))
      (if (eq (window-buffer window) buffer)
          (let ((dedicated-side (eq (window-dedicated-p window) 'side)))
            (when (or dedicated-side (not (window--delete window t t)))
              (set-window-dedicated-p window nil)
              (if (switch-to-prev-buffer window 'kill)
                  (and dedicated-side (set-window-dedicated-p window 'side))
                (window--delete window nil 'kill))))
        (unrecord-window-buffer window buffer)))))

(defun quit-restore-window (&optional window bury-or-kill)
  "Quit WINDOW (default the selected one) and deal with its buffer.
Following WINDOW's `quit-restore' parameter, delete WINDOW, or show
the buffer it showed before, or some other buffer.  BURY-OR-KILL:
nil leaves the buffer alone, `append' and `bury' move it to the end
of the buffer list (and of WINDOW's history), `kill' kills it."
  (setq window (window-normalize-window window t))
  (let* ((buffer (window-buffer window))
         (quit-restore (window-parameter window 'quit-restore))
         (prev-buffer (catch 'prev-buffer
                        (dolist (buf (window-prev-buffers window))
                          (unless (eq (car buf) buffer)
                            (throw 'prev-buffer (car buf))))))
         (dedicated (window-dedicated-p window))
         quad entry)
    (cond
     ((and dedicated (not (eq dedicated 'side))
           (window--delete window 'dedicated (eq bury-or-kill 'kill)))
      (when (window-live-p (nth 2 quit-restore))
        (select-window (nth 2 quit-restore))))
     ((and (not prev-buffer)
           (or (eq (nth 1 quit-restore) 'frame)
               (and (eq (nth 1 quit-restore) 'window)
                    (not (eq window (frame-root-window window)))))
           (eq (nth 3 quit-restore) buffer)
           (window--delete window nil (eq bury-or-kill 'kill)))
      (when (window-live-p (nth 2 quit-restore))
        (select-window (nth 2 quit-restore))))
     ((and (listp (setq quad (nth 1 quit-restore)))
           (buffer-live-p (car quad))
           (eq (nth 3 quit-restore) buffer))
      (when (and (integerp (nth 3 quad))
                 (/= (nth 3 quad) (if (window-combined-p window)
                                      (window-total-height window)
                                    (window-total-width window))))
        (condition-case nil
            (window-resize window
                           (- (nth 3 quad) (if (window-combined-p window)
                                               (window-total-height window)
                                             (window-total-width window)))
                           (window-combined-p window t))
          (error nil)))
      (set-window-dedicated-p window nil)
      (set-window-buffer-start-and-point window (nth 0 quad) (nth 1 quad) (nth 2 quad))
      (when (eq dedicated 'side)
        (set-window-dedicated-p window 'side))
      (setq entry (and (eq bury-or-kill 'append)
                       (assq buffer (window-prev-buffers window))))
      (when bury-or-kill
        (set-window-prev-buffers window (assq-delete-all buffer (window-prev-buffers window)))
        (set-window-next-buffers window (delq buffer (window-next-buffers window))))
      (when entry
        (set-window-prev-buffers window (append (window-prev-buffers window) (list entry))))
      (set-window-parameter window 'quit-restore nil)
      (when (window-live-p (nth 2 quit-restore))
        (select-window (nth 2 quit-restore))))
     (t
      (set-window-parameter window 'quit-restore nil)
      (set-window-dedicated-p window nil)
      (if (switch-to-prev-buffer window bury-or-kill)
          (when (eq dedicated 'side)
            (set-window-dedicated-p window 'side))
        (window--delete window nil (eq bury-or-kill 'kill))
        (when (window-live-p (nth 2 quit-restore))
          (select-window (nth 2 quit-restore))))))
    (cond
     ((not (buffer-live-p buffer)))
     ((eq bury-or-kill 'kill) (kill-buffer buffer))
     (bury-or-kill (bury-buffer-internal buffer)))))

(defun quit-window (&optional kill window)
  "Quit WINDOW (default the selected one) and bury its buffer (KILL: kill it).
Runs `quit-window-hook' first, then `quit-restore-window'."
  (interactive "P")
  (with-current-buffer (window-buffer (window-normalize-window window))
    (run-hooks 'quit-window-hook))
  (quit-restore-window window (if kill 'kill 'bury)))

(defun quit-windows-on (&optional buffer-or-name kill frame)
  "Quit all windows showing BUFFER-OR-NAME, killing it if KILL; FRAME as for `delete-windows-on'."
  (interactive "bQuit windows on (buffer):\nP")
  (let ((buffer (window-normalize-buffer buffer-or-name))
        (all-frames (cond ((not frame) t) ((eq frame t) nil) (t frame))))
    (dolist (window (window-list-1 nil nil all-frames))
      (if (eq (window-buffer window) buffer)
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
         (posn (cond
                ((and (numberp sign) (< sign 0))
                 (if hor
                     (1- (+ (window-pixel-top window) (window-pixel-height window)))
                   (1- (+ (window-pixel-left window) (window-pixel-width window)))))
                ((and (numberp sign) (> sign 0))
                 (if hor (window-pixel-top window) (window-pixel-left window)))
                ;; `posn-at-point' knows nothing in batch: column and row 1.
                (t (if hor (1+ (window-pixel-top window)) (1+ (window-pixel-left window))))))
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
  (when (and (window-live-p window)
             (not (window-parameter window 'window-side)))
    (with-current-buffer (window-buffer window)
      (if horizontal
          (and (memq window-size-fixed '(nil height))
               (numberp split-width-threshold)
               (>= (window-width window)
                   (max split-width-threshold (* 2 (max window-min-width 2)))))
        (and (memq window-size-fixed '(nil width))
             (numberp split-height-threshold)
             (>= (window-height window)
                 (max split-height-threshold
                      (* 2 (max window-min-height (if mode-line-format 2 1))))))))))

(defun split-window-sensibly (&optional window)
  "Split WINDOW (default the selected one) in a way suitable for `display-buffer'.
Try below, then on the right; if WINDOW is the only (non-dedicated)
window of its frame, try below ignoring `split-height-threshold'.
Return the new window, or nil."
  (let ((window (or window (selected-window))))
    (or (and (window-splittable-p window)
             (with-selected-window window (split-window-below)))
        (and (window-splittable-p window t)
             (with-selected-window window (split-window-right)))
        (and (let ((frame (window-frame window)))
               (or (eq window (frame-root-window frame))
                   (catch 'done
                     (walk-window-tree (lambda (w)
                                         (unless (or (eq w window) (window-dedicated-p w))
                                           (throw 'done nil)))
                                       frame nil 'nomini)
                     t)))
             (not (window-minibuffer-p window))
             (let ((split-height-threshold 0))
               (when (window-splittable-p window)
                 (with-selected-window window (split-window-below))))))))

(defun window--try-to-split-window (window &optional alist)
  "Split WINDOW with `split-window-preferred-function'; return the new window or nil."
  (and (window-live-p window)
       (not (frame-parameter (window-frame window) 'unsplittable))
       (let* ((window-combination-limit
               (if (or (eq window-combination-limit 'display-buffer)
                       (and (eq window-combination-limit 'window-size)
                            (or (cdr (assq 'window-height alist))
                                (cdr (assq 'window-width alist)))))
                   t
                 window-combination-limit))
              (new-window (condition-case nil
                              (funcall split-window-preferred-function window)
                            (error nil))))
         (and (window-live-p new-window) new-window))))

(defun window--frame-usable-p (frame)
  "Return FRAME if it can be used to display a buffer."
  (when (frame-live-p frame)
    (let ((window (frame-root-window frame)))
      (unless (and (window-live-p window) (window-minibuffer-p window))
        frame))))

(defun window--even-window-sizes (window)
  "Even the sizes of WINDOW and the selected window if they are the only siblings."
  (when (and (= (window-child-count (window-parent window)) 2)
             (eq (window-parent) (window-parent window)))
    (cond
     ((and (not (memq even-window-sizes '(nil height-only)))
           (window-combined-p window t)
           (> (window-total-width) (window-total-width window)))
      (condition-case nil
          (enlarge-window (/ (- (window-total-width window) (window-total-width)) 2) t)
        (error nil)))
     ((and (not (memq even-window-sizes '(nil width-only)))
           (window-combined-p window)
           (> (window-total-height) (window-total-height window)))
      (condition-case nil
          (enlarge-window (/ (- (window-total-height window) (window-total-height)) 2))
        (error nil))))))

(defun window--maybe-raise-frame (frame)
  "Make FRAME visible and raise it unless it is the selected frame."
  (make-frame-visible frame)
  (unless (or (frame-parameter frame 'no-focus-on-map)
              (frame-parameter frame 'no-accept-focus)
              (eq frame (selected-frame)))
    (raise-frame frame)))

(defun display-buffer-record-window (type window buffer)
  "Record in WINDOW's `quit-restore' parameter how it came to show BUFFER.
TYPE is `reuse' (WINDOW existed), `window' (made on an existing
frame) or `frame' (made on a new frame).  Call before WINDOW shows
BUFFER."
  (cond
   ((eq type 'reuse)
    (if (eq (window-buffer window) buffer)
        (let ((quit-restore (window-parameter window 'quit-restore)))
          (when (consp quit-restore)
            (setcar quit-restore 'same)
            (unless (or (eq window (selected-window))
                        (eq window (nth 2 quit-restore)))
              (setcar (cddr quit-restore) (selected-window)))))
      (with-current-buffer (window-buffer window)
        (set-window-parameter
         window 'quit-restore
         (list 'other
               (list (current-buffer) (window-start window)
                     (copy-marker (window-point window) window-point-insertion-type)
                     (if (window-combined-p window)
                         (window-total-height window)
                       (window-total-width window)))
               (selected-window) buffer)))))
   ((memq type '(window frame tab))
    (set-window-parameter window 'quit-restore
                          (list type type (selected-window) buffer)))))

(defun window--display-buffer (buffer window type &optional alist)
  "Show BUFFER in live WINDOW, chosen by a display action of TYPE (see above).
Handle dedication, the `window-height', `window-width',
`preserve-size', `window-parameters' and `body-function' entries
of ALIST.  Return WINDOW."
  (when (and (buffer-live-p buffer) (window-live-p window))
    (display-buffer-record-window type window buffer)
    (unless (eq buffer (window-buffer window))
      (set-window-dedicated-p window nil)
      (set-window-buffer window buffer))
    (let ((alist-dedicated (assq 'dedicated alist)))
      (cond
       ((or (window-dedicated-p window)
            (and (eq type 'reuse) (not (eq (cdr alist-dedicated) 'side)))))
       (alist-dedicated (set-window-dedicated-p window (cdr alist-dedicated)))
       (display-buffer-mark-dedicated
        (set-window-dedicated-p window display-buffer-mark-dedicated))))
    (when (memq type '(window frame tab))
      (set-window-prev-buffers window nil))
    (when (functionp (cdr (assq 'body-function alist)))
      (let ((inhibit-read-only t)
            (inhibit-modification-hooks t))
        (funcall (cdr (assq 'body-function alist)) window)))
    (let ((quit-restore (window-parameter window 'quit-restore))
          (height (cdr (assq 'window-height alist)))
          (width (cdr (assq 'window-width alist)))
          (preserve-size (cdr (assq 'preserve-size alist))))
      (when (or (eq type 'window)
                (and (eq (car quit-restore) 'same)
                     (eq (nth 1 quit-restore) 'window)))
        (cond
         ((not height))
         ((numberp height)
          (let* ((new-height (if (integerp height)
                                 height
                               (round (* (window-total-height (frame-root-window window)) height))))
                 (delta (- new-height (window-total-height window))))
            (when (and (window--resizable-p window delta nil 'safe)
                       (window-combined-p window))
              (window-resize window delta nil 'safe))))
         ((functionp height) (ignore-errors (funcall height window))))
        (cond
         ((not width))
         ((numberp width)
          (let* ((new-width (if (integerp width)
                                width
                              (round (* (window-total-width (frame-root-window window)) width))))
                 (delta (- new-width (window-total-width window))))
            (when (and (window--resizable-p window delta t 'safe)
                       (window-combined-p window t))
              (window-resize window delta t 'safe))))
         ((functionp width) (ignore-errors (funcall width window))))
        (when (consp preserve-size)
          (window-preserve-size window t (car preserve-size))
          (window-preserve-size window nil (cdr preserve-size)))))
    (dolist (parameter (cdr (assq 'window-parameters alist)))
      (set-window-parameter window (car parameter) (cdr parameter)))
    window))

(defun same-window-p (buffer-name)
  "Return non-nil if a buffer named BUFFER-NAME would be shown in the selected window.
That is decided by `same-window-buffer-names' and `same-window-regexps'."
  (cond
   ((not (stringp buffer-name)))
   ((member buffer-name same-window-buffer-names))
   ((assoc buffer-name same-window-buffer-names))
   ((catch 'found
      (dolist (regexp same-window-regexps)
        (when (or (and (stringp regexp) (string-match-p regexp buffer-name))
                  (and (consp regexp) (stringp (car regexp))
                       (string-match-p (car regexp) buffer-name)))
          (throw 'found t)))))))

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
  (let ((buffer (if (bufferp buffer-or-name) buffer-or-name (get-buffer buffer-or-name)))
        (split-window-keep-point t)
        (inhibit-same-window (and action (not (listp action)))))
    (unless (listp action) (setq action nil))
    (if display-buffer-function
        (funcall display-buffer-function buffer inhibit-same-window)
      (let* ((user-action (display-buffer-assq-regexp
                           (buffer-name buffer) display-buffer-alist action))
             (special-action (display-buffer--special-action buffer))
             (extra-action (cons nil (append (if inhibit-same-window '((inhibit-same-window . t)))
                                             (if frame `((reusable-frames . ,frame))))))
             (actions (list display-buffer-overriding-action
                            user-action special-action action extra-action
                            display-buffer-base-action display-buffer-fallback-action))
             (functions (apply #'append
                               (mapcar (lambda (x)
                                         (setq x (car x))
                                         (if (functionp x) (list x) x))
                                       actions)))
             (alist (apply #'append (mapcar #'cdr actions)))
             window)
        (unless (buffer-live-p buffer)
          (error "Invalid buffer"))
        (while (and functions (not window))
          (setq window (funcall (car functions) buffer alist)
                functions (cdr functions)))
        (and (windowp window) window)))))

(defun display-buffer-same-window (buffer alist)
  "Display BUFFER in the selected window, unless ALIST has `inhibit-same-window'.
Fails (returns nil) for a minibuffer or dedicated selected window."
  (unless (or (cdr (assq 'inhibit-same-window alist))
              (window-minibuffer-p)
              (window-dedicated-p))
    (window--display-buffer buffer (selected-window) 'reuse alist)))

(defun display-buffer--maybe-same-window (buffer alist)
  "Display BUFFER in the selected window if `same-window-p' says so."
  (and (same-window-p (buffer-name buffer))
       (display-buffer-same-window buffer alist)))

(defun window--reusable-frames (alist)
  "The frames whose windows a display action may reuse, according to ALIST."
  (let ((entry (assq 'reusable-frames alist)))
    (cond (entry (cdr entry))
          (pop-up-frames 0)
          (display-buffer-reuse-frames 0)
          (t (last-nonminibuffer-frame)))))

(defun display-buffer-reuse-window (buffer alist)
  "Display BUFFER in a window already showing it, preferably on the selected frame.
ALIST's `inhibit-same-window' excludes the selected window and
`reusable-frames' says which frames to search."
  (let* ((frames (window--reusable-frames alist))
         (window (if (and (eq buffer (window-buffer))
                          (not (cdr (assq 'inhibit-same-window alist))))
                     (selected-window)
                   (let* ((windows (delq (selected-window)
                                         (get-buffer-window-list buffer 'nomini frames)))
                          (first (car windows))
                          (this-frame (selected-frame)))
                     (cond
                      ((eq (window-frame first) this-frame) first)
                      ((catch 'found
                         (dolist (next (cdr windows))
                           (when (eq (window-frame next) this-frame)
                             (throw 'found next)))))
                      (t first))))))
    (when (window-live-p window)
      (prog1 (window--display-buffer buffer window 'reuse alist)
        (unless (cdr (assq 'inhibit-switch-frame alist))
          (window--maybe-raise-frame (window-frame window)))))))

(defun display-buffer-reuse-mode-window (buffer alist)
  "Display BUFFER in a window showing a buffer in the same major mode.
ALIST's `mode' entry gives the mode(s) to look for (default
BUFFER's); `inhibit-same-window' and `reusable-frames' as usual."
  (let* ((alist-entry (assq 'reusable-frames alist))
         (alist-mode-entry (assq 'mode alist))
         (frames (cond (alist-entry (cdr alist-entry))
                       (pop-up-frames 0)
                       (display-buffer-reuse-frames 0)
                       (t (last-nonminibuffer-frame))))
         (inhibit-same-window-p (cdr (assq 'inhibit-same-window alist)))
         (windows (window-list-1 nil 'nomini frames))
         (buffer-mode (with-current-buffer buffer major-mode))
         (allowed-modes (if alist-mode-entry
                            (cdr alist-mode-entry)
                          buffer-mode))
         (curwin (selected-window))
         (curframe (selected-frame)))
    (unless (listp allowed-modes)
      (setq allowed-modes (list allowed-modes)))
    (let (same-mode-same-frame same-mode-other-frame derived-mode-same-frame derived-mode-other-frame)
      (dolist (window windows)
        (let ((mode? (with-current-buffer (window-buffer window)
                       (cond ((memq major-mode allowed-modes) 'same)
                             ((apply #'derived-mode-p allowed-modes) 'derived)))))
          (when (and mode?
                     (not (and inhibit-same-window-p (eq window curwin))))
            (push window (if (eq curframe (window-frame window))
                             (if (eq mode? 'same) same-mode-same-frame derived-mode-same-frame)
                           (if (eq mode? 'same) same-mode-other-frame derived-mode-other-frame))))))
      (let ((window (car (nconc same-mode-same-frame same-mode-other-frame
                                derived-mode-same-frame derived-mode-other-frame))))
        (when (window-live-p window)
          (prog1 (window--display-buffer buffer window 'reuse alist)
            (unless (cdr (assq 'inhibit-switch-frame alist))
              (window--maybe-raise-frame (window-frame window)))))))))

(defun display-buffer-pop-up-frame (buffer alist)
  "Display BUFFER in a new frame made by `pop-up-frame-function'.
Batch Emacs cannot make frames, so this signals that error."
  (let* ((params (cdr (assq 'pop-up-frame-parameters alist)))
         (pop-up-frame-alist (append params pop-up-frame-alist))
         (fun pop-up-frame-function)
         frame window)
    (when (and fun
               (with-current-buffer buffer (setq frame (funcall fun)))
               (setq window (frame-selected-window frame)))
      (prog1 (window--display-buffer buffer window 'frame alist)
        (unless (cdr (assq 'inhibit-switch-frame alist))
          (window--maybe-raise-frame frame))))))

(defun display-buffer-pop-up-window (buffer alist)
  "Display BUFFER in a new window made by splitting the largest or least recently used one."
  (let ((frame (or (window--frame-usable-p (selected-frame))
                   (window--frame-usable-p (last-nonminibuffer-frame))))
        window)
    (when (and (or (not (frame-parameter frame 'unsplittable))
                   (and (eq frame (selected-frame))
                        (setq frame (last-nonminibuffer-frame))
                        (window--frame-usable-p frame)
                        (not (frame-parameter frame 'unsplittable))))
               (setq window (or (window--try-to-split-window (get-largest-window frame t) alist)
                                (window--try-to-split-window (get-lru-window frame t) alist))))
      (prog1 (window--display-buffer buffer window 'window alist)
        (unless (cdr (assq 'inhibit-switch-frame alist))
          (window--maybe-raise-frame (window-frame window)))))))

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

(defun display-buffer-below-selected (buffer alist)
  "Display BUFFER in the window below the selected one, making it if needed.
ALIST's `window-min-height' entry gives the least height wanted."
  (let ((min-height (cdr (assq 'window-min-height alist)))
        window)
    (or (and (setq window (window-in-direction 'below))
             (eq buffer (window-buffer window))
             (or (not (numberp min-height))
                 (>= (window-height window) min-height))
             (window--display-buffer buffer window 'reuse alist))
        (and (not (frame-parameter nil 'unsplittable))
             (or (not (numberp min-height))
                 (window-sizable-p nil (- min-height)))
             (let ((split-height-threshold 0)
                   split-width-threshold)
               (setq window (window--try-to-split-window (selected-window) alist)))
             (window--display-buffer buffer window 'window alist))
        (and (setq window (window-in-direction 'below))
             (not (window-dedicated-p window))
             (or (not (numberp min-height))
                 (>= (window-height window) min-height))
             (window--display-buffer buffer window 'reuse alist)))))

(defun display-buffer-at-bottom (buffer alist)
  "Display BUFFER in a window at the bottom of the selected frame.
Reuse a bottom window showing BUFFER, or split the main window, or
reuse a non-dedicated bottom window."
  (let (bottom-window bottom-window-shows-buffer window)
    (walk-window-tree
     (lambda (window)
       (cond
        ((window-in-direction 'below window))
        ((and (not bottom-window-shows-buffer) (eq buffer (window-buffer window)))
         (setq bottom-window-shows-buffer t bottom-window window))
        ((not bottom-window)
         (setq bottom-window window))))
     nil nil 'nomini)
    (or (and bottom-window-shows-buffer
             (window--display-buffer buffer bottom-window 'reuse alist))
        (and (not (frame-parameter nil 'unsplittable))
             (setq window (split-window-no-error (window-main-window)))
             (window--display-buffer buffer window 'window alist))
        (and (setq window bottom-window)
             (not (window-dedicated-p window))
             (window--display-buffer buffer window 'reuse alist)))))

(defun display-buffer-in-previous-window (buffer alist)
  "Display BUFFER in a window that showed it before.
A `previous-window' entry of ALIST names a window to use too; the
selected window is used only as a last resort (never with
`inhibit-same-window')."
  (let* ((inhibit-same-window (cdr (assq 'inhibit-same-window alist)))
         (frames (window--reusable-frames alist))
         (previous-window (cdr (assq 'previous-window alist)))
         best-window second-best-window window)
    (catch 'best
      (dolist (window (window-list-1 (frame-first-window) 'nomini frames))
        (when (and (assq buffer (window-prev-buffers window))
                   (not (window-dedicated-p window)))
          (if (eq window (selected-window))
              (unless inhibit-same-window
                (setq second-best-window window))
            (setq best-window window)
            (throw 'best t)))))
    (when (and previous-window (symbolp previous-window) (boundp previous-window))
      (setq previous-window (symbol-value previous-window)))
    (when (and (setq window previous-window)
               (window-live-p window)
               (or (eq buffer (window-buffer window))
                   (not (window-dedicated-p window))))
      (if (eq window (selected-window))
          (unless inhibit-same-window
            (setq second-best-window window))
        (setq best-window window)))
    (when (setq window (or best-window second-best-window))
      (window--display-buffer buffer window 'reuse alist))))

(defun display-buffer-use-some-window (buffer alist)
  "Display BUFFER in an existing window: the least recently used, or the largest one."
  (let* ((not-this-window (cdr (assq 'inhibit-same-window alist)))
         (frame (or (window--frame-usable-p (selected-frame))
                    (window--frame-usable-p (last-nonminibuffer-frame))))
         (window (or (get-lru-window frame nil not-this-window)
                     (let ((window (get-buffer-window buffer 'visible)))
                       (unless (and not-this-window (eq window (selected-window)))
                         window))
                     (get-largest-window 'visible nil not-this-window)
                     (let ((window (get-buffer-window buffer 0)))
                       (unless (and not-this-window (eq window (selected-window)))
                         window))
                     (get-largest-window 0 nil not-this-window)))
         (quit-restore (and (window-live-p window)
                            (window-parameter window 'quit-restore)))
         (quad (nth 1 quit-restore)))
    (when (window-live-p window)
      (when (and (listp quad)
                 (integerp (nth 3 quad))
                 (> (nth 3 quad) (window-total-height window)))
        (condition-case nil
            (window-resize window (- (nth 3 quad) (window-total-height window)))
          (error nil)))
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
         (old-frame (selected-frame))
         (window (display-buffer buffer action)))
    (if window
        (let ((frame (window-frame window)))
          (unless (eq frame old-frame)
            (select-frame frame norecord))
          (select-window window norecord))
      (set-buffer buffer))
    buffer))

(defun pop-to-buffer-same-window (buffer &optional norecord)
  "Select BUFFER in some window, preferably the selected one; return BUFFER."
  (pop-to-buffer buffer display-buffer--same-window-action norecord))

(defun window-normalize-buffer-to-switch-to (buffer-or-name)
  "Return the buffer BUFFER-OR-NAME names, making it if needed; `other-buffer' for nil."
  (if buffer-or-name
      (or (get-buffer buffer-or-name)
          (let ((buffer (get-buffer-create buffer-or-name)))
            (set-buffer-major-mode buffer)
            buffer))
    (other-buffer)))

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
        (set-window-start-and-point (not switch-to-buffer-obey-display-actions)))
    (cond
     ((and (eq buffer (window-buffer))
           (not switch-to-buffer-obey-display-actions)))
     ((and (window-minibuffer-p) (not switch-to-buffer-obey-display-actions))
      (if force-same-window
          (user-error "Cannot switch buffers in minibuffer window")
        (pop-to-buffer buffer norecord)))
     ((and (eq (window-dedicated-p) t) (not switch-to-buffer-obey-display-actions))
      (if force-same-window
          (user-error "Cannot switch buffers in a dedicated window")
        (pop-to-buffer buffer norecord)))
     (t
      (when switch-to-buffer-obey-display-actions
        (let ((selected-window (selected-window)))
          (pop-to-buffer-same-window buffer norecord)
          (when (eq (selected-window) selected-window)
            (setq set-window-start-and-point t))))
      (when set-window-start-and-point
        (let* ((entry (assq buffer (window-prev-buffers)))
               (preserve-win-point
                (buffer-local-value 'switch-to-buffer-preserve-window-point buffer))
               (displayed (and (eq preserve-win-point 'already-displayed)
                               (get-buffer-window buffer 0))))
          (set-window-buffer nil buffer)
          (when (and entry (or (eq preserve-win-point t) displayed))
            (set-window-start (selected-window) (nth 1 entry) t)
            (set-window-point nil (nth 2 entry)))))))
    (unless norecord
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

(defun temp-buffer-window-setup (buffer-or-name)
  "Make buffer BUFFER-OR-NAME empty and fresh for temporary output; return it."
  (let ((old-dir default-directory)
        (buffer (get-buffer-create buffer-or-name)))
    (with-current-buffer buffer
      (kill-all-local-variables)
      (setq default-directory old-dir)
      (setq buffer-read-only nil)
      (setq buffer-file-name nil)
      (setq buffer-undo-list t)
      (let ((inhibit-read-only t)
            (inhibit-modification-hooks t))
        (erase-buffer)
        (run-hooks 'temp-buffer-window-setup-hook))
      buffer)))

(defun temp-buffer-window-show (buffer &optional action)
  "Make BUFFER unmodified and read-only and show it with `display-buffer' ACTION.
Return the window, after running `temp-buffer-window-show-hook'
with it selected."
  (let (window frame)
    (with-current-buffer buffer
      (set-buffer-modified-p nil)
      (setq buffer-read-only t)
      (goto-char (point-min))
      (when (let ((window-combination-limit
                   (if (or (eq window-combination-limit 'temp-buffer)
                           (and (eq window-combination-limit 'temp-buffer-resize)
                                temp-buffer-resize-mode))
                       t
                     window-combination-limit)))
              (setq window (display-buffer buffer action)))
        (setq frame (window-frame window))
        (unless (eq frame (selected-frame))
          (raise-frame frame))
        (setq minibuffer-scroll-window window)
        (set-window-hscroll window 0)
        (with-selected-window window
          (run-hooks 'temp-buffer-window-show-hook))
        window))))

(defmacro with-temp-buffer-window (buffer-or-name action quit-function &rest body)
  "Bind `standard-output' to the emptied BUFFER-OR-NAME, run BODY, show the buffer.
The buffer is displayed with `display-buffer' ACTION, but not
selected nor made current for BODY.  If QUIT-FUNCTION is a
function, return its value for the window and BODY's value;
otherwise return BODY's value."
  (declare (debug t) (indent 3))
  (let ((buffer (make-symbol "buffer"))
        (window (make-symbol "window"))
        (value (make-symbol "value"))
        (vbuffer-or-name (make-symbol "vbuffer-or-name"))
        (vaction (make-symbol "vaction"))
        (vquit-function (make-symbol "vquit-function")))
    `(let* ((,vbuffer-or-name ,buffer-or-name)
            (,vaction ,action)
            (,vquit-function ,quit-function)
            (,buffer (temp-buffer-window-setup ,vbuffer-or-name))
            (standard-output ,buffer)
            ,window ,value)
       (setq ,value (progn ,@body))
       (with-current-buffer ,buffer
         (setq ,window (temp-buffer-window-show ,buffer ,vaction)))
       (if (functionp ,vquit-function)
           (funcall ,vquit-function ,window ,value)
         ,value))))

(defmacro with-current-buffer-window (buffer-or-name action quit-function &rest body)
  "Like `with-temp-buffer-window', but run BODY with the buffer current."
  (declare (debug t) (indent 3))
  (let ((buffer (make-symbol "buffer"))
        (window (make-symbol "window"))
        (value (make-symbol "value"))
        (vbuffer-or-name (make-symbol "vbuffer-or-name"))
        (vaction (make-symbol "vaction"))
        (vquit-function (make-symbol "vquit-function")))
    `(let* ((,vbuffer-or-name ,buffer-or-name)
            (,vaction ,action)
            (,vquit-function ,quit-function)
            (,buffer (temp-buffer-window-setup ,vbuffer-or-name))
            (standard-output ,buffer)
            ,window ,value)
       (with-current-buffer ,buffer
         (setq ,value (progn ,@body))
         (setq ,window (temp-buffer-window-show ,buffer ,vaction)))
       (if (functionp ,vquit-function)
           (funcall ,vquit-function ,window ,value)
         ,value))))

(defun internal-temp-output-buffer-show (buffer)
  "Show BUFFER, filled by `with-output-to-temp-buffer'; return nil.
Calls `temp-buffer-show-function' if non-nil, else displays the
buffer and runs `temp-buffer-show-hook' with its window selected."
  (with-current-buffer buffer
    (set-buffer-modified-p nil)
    (goto-char (point-min)))
  (if temp-buffer-show-function
      (funcall temp-buffer-show-function buffer)
    (with-current-buffer buffer
      (let* ((window (let ((window-combination-limit
                            (if (or (eq window-combination-limit 'temp-buffer)
                                    (and (eq window-combination-limit 'temp-buffer-resize)
                                         temp-buffer-resize-mode))
                                t
                              window-combination-limit)))
                       (display-buffer buffer)))
             (frame (and window (window-frame window))))
        (when window
          (unless (eq frame (selected-frame))
            (make-frame-visible frame))
          (setq minibuffer-scroll-window window)
          (set-window-hscroll window 0)
          (set-window-start window (point-min) t)
          (set-window-point window (point-min))
          (with-selected-window window
            (run-hooks 'temp-buffer-show-hook))))))
  nil)

(defmacro with-output-to-temp-buffer (bufname &rest body)
  "Bind `standard-output' to buffer BUFNAME, emptied, run BODY, then show the buffer.
The buffer is not made current for BODY.  `temp-buffer-setup-hook'
runs before BODY with the buffer current; afterwards the buffer is
displayed by `internal-temp-output-buffer-show'.  Return BODY's value."
  (declare (debug t))
  (let ((old-dir (make-symbol "old-dir"))
        (buf (make-symbol "buf")))
    `(let* ((,old-dir default-directory)
            (,buf
             (with-current-buffer (get-buffer-create ,bufname)
               (prog1 (current-buffer)
                 (kill-all-local-variables)
                 (setq default-directory ,old-dir)
                 (setq buffer-read-only nil)
                 (setq buffer-file-name nil)
                 (setq buffer-undo-list t)
                 (let ((inhibit-read-only t)
                       (inhibit-modification-hooks t))
                   (erase-buffer)
                   (run-hooks 'temp-buffer-setup-hook)))))
            (standard-output ,buf))
       (prog1 (progn ,@body)
         (internal-temp-output-buffer-show ,buf)))))

(provide 'window)

;;; window.el ends here
