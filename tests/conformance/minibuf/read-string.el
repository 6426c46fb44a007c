;;; read-string.el --- reading lines in batch mode  -*- lexical-binding: t -*-

(defmacro show (form)
  `(condition-case err
       (let ((v ,form))
         (princ (format "%S => %S %s\n" ',form v
                        (if (stringp v) (if (multibyte-string-p v) "mb" "ub") ""))))
     (error (princ (format "%S signals %S\n" ',form err)))))

(show (read-from-minibuffer "Prompt1: "))
(show (read-string "Prompt2: " nil nil "dflt"))
(show (read-string "Prompt3: " "init"))
(show (read-string "Prompt4: " nil nil '("d1" "d2")))
(show (read-from-minibuffer "Read5: " nil nil t))
(show (read-from-minibuffer "Read6: " nil nil t))
(show (read-from-minibuffer "Read7: " nil nil t nil "(default form)"))
(show (read-from-minibuffer "Read8: " nil nil t nil '("(x)" "y")))
(show (read-string "Multibyte9: "))
(show (read-string "CR10: "))
(show (let ((read-hide-char ?*)) (read-string "Secret11: ")))
(show (read-from-minibuffer 5))
(show (read-from-minibuffer "x" 5))
(show (read-from-minibuffer "x" '("a" . x)))
(show (read-from-minibuffer "x" nil 5))
(show (let ((inhibit-interaction t)) (read-string "never: ")))
(show (read-string "Last12: "))
(show (read-string "EOF13: "))
(show (read-from-minibuffer "EOF14: " nil nil t))
