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

;;; frame.el ends here
