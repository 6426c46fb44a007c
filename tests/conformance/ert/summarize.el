;;; summarize.el --- ERT: ert-summarize-tests-batch-and-exit over log files  -*- lexical-binding: t -*-
(require 'ert)
(setq command-line-args-left
      (mapcar (lambda (f) (concat "summarize-resources/" f)) '("a.log" "b.log" "c.log" "d.log" "missing.log")))
(ert-summarize-tests-batch-and-exit 2)
