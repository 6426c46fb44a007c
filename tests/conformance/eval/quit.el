;; -*- lexical-binding: t -*-
;; quit-flag and inhibit-quit: a pending quit is acted on at the next check
;; unless inhibit-quit is non-nil.

(defun show (label form-fn)
  (princ (format "%s: %S\n" label
                 (condition-case err (funcall form-fn) (quit (list 'caught err))))))

(show "quit-flag initially" (lambda () quit-flag))
(show "inhibited" (lambda ()
                    (let ((inhibit-quit t))
                      (setq quit-flag t)
                      (let ((seen (list quit-flag (+ 1 2))))
                        (setq quit-flag nil)
                        seen))))
(show "not inhibited" (lambda () (setq quit-flag t) (list 'after (+ 1 2))))
(show "cleared by quit" (lambda () quit-flag))
(show "pending until inhibit-quit ends"
      (lambda ()
        (let ((log nil))
          (condition-case nil
              (progn
                (let ((inhibit-quit t))
                  (setq quit-flag t)
                  (push 'inside log)
                  (push (identity 'still-inside) log))
                (push 'after-let log)
                (push (identity 'after-call) log))
            (quit (push 'quit log)))
          (nreverse log))))
(show "while loop" (lambda ()
                     (let ((i 0))
                       (setq quit-flag t)
                       (while (< i 10) (setq i (1+ i)))
                       i)))
(show "with-local-quit" (lambda ()
                          (let ((inhibit-quit t) (r nil))
                            (setq r (with-local-quit (setq quit-flag t) (identity 'body)))
                            (prog1 (list r quit-flag) (setq quit-flag nil)))))
(show "quit-flag after" (lambda () quit-flag))
