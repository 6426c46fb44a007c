;;; -*- lexical-binding: t -*-
;;; mule conformance: the coding system a visited file gets.  Each file is written byte for
;;; byte (no-conversion), or in a coding system with `coding-system-for-write', then visited
;;; with `find-file-noselect'; printed are `buffer-file-coding-system' (and whether it is
;;; buffer-local), `last-coding-system-used', `buffer-file-coding-system-explicit', whether the
;;; buffer is multibyte, and the characters read.  Expected values: GNU Emacs 28.2.
(defconst mv-dir (file-name-as-directory (expand-file-name "mule-visit" "/tmp/asv-vectors")))
(when (file-exists-p mv-dir) (delete-directory mv-dir t))
(make-directory mv-dir t)
(defun mv-write (name content &optional coding)
  (let ((f (expand-file-name name mv-dir))
        (coding-system-for-write (or coding 'no-conversion)))
    (write-region content nil f nil 'silent)
    f))
(defun mv-visit (name content &optional coding)
  (let ((f (mv-write name content coding))
        ;; No major modes or local variables: only the coding system is of interest.
        (auto-mode-alist nil)
        (magic-mode-alist nil)
        (magic-fallback-mode-alist nil)
        (interpreter-mode-alist nil)
        (enable-local-variables nil))
    (with-current-buffer (find-file-noselect f)
      (princ (format "%-14s bfcs=%S local=%S last=%S explicit=%S mb=%S text=%S\n"
                     name buffer-file-coding-system
                     (local-variable-p 'buffer-file-coding-system)
                     last-coding-system-used buffer-file-coding-system-explicit
                     enable-multibyte-characters
                     (append (buffer-substring-no-properties (point-min) (min (point-max) 12)) nil)))
      (kill-buffer))))
(mv-visit "ascii.txt" "abc\n")
(mv-visit "utf8.txt" "caf\303\251\n")
(mv-visit "latin1.txt" "caf\351\n")
(mv-visit "crlf.txt" "a\r\nb\r\n")
(mv-visit "u8crlf.txt" "caf\303\251\r\n")
(mv-visit "l1crlf.txt" "caf\351\r\n")
(mv-visit "cr.txt" "a\rb\r")
(mv-visit "u8cr.txt" "caf\303\251\r")
(mv-visit "mixed.txt" "a\r\nb\n")
(mv-visit "empty.txt" "")
(mv-visit "noeol.txt" "abc")
(mv-visit "u8noeol.txt" "caf\303\251")
(mv-visit "l1noeol.txt" "caf\351")
(mv-visit "l1noeol2.txt" "caf\351\251")
(mv-visit "bom.txt" "\357\273\277abc\n")
(mv-visit "u16be.txt" "\376\377\0a\0\n")
(mv-visit "u16le.txt" "\377\376a\0\n\0")
(mv-visit "nul.txt" "a\0b\n")
(mv-visit "cookie.txt" "-*- coding: latin-1 -*-\ncaf\351\n")
(mv-visit "cookie2.txt" "#!/bin/sh\n# -*- coding: utf-8-dos -*-\nx\n")
(mv-visit "cookie3.txt" "x -*- coding: bogus-coding -*-\n")
(mv-visit "cookie4.txt" "-*- coding: latin-1! -*-\n")
;; (The section is split so that loading this file does not see a local variables list.)
(mv-visit "locvars.txt" (concat "caf\351\n\n;; Local " "Variables:\n;; coding: iso-latin-1-dos\n;; End:\n"))
(mv-visit "x.el" "abc\n")
(mv-visit "x.elc" "abc\n")
(mv-visit "x.utf8" "caf\351\n")
(mv-visit "x.zip" "PK\3\4\351\n")
(mv-visit "#auto#" "caf\303\251\n")
(mv-visit "doc.xml" "<?xml version=\"1.0\"?>\n<a>caf\303\251</a>\n")
(mv-visit "doc2.xml" "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>caf\351</a>\n")
(mv-visit "page.html" "<!DOCTYPE html>\n<html><head><meta charset=\"iso-8859-1\"></head>caf\351</html>\n")
(mv-visit "page2.html" "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>\n")
;; Written in a coding system, then visited.
(mv-visit "w-latin1.txt" "café\n" 'latin-1)
(mv-visit "w-dos.txt" "é\n" 'utf-8-dos)
(mv-visit "w-mac.txt" "a\nb\n" 'mac)
(mv-visit "w-sig.txt" "é\n" 'utf-8-with-signature)
;; coding-system-for-read when visiting: recorded as explicit.
(let ((coding-system-for-read 'latin-1))
  (mv-visit "cfr-latin1.txt" "caf\303\251\n"))
(let ((coding-system-for-read 'utf-8-dos))
  (mv-visit "cfr-u8dos.txt" "a\nb\n"))
;; A buffer-local value that is complete stays; a partial one is completed.
(let ((f (mv-write "keep.txt" "caf\303\251\r\n")))
  (with-temp-buffer
    (setq buffer-file-coding-system 'iso-latin-1-unix)
    (insert-file-contents f)
    (princ (format "keep: %S last=%S\n" buffer-file-coding-system last-coding-system-used)))
  (with-temp-buffer
    (setq buffer-file-coding-system 'iso-latin-1)
    (insert-file-contents f)
    (princ (format "partial-text: %S\n" buffer-file-coding-system)))
  (with-temp-buffer
    (setq buffer-file-coding-system 'undecided-unix)
    (insert-file-contents f)
    (princ (format "partial-eol: %S\n" buffer-file-coding-system)))
  (with-temp-buffer
    (insert-file-contents f)
    (princ (format "not-visiting: %S local=%S\n" buffer-file-coding-system
                   (local-variable-p 'buffer-file-coding-system)))))
;; insert-file-contents-literally and find-file-literally
(let ((f (mv-write "lit.txt" "caf\303\251\r\n")))
  (with-current-buffer (find-file-noselect f nil t)
    (princ (format "rawfile: %S mb=%S literally=%S text=%S\n" buffer-file-coding-system
                   enable-multibyte-characters find-file-literally (buffer-string)))
    (kill-buffer)))
