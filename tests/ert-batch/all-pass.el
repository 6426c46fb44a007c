;;; all-pass.el --- ERT batch report: all results as expected  -*- lexical-binding: t -*-
(require 'ert)
(ert-deftest pass-1 () (should (equal (+ 1 2) 3)))
(ert-deftest pass-2 () (should-not (memq 'x '(a b))))
(ert-deftest pass-3 () :expected-result :failed (should (eq 'a 'b)))
(ert-deftest pass-4 () (skip-unless nil))
(ert-deftest pass-5 () (should-error (error "x") :type 'error))
