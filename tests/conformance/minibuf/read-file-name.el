;;; -*- lexical-binding: t -*-
;;; read-file-name in batch: the line read from stdin, `$VAR' substituted, `~' kept; the
;;; completion table read-file-name-internal (try-completion, test-completion and boundaries;
;;; its all-completions lacks Emacs's completion faces); end of input.
(setenv "RFN_TEST_DIR" "/tmp/rfn")
(dolist (args '(("F: " "/tmp/d/" "/def") ("G: " nil nil) ("H: " "/tmp/" nil t) ("I: ")))
  (message "%S => %S" args (condition-case e (apply #'read-file-name args) (error e))))
(make-directory "/tmp/rfn-conformance/sub" t)
(dolist (f '("alpha.txt" "alpine.el" "beta.txt"))
  (write-region "" nil (expand-file-name f "/tmp/rfn-conformance/") nil 'silent))
(let ((default-directory "/tmp/rfn-conformance/"))
  (dolist (action '(nil lambda))
    (dolist (string '("al" "alp" "b" "/tmp/rfn-conformance/s" "zz" "alpha.txt"))
      (message "%S %S => %S" action string (read-file-name-internal string nil action))))
  (message "%S" (read-file-name-internal "al" (lambda (f) (string-suffix-p ".txt" f)) nil))
  (message "%S" (read-file-name-internal "sub/x" nil '(boundaries . "")))
  (message "%S" (car (read-file-name-internal "" nil 'metadata))))
(delete-directory "/tmp/rfn-conformance" t)
(message "%S" (list (boundp 'file-name-history) insert-default-directory))
