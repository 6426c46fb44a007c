;;; -*- lexical-binding: t -*-
;;; with-help-window: the buffer's mode and text, which window is selected,
;;; and the message about quitting it, for each `help-window-select'.
(defun hw-show (label select &optional keep)
  (unless keep
    (delete-other-windows)
    (when (get-buffer "*Hw*") (kill-buffer "*Hw*")))
  (let ((help-window-select select)
        (before (selected-window)))
    (with-help-window "*Hw*"
      (princ "Some help.\n\n\n")
      (with-current-buffer standard-output
        (setq help-window-point-marker (copy-marker 3))))
    (let ((w (get-buffer-window "*Hw*")))
      (princ (format "%s: selected-help=%s same-as-before=%s point=%s windows=%d\n"
                     label (eq (selected-window) w) (eq (selected-window) before)
                     (and w (window-point w)) (length (window-list))))
      (with-current-buffer "*Hw*"
        (princ (format "  %S %S ro=%s\n" major-mode (buffer-string) buffer-read-only))))))
(hw-show "nil" nil)
(hw-show "t" t)
(hw-show "other" 'other)
(hw-show "t again, help window already shown" t t)
(princ (format "help-buffer: %S\n" (help-buffer)))
(with-temp-buffer
  (princ (format "following outside help: %S\n"
                 (condition-case e (let ((help-xref-following t)) (help-buffer))
                   (error e)))))
