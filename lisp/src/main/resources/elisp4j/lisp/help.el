;;; help.el --- help commands' building blocks  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j: `substitute-command-keys' as in
;; GNU Emacs 28 (\\=, \\[COMMAND], \\<MAP>, \\{MAP} and quote styling),
;; used by `documentation' and `error-message-string'.

;;; Code:

(defface help-key-binding '((t :inherit fixed-pitch)) "Face for keybindings in *Help* buffers.")

(defun help--key-description-elisp4j (command map)
  "Describe the key that runs COMMAND in MAP (or globally), or \"M-x COMMAND\"."
  (let ((keys (and (fboundp 'where-is-internal)
                   (where-is-internal command (and map (list map)) t))))
    (if keys
        (key-description keys)
      (concat "M-x " (symbol-name command)))))

(defun substitute-command-keys (string &optional _no-face _include-menus)
  "Substitute key descriptions for command names in STRING.
\\=\\[COMMAND] becomes the key that runs COMMAND, \\=\\<MAPVAR> selects
the keymap for later \\=\\[...], \\=\\{MAPVAR} describes a keymap, \\=\\=
quotes the next character, and quotes \\=` and \\=' are shown as
`text-quoting-style' says."
  (cond
   ((null string) nil)
   ((not (stringp string)) (signal 'wrong-type-argument (list 'stringp string)))
   (t
    (let ((pos 0) (len (length string)) (out nil) (map nil))
      (while (< pos len)
        (let ((c (aref string pos)))
          (cond
           ((and (eq c ?\\) (< (1+ pos) len) (eq (aref string (1+ pos)) ?=))
            ;; \= quotes the next character literally.
            (when (< (+ pos 2) len)
              (push (substring string (+ pos 2) (+ pos 3)) out))
            (setq pos (+ pos 3)))
           ((and (eq c ?\\) (< (1+ pos) len) (eq (aref string (1+ pos)) ?\[)
                 (string-match "\\\\\\[\\([^]]+\\)]" string pos)
                 (= (match-beginning 0) pos))
            (let* ((cmd (intern (match-string 1 string)))
                   (desc (help--key-description-elisp4j cmd map)))
              (push (propertize desc 'face 'help-key-binding 'font-lock-face 'help-key-binding) out)
              (setq pos (match-end 0))))
           ((and (eq c ?\\) (< (1+ pos) len) (eq (aref string (1+ pos)) ?<)
                 (string-match "\\\\<\\([^>]+\\)>" string pos)
                 (= (match-beginning 0) pos))
            (let ((sym (intern (match-string 1 string))))
              (setq map (and (boundp sym) (symbol-value sym)))
              (setq pos (match-end 0))))
           ((and (eq c ?\\) (< (1+ pos) len) (eq (aref string (1+ pos)) ?{)
                 (string-match "\\\\{\\([^}]+\\)}" string pos)
                 (= (match-beginning 0) pos))
            (let* ((sym (intern (match-string 1 string)))
                   (m (and (boundp sym) (symbol-value sym))))
              (push (if (keymapp m) (help--describe-map-elisp4j m)
                      (format "\nUses keymap `%s', which is not currently defined.\n" sym))
                    out)
              (setq pos (match-end 0))))
           ((memq c '(?` ?'))
            (push (format-message (if (eq c ?`) "`" "'")) out)
            (setq pos (1+ pos)))
           (t
            (let ((next (or (string-match "[\\\\`']" string (1+ pos)) len)))
              (push (substring string pos next) out)
              (setq pos next))))))
      (apply #'concat (nreverse out))))))

(defun help--describe-map-elisp4j (map)
  "A simple description of the bindings of keymap MAP."
  (let ((lines nil))
    (map-keymap (lambda (event binding)
                  (push (format "%-16s%s" (key-description (vector event)) binding) lines))
                map)
    (concat "\nKey             Binding\n\n" (mapconcat #'identity (nreverse lines) "\n") "\n")))

(defun help-split-fundoc (docstring def &optional section)
  "Split a function DOCSTRING into the actual doc and the usage info (fn ARGS)."
  (ignore def)
  (when (and docstring (string-match "\n\n(fn\\(\\( .*\\)?)\\)\\'" docstring))
    (let ((doc (unless (zerop (match-beginning 0)) (substring docstring 0 (match-beginning 0))))
          (usage (concat "(" (symbol-name (if (symbolp def) def 'fn)) (match-string 1 docstring))))
      (cond ((eq section 'usage) usage)
            ((eq section 'doc) doc)
            (t (cons usage doc))))))

(defun help-function-arglist (def &optional preserve-names)
  "Return a formal argument list for the function DEF."
  (ignore preserve-names)
  (when (and (symbolp def) (fboundp def)) (setq def (indirect-function def)))
  (when (eq (car-safe def) 'macro) (setq def (cdr def)))
  (cond
   ((eq (car-safe def) 'lambda) (nth 1 def))
   ((eq (car-safe def) 'closure) (nth 2 def))
   ((subrp def)
    (let* ((doc (documentation def t))
           (usage (and doc (help-split-fundoc doc 'fn 'usage))))
      (if usage
          (cdr (car (read-from-string usage)))
        (let ((arity (subr-arity def)))
          (if (eq (cdr arity) 'many) '(&rest rest) t)))))
   (t t)))

(provide 'help)

;;; help.el ends here
