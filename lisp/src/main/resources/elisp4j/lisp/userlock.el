;;; userlock.el --- handling of lock conflicts and supersession threats  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; userlock.el: `ask-user-about-lock' and `ask-user-about-supersession-threat'.

;;; Code:

(define-error 'file-locked "File is locked" 'file-error)
(define-error 'file-supersession nil 'file-error)

(defun userlock--shorten-elisp4j (text limit keep-tail)
  "TEXT shortened for the lock prompt: at most LIMIT characters, keeping the tail if KEEP-TAIL."
  (if (<= (length text) limit)
      text
    (if keep-tail
        (concat "..." (substring text (- (length text) keep-tail)))
      text)))

(defun ask-user-about-lock (file opponent)
  "Ask user what to do when FILE is locked by OPPONENT (\"USER@HOST (pid N)\").
Return t to grab the lock, nil to edit without it; signal `file-locked'
to refuse the change.  In batch mode there is nobody to ask: signal an
error after printing the question."
  (discard-input)
  (let* ((short-file (userlock--shorten-elisp4j file 22 22))
         (short-opponent
          (if (> (length opponent) 25)
              (save-match-data
                (concat (substring opponent 0 13) "..."
                        (if (string-match " (pid [0-9]+)" opponent)
                            (match-string 0 opponent)
                          "")))
            opponent))
         (prompt (format "%s locked by %s: (s, q, p, ?)? " short-file short-opponent))
         (answer nil))
    (when noninteractive
      (message "%s" prompt)
      (error "Cannot resolve lock conflict in batch mode"))
    (while (null answer)
      (let ((c (read-char-exclusive prompt)))
        (cond ((memq c '(?s ?S)) (setq answer 'steal))
              ((memq c '(?p ?P)) (setq answer 'proceed))
              ((memq c '(?q ?Q ?\C-g)) (setq answer 'quit))
              ((eq c ??)
               (message "s = steal the lock, p = proceed editing anyway, q = quit")))))
    (cond ((eq answer 'steal) t)
          ((eq answer 'proceed) nil)
          (t (signal 'file-locked (list file opponent))))))

(defun ask-user-about-supersession-threat (filename)
  "Ask a user who is about to modify an obsolete buffer what to do.
In batch mode signal `file-supersession'."
  (discard-input)
  (if noninteractive
      (signal 'file-supersession
              (list "File reverted" filename))
    (if (yes-or-no-p (format "%s changed on disk; really edit the buffer? "
                             (file-name-nondirectory filename)))
        nil
      (signal 'file-supersession
              (list "File changed on disk" filename)))))

(provide 'userlock)

;;; userlock.el ends here
