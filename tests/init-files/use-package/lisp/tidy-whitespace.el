;;; tidy-whitespace.el --- show untidy whitespace  -*- lexical-binding: t -*-

(defvar tidy-whitespace-style 'all
  "What `tidy-whitespace-mode' shows: `all' or `trailing'.")

;;;###autoload
(define-minor-mode tidy-whitespace-mode
  "Show untidy whitespace."
  :lighter " Tidy")

(provide 'tidy-whitespace)

;;; tidy-whitespace.el ends here
