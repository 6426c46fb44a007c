;;; auto-save-visited-mode.el --- seed 000: auto-save-visited-mode  -*- lexical-binding: t -*-
;; EmacsWiki "Auto Save", "Running save-buffer Automatically": for Emacs 26.1 and later,
;; enable the global minor mode auto-save-visited-mode.  Its idle timer's function is called
;; directly, as an idle period would.
(defconst dir "/tmp/elisp4j-seeds/auto-save-visited/")
(when (file-exists-p dir) (delete-directory dir t))
(make-directory dir t)
(defun contents (f) (with-temp-buffer (insert-file-contents f) (buffer-string)))

(auto-save-visited-mode 1)

(message "mode on: %S, interval %S" auto-save-visited-mode auto-save-visited-interval)
(message "idle timer: %S" (and (timerp auto-save--timer) (timer--idle-delay auto-save--timer)))
(let ((f (expand-file-name "v.txt" dir)))
  (write-region "saved\n" nil f nil 'silent)
  (with-current-buffer (find-file-noselect f)
    (insert "typed ")
    (message "before the idle period: %S modified=%S" (contents f) (buffer-modified-p))
    (apply (timer--function auto-save--timer) (timer--args auto-save--timer))
    (message "after: %S modified=%S" (contents f) (buffer-modified-p))
    (message "no #auto-save# file: %S" (directory-files dir nil "^[^.]"))
    (kill-buffer)))
(auto-save-visited-mode -1)
(message "mode off: %S timer=%S" auto-save-visited-mode auto-save--timer)
