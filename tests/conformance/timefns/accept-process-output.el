;;; -*- lexical-binding: t -*-
;;; accept-process-output without processes: waits, runs timers, checks its arguments.
(run-at-time 0.05 nil (lambda () (message "timer")))
(message "%S" (accept-process-output nil 0.2))
(message "%S" (accept-process-output))
(message "%S" (accept-process-output nil 0 100))
(message "%S" (condition-case e (accept-process-output 3) (error e)))
(message "%S" (condition-case e (accept-process-output nil 'x) (error e)))
(run-at-time 0 nil (lambda () (message "due timer")))
(message "%S" (accept-process-output))
