;;; loaddefs.el --- autoloads of the non-preloaded libraries  -*- lexical-binding: t -*-

;; Part of elisp4j.  Emacs generates its loaddefs.el from the ;;;###autoload
;; cookies of its libraries; elisp4j keeps this short list by hand: the
;; functions and macros that GNU Emacs 28 makes available from these
;; libraries before they are loaded (as `emacs -Q' shows), so that using
;; one loads its file.

;;; Code:

;; pcase.el
(dolist (name '(pcase pcase-exhaustive pcase-let pcase-let* pcase-dolist
                pcase-lambda pcase-setq pcase-defmacro))
  (autoload name "pcase" nil nil t))

;; cl-lib.el
(autoload 'cl-incf "cl-lib" nil nil t)

;; seq.el
(dolist (name '(seq-every-p seq-filter seq-find seq-group-by seq-intersection
                seq-max seq-position seq-random-elt seq-reduce seq-remove
                seq-some seq-sort-by seq-subseq seq-take seq-union seq-uniq))
  (autoload name "seq"))

;; help-mode.el
(autoload 'help-mode "help-mode" nil t)
(dolist (name '(help-mode-setup help-mode-finish help-setup-xref help-buffer))
  (autoload name "help-mode"))

;; dired.el
(dolist (name '(dired dired-other-window dired-noselect))
  (autoload name "dired" nil (not (eq name 'dired-noselect))))
(autoload 'dired-mode "dired")

;; ert.el, ert-x.el (not the interactive `ert-describe-test' and
;; `ert-run-tests-interactively', which elisp4j's ERT does not provide)
(autoload 'ert-deftest "ert" nil nil t)
(autoload 'ert-run-tests-batch "ert")
(autoload 'ert-run-tests-batch-and-exit "ert")
(autoload 'ert-kill-all-test-buffers "ert-x" nil t)

;; use-package.el, bind-key.el (as Emacs 29 makes them available)
(autoload 'use-package "use-package" nil nil t)
(dolist (name '(bind-key bind-key* bind-keys bind-keys* unbind-key))
  (autoload name "bind-key" nil nil t))

;;; loaddefs.el ends here
