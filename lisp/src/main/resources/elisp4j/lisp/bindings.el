;;; bindings.el --- the standard key bindings  -*- lexical-binding: t -*-

;; Part of elisp4j.  The global key bindings of GNU Emacs 28 that init
;; files rely on (a subset: the ones of the editing commands, prefixes
;; and help), the minibuffer's keys, the translations of function keys
;; to characters, and the default special events.  The bindings are
;; those of Emacs; many of the commands they name are not defined in
;; elisp4j.

;;; Code:

;;;; Prefix keymaps.

(defvar mode-specific-map nil
  "Keymap for characters following C-c.")
(define-prefix-command 'mode-specific-command-prefix 'mode-specific-map)
(define-key global-map "\C-c" 'mode-specific-command-prefix)

(defvar help-map
  (let ((map (make-sparse-keymap)))
    ;; Bound in this order (the keymap then lists the last first).
    (dolist (binding `((,(char-to-string help-char) . help-for-help)
                       ([help] . help-for-help) ([f1] . help-for-help)
                       ("." . display-local-help) ("?" . help-for-help)
                       ("a" . apropos-command) ("b" . describe-bindings)
                       ("c" . describe-key-briefly) ("d" . apropos-documentation)
                       ("e" . view-echo-area-messages) ("f" . describe-function)
                       ("i" . info) ("k" . describe-key) ("l" . view-lossage)
                       ("m" . describe-mode) ("o" . describe-symbol)
                       ("q" . help-quit) ("v" . describe-variable)
                       ("w" . where-is) ("x" . describe-command)))
      (define-key map (car binding) (cdr binding)))
    map)
  "Keymap for characters following the Help key.")
(fset 'help-command help-map)
(define-key global-map (char-to-string help-char) 'help-command)
(define-key global-map [help] 'help-command)
(define-key global-map [f1] 'help-command)

;;;; Characters.

(set-char-table-range (nth 1 global-map) '(32 . 126) 'self-insert-command)
(set-char-table-range (nth 1 global-map) (cons 128 (max-char)) 'self-insert-command)

(let ((control-keys
       '((?\C-@ . set-mark-command) (?\C-a . move-beginning-of-line)
         (?\C-b . backward-char) (?\C-d . delete-char) (?\C-e . move-end-of-line)
         (?\C-f . forward-char) (?\C-g . keyboard-quit) (?\C-i . indent-for-tab-command)
         (?\C-j . electric-newline-and-maybe-indent) (?\C-k . kill-line)
         (?\C-l . recenter-top-bottom) (?\C-m . newline) (?\C-n . next-line)
         (?\C-o . open-line) (?\C-p . previous-line) (?\C-q . quoted-insert)
         (?\C-r . isearch-backward) (?\C-s . isearch-forward)
         (?\C-t . transpose-chars) (?\C-u . universal-argument)
         (?\C-v . scroll-up-command) (?\C-w . kill-region) (?\C-y . yank)
         (?\C-z . suspend-frame) (?\C-\\ . toggle-input-method)
         (?\C-\] . abort-recursive-edit) (?\C-_ . undo) (?\d . delete-backward-char)
         (?\C-\s . set-mark-command) (?\C-/ . undo)
         (?\C-- . negative-argument))))
  (dolist (b control-keys)
    (define-key global-map (vector (car b)) (cdr b))))
;; ?\C-? reads as DEL: C-? needs the control bit spelled out.
(define-key global-map (vector (logior ?\C-\0 ??)) 'undo-redo)
(define-key esc-map [?\C-_] 'undo-redo)

(dotimes (i 10)
  (define-key global-map (vector (+ ?\C-0 i)) 'digit-argument)
  (define-key esc-map (vector (+ ?0 i)) 'digit-argument)
  (define-key esc-map (vector (+ ?\C-0 i)) 'digit-argument))

;; The bindings `where-is-internal' reports first.
(put 'undo :advertised-binding [?\C-x ?u])
(put 'set-mark-command :advertised-binding [?\C- ])
(put 'next-buffer :advertised-binding [?\C-x right])
(put 'previous-buffer :advertised-binding [?\C-x left])

;;;; Function keys.

(let ((function-keys
       '((home . move-beginning-of-line) (end . move-end-of-line)
         (left . left-char) (right . right-char) (up . previous-line) (down . next-line)
         (prior . scroll-down-command) (next . scroll-up-command)
         (C-home . beginning-of-buffer) (C-end . end-of-buffer)
         (C-left . left-word) (C-right . right-word) (M-left . left-word) (M-right . right-word)
         (C-up . backward-paragraph) (C-down . forward-paragraph)
         (C-delete . kill-word) (C-backspace . backward-kill-word)
         (insert . overwrite-mode) (deletechar . delete-forward-char)
         (undo . undo) (menu . execute-extended-command) (execute . execute-extended-command)
         (f2 . 2C-command) (f3 . kmacro-start-macro-or-insert-counter)
         (f4 . kmacro-end-or-call-macro) (f10 . menu-bar-open) (f11 . toggle-frame-fullscreen))))
  (dolist (b function-keys)
    (define-key global-map (vector (car b)) (cdr b))))

;; Function keys that stand for characters.
(dolist (pair '((backspace 127) (delete 127) (tab ?\t) (linefeed ?\n)
                (clear ?\C-l) (return ?\C-m) (escape ?\e)
                (kp-space ?\s) (kp-tab ?\t) (kp-enter ?\r) (kp-separator ?,) (kp-equal ?=)
                (kp-decimal ?.) (kp-add ?+) (kp-subtract ?-) (kp-multiply ?*) (kp-divide ?/)
                (kp-0 ?0) (kp-1 ?1) (kp-2 ?2) (kp-3 ?3) (kp-4 ?4)
                (kp-5 ?5) (kp-6 ?6) (kp-7 ?7) (kp-8 ?8) (kp-9 ?9)))
  (put (car pair) 'ascii-character (cadr pair))
  (define-key function-key-map (vector (car pair)) (vector (cadr pair))))
(define-key function-key-map [S-tab] [backtab])

;;;; ESC prefix.

(let ((meta-keys
       '((?\C-@ . mark-sexp) (?\C-a . beginning-of-defun) (?\C-b . backward-sexp)
         (?\C-c . exit-recursive-edit) (?\C-d . down-list) (?\C-e . end-of-defun)
         (?\C-f . forward-sexp) (?\C-h . mark-defun) (?\C-i . complete-symbol)
         (?\C-j . default-indent-new-line) (?\C-k . kill-sexp) (?\C-n . forward-list)
         (?\C-o . split-line) (?\C-p . backward-list) (?\C-r . isearch-backward-regexp)
         (?\C-s . isearch-forward-regexp) (?\C-t . transpose-sexps)
         (?\C-u . backward-up-list) (?\C-v . scroll-other-window)
         (?\C-w . append-next-kill) (?\C-\\ . indent-region)
         (?\s . just-one-space) (?! . shell-command) (?% . query-replace)
         (?& . async-shell-command) (?\( . insert-parentheses)
         (?\) . move-past-close-and-reindent) (?- . negative-argument)
         (?/ . dabbrev-expand) (?: . eval-expression) (?\; . comment-dwim)
         (?< . beginning-of-buffer) (?= . count-words-region) (?> . end-of-buffer)
         (?@ . mark-word) (?X . execute-extended-command-for-buffer)
         (?\\ . delete-horizontal-space) (?^ . delete-indentation)
         (?a . backward-sentence) (?b . backward-word) (?c . capitalize-word)
         (?d . kill-word) (?e . forward-sentence) (?f . forward-word)
         (?h . mark-paragraph) (?i . tab-to-tab-stop) (?j . default-indent-new-line)
         (?k . kill-sentence) (?l . downcase-word) (?m . back-to-indentation)
         (?q . fill-paragraph) (?r . move-to-window-line-top-bottom)
         (?t . transpose-words) (?u . upcase-word) (?v . scroll-down-command)
         (?w . kill-ring-save) (?x . execute-extended-command) (?y . yank-pop)
         (?z . zap-to-char) (?{ . backward-paragraph) (?| . shell-command-on-region)
         (?} . forward-paragraph) (?~ . not-modified) (?\d . backward-kill-word)
         (?\C-% . query-replace-regexp) (?\C-\s . mark-sexp) (?\C-- . negative-argument))))
  (dolist (b meta-keys)
    (define-key esc-map (vector (car b)) (cdr b))))

;;;; C-x prefix.

(let ((ctl-x-keys
       '((?\C-@ . pop-global-mark) (?\C-b . list-buffers)
         (?\C-c . save-buffers-kill-terminal) (?\C-d . list-directory)
         (?\C-e . eval-last-sexp) (?\C-f . find-file) (?\C-i . indent-rigidly)
         (?\C-l . downcase-region) (?\C-n . set-goal-column) (?\C-o . delete-blank-lines)
         (?\C-p . mark-page) (?\C-q . read-only-mode) (?\C-r . find-file-read-only)
         (?\C-s . save-buffer) (?\C-t . transpose-lines) (?\C-u . upcase-region)
         (?\C-v . find-alternate-file) (?\C-w . write-file)
         (?\C-x . exchange-point-and-mark) (?\C-z . suspend-frame)
         (?\s . rectangle-mark-mode) (?$ . set-selective-display) (?' . expand-abbrev)
         (?\( . kmacro-start-macro) (?\) . kmacro-end-macro) (?+ . balance-windows)
         (?- . shrink-window-if-larger-than-buffer) (?. . set-fill-prefix)
         (?0 . delete-window) (?1 . delete-other-windows) (?2 . split-window-below)
         (?3 . split-window-right) (?4 . ctl-x-4-prefix) (?5 . ctl-x-5-prefix)
         (?\; . comment-set-column) (?< . scroll-left) (?= . what-cursor-position)
         (?> . scroll-right) (?\[ . backward-page) (?\] . forward-page) (?^ . enlarge-window)
         (?` . next-error) (?b . switch-to-buffer) (?d . dired)
         (?e . kmacro-end-and-call-macro) (?f . set-fill-column) (?h . mark-whole-buffer)
         (?i . insert-file) (?k . kill-buffer) (?l . count-lines-page) (?m . compose-mail)
         (?o . other-window) (?q . kbd-macro-query) (?s . save-some-buffers) (?u . undo)
         (?z . repeat) (?{ . shrink-window-horizontally) (?} . enlarge-window-horizontally)
         (?\d . backward-kill-sentence) (?\C-\; . comment-line) (?\C-\s . pop-global-mark))))
  (dolist (b ctl-x-keys)
    (define-key ctl-x-map (vector (car b)) (cdr b))))

;;;; More prefix keymaps.

(defvar ctl-x-4-map (make-sparse-keymap)
  "Keymap for subcommands of C-x 4 (other window).")
(defalias 'ctl-x-4-prefix ctl-x-4-map)
(dolist (b '((?0 . kill-buffer-and-window) (?b . switch-to-buffer-other-window)
             (?c . clone-indirect-buffer-other-window) (?d . dired-other-window)
             (?f . find-file-other-window) (?\C-f . find-file-other-window)
             (?\C-o . display-buffer) (?r . find-file-read-only-other-window)))
  (define-key ctl-x-4-map (vector (car b)) (cdr b)))

(defvar ctl-x-5-map (make-sparse-keymap)
  "Keymap for frame commands (C-x 5).")
(defalias 'ctl-x-5-prefix ctl-x-5-map)
(dolist (b '((?0 . delete-frame) (?1 . delete-other-frames) (?2 . make-frame-command)
             (?b . switch-to-buffer-other-frame) (?d . dired-other-frame)
             (?f . find-file-other-frame) (?\C-f . find-file-other-frame)
             (?o . other-frame) (?r . find-file-read-only-other-frame)))
  (define-key ctl-x-5-map (vector (car b)) (cdr b)))

(defvar narrow-map (make-sparse-keymap)
  "Keymap for narrowing commands (C-x n).")
(define-key ctl-x-map "n" narrow-map)
(dolist (b '((?n . narrow-to-region) (?w . widen) (?d . narrow-to-defun) (?p . narrow-to-page)))
  (define-key narrow-map (vector (car b)) (cdr b)))

(defvar ctl-x-r-map (make-sparse-keymap)
  "Keymap for subcommands of C-x r (rectangles, registers, bookmarks).")
(define-key ctl-x-map "r" ctl-x-r-map)
(dolist (b '((?c . clear-rectangle) (?k . kill-rectangle) (?d . delete-rectangle)
             (?y . yank-rectangle) (?o . open-rectangle) (?t . string-rectangle)
             (?\s . point-to-register) (?j . jump-to-register) (?s . copy-to-register)
             (?x . copy-to-register) (?i . insert-register) (?g . insert-register)
             (?b . bookmark-jump) (?m . bookmark-set) (?l . bookmark-bmenu-list)))
  (define-key ctl-x-r-map (vector (car b)) (cdr b)))

(define-key ctl-x-map "\e\e" 'repeat-complex-command)
(define-key ctl-x-map "\e:" 'repeat-complex-command)

(defvar goto-map (make-sparse-keymap)
  "Keymap for navigation commands (M-g).")
(define-key esc-map "g" goto-map)
(dolist (b '((?c . goto-char) (?g . goto-line) (?\M-g . goto-line) (?n . next-error)
             (?\M-n . next-error) (?p . previous-error) (?\M-p . previous-error)
             (?\t . move-to-column)))
  (define-key goto-map (vector (car b)) (cdr b)))

(defvar search-map (make-sparse-keymap)
  "Keymap for search related commands (M-s).")
(define-key esc-map "s" search-map)
(dolist (b '((?o . occur) (?w . isearch-forward-word) (?_ . isearch-forward-symbol)
             (?. . isearch-forward-symbol-at-point)))
  (define-key search-map (vector (car b)) (cdr b)))

;;;; The minibuffer.

(define-key minibuffer-local-map "\C-g" 'abort-minibuffers)
(define-key minibuffer-local-map "\M-n" 'next-history-element)
(define-key minibuffer-local-map [next] 'next-history-element)
(define-key minibuffer-local-map [down] 'next-line-or-history-element)
(define-key minibuffer-local-map "\M-p" 'previous-history-element)
(define-key minibuffer-local-map [prior] 'previous-history-element)
(define-key minibuffer-local-map [up] 'previous-line-or-history-element)
(define-key minibuffer-local-map "\M-s" 'next-matching-history-element)
(define-key minibuffer-local-map "\M-r" 'previous-matching-history-element)
(define-key minibuffer-local-map "\n" 'exit-minibuffer)
(define-key minibuffer-local-map "\r" 'exit-minibuffer)

;;;; Special events.

(define-key special-event-map [sigusr1] 'ignore)
(define-key special-event-map [sigusr2] 'ignore)

;; The standard mode line, as Emacs's bindings.el sets it up.  Nothing
;; draws it in batch, but whether a window has a mode line (and so its
;; body height) depends on this being non-nil.
(setq-default mode-line-format
              '("%e" mode-line-front-space mode-line-mule-info mode-line-client
                mode-line-modified mode-line-remote mode-line-frame-identification
                mode-line-buffer-identification "   " mode-line-position
                (vc-mode vc-mode) "  " mode-line-modes mode-line-misc-info
                mode-line-end-spaces))

;;; bindings.el ends here
