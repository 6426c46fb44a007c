;;; -*- lexical-binding: t -*-
;;; apropos-internal: regexp, case folding, predicate, order, errors.
(message "%S" (apropos-internal "^cd[a-z]r$" 'fboundp))
(message "%S" (apropos-internal "^car-s"))
(message "%S" (let ((case-fold-search nil)) (apropos-internal "^CAR$")))
(message "%S" (let ((case-fold-search t)) (apropos-internal "^CAR$")))
(intern "zz-apropos-test-\x100")
(intern "zz-apropos-test-a")
(message "%S" (apropos-internal "^zz-apropos-test-"))
(message "%S" (condition-case e (apropos-internal 'car) (error e)))
(message "%S" (condition-case e (apropos-internal "\\(") (error e)))
(message "%S" (length (apropos-internal "^auto-save-" #'boundp)))
