;;; -*- lexical-binding: t -*-
;; call-interactively codes that read from the minibuffer: in batch mode, standard input
;; (empty here, so reading fails at end of file).
(defmacro try (form) `(condition-case e ,form (error (list 'ERR e))))
(print (try (call-interactively (lambda (a) (interactive "sStr: ") a))))
(print (try (call-interactively (lambda (a) (interactive "MStr: ") a))))
(print (try (call-interactively (lambda (a) (interactive "SSym: ") a))))
(print (try (call-interactively (lambda (a b) (interactive "p\nsValue for %s: ") (list a b)))))
(print command-history)
