;;; read-corpus.el --- read every form of Emacs's Lisp files, for read-corpus.sh  -*- lexical-binding: t -*-

;; For each FILE.el.gz under a directory, print "FILE FORMS MD5" where FORMS is the number of
;; forms read and MD5 the md5 of their printed representations, one per line, in utf-8-emacs:
;; by prin1, or with EXACT by reader-oracle.el's dump (float bits, string multibyteness,
;; interned or not, shared structure).  A read error ends the file with "!" and the error.
;; Files are decoded as utf-8-emacs, the way read-corpus.sh has elisp4j decode them, so only
;; the readers are compared.

(require 'cl-lib)
(load (expand-file-name "reader-oracle.el" (file-name-directory load-file-name)) nil t)

(defvar read-corpus-exact nil "Non-nil: dump forms exactly instead of printing them with prin1.")

(defun read-corpus--render (object)
  (if read-corpus-exact
      (let ((reader-oracle--seen (make-hash-table :test 'eq))
            (reader-oracle--count 0))
        (reader-oracle-dump object))
    (prin1-to-string object)))

(defun read-corpus-dumps (file)
  "The printed forms of FILE, one string per form."
  (with-temp-buffer
    (let ((coding-system-for-read 'utf-8-emacs-unix)
          (load-file-name nil) (load-true-file-name nil)
          (out nil))
      (insert-file-contents file)
      (goto-char (point-min))
      (catch 'done
        (while t
          (let ((form (condition-case err
                          (read (current-buffer))
                        (end-of-file (throw 'done nil))
                        (error (push (concat "!" (read-corpus--render err)) out)
                               (throw 'done nil)))))
            (push (read-corpus--render form) out))))
      (nreverse out))))

(defun read-corpus-run (dir)
  (dolist (file (sort (directory-files-recursively dir "\\.el\\.gz\\'") #'string<))
    (let ((dumps (read-corpus-dumps file)))
      (princ (format "%s %d %s\n" (file-relative-name file dir) (length dumps)
                     (md5 (encode-coding-string (string-to-multibyte (mapconcat #'identity dumps "\n"))
                                                'utf-8-emacs-unix)))))))

(defun read-corpus-show (file)
  "Print the dumps of FILE's forms, one per line (to find where elisp4j differs)."
  (dolist (d (read-corpus-dumps file)) (princ d) (terpri)))
