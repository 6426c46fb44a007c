;;; minibuffer.el --- minibuffer completion  -*- lexical-binding: t -*-

;; Part of elisp4j.  So far only what reading with completion needs when
;; the minibuffer reads a line from standard input (batch mode): Emacs's
;; `completing-read-default'.

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

;;; minibuffer.el ends here
