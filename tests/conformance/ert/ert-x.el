;;; ert-x.el --- ERT: the helpers of ert-x  -*- lexical-binding: t -*-
(require 'ert-x)
(defun show (label value) (princ (format "%s: %S\n" label value)))

(show "filter" (list (ert-filter-string "abcabc" "b")
                     (ert-filter-string "abcabc" "b" "c")
                     (ert-filter-string "a1b22c" '("\\([0-9]+\\)\\(c\\)?" 1))
                     (ert-filter-string "xyz" "q")))
(show "propertized" (list (ert-propertized-string "foo " '(face italic) "bar" '(face bold) " baz" nil " quux")
                          (ert-propertized-string)
                          (condition-case err (ert-propertized-string '(a)) (error err))))

;; Test buffers: named after the running test, killed on success only.
(defvar cf-buffer nil)
(ert-deftest x-buffer ()
  (ert-with-test-buffer (:name "mine")
    (setq cf-buffer (current-buffer))
    (insert "text")
    (should (equal (buffer-string) "text"))))
(ert-deftest x-buffer-fails ()
  (ert-with-test-buffer ()
    (setq cf-buffer (current-buffer))
    (should nil)))
(ert-run-test (ert-get-test 'x-buffer))
(show "buffer killed" (buffer-live-p cf-buffer))
(let ((result (ert-run-test (ert-get-test 'x-buffer-fails))))
  (show "buffer kept" (buffer-name cf-buffer))
  (show "buffer info" (ert-test-result-with-condition-infos result)))
(show "anonymous name" (ert--format-test-buffer-name "base"))
(show "test buffers" (mapcar #'buffer-name (hash-table-keys ert--test-buffers)))
(show "value" (ert-with-test-buffer () (insert "x") 42))
(ert-kill-all-test-buffers)
(show "after kill-all" (list (buffer-live-p cf-buffer) (hash-table-count ert--test-buffers)))

;; Message capture.
(let ((captured nil))
  (ert-with-message-capture messages
    (message "one %d" 1)
    (message nil)
    (princ "two" t)
    (prin1 '(three) t)
    (print 'four t)
    (princ "not captured" #'ignore)
    (let ((standard-output t)) (princ "five"))
    (setq captured messages))
  (show "captured" captured))

;; Renamed buffers.
(with-current-buffer (get-buffer-create "cf-fixed")
  (insert "original"))
(show "renamed" (ert-with-buffer-renamed ("cf-fixed")
                  (with-current-buffer "cf-fixed"
                    (list (buffer-string) (buffer-live-p (get-buffer "cf-fixed orig buffer"))))))
(show "restored" (with-current-buffer "cf-fixed" (buffer-string)))

;; Simulated commands.
(defvar cf-hooks nil)
(defun cf-command (n) (interactive "p") (* 2 n))
(let ((pre-command-hook (list (lambda () (push (list 'pre this-command) cf-hooks))))
      (post-command-hook (list (lambda () (push (list 'post this-command) cf-hooks)))))
  (show "simulate" (ert-simulate-command '(cf-command 21)))
  (show "hooks" (reverse cf-hooks))
  (show "last-command" (list last-command real-last-command this-command)))
(show "not a command" (condition-case err (ert-simulate-command '(car '(1))) (error err)))
(show "simulate keys" (ert-simulate-keys '(?a ?b) unread-command-events))

;; Resources, relative to this file.
(show "resource dir" (file-name-nondirectory (directory-file-name (ert-resource-directory))))
(show "resource file" (file-name-nondirectory (ert-resource-file "data.txt")))
(show "resource contents" (with-temp-buffer (insert-file-contents (ert-resource-file "data.txt")) (buffer-string)))
