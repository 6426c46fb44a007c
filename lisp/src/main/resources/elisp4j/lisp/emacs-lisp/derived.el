;;; derived.el --- derived major modes  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; derived.el and the mode machinery of subr.el: `define-derived-mode',
;; `run-mode-hooks', `delay-mode-hooks', the mode hierarchy.

;;; Code:

(defvar delay-mode-hooks nil "If non-nil, `run-mode-hooks' should delay running the hooks.")
(put 'delay-mode-hooks 'permanent-local t)
(defvar-local delayed-mode-hooks nil "List of delayed mode hooks waiting to be run.")
(defvar-local delayed-after-hook-functions nil "List of delayed :after-hook forms waiting to be run.")
(defvar change-major-mode-after-body-hook nil "Normal hook run in major mode functions, before the mode hooks.")
(defvar after-change-major-mode-hook nil "Normal hook run at the very end of major mode functions.")

(defun run-mode-hooks (&rest hooks)
  "Run the mode hooks HOOKS, after any delayed ones, or delay them too.
Inside `delay-mode-hooks' the HOOKS are only queued.  Otherwise the
queued and given hooks run after `change-major-mode-after-body-hook',
file-local variables are applied (for a file's buffer), then
`after-change-major-mode-hook' and the queued :after-hook forms run."
  (if delay-mode-hooks
      (setq delayed-mode-hooks (append (reverse hooks) delayed-mode-hooks))
    (let ((all (append (reverse delayed-mode-hooks) hooks)))
      (setq delayed-mode-hooks nil)
      (apply #'run-hooks 'change-major-mode-after-body-hook all))
    (when (and (buffer-file-name) (fboundp 'hack-local-variables))
      (with-demoted-errors "File local-variables error: %s"
        (hack-local-variables 'no-mode)))
    (run-hooks 'after-change-major-mode-hook)
    (let ((after-hooks (reverse delayed-after-hook-functions)))
      (setq delayed-after-hook-functions nil)
      (mapc #'funcall after-hooks))))

(defmacro delay-mode-hooks (&rest body)
  "Execute BODY, but delay any `run-mode-hooks'."
  (declare (debug t) (indent 0))
  `(progn
     (make-local-variable 'delay-mode-hooks)
     (let ((delay-mode-hooks t))
       ,@body)))

(defun derived-mode-p (&rest modes)
  "Non-nil if the current major mode is derived from one of MODES."
  (apply #'provided-mode-derived-p major-mode modes))

(defun provided-mode-derived-p (mode &rest modes)
  "Non-nil if MODE is derived from one of MODES (following `derived-mode-parent')."
  (let ((found nil))
    (while (and mode (not found))
      (if (memq mode modes)
          (setq found mode)
        (setq mode (or (get mode 'derived-mode-parent)
                       (let ((alias (symbol-function mode)))
                         (and alias (symbolp alias) alias))))))
    found))

(defun derived-mode-hook-name (mode) "Construct a mode-hook name based on a MODE name." (intern (concat (symbol-name mode) "-hook")))
(defun derived-mode-map-name (mode) "Construct a map name based on a MODE name." (intern (concat (symbol-name mode) "-map")))
(defun derived-mode-syntax-table-name (mode) "Construct a syntax-table name based on a MODE name." (intern (concat (symbol-name mode) "-syntax-table")))
(defun derived-mode-abbrev-table-name (mode) "Construct an abbrev-table name based on a MODE name." (intern (concat (symbol-name mode) "-abbrev-table")))

(defmacro define-derived-mode (child parent name &rest body)
  "Create a new mode CHILD which is a variant of an existing mode PARENT.
NAME is the mode name; keywords :group :syntax-table :abbrev-table
:after-hook :interactive may precede BODY, which runs after PARENT's
set-up.  The mode runs CHILD-hook (after PARENT's hooks)."
  (declare (indent defun) (doc-string 4))
  (let ((docstring (if (stringp (car body)) (pop body)))
        (hook (derived-mode-hook-name child))
        (map (derived-mode-map-name child))
        (syntax (derived-mode-syntax-table-name child))
        (abbrev (derived-mode-abbrev-table-name child))
        (declare-syntax t)
        (declare-abbrev t)
        (after-hook nil)
        (interactive t))
    (when (eq parent 'fundamental-mode) (setq parent nil))
    (while (keywordp (car body))
      (let ((k (pop body)) (v (pop body)))
        (cond ((eq k :syntax-table) (setq syntax v declare-syntax nil))
              ((eq k :abbrev-table) (setq abbrev v declare-abbrev nil))
              ((eq k :after-hook) (setq after-hook v))
              ((eq k :interactive) (setq interactive v))
              (t nil))))
    `(progn
       (defvar ,hook nil)
       (unless (get ',hook 'variable-documentation)
         (put ',hook 'variable-documentation
              ,(format "Hook run after entering %s mode.\nNo problems result if this variable is not bound.\n`add-hook' automatically binds it.  (This is true for all hook variables.)" name)))
       (unless (boundp ',map) (put ',map 'definition-name ',child))
       (with-no-warnings (defvar ,map (make-sparse-keymap)))
       ,@(when declare-syntax
           `((unless (boundp ',syntax) (put ',syntax 'definition-name ',child))
             (defvar ,syntax (make-syntax-table))))
       ,@(when declare-abbrev
           `((defvar ,abbrev
               (progn (when (fboundp 'define-abbrev-table) (define-abbrev-table ',abbrev nil)) nil))))
       (put ',child 'derived-mode-parent ',parent)
       (defun ,child ()
         ,(or docstring (format "Major mode derived from `%s' by `define-derived-mode'." (or parent 'fundamental-mode)))
         ,@(when interactive '((interactive)))
         (delay-mode-hooks
           (,(or parent 'kill-all-local-variables))
           (setq major-mode ',child)
           (setq mode-name ,name)
           ,@(when parent
               `((unless (keymap-parent ,map)
                   (set-keymap-parent ,map (current-local-map)))
                 ,@(when declare-syntax
                     `((let ((parent-table (syntax-table)))
                         (unless (or (eq parent-table (standard-syntax-table))
                                     (eq (char-table-parent ,syntax) parent-table))
                           (set-char-table-parent ,syntax parent-table)))))))
           (use-local-map ,map)
           ,@(when syntax `((set-syntax-table ,syntax)))
           ,@body)
         ,@(when after-hook `((push (lambda () ,after-hook) delayed-after-hook-functions)))
         (run-mode-hooks ',hook)))))

(provide 'derived)

;;; derived.el ends here
