;;; map-ynp.el --- ask a yes/no question about each object of a list  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; map-ynp.el: `map-y-or-n-p', and the `query-replace-map' of answers
;; (replace.el in Emacs) that it and `y-or-n-p'-style questions share.

;;; Code:

(defvar query-replace-map
  (let ((map (make-sparse-keymap)))
    (dolist (binding '((act " " "y" "Y")
                       (skip "\d" "n" "N" [delete] [backspace])
                       (exit "q" "\r" [return] [escape])
                       (act-and-exit ".")
                       (act-and-show ",")
                       (automatic "!")
                       (backup "^")
                       (undo "u")
                       (undo-all "U")
                       (edit "\C-r")
                       (edit-replacement "e" "E")
                       (delete-and-edit "\C-w")
                       (recenter "\C-l")
                       (scroll-up "\C-v" [next])
                       (scroll-down "\M-v" [prior])
                       (scroll-other-window [?\C-\M-v])
                       (scroll-other-window-down [?\C-\M-\S-v])
                       (help "?" "\C-h" [f1] [help])
                       (quit "\C-g" "\C-]")))
      (dolist (key (cdr binding))
        (define-key map key (car binding))))
    map)
  "Keymap of the answers to questions asked about one object after another.
Its bindings are not commands but answer symbols: `act', `skip', `exit',
`act-and-exit', `automatic', `help', `quit', `backup', `edit' and so on.")

(defun map-y-or-n-p--answer (char map)
  "The answer symbol (or vector of a user action) CHAR stands for in MAP."
  (lookup-key map (vector char)))

(defun map-y-or-n-p (prompter actor list &optional help action-alist
                              no-cursor-in-echo-area)
  "Ask a question about each object of LIST, and call ACTOR on those answered yes.
LIST is a list, or a function returning the next object each time it is
called (nil when there are no more).  PROMPTER is a format string taking
the object, or a function of the object returning the question, t (act
without asking) or nil (skip without asking).  ACTOR is called with the
object.  The answers are those of `query-replace-map': y or SPC acts, n or
DEL skips, ! acts on this object and all the rest, . acts on this one and
stops, q or RET stops, C-h shows help.

HELP, if non-nil, is a list (OBJECT OBJECTS ACTION) of words for the help
text.  ACTION-ALIST holds more answers: elements (CHAR FUNCTION HELP-TEXT);
FUNCTION is called with the object and returns non-nil if it dealt with it.
NO-CURSOR-IN-ECHO-AREA non-nil leaves the cursor where it is while asking.

Return the number of objects acted on."
  (let* ((count 0)
         (shown (current-message))
         (next (if (functionp list)
                   (lambda () (funcall list))
                 (lambda () (if list (list (pop list))))))
         (pending nil)
         (dialog (and (listp last-nonmenu-event) use-dialog-box))
         (map (let ((m (make-sparse-keymap)))
                (set-keymap-parent m query-replace-map)
                (dolist (a action-alist)
                  (define-key m (vector (car a)) (vector (nth 1 a))))
                m))
         (extra-keys (if action-alist
                         (concat (mapconcat (lambda (a) (key-description (vector (car a))))
                                            action-alist ", ")
                                 " ")
                       ""))
         (ask (if (stringp prompter)
                  (let ((format-string prompter))
                    (lambda (object) (format format-string object)))
                prompter))
         (item nil)
         (done nil))
    (let ((fetch (lambda ()
                   ;; An object put back to be asked about again comes first.
                   (if pending
                       (prog1 pending (setq pending nil))
                     (funcall next))))
          (act (lambda (object)
                 (funcall actor object)
                 (setq count (1+ count)))))
      (while (and (not done) (setq item (funcall fetch)))
        (let* ((object (if (functionp list) item (car item)))
               (question (funcall ask object)))
          (cond
           ((null question))            ; skip silently
           ((not (stringp question)) (funcall act object))
           (t
            (setq quit-flag nil)
            (let* ((char nil)
                   (answer
                    (if dialog
                        ;; A dialog box where the event came from the mouse (or
                        ;; from no keyboard at all, as in batch mode).
                        (or (and (fboundp 'x-popup-dialog)
                                 (x-popup-dialog t (list question '("Yes" . act) '("No" . skip))))
                            'quit)
                      (let ((cursor-in-echo-area (not no-cursor-in-echo-area))
                            (choices (format "(y, n, !, ., q, %sor %s) " extra-keys
                                             (key-description (vector help-char)))))
                        (message "%s%s" question choices)
                        (while (equal (setq char (read-event)) -1))
                        (message "%s%s%s" question choices (single-key-description char))
                        (map-y-or-n-p--answer char map)))))
              (cond
                ((eq answer 'act) (funcall act object))
                ((eq answer 'skip) nil)
                ((eq answer 'exit) (setq done t))
                ((eq answer 'act-and-exit) (funcall act object) (setq done t))
                ((eq answer 'automatic)
                 (funcall act object)
                 (while (setq item (funcall fetch))
                   (let ((o (if (functionp list) item (car item))))
                     (when (funcall ask o) (funcall act o))))
                 (setq done t))
                ((eq answer 'quit) (setq quit-flag t) (setq pending item))
                ((eq answer 'help)
                 (with-help-window (help-buffer)
                   (let ((one (or (nth 0 help) "object"))
                         (many (or (nth 1 help) "objects"))
                         (verb (or (nth 2 help) "act on")))
                     (princ (format-message
                             "Type SPC or `y' to %s the current %s;
DEL or `n' to skip the current %s;
RET or `q' to skip the current and all remaining %s;
C-g to quit (cancel the whole command);
! to %s all remaining %s;\n"
                             verb one one many verb many))
                     (dolist (a action-alist)
                       (princ (format "%s to %s;\n" (single-key-description (car a)) (nth 2 a))))
                     (princ (format "or . (period) to %s the current %s and exit." verb one))))
                 (setq pending item))
                ((vectorp answer)
                 ;; An ACTION-ALIST answer: its function may decline the object.
                 (if (funcall (aref answer 0) object)
                     (setq count (1+ count))
                   (setq pending item)))
                ((and (symbolp answer) (commandp answer))
                 (call-interactively answer)
                 (setq pending item))
                (t
                 (message "Type %s for help." (key-description (vector help-char)))
                 (beep)
                 (sit-for 1)
                 (setq pending item)))))))))
    (let ((message-log-max nil))
      (if shown (message "%s" shown) (message "")))
    count))

(provide 'map-ynp)

;;; map-ynp.el ends here
