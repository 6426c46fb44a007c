;;; -*- lexical-binding: t -*-
;;; shell-quote-argument and combine-and-quote-strings.
(dolist (s '("" "abc" "a b" "it's" "a\nb" "/usr/local/bin-x_y.z" "$HOME" "*?[]" "tab\there" "é" "\"q\"" "a\\b" "~user" "-n"))
  (message "%S -> %S" s (shell-quote-argument s)))
(message "%S" (condition-case e (shell-quote-argument "a b" t) (wrong-number-of-arguments (car e))))
(message "%S" (condition-case e (shell-quote-argument 'sym) (error e)))
(message "%S" (combine-and-quote-strings '("a" "b c" "d\"e" "f\\g" "")))
(message "%S" (combine-and-quote-strings '("a" "b,c" "d") ","))
(message "%S" (split-string-and-unquote (combine-and-quote-strings '("one" "two words" "q\"uote"))))
(message "%S" (combine-and-quote-strings nil))
