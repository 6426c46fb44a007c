;;; -*- lexical-binding: t -*-
;;; invisible-p against buffer-invisibility-spec; insert-byte.
(defmacro try (form) `(condition-case e ,form (error (list 'error e))))
(with-temp-buffer
  (insert "a" (propertize "b" 'invisible t) (propertize "c" 'invisible 'foo)
          (propertize "d" 'invisible '(bar baz)) (propertize "e" 'invisible 'dots) "f")
  (dolist (spec (list t nil '(foo) '(baz (dots . t)) '(t (foo . nil)) '((bar . t))))
    (setq buffer-invisibility-spec spec)
    (message "%S: %S %S" spec
             (mapcar #'invisible-p '(1 2 3 4 5 6 7))
             (mapcar #'invisible-p '(nil t foo (x foo) dots (dots) "str"))))
  (setq buffer-invisibility-spec '((dots . t)))
  (message "%S %S" (invisible-p (copy-marker 5)) (try (invisible-p 100))))
(with-temp-buffer
  (insert-byte ?a 3)
  (insert-byte 200 1)
  (insert-byte 65 0)
  (message "%S %S" (buffer-string) (multibyte-string-p (buffer-string)))
  (message "%S" (mapcar (lambda (x) (try (insert-byte x 1))) '(-1 256 1.0 nil)))
  (set-buffer-multibyte nil)
  (erase-buffer)
  (insert-byte 200 2)
  (message "%S" (append (buffer-string) nil)))
