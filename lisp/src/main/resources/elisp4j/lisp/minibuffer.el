;;; minibuffer.el --- minibuffer completion  -*- lexical-binding: t -*-

;; Part of elisp4j.  So far only what reading with completion needs when
;; the minibuffer reads a line from standard input (batch mode): Emacs's
;; `completing-read-default' and `format-prompt'.

;;; Code:

(defun completing-read-default (prompt collection &optional predicate
                                       require-match initial-input
                                       hist def inherit-input-method)
  "Default method for reading from the minibuffer with completion.
See `completing-read' for the meaning of the arguments."
  (when (consp initial-input)
    ;; `completing-read' counts positions from 0, `read-from-minibuffer' from 1.
    (setq initial-input (cons (car initial-input) (1+ (cdr initial-input)))))
  (let* ((minibuffer-completion-table collection)
         (minibuffer-completion-predicate predicate)
         (minibuffer-completion-confirm (unless (eq require-match t) require-match))
         (keymap-var (if require-match
                         'minibuffer-local-must-match-map
                       'minibuffer-local-completion-map))
         (keymap (and (boundp keymap-var) (symbol-value keymap-var)))
         (result (read-from-minibuffer prompt initial-input keymap
                                       nil hist def inherit-input-method)))
    (when (and (equal result "") def)
      (setq result (if (consp def) (car def) def)))
    result))

;;;; Prompts.

(defcustom minibuffer-default-prompt-format " (default %s)"
  "Format string used to output \"default\" values.
The string is passed to `format' with the default value, and
`format-prompt' puts it between the prompt and the final \": \"."
  :type 'string
  :group 'minibuffer
  :version "28.1")

(defun format-prompt (prompt default &rest format-args)
  "Format PROMPT with DEFAULT according to `minibuffer-default-prompt-format'.
With FORMAT-ARGS, PROMPT is first used as a `format' string for them.
DEFAULT (its car if a list) is shown unless nil or an empty string;
the result ends with \": \"."
  (concat (if format-args (apply #'format prompt format-args) prompt)
          (and default
               (or (not (stringp default)) (> (length default) 0))
               (format minibuffer-default-prompt-format
                       (if (consp default) (car default) default)))
          ": "))

;;; minibuffer.el ends here
