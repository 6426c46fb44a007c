;;; -*- lexical-binding: t -*-
;;; Functions of files.el written in Lisp: file-name parts, sizes, backups,
;;; directories and listings.  Each form prints its value, or
;;; (ERR . ERROR-DATA).
(defvar files-lib-root (make-temp-file "files-lib" t))
(defun files-lib-rel (name) (file-relative-name name files-lib-root))
(dolist (form
         '((mapcar #'file-name-sans-extension
                   '("a.txt" "/x/y.tar.gz" ".emacs" "/x/.bashrc" "noext" "a.b~" "a.c.~12~" "/d.ir/file" "x." ""))
           (mapcar #'file-name-extension
                   '("a.txt" "/x/y.tar.gz" ".emacs" "noext" "a.c.~12~" "x."))
           (mapcar (lambda (f) (file-name-extension f t))
                   '("a.txt" ".emacs" "noext" "x."))
           (file-name-extension 'a)
           (mapcar #'file-size-human-readable '(0 1023 1024 1536 1048576 5000000 1e30))
           (mapcar (lambda (n) (file-size-human-readable n 'si)) '(999 1000 1500 12345678))
           (mapcar (lambda (n) (file-size-human-readable n 'iec " ")) '(10 1024 3000000))
           (file-size-human-readable 2048 nil " " "B")
           (file-size-human-readable-iec 5000)
           (let ((backup-directory-alist '(("\\.txt\\'" . "bak") ("." . "/tmp/files-lib-backups/"))))
             (prog1 (list (files-lib-rel (make-backup-file-name-1 (expand-file-name "d/a!b.txt" files-lib-root)))
                          (make-backup-file-name-1 "/tmp/files-lib-x/c.el")
                          (file-directory-p (expand-file-name "d/bak" files-lib-root)))
               (delete-directory "/tmp/files-lib-backups" t)))
           (let ((backup-directory-alist nil)) (make-backup-file-name "/a/b.el"))
           (let ((d (expand-file-name "p/q/r" files-lib-root)))
             (list (make-directory d t) (file-directory-p d) (make-directory d t)))
           (condition-case e (make-directory (expand-file-name "p/q/r" files-lib-root))
             (file-already-exists (list 'exists (files-lib-rel (nth 2 e)))))
           (condition-case e (make-directory (expand-file-name "no/such/dir" files-lib-root))
             (file-missing (list 'missing (files-lib-rel (nth 3 e)))))
           (let* ((temporary-file-directory (file-name-as-directory files-lib-root))
                  (f (make-temp-file "pre" nil ".sfx" "text")))
             (list (string-match-p "\\`pre.*\\.sfx\\'" (files-lib-rel f))
                   (with-temp-buffer (insert-file-contents f) (buffer-string))))
           (let* ((temporary-file-directory (file-name-as-directory files-lib-root))
                  (d (make-temp-file "" t)))
             (list (file-directory-p d) (equal (file-name-directory d) temporary-file-directory)))
           (with-temp-buffer
             (write-region "hello\n" nil (expand-file-name "listed" files-lib-root))
             (insert-directory (expand-file-name "listed" files-lib-root) "--dired -g")
             (list (files-lib-rel
                    (buffer-substring-no-properties
                     (next-single-property-change (point-min) 'dired-filename)
                     (1- (point-max))))
                   (get-text-property (- (point-max) 2) 'dired-filename)
                   (string-match-p "//DIRED" (buffer-string))))
           (with-temp-buffer
             (insert-directory (expand-file-name "p/*" files-lib-root) "-d" t)
             (string-trim (buffer-string)))
           (with-temp-buffer
             (insert-directory-safely (expand-file-name "absent" files-lib-root) "-l")
             (files-lib-rel (buffer-string)))
           (string-match-p directory-listing-before-filename-regexp
                           "-rw-r--r-- 1 u g 6 Jan  2 03:04 name")
           (string-match-p directory-listing-before-filename-regexp
                           "-rw-r--r-- 1 u g 6 2021-01-02 03:04 name")))
  (prin1 (condition-case err (eval form t) (error (cons 'ERR err))))
  (terpri))
(delete-directory files-lib-root t)
