;;; verbose.el --- ERT batch report: EMACS_TEST_VERBOSE adds the reasons  -*- lexical-binding: t -*-
(require 'ert)
(setenv "EMACS_TEST_VERBOSE" "1")
(ert-deftest verbose-fail () (should (equal "a\nb" "c")))
(ert-deftest verbose-skip () (ert-skip '(reason "x")))
(ert-deftest verbose-pass () :expected-result :failed (should t))
