;;; -*- lexical-binding: t -*-
;;; clone-buffer: name, text, point, mark, narrowing, mode, locals, hook, refusals.
(defvar-local my-local 'default)
(with-current-buffer (get-buffer-create "orig")
  (insert "hello world")
  (text-mode)
  (setq my-local 'changed)
  (setq-local fill-column 33)
  (goto-char 4)
  (set-mark 2)
  (narrow-to-region 2 9)
  (add-hook 'clone-buffer-hook (lambda () (message "hook in %s" (buffer-name))) nil t)
  (let ((c (clone-buffer)))
    (with-current-buffer c
      (message "%S %S pt=%S mark=%S %S-%S mode=%S local=%S fill=%S mod=%S" (buffer-name) (buffer-string) (point) (mark t)
               (point-min) (point-max) major-mode my-local fill-column (buffer-modified-p))
      (widen) (message "%S" (buffer-string))))
  (message "%S" (buffer-name (clone-buffer "new<4>")))
  (message "%S" (buffer-name (clone-buffer "other")))
  (with-current-buffer "orig<2>" (message "%S" (buffer-name (clone-buffer)))))
(with-temp-buffer
  (setq buffer-file-name "/tmp/x")
  (message "%S" (condition-case e (clone-buffer) (error e))))
(with-temp-buffer
  (put 'text-mode 'no-clone t) (text-mode)
  (message "%S" (condition-case e (clone-buffer) (error e))))
