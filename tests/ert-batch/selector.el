;;; selector.el --- ERT batch report: a selector, and no tests at all  -*- lexical-binding: t -*-
(require 'ert)
(ert-deftest sel-one () :tags '(quick) (should t))
(ert-deftest sel-two () (should nil))
(ert-deftest sel-three () :tags '(quick) (should (= 2 (+ 1 1))))
(ert-run-tests-batch '(member sel-two))
(ert-run-tests-batch "nothing-matches")
(ert-run-tests-batch-and-exit '(tag quick))
