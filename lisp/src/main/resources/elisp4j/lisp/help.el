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

;;;; Help windows.

(add-hook 'temp-buffer-setup-hook #'help-mode-setup)
(add-hook 'temp-buffer-show-hook #'help-mode-finish)

(defvar help-window-point-marker (make-marker)
  "Marker to override the position of point in a help window.")
(defvar help-window-old-frame nil
  "Frame selected at the time `with-help-window' is invoked.")
(defcustom help-window-select nil
  "Non-nil means select the help window for viewing.
nil selects it only if it is the only window of its frame, `other'
if its frame has at least two other windows and it is new or
showed another buffer, t always."
  :type '(choice (const nil) (const other) (const t)) :group 'help)

(defun help-window-display-message (quit-part window &optional scroll)
  "Show a message saying how to quit (QUIT-PART) and scroll help window WINDOW.
SCROLL non-nil mentions scrolling it, `other' as the other window."
  (let ((scroll-part
         (cond ((not quit-part) nil)
               ((pos-visible-in-window-p
                 (with-current-buffer (window-buffer window) (point-max)) window t)
                ".")
               ((eq scroll 'other) ", \\[scroll-other-window] to scroll help.")
               (scroll ", \\[scroll-up-command] to scroll help."))))
    (message "%s" (substitute-command-keys (concat quit-part scroll-part)))))

(defconst elisp4j--help-quit-hints
  '((selected (window . "Type \"q\" to delete help window")
              (frame . "Type \"q\" to quit the help frame")
              (other . "Type \"q\" to restore previous buffer"))
    (beside (window . "Type \\[delete-other-windows] to delete the help window")
            (other . "Type \"q\" in help window to restore its previous buffer"))
    (elsewhere (window . "Type \"q\" in help window to delete it")
               (other . "Type \"q\" in help window to restore previous buffer")))
  "How to get rid of a help window, by where it is and how it was shown.
Keys of the outer alist: `selected' (the help window is selected),
`beside' (it is one of the two windows of the frame the help command
ran in), `elsewhere'.  Keys inside: the car of the window's
`quit-restore' parameter.")

(defun elisp4j--help-window-selected-p (window frame setup)
  "Non-nil if help WINDOW (on FRAME, shown as SETUP says) ends up selected.
Selects it when `help-window-select' asks for that."
  (let ((wanted (cond ((eq help-window-select t) t)
                      ((eq help-window-select 'other)
                       (and (not (eq setup 'same))
                            (> (length (window-list nil 'no-mini)) 2))))))
    (or (eq window (selected-window))
        (and wanted
             (eq frame (selected-frame))
             (select-window window)))))

(defun help-window-setup (window &optional value)
  "Finish showing help in WINDOW for `with-help-window', and return VALUE.
Moves point where `help-window-point-marker' says, selects WINDOW if
`help-window-select' wants it, and tells how to quit the window."
  (let ((frame (window-frame window)))
    (when (window-live-p window)
      (let ((setup (car (window-parameter window 'quit-restore))))
        (when (eq (window-buffer window) (marker-buffer help-window-point-marker))
          (let ((pos (marker-position help-window-point-marker)))
            (set-marker help-window-point-marker nil)
            (set-window-point window pos)))
        ;; Help shown on another frame: go there if asked to select it.
        (and help-window-select
             (not (eq frame help-window-old-frame))
             (frame-live-p help-window-old-frame)
             (progn (select-window window)
                    (select-frame-set-input-focus frame)))
        (let ((place (cond ((elisp4j--help-window-selected-p window frame setup) 'selected)
                           ((and (eq frame help-window-old-frame)
                                 (= 2 (length (window-list nil 'no-mini))))
                            'beside)
                           (t 'elsewhere))))
          (help-window-display-message
           (cdr (assq setup (cdr (assq place elisp4j--help-quit-hints))))
           window
           (cdr (assq place '((selected . t) (beside . other)))))))))
  value)

(defmacro with-help-window (buffer-or-name &rest body)
  "Run BODY with output to BUFFER-OR-NAME, then show it in a help window.
Like `with-temp-buffer-window', but the buffer is in Help mode and
a message says how to get rid of the window, which is selected if
`help-window-select' says so."
  (declare (indent 1) (debug t))
  (let ((hooks '((temp-buffer-window-setup-hook
                  (cons 'help-mode-setup temp-buffer-window-setup-hook))
                 (temp-buffer-window-show-hook
                  (cons 'help-mode-finish temp-buffer-window-show-hook)))))
    ;; Only BODY may point the marker somewhere.
    `(progn (set-marker help-window-point-marker nil)
            (let ,hooks
              (setq help-window-old-frame (selected-frame))
              (with-temp-buffer-window ,buffer-or-name nil 'help-window-setup
                                       (progn ,@body))))))

(provide 'help)

;;; help.el ends here
