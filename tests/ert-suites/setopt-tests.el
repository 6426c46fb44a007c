;;; setopt-tests.el --- Emacs 29's setopt, which the Emacs 28 oracle lacks  -*- lexical-binding: t -*-

(defvar setopt-tests-log nil)
(defcustom setopt-tests-option 1
  "An option whose :set function logs its calls."
  :type 'integer
  :group 'emacs
  :set (lambda (symbol value)
         (push (cons symbol value) setopt-tests-log)
         (set-default symbol value)))

(ert-deftest setopt-goes-through-set-functions ()
  (setq setopt-tests-log nil)
  (should (equal (setopt setopt-tests-option 5) 5))
  (should (equal setopt-tests-log '((setopt-tests-option . 5))))
  (should (equal setopt-tests-option 5))
  (should (equal (get 'setopt-tests-option 'custom-check-value) '(5))))

(ert-deftest setopt-sets-several-and-plain-variables ()
  (let ((old fill-column))
    (unwind-protect
        (progn
          (should (equal (setopt setopt-tests-option 7 fill-column 61) 61))
          (should (equal (list setopt-tests-option (default-value 'fill-column)) '(7 61))))
      (setq-default fill-column old))))

(ert-deftest setopt-needs-pairs ()
  (should (equal (should-error (macroexpand '(setopt a)))
                 '(error "PAIRS must have an even number of variable/value members"))))
