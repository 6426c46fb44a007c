;;; notes-mode.el --- a major mode for plain notes  -*- lexical-binding: t -*-

(defgroup notes nil "Plain notes." :group 'text)

(defcustom notes-mode-indent 2
  "Indentation of note items."
  :type 'integer)

(defvar notes-mode-loaded-with-indent notes-mode-indent
  "The value `notes-mode-indent' had when this file was loaded.")

;;;###autoload
(define-derived-mode notes-mode text-mode "Notes"
  "Major mode for plain notes.")

(provide 'notes-mode)

;;; notes-mode.el ends here
