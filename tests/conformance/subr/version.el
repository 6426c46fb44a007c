;;; -*- lexical-binding: t -*-
;;; Version strings: version-to-list, the version-list- comparisons and version<.
(dolist (v '("28.2" "1" "1.0pre7" "1.0PRE7" "22.8beta3" "0.9alpha1" "6.9.30Beta" "1.0.7.5" "1.0cvs" "1.0git" "1.0.git" "1.0_git" "1.0 snapshot" "28.2.50-alpha3" "1.0-" "1.0.2a" "1.0b" "1.0c2" ".5" "" "a1" "1..2" "1.2." " 1.2" "1.2 " "1.0rc1" "1.0.rc1" "2.0-unknown" "1.2.3.4.5.6.7.8.9.10" "007.08" 12))
  (message "%S => %S" v (condition-case e (version-to-list v) (error e))))
(dolist (p '(("1" "1.0") ("1.0" "1.0.1") ("28.2" "29.0.50") ("1.0pre7" "1.0") ("1.0alpha" "1.0beta") ("2" "10") ("1.0" "1") ("1.0snapshot" "1.0")))
  (message "%S < %S: %S <=: %S =: %S list<: %S" (car p) (cadr p)
           (version< (car p) (cadr p)) (version<= (car p) (cadr p)) (version= (car p) (cadr p))
           (version-list-< (version-to-list (car p)) (version-to-list (cadr p)))))
(message "%S %S %S" (version-list-= '(1 0) '(1)) (version-list-<= '(1 -1) '(1)) (version-list-not-zero '(0 0 -3 0)))
(message "%S %S" version-separator version-regexp-alist)
(message "%S" (version< emacs-version "27"))
