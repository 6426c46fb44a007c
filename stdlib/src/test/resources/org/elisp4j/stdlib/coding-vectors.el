;;; coding-vectors.el --- record decode/encode results from GNU Emacs  -*- lexical-binding: t -*-
;; Run by tools/record-fileio-vectors.sh.  One line per conversion:
;;   decode <TAB> HEX-BYTES <TAB> CODING <TAB> => <TAB> CODES <TAB> LAST-CODING <TAB> MULTIBYTE <TAB> PROPS
;;   encode <TAB> CODES <TAB> MULTIBYTE <TAB> CODING <TAB> => <TAB> HEX-BYTES <TAB> LAST-CODING
;; CODES are decimal character codes separated by commas; PROPS is the printed property list
;; of the first character (or nil).  Only results whose coding system elisp4j defines are kept.
(defconst cv-supported '(undecided prefer-utf-8 utf-8 utf-8-emacs utf-8-with-signature iso-latin-1
                         us-ascii raw-text no-conversion utf-16 utf-16le utf-16be
                         utf-16le-with-signature utf-16be-with-signature))
(defconst cv-byte-parts (list "a" "z" "\n" "\r" "\r\n" "\303\251" "\351" "\200" "\240" "\0" "\344\270\255"
                              "\357\273\277" "\377\376" "\376\377" "\300\200" "\355\240\200" "\370\210\200\200\200"))
(defconst cv-char-parts (list "a" "\n" "\r" "é" "中" (string #x10ffff) (string #x110000) (string #x3fffe9) (string #xd800)))
(defconst cv-codings '(undecided prefer-utf-8 utf-8 utf-8-unix utf-8-dos utf-8-mac utf-8-emacs utf-8-emacs-unix
                       utf-8-with-signature iso-latin-1 latin-1 latin-1-dos us-ascii raw-text raw-text-dos
                       no-conversion binary utf-16 utf-16le utf-16be utf-16le-with-signature utf-16be-dos
                       undecided-dos undecided-unix mule-utf-8 emacs-internal))
(defvar cv-seed 7)
(defun cv-rand (n)
  (setq cv-seed (mod (+ (* cv-seed 1103515245) 12345) 2147483648))
  (mod (/ cv-seed 65536) n))
(defun cv-hex (s) (mapconcat (lambda (b) (format "%02x" b)) (string-to-list s) ""))
(defun cv-codes (s) (mapconcat #'number-to-string (string-to-list s) ","))
(defun cv-ok (cs) (memq (coding-system-base cs) cv-supported))
(let (inputs)
  (dolist (p cv-byte-parts) (push p inputs))
  (dotimes (_ 300)
    (let ((s "")) (dotimes (_ (1+ (cv-rand 5))) (setq s (concat s (nth (cv-rand (length cv-byte-parts)) cv-byte-parts))))
      (push s inputs)))
  (dolist (s (nreverse inputs))
    (setq s (string-to-unibyte s))
    (dolist (cs cv-codings)
      (let ((r (decode-coding-string s cs)))
        (when (cv-ok last-coding-system-used)
          (princ (format "decode\t%s\t%s\t=>\t%s\t%s\t%s\t%S\n" (cv-hex s) cs (cv-codes r) last-coding-system-used
                         (if (multibyte-string-p r) "t" "nil") (and (> (length r) 0) (text-properties-at 0 r)))))))))
(let (inputs)
  (dotimes (_ 200)
    (let ((s "")) (dotimes (_ (1+ (cv-rand 4))) (setq s (concat s (nth (cv-rand (length cv-char-parts)) cv-char-parts))))
      (push s inputs)))
  (push "abc" inputs) (push "a\nb" inputs) (push (string-to-unibyte "a\351\n") inputs)
  (dolist (s (nreverse inputs))
    (dolist (cs cv-codings)
      (let ((r (encode-coding-string s cs)))
        (princ (format "encode\t%s\t%s\t%s\t=>\t%s\t%s\n" (cv-codes s) (if (multibyte-string-p s) "t" "nil") cs
                       (cv-hex r) last-coding-system-used))))))
