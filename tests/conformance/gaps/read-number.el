;;; -*- lexical-binding: t -*-
;;; read-number in batch: reads lines from standard input until one is a number.
(message "%S" (read-number "Number: "))
(message "%S" (read-number "Count: " 7))
(message "%S" (read-number "Size " '(3 4)))
(message "%S" (read-number "Float: "))
(message "%S" read-number-history)
