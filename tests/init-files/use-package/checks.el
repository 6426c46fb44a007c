;;; checks.el --- print what init.el left  -*- lexical-binding: t -*-

;; Loaded after init.el: prints each form and its value (compared by
;; InitFilesTest with expected.out, which follows use-package's documented
;; behaviour: GNU Emacs 28 has no use-package to record it from).

(defmacro my-check (&rest forms)
  "Print each of FORMS and its value."
  `(progn
     ,@(mapcar (lambda (f) `(princ (format "%S\n  => %S\n" ',f ,f))) forms)))

(my-check
 (abbreviate-file-name user-init-file)
 (mapcar #'abbreviate-file-name (seq-take load-path 1))
 (list fill-column (get 'fill-column 'customized-value)
       (get 'fill-column 'variable-comment))
 (list indent-tabs-mode (get 'indent-tabs-mode 'variable-comment))
 inhibit-startup-screen
 (key-binding (kbd "C-c r"))
 (list (featurep 'notes-mode) (featurep 'tidy-whitespace) (featurep 'quick-jump))
 (assoc "\\.notes\\'" auto-mode-alist)
 notes-mode-hook
 (autoloadp (symbol-function 'notes-mode))
 (autoloadp (symbol-function 'tidy-whitespace-mode))
 (list notes-mode-indent (get 'notes-mode-indent 'customized-value)
       (get 'notes-mode-indent 'variable-comment))
 tidy-whitespace-style
 (key-binding (kbd "C-c j"))
 (boundp 'quick-jump-map)
 (with-current-buffer "*Warnings*" (buffer-string))
 (featurep 'fancy-modeline)
 (fboundp 'fancy-modeline-enable)
 (assq 'gnus after-load-alist)
 (with-temp-buffer
   (setq buffer-file-name (expand-file-name "todo.notes" temporary-file-directory))
   (set-auto-mode)
   (list major-mode tidy-whitespace-mode my-notes-configured
         notes-mode-loaded-with-indent notes-mode-indent))
 (list (featurep 'notes-mode) (featurep 'tidy-whitespace))
 (progn (call-interactively (key-binding (kbd "C-c j")))
        quick-jump-count)
 (lookup-key quick-jump-map "n")
 (mapcar #'car personal-keybindings)
 (progn (require 'dired) dired-listing-switches))

;;; checks.el ends here
