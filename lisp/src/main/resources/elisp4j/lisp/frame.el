;;; frame.el --- frame sizes, making frames  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j after the behaviour of GNU
;; Emacs's frame.el: the Lisp functions about frames that batch Emacs
;; has, on top of the primitives of frame.c.  Batch Emacs runs on its
;; one initial terminal frame and cannot make others.

;;; Code:

(defvar before-make-frame-hook nil
  "Functions to run before `make-frame' creates a new frame.")
(defvar after-make-frame-functions nil
  "Functions to run after `make-frame' created a new frame, with that frame.")

(defun frame-height (&optional frame)
  "Return the number of lines available for display on FRAME (default the selected one)."
  (cdr (assq 'height (frame-parameters frame))))

(defun frame-width (&optional frame)
  "Return the number of columns available for display on FRAME (default the selected one)."
  (cdr (assq 'width (frame-parameters frame))))

(defalias 'frame-pixel-width #'frame-native-width)
(defalias 'frame-pixel-height #'frame-native-height)

(defun display-graphic-p (&optional display)
  "Return non-nil if DISPLAY is a graphic display: never for a text terminal."
  (ignore display)
  nil)

(defun display-multi-frame-p (&optional display)
  "Return non-nil if DISPLAY can show several frames: never for batch Emacs's terminal."
  (ignore display)
  nil)

(defun make-frame (&optional parameters)
  "Make a frame with PARAMETERS (an alist) showing the current buffer.
Runs `before-make-frame-hook' first.  Batch Emacs's initial
terminal cannot show a second frame, so this signals an error."
  (interactive)
  (let ((params parameters))
    (dolist (p default-frame-alist)
      (unless (assq (car p) params)
        (push p params)))
    (run-hooks 'before-make-frame-hook)
    (let ((frame (make-terminal-frame params)))
      (run-hook-with-args 'after-make-frame-functions frame)
      frame)))

(defun select-frame-set-input-focus (frame &optional norecord)
  "Select FRAME and give it input focus; NORECORD as for `select-frame'."
  (select-frame frame norecord)
  (raise-frame frame)
  nil)

(defun frames-on-display-list (&optional _display)
  "Return the frames on the display: all frames of batch Emacs's one terminal."
  (frame-list))

;;;; Parameters.

(defun set-frame-parameter (frame parameter value)
  "Give FRAME (nil: the selected frame) the PARAMETER with VALUE."
  (modify-frame-parameters frame (list (cons parameter value))))

;;;; Focus.

(defvar after-focus-change-function #'ignore
  "Function called with no arguments whenever some frame gains or loses focus.
Ask `frame-focus-state' which frame has focus; use `add-function' to
add yours.")

(defvar focus-in-hook nil
  "Normal hook run by `handle-focus-in' when a frame gains focus.
Obsolete: use `after-focus-change-function'.")
(make-obsolete-variable 'focus-in-hook "after-focus-change-function" "27.1" 'set)

(defvar focus-out-hook nil
  "Normal hook run by `handle-focus-out' when a frame loses focus.
Obsolete: use `after-focus-change-function'.")
(make-obsolete-variable 'focus-out-hook "after-focus-change-function" "27.1" 'set)

(defun elisp4j--focus-event-frame (head event kind handler)
  "The live frame of focus EVENT, or nil.
HEAD is EVENT's head, which must be KIND; HANDLER names the caller."
  (unless (eq head kind)
    (error "%s should handle %s events" handler kind))
  (let ((frame (car-safe (cdr event))))
    (and (frame-live-p frame) frame)))

(defun handle-focus-in (event)
  "Handle EVENT, a `focus-in' event from `special-event-map'.
The frame is selected, remembered as focused, `focus-in-hook' runs,
then `after-focus-change-function'."
  (interactive "e")
  (let ((frame (elisp4j--focus-event-frame (car-safe event) event
                                           'focus-in 'handle-focus-in)))
    (when frame
      (internal-handle-focus-in event)
      (set-frame-parameter frame 'last-focus-update t)
      (run-hooks 'focus-in-hook)))
  (funcall after-focus-change-function))

(defun handle-focus-out (event)
  "Handle EVENT, a `focus-out' event from `special-event-map'.
The frame is remembered as not focused, `focus-out-hook' runs, then
`after-focus-change-function'."
  (interactive "e")
  (let ((frame (elisp4j--focus-event-frame (car event) event
                                           'focus-out 'handle-focus-out)))
    (when frame
      (set-frame-parameter frame 'last-focus-update nil)
      (run-hooks 'focus-out-hook)))
  (funcall after-focus-change-function))

;;; frame.el ends here
