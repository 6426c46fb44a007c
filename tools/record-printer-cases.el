;;; record-printer-cases.el --- record Emacs's printer output for elisp4j's tests  -*- lexical-binding: t -*-

;; Usage: emacs --batch -Q -l tools/record-printer-cases.el CASES MODE > OUT
;; CASES is a file of (ID BINDINGS FORM [MODES...]) entries.  FORM is evaluated (with
;; lexical binding); its value is printed with the printer variables of BINDINGS bound.
;; MODE `text' writes one line per case and output kind:
;;   ID <TAB> bind <TAB> VAR=VALUE;...
;;   ID <TAB> KIND <TAB> M|U <TAB> TEXT      (KIND prin1, princ or ems; M: multibyte result)
;;   ID <TAB> KIND <TAB> ERR <TAB> ERROR     (printing signalled ERROR)
;; where TEXT is the output with every character other than printable ASCII (and the
;; backslash) written as \u{HEX}.  Kinds fun-prin1 and fun-princ print to a function and
;; record the character codes it received, as decimal numbers separated by spaces.
;; MODE `stdout' prints cases that list stdout-prin1 or stdout-princ to standard output,
;; each as ID, a tab, the raw bytes, then the separator byte 0x1e and a newline.

(require (quote cl-lib))

(defun rpc-encode (s)
  (mapconcat (lambda (c)
               (if (and (>= c 32) (< c 127) (/= c ?\\)) (string c) (format "\\u{%x}" c)))
             s ""))

(defun rpc-value-text (v)
  (cond ((stringp v) (concat "\"" v "\""))
        (t (format "%S" v))))

(defun rpc-run (id bindings value kind)
  (let ((vars (mapcar #'car bindings))
        (vals (mapcar (lambda (b) (eval (cadr b) t)) bindings)))
    (condition-case err
        (cl-progv vars vals
          (pcase kind
            ('prin1 (let ((s (prin1-to-string value))) (format "%s\t%s" (if (multibyte-string-p s) "M" "U") (rpc-encode s))))
            ('princ (let ((s (prin1-to-string value t))) (format "%s\t%s" (if (multibyte-string-p s) "M" "U") (rpc-encode s))))
            ('ems (let ((s (error-message-string value))) (format "%s\t%s" (if (multibyte-string-p s) "M" "U") (rpc-encode s))))
            ('fun-prin1 (let (r) (prin1 value (lambda (c) (push c r))) (concat "-\t" (mapconcat #'number-to-string (nreverse r) " "))))
            ('fun-princ (let (r) (princ value (lambda (c) (push c r))) (concat "-\t" (mapconcat #'number-to-string (nreverse r) " "))))))
      (error (let ((print-escape-newlines t)) (concat "ERR\t" (rpc-encode (prin1-to-string err))))))))

(let* ((file (pop command-line-args-left))
       (mode (intern (pop command-line-args-left)))
       (cases (with-temp-buffer
                (insert-file-contents file)
                (let (l) (condition-case nil (while t (push (read (current-buffer)) l)) (end-of-file)) (nreverse l)))))
  (dolist (c cases)
    (let* ((id (nth 0 c)) (bindings (nth 1 c)) (form (nth 2 c))
           (kinds (or (nthcdr 3 c) '(prin1 princ)))
           (value (eval form t)))
      (if (eq mode 'text)
          (progn
            (princ (format "%s\tbind\t%s\n" id
                           (mapconcat (lambda (b) (format "%s=%s" (car b) (rpc-value-text (eval (cadr b) t)))) bindings ";")))
            (dolist (k kinds)
              (unless (memq k '(stdout-prin1 stdout-princ))
                (princ (format "%s\t%s\t%s\n" id k (rpc-run id bindings value k))))))
        (dolist (k kinds)
          (when (memq k '(stdout-prin1 stdout-princ))
            (princ (format "%s\t%s\t" id k))
            (cl-progv (mapcar #'car bindings) (mapcar (lambda (b) (eval (cadr b) t)) bindings)
              (if (eq k 'stdout-prin1) (prin1 value) (princ value)))
            (princ "\x1e\n")))))))
