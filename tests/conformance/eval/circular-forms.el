;;; -*- lexical-binding: nil -*-
;;; Evaluating forms whose argument lists are circular signals circular-list with the tail
;;; where the cycle is noticed, as eval_sub does; a circular `let*' overflows the binding stack.
(dolist (text '("(progn . #1=(1 . #1#))"
                "(list . #1=(1 . #1#))"
                "(list 1 2 . #1=(3 4 5 . #1#))"
                "(cond . #1=((nil 1) . #1#))"
                "(let #1=((a 1) . #1#) a)"
                "(let* #1=((a 1) . #1#) a)"
                "(setq . #1=(a 1 . #1#))"
                "(and . #1=(1 . #1#))"
                "(funcall (lambda (&rest x) x) . #1=(1 . #1#))"
                "((lambda (&rest x) x) . #1=(1 . #1#))"
                "(when t . #1=(1 . #1#))"))
  (message "%s => %S" text
           (condition-case e (eval (car (read-from-string text))) (error e))))
