;;; help-mode.el --- the mode of help buffers  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j after the behaviour of GNU
;; Emacs's help-mode.el, which `with-help-window' and
;; `with-output-to-temp-buffer' use (through `help-mode-setup' and
;; `help-mode-finish').  Emacs also turns references in help text into
;; buttons; elisp4j has no buttons, so help text stays plain.

;;; Code:

(defvar help-xref-following nil
  "Non-nil when following a help cross-reference.")
(put 'help-xref-following 'permanent-local t)

(defvar-local help-xref-stack-item nil
  "An item for `help-mode-revert-buffer': (FUNCTION . ARGS) that made this help.")
(put 'help-xref-stack-item 'permanent-local t)

(defvar-local help-xref-stack nil
  "A stack of ways by which to return to help buffers after following xrefs.")
(put 'help-xref-stack 'permanent-local t)

(defvar-local help-xref-forward-stack nil
  "A stack used to navigate help forwards after using the back button.")
(put 'help-xref-forward-stack 'permanent-local t)

(defvar help-mode-map (make-sparse-keymap)
  "Keymap for Help mode.")

(define-derived-mode help-mode special-mode "Help"
  "Major mode for viewing help text.
Entry to this mode runs the normal hook `help-mode-hook'."
  (setq-local revert-buffer-function #'help-mode-revert-buffer))

(defun help-mode-setup ()
  "Enter Help mode in the current buffer, writable for the text to come."
  (help-mode)
  (setq buffer-read-only nil))

(defun help-mode-finish ()
  "Finish a help buffer: make it read-only and end its text with one newline.
Emacs also makes cross-reference buttons here (`help-make-xrefs');
elisp4j does not have them."
  (when (derived-mode-p 'help-mode)
    (setq buffer-read-only t)
    (let ((inhibit-read-only t)
          (end-blank (if (or help-xref-stack help-xref-forward-stack) "\n\n" "\n")))
      (save-excursion
        (goto-char (point-max))
        ;; Drop the trailing newlines, then end with ours.
        (skip-chars-backward "\n")
        (delete-region (point) (point-max))
        (insert end-blank)))
    (set-buffer-modified-p nil)))

(defun help-setup-xref (item interactive-p)
  "Record ITEM, a (FUNCTION . ARGS) that makes the current help, for reverting.
INTERACTIVE-P non-nil starts a new history."
  (with-current-buffer (help-buffer)
    (when interactive-p
      (setq help-xref-forward-stack nil)
      (setq help-xref-stack nil))
    (setq help-xref-stack-item item)))

(defun help-mode-revert-buffer (_ignore-auto noconfirm)
  "Make the current help buffer again with the call recorded by `help-setup-xref'."
  (when (or noconfirm (yes-or-no-p "Revert help buffer? "))
    (let ((where (point))
          (call help-xref-stack-item))
      (let ((help-xref-following t)
            (help-xref-stack-item nil))
        (apply (car call) (cdr call)))
      (goto-char where))))

(defun help-buffer ()
  "Return the name of a buffer for help text: *Help*, made if needed.
While following a cross-reference it is the current buffer, which
must then be in Help mode."
  (cond ((not help-xref-following) (buffer-name (get-buffer-create "*Help*")))
        ((derived-mode-p 'help-mode) (buffer-name (current-buffer)))
        (t (error "Current buffer is not in Help mode"))))

(provide 'help-mode)

;;; help-mode.el ends here
