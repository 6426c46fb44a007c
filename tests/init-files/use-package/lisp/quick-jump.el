;;; quick-jump.el --- jump around quickly  -*- lexical-binding: t -*-

(defvar quick-jump-map (make-sparse-keymap)
  "Keymap of quick-jump commands.")

(defvar quick-jump-count 0 "How many jumps were made.")

;;;###autoload
(defun quick-jump-to-line ()
  "Jump (count the jump)."
  (interactive)
  (setq quick-jump-count (1+ quick-jump-count)))

(defun quick-jump-next ()
  "Jump to the next place."
  (interactive)
  (quick-jump-to-line))

(provide 'quick-jump)

;;; quick-jump.el ends here
