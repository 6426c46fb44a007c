;;; -*- lexical-binding: t -*-
;;; keyboard-translate: the table it builds and its effect on read-event.
(setq keyboard-translate-table nil)
(keyboard-translate ?a ?b)
(keyboard-translate ?\C-h ?\C-?)
(let ((keyboard-translate-table [1 2])) (keyboard-translate ?x ?y) (message "%S" (char-table-p keyboard-translate-table)))
(message "%S %S %S %S" (char-table-p keyboard-translate-table) (char-table-subtype keyboard-translate-table)
         (aref keyboard-translate-table ?a) (aref keyboard-translate-table ?c))
(message "%S" (aref keyboard-translate-table ?\C-h))
(message "%S" (condition-case e (keyboard-translate "a" ?b) (error e)))
(setq unread-command-events (list ?a ?c))
(message "%S %S" (read-event) (read-event))
