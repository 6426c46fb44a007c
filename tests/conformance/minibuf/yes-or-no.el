;;; yes-or-no.el --- yes-or-no-p in batch mode  -*- lexical-binding: t -*-

(message "start")
(princ (format "\nR1=%S\n" (yes-or-no-p "Really? ")))
(princ (format "R2=%S\n" (yes-or-no-p "Sure?")))
(princ (format "R3=%S\n" (condition-case e (yes-or-no-p 5) (error e))))
(princ (format "R4=%S\n" (condition-case e (yes-or-no-p "Again? ") (error e))))
