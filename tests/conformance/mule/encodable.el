;;; -*- lexical-binding: t -*-
;;; mule conformance: which coding systems can encode a text when it holds raw bytes
;;; (eight-bit characters), region bounds of the encodability queries, and what saving such a
;;; text does: `select-safe-coding-system' asks (the answer comes from encodable.in).
;;; Expected values: GNU Emacs 28.2.
(defmacro en (form)
  `(princ (format "%S\n    => %S\n" ',form (condition-case err ,form (error (list 'ERR err))))))
(defconst en-raw (string #x3fff80 ?a))
(defconst en-mixed (string ?x #x3fff9c ?é))
(defun en-has (list) (if (eq list t) t (list (and (memq 'utf-8 list) t) (and (memq 'raw-text list) t)
                                            (and (memq 'no-conversion list) t) (and (memq 'iso-latin-1 list) t))))

(en (find-coding-systems-string en-raw))
(en (find-coding-systems-region-internal en-raw nil))
(en (find-coding-systems-string en-mixed))
(en (en-has (find-coding-systems-string "é")))
(en (find-coding-systems-string "abc"))
(en (find-coding-systems-region-internal (string-to-unibyte "\200") nil))
(en (check-coding-systems-region en-mixed nil '(utf-8 iso-latin-1 raw-text no-conversion utf-8-emacs undecided prefer-utf-8)))
(en (check-coding-systems-region en-raw nil '(nope)))
(en (unencodable-char-position 0 3 'utf-8 2 en-mixed))
(en (unencodable-char-position 0 3 'raw-text nil en-mixed))
(en (unencodable-char-position 0 3 'latin-1 3 en-mixed))
(with-temp-buffer
  (insert "aé" en-raw "b")
  (en (find-coding-systems-region (point-min) (point-max)))
  (en (en-has (find-coding-systems-region-internal 1 3)))
  (en (find-coding-systems-region-internal 3 1))
  (en (find-coding-systems-region-internal 1 30))
  (en (find-coding-systems-region-internal 0 2))
  (en (check-coding-systems-region 4 1 '(latin-1)))
  (en (check-coding-systems-region 1 (point-max) '(latin-1 utf-8)))
  (en (check-coding-systems-region 1 99 '(latin-1)))
  (en (progn (set-buffer-multibyte nil) (find-coding-systems-region-internal 1 3)))
  (en (check-coding-systems-region 1 3 '(latin-1))))

;; Saving raw bytes: only raw-text and no-conversion can, so the user is asked.
(defconst en-file (expand-file-name "encodable-raw" (make-temp-file "mule-enc" t)))
(defun en-bytes (f)
  (with-temp-buffer (set-buffer-multibyte nil) (insert-file-contents-literally f)
                    (mapconcat (lambda (c) (format "%02x" c)) (buffer-string) " ")))
(en (with-temp-buffer
      (insert "\200ab" en-raw)
      (write-region nil nil en-file nil 'silent)
      (list last-coding-system-used (en-bytes en-file))))
(en (with-temp-buffer
      (insert "a" en-raw)
      (setq buffer-file-coding-system 'raw-text)
      (write-region nil nil en-file nil 'silent)
      (list last-coding-system-used (en-bytes en-file))))
(en (with-temp-buffer
      (insert "é" en-raw)
      (let ((coding-system-for-write 'utf-8))
        (write-region nil nil en-file nil 'silent))
      (list last-coding-system-used (en-bytes en-file))))
(en (select-safe-coding-system en-raw nil 'raw-text-dos))
(en (select-safe-coding-system en-raw nil '(utf-8 no-conversion)))
(delete-directory (file-name-directory en-file) t)
