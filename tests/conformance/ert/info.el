;;; info.el --- ERT: ert-info and the infos of results  -*- lexical-binding: t -*-
(require 'ert)

(defun infos (fn)
  (let ((result (ert-run-test (make-ert-test :body fn))))
    (list (type-of result)
          (and (ert-test-result-with-condition-p result)
               (ert-test-result-with-condition-infos result)))))

(princ (format "%S\n" (infos (lambda () (ert-info ("a") (should nil))))))
(princ (format "%S\n" (infos (lambda () (ert-info ("outer") (ert-info ((format "inner %d" 1) :prefix "P: ")
                                                                (should nil)))))))
(princ (format "%S\n" (infos (lambda () (ert-info ("a") (should t))))))
(princ (format "%S\n" (infos (lambda () (ert-info ("a") (error "Boom"))))))
(princ (format "%S\n" (infos (lambda () (ert-info ("a") (ert-skip "why"))))))
(princ (format "%S\n" (infos (lambda ()
                                (condition-case nil (ert-info ("gone") (error "x")) (error nil))
                                (should nil)))))
(princ (format "%S\n" (infos (lambda ()
                                (ert-info ("kept")
                                  (condition-case nil (ert-info ("gone") (error "x")) (error nil))
                                  (should nil))))))
(princ (format "value: %S\n" (ert-info ("x") 1 2 3)))
(princ (format "outside a test: %S\n" ert--infos))
(princ (format "bound inside: %S\n" (ert-info ("m" :prefix "Q: ") ert--infos)))
(with-temp-buffer
  (ert--insert-infos (make-ert-test-failed :condition '(error "x") :backtrace nil
                                           :infos '(("Info: " . "one") ("P: " . "two\nlines\nhere"))))
  (princ (buffer-string)))
