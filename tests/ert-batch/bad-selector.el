;;; bad-selector.el --- ERT batch report: a selector naming no test  -*- lexical-binding: t -*-
;; Emacs reports the error where it is signaled and exits with status 255.
(require 'ert)
(ert-deftest bad-one () (should t))
(ert-run-tests-batch-and-exit 'no-such-test)
