;;; userlock.el --- handling of lock conflicts and supersession threats  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; userlock.el: `ask-user-about-lock', `ask-user-about-supersession-threat'
;; and the functions the file locking primitives call,
;; `userlock--ask-user-about-supersession-threat' and
;; `userlock--handle-unlock-error'.

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

(defun userlock--check-content-unchanged (filename)
  "Return `unchanged' if FILENAME, the current buffer's file, still holds the buffer's text.
The file is read with the buffer's coding system; when it matches, the
buffer takes the file's modification time.  Errors are only reported."
  (with-demoted-errors "Unchanged content check: %S"
    (save-restriction
      (widen)
      (let ((buf (current-buffer))
            (coding buffer-file-coding-system)
            (start (point-min))
            (end (point-max)))
        (when (with-temp-buffer
                (let ((coding-system-for-read coding))
                  (insert-file-contents filename))
                (and (= (buffer-size) (- end start))
                     (let ((case-fold-search nil))
                       (zerop (compare-buffer-substrings buf start end
                                                         (current-buffer) (point-min) (point-max))))))
          (set-visited-file-modtime)
          'unchanged)))))

(defun userlock--ask-user-about-supersession-threat (filename)
  "Ask about modifying the buffer of FILENAME, changed on disk, unless its text is unchanged.
Called by the file locking code before the first change of a buffer
whose file is newer than the buffer."
  (unless (userlock--check-content-unchanged filename)
    (ask-user-about-supersession-threat filename)))

(defun ask-user-about-supersession-threat (filename)
  "Ask what to do about modifying a buffer whose file FILENAME changed on disk.
Return to let the change happen; signal `file-supersession' to refuse
it (after reverting the buffer, for the answer r).  In batch mode
there is nobody to ask: signal an error after printing the question."
  (discard-input)
  (let ((prompt (format "%s changed on disk; really edit the buffer? (y, n, r or C-h) "
                        (file-name-nondirectory filename)))
        (answer nil))
    (when noninteractive
      (message "%s" prompt)
      (error "Cannot resolve conflict in batch mode"))
    (while (null answer)
      (setq answer (read-char-exclusive prompt))
      (cond ((memq answer '(?? ?\C-h))
             (message "y: edit anyway; n: leave the buffer alone; r: revert it from the file")
             (setq answer nil))
            ((eq answer ?r)
             (revert-buffer nil (not (buffer-modified-p)))
             (signal 'file-supersession (list "File reverted" filename)))
            ((eq answer ?n)
             (signal 'file-supersession (list "File changed on disk" filename)))
            ((not (eq answer ?y)) (setq answer nil))))
    (message "File on disk now will become a backup file if you save these changes.")
    (setq buffer-backed-up nil)))

(defun userlock--handle-unlock-error (error)
  "Report ERROR, a `file-error' from unlocking a file, as a warning; go on."
  (display-warning '(unlock-file)
                   (message "%s, ignored" (error-message-string error))
                   :warning))

(provide 'userlock)

;;; userlock.el ends here
