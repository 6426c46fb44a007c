;;; checks.el --- print what init.el left  -*- lexical-binding: t -*-

;; Loaded after init.el: prints each form and its value.  The same file is
;; used by the conformance case (values recorded from GNU Emacs 28.2) and
;; by the start-up test (init.el found in ~/.emacs.d/).

(defmacro my-check (&rest forms)
  "Print each of FORMS and its value."
  `(progn
     ,@(mapcar (lambda (f) `(princ (format "%S\n  => %S\n" ',f ,f))) forms)))

(my-check
 backup-directory-alist
 auto-save-file-name-transforms
 (list backup-by-copying version-control delete-old-versions
       kept-new-versions kept-old-versions)
 (list auto-save-interval auto-save-timeout)
 (make-backup-file-name "/home/user/initfile-notes.txt")
 (car (find-backup-file-name "/home/user/initfile-notes.txt"))
 (with-temp-buffer
   (setq buffer-file-name "/home/user/initfile-notes.txt")
   (make-auto-save-file-name))
 (default-value 'indent-tabs-mode)
 (get 'narrow-to-region 'disabled)
 (symbol-function 'yes-or-no-p)
 (car auto-mode-alist)
 my-hooked-modes
 (car (memq 'my-common-setup prog-mode-hook))
 (functionp (car (last prog-mode-hook)))
 (car (memq 'my-common-setup text-mode-hook))
 ;; Counted from zero here: started with init.el as the init file, *scratch* was put in
 ;; `initial-major-mode' (a prog-mode) after it and so prepared once already.
 (let ((my-setup-count 0))
   (list (with-temp-buffer
           (prog-mode)
           (list fill-column tab-width my-setup-count))
         (with-temp-buffer
           (text-mode)
           (list fill-column tab-width my-setup-count))))
 (lookup-key global-map (kbd "C-c l"))
 (key-binding (kbd "M-o"))
 (lookup-key global-map (kbd "C-c w"))
 (and (advice-member-p #'my-count-saves 'save-buffer) t)
 (with-temp-buffer
   (set-buffer-modified-p nil)
   (save-buffer)
   my-save-count)
 (and (assq 'dired after-load-alist) t)
 (and (assq 'my-never-loaded-package after-load-alist) t)
 (progn (require 'dired) dired-listing-switches)
 (boundp 'my-never-set)
 ;; In a fresh buffer: *scratch* got the hooks' local fill-column when init.el is the init file.
 (with-temp-buffer (list fill-column (default-value 'fill-column) (get 'fill-column 'saved-value)))
 (list inhibit-startup-screen (get 'inhibit-startup-screen 'saved-value))
 (list require-final-newline (get 'require-final-newline 'saved-value))
 (boundp 'my-later-option)
 (get 'my-later-option 'saved-value)
 (get 'my-later-option 'saved-variable-comment)
 (progn (defcustom my-later-option nil "Doc." :type 'sexp) my-later-option)
 (get 'my-later-face 'saved-face))

;;; checks.el ends here
