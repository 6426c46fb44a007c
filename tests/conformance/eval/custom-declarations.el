;;; -*- lexical-binding: t -*-
;;; custom.el's declarations outside any Customize buffer: groups, options,
;;; customize-set-variable and its comments.  Each form prints its value,
;;; or (ERR . ERROR-DATA).
(defgroup cd-group nil "A test group." :prefix "cd-" :group 'emacs)
(defvar cd-set-calls nil)
(defcustom cd-opt 10 "An option." :type 'integer :group 'cd-group)
(defcustom cd-watched 1 "An option with a :set function."
  :type 'integer :group 'cd-group
  :set (lambda (sym val) (push (list sym val) cd-set-calls) (set-default sym (* 2 val))))
(dolist (form
         '((get 'cd-group 'group-documentation)
           (get 'cd-group 'custom-prefix)
           (assq 'cd-group (get 'emacs 'custom-group))
           (get 'cd-group 'custom-group)
           (custom-declare-group 'cd-g2 '((cd-opt custom-variable)) "Doc two.")
           (get 'cd-g2 'custom-group)
           (custom-declare-group 'cd-g3 nil nil "junk")
           (custom-declare-group 'cd-g3 nil nil :prefix)
           (custom-declare-group 'cd-g3 nil nil :prefix "p-" :group 'cd-group)
           (get 'cd-g3 'custom-prefix)
           (list cd-watched cd-set-calls)
           (list (customize-set-variable 'cd-watched 5) cd-watched cd-set-calls
                 (get 'cd-watched 'customized-value))
           (list (customize-set-variable 'cd-opt 11 "first note")
                 (get 'cd-opt 'variable-comment)
                 (get 'cd-opt 'customized-variable-comment))
           (list (customize-set-variable 'cd-opt 12)
                 (get 'cd-opt 'variable-comment))
           (list (customize-set-variable 'cd-opt '(a b) "")
                 (get 'cd-opt 'variable-comment)
                 (get 'cd-opt 'customized-variable-comment)
                 (get 'cd-opt 'customized-value))
           (customize-set-variable 'cd-opt 1 42)
           (mapcar #'custom-variable-p '(cd-opt cd-set-calls nil))
           (mapcar #'custom-quote '(1 "s" nil t :k [v] sym (lambda (x) x) (a b)))))
  (prin1 (condition-case err (eval form t) (error (cons 'ERR err))))
  (terpri))
