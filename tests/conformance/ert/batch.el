;;; batch.el --- ERT: the batch report, with times and dates masked  -*- lexical-binding: t -*-
;; `message' is wrapped for the run: dates and durations become fixed
;; text, and the frame lines of backtraces are dropped (elisp4j prints
;; only the "Test NAME backtrace:" header).
(require 'ert)

(defvar cf-original-message (symbol-function 'message))
(defvar cf-in-backtrace nil)
(defun cf-masked-message (format-string &rest args)
  (let ((text (apply #'format-message format-string args)))
    (setq text (replace-regexp-in-string
                "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9][-+][0-9][0-9][0-9][0-9]"
                "DATE" text))
    (setq text (replace-regexp-in-string "[0-9]+\\.[0-9]+ sec)" "T sec)" text))
    (cond ((string-match-p "\\`Test .* condition:\\'" text) (setq cf-in-backtrace nil))
          ((string-match-p "\\`Test .* backtrace:\\'" text)
           (funcall cf-original-message "%s" text)
           (setq cf-in-backtrace t)))
    (unless cf-in-backtrace
      (funcall cf-original-message "%s" text))))
(defmacro with-masked-messages (&rest body)
  `(progn (fset 'message #'cf-masked-message)
          (unwind-protect (progn ,@body)
            (fset 'message cf-original-message))))

(ert-deftest b-pass () (should (= 1 1)))
(ert-deftest b-fail () "Doc." (ert-info ("first info") (ert-info ("second\nline" :prefix "P: ")
                                                         (should (equal '(1 2 (3 "a")) '(1 2 (3 "b")))))))
(ert-deftest b-skip () (skip-unless (= 1 2)))
(ert-deftest b-xfail () :expected-result :failed (should (= 1 2)))
(ert-deftest b-xpass () :expected-result :failed (should (= 1 1)))
(ert-deftest b-err () (car 1))
(ert-deftest b-should-error () (should-error (car 1) :type 'arith-error))
(ert-deftest b-should-error2 () (should-error (+ 1 1)))
(ert-deftest b-nonlocal () (throw 'foo 1))
(ert-deftest b-quit () (signal 'quit nil))
(ert-deftest b-long-condition ()
  (should (equal (list 1 2 3 4 5 6 7 8 9 10 11 12 (list (list (list (list (list 'deep))))))
                 (list 1 2))))
(ert-deftest b-let ()
  (should (let ((a 1) (b 2)) (if (= a b) (progn (list a b) t) (unwind-protect nil (list b a))))))
(ert-deftest b-string ()
  (should (string= "line\nbreak\ttab" (concat "x" "(paren"))))

(with-masked-messages
 (let ((stats (ert-run-tests-batch "^b-")))
   (message "completed unexpected: %S" (ert-stats-completed-unexpected stats))))

(ert-deftest c-one () (should t))
(ert-deftest c-two () (ert-skip '(reason "x")))
(ert-deftest c-three () (ert-fail "failed\nhere"))
(with-masked-messages
 (ert-run-tests-batch '(member c-one c-two c-three)))
(with-masked-messages
 (setenv "EMACS_TEST_VERBOSE" "1")
 (ert-run-tests-batch '(or c-one c-two c-three))
 (setenv "EMACS_TEST_VERBOSE" nil))
(with-masked-messages
 (let ((ert-quiet t))
   (ert-run-tests-batch '(member c-one c-two c-three))))
(with-masked-messages
 (ert-run-tests-batch '(member c-one)))
(with-masked-messages
 (ert-run-tests-batch nil))
(with-masked-messages
 (ert-run-tests-batch "no-such-test"))
(ert-deftest d-1 () (should t))
(ert-deftest d-2 () (should t))
(ert-deftest d-3 () (should t))
(ert-deftest d-4 () (should t))
(ert-deftest d-5 () (should t))
(ert-deftest d-6 () (should t))
(ert-deftest d-7 () (should t))
(ert-deftest d-8 () (should t))
(ert-deftest d-9 () (should t))
(ert-deftest d-10 () (should nil))
(with-masked-messages
 (ert-run-tests-batch "^d-"))
