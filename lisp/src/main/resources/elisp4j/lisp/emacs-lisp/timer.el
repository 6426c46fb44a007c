;;; timer.el --- run a function at a time or when idle  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; timer.el: timers are 10-slot vectors
;;   [TRIGGERED HIGH LOW USEC REPEAT FUNCTION ARGS IDLE-DELAY PSEC INTEGRAL]
;; kept in `timer-list' (by time) and `timer-idle-list' (by idle delay);
;; the runtime's event loop calls `timer-event-handler' when one is due.

;;; Code:

(defvar timer-list nil "List of active timers, earliest first.")
(defvar timer-idle-list nil "List of active idle-time timers, shortest delay first.")
(defvar timer-event-last nil "Last timer that was run.")
(defvar timer-event-last-1 nil "Next-to-last timer that was run.")
(defvar timer-event-last-2 nil "Third-to-last timer that was run.")
(defvar timer-max-repeats 10 "Maximum number of times to repeat a timer, if many repeats are delayed.")

(defun timerp (object)
  "Return t if OBJECT is a timer."
  (and (vectorp object) (= (length object) 10)))

(defun timer--check (timer)
  "Signal an error unless TIMER is a timer."
  (or (timerp timer) (signal 'wrong-type-argument (list #'timerp timer))))

(defun timer--create ()
  "Return a new, inactive timer."
  (vector t nil nil nil nil nil nil nil nil nil))

(defun timer--triggered (timer) "Whether TIMER has been triggered." (aref timer 0))
(defun timer--high-seconds (timer) "High seconds of TIMER's time." (aref timer 1))
(defun timer--low-seconds (timer) "Low seconds of TIMER's time." (aref timer 2))
(defun timer--usecs (timer) "Microseconds of TIMER's time." (aref timer 3))
(defun timer--repeat-delay (timer) "Repeat delay of TIMER (seconds or :repeat-like values)." (aref timer 4))
(defun timer--function (timer) "Function TIMER calls." (aref timer 5))
(defun timer--args (timer) "Arguments TIMER passes to its function." (aref timer 6))
(defun timer--idle-delay (timer) "Non-nil (the symbol `idle') for an idle timer." (aref timer 7))
(defun timer--psecs (timer) "Picoseconds of TIMER's time." (aref timer 8))
(defun timer--integral-multiple (timer) "Whether TIMER's repeats are integral multiples." (aref timer 9))

(gv-define-setter timer--triggered (v timer) `(aset ,timer 0 ,v))
(gv-define-setter timer--repeat-delay (v timer) `(aset ,timer 4 ,v))
(gv-define-setter timer--function (v timer) `(aset ,timer 5 ,v))
(gv-define-setter timer--args (v timer) `(aset ,timer 6 ,v))
(gv-define-setter timer--idle-delay (v timer) `(aset ,timer 7 ,v))

(defun timer--time (timer)
  "TIMER's time as a list (HIGH LOW USEC PSEC)."
  (list (aref timer 1) (aref timer 2) (aref timer 3) (aref timer 8)))

(defun timer--time-setter (timer time)
  "Set TIMER's time to TIME (any Lisp time value); return TIME."
  (let ((lst (time-convert time 'list)))
    (aset timer 1 (nth 0 lst))
    (aset timer 2 (nth 1 lst))
    (aset timer 3 (nth 2 lst))
    (aset timer 8 (nth 3 lst))
    time))

(gv-define-simple-setter timer--time timer--time-setter)

(defun timer--time-less-p (t1 t2)
  "Say whether time value T1 is less than time value T2."
  (time-less-p (timer--time t1) (timer--time t2)))

(defun timer-set-time (timer time &optional delta)
  "Set the trigger time of TIMER to TIME (repeating every DELTA seconds if non-nil)."
  (timer--check timer)
  (timer--time-setter timer time)
  (aset timer 4 (and (numberp delta) (> delta 0) delta))
  timer)

(defun timer-set-idle-time (timer secs &optional repeat)
  "Set the trigger idle time of TIMER to SECS (repeating if REPEAT)."
  (timer--check timer)
  (timer--time-setter timer (if (numberp secs) (time-convert secs 'list) secs))
  (aset timer 4 repeat)
  timer)

(defun timer-relative-time (time secs &optional usecs psecs)
  "Advance TIME by SECS seconds and optionally USECS and PSECS."
  (let ((delta secs))
    (if (or usecs psecs)
        (setq delta (time-add delta (list 0 0 (or usecs 0) (or psecs 0)))))
    (time-add time delta)))

(defun timer-inc-time (timer secs &optional usecs psecs)
  "Increment the time set in TIMER by SECS seconds (and USECS, PSECS)."
  (timer--time-setter timer (timer-relative-time (timer--time timer) secs usecs psecs)))

(defun timer-set-function (timer function &optional args)
  "Make TIMER call FUNCTION with optional ARGS when triggering."
  (timer--check timer)
  (aset timer 5 function)
  (aset timer 6 args)
  timer)

(defun timer--activate (timer &optional triggered-p reuse-cell idle)
  "Insert TIMER into the timer list (the idle list if IDLE), keeping it ordered."
  (unless (and (timerp timer)
               (integerp (aref timer 1)) (integerp (aref timer 2))
               (integerp (aref timer 3)) (integerp (aref timer 8))
               (aref timer 5))
    (error "Invalid or uninitialized timer"))
  (let ((list (if idle timer-idle-list timer-list))
        (before nil))
    (while (and list (not (timer--time-less-p timer (car list))))
      (setq before list list (cdr list)))
    (let ((cell (or reuse-cell (list timer))))
      (setcar cell timer)
      (setcdr cell list)
      (if before (setcdr before cell)
        (if idle (setq timer-idle-list cell) (setq timer-list cell))))
    (aset timer 0 triggered-p)
    (aset timer 7 idle)
    nil))

(defun timer-activate (timer &optional triggered-p reuse-cell)
  "Insert TIMER into `timer-list'."
  (timer--activate timer triggered-p reuse-cell nil))

(defun timer-activate-when-idle (timer &optional dont-wait reuse-cell)
  "Insert TIMER into `timer-idle-list'."
  (timer--activate timer (not dont-wait) reuse-cell 'idle))

(defalias 'disable-timeout #'cancel-timer)

(defun cancel-timer (timer)
  "Stop TIMER: take it off the ordinary and the idle timer lists."
  (timer--check timer)
  (setq timer-idle-list (delq timer timer-idle-list)
        timer-list (delq timer timer-list))
  nil)

(defun cancel-timer-internal (timer)
  "Remove TIMER from the timer lists; return the cons cell it was in."
  (let ((cell1 (memq timer timer-list))
        (cell2 (memq timer timer-idle-list)))
    (if cell1 (setq timer-list (delq timer timer-list)))
    (if cell2 (setq timer-idle-list (delq timer timer-idle-list)))
    (or cell1 cell2)))

(defun cancel-function-timers (function)
  "Cancel all timers which would run FUNCTION."
  (dolist (timer timer-list)
    (if (eq (timer--function timer) function) (cancel-timer timer)))
  (dolist (timer timer-idle-list)
    (if (eq (timer--function timer) function) (cancel-timer timer))))

(defun timer-event-handler (timer)
  "Call the handler for the timer TIMER (called by the event loop)."
  (setq timer-event-last-2 timer-event-last-1
        timer-event-last-1 timer-event-last
        timer-event-last timer)
  (let ((inhibit-quit t))
    (timer--check timer)
    (let ((cell (cancel-timer-internal timer)))
      (when (timer--repeat-delay timer)
        (if (timer--idle-delay timer)
            (timer-activate-when-idle timer nil cell)
          (timer-inc-time timer (timer--repeat-delay timer) 0)
          ;; Skip missed repeats (but run once) when time has moved on a lot.
          (let ((now (current-time)) (n 0))
            (while (and (time-less-p (timer--time timer) now) (< n timer-max-repeats))
              (timer-inc-time timer (timer--repeat-delay timer) 0)
              (setq n (1+ n))))
          (timer-activate timer t cell)))
      (condition-case-unless-debug err
          (apply (timer--function timer) (timer--args timer))
        (error (message "Error running timer%s: %S"
                        (if (symbolp (timer--function timer))
                            (format-message " `%s'" (timer--function timer))
                          "")
                        err))))))

(defun timer-until (timer time)
  "Calculate number of seconds from when TIMER will run, until TIME."
  (float-time (time-subtract time (timer--time timer))))

(defun timer-next-integral-multiple-of-time (time secs)
  "Return the least time > TIME that is an integral multiple of SECS."
  (let* ((tt (float-time time)))
    (time-convert (* secs (1+ (floor (/ tt secs)))) 'list)))

(defun run-at-time (time repeat function &rest args)
  "Perform an action at time TIME, then every REPEAT seconds if REPEAT is non-nil.
TIME is a number of seconds from now, a time value, nil (now), t (the
next integral multiple of REPEAT), or a string like \"11:23pm\" or
\"2 hours 35 minutes\"."
  (when (and repeat (not (and (numberp repeat) (>= repeat 0))))
    (error "Invalid repetition interval"))
  (when (eq time t)
    (setq time (if repeat (timer-next-integral-multiple-of-time (current-time) repeat) nil)))
  (when (stringp time)
    (setq time (elisp4j--timer-parse-string time)))
  (cond ((null time) (setq time (current-time)))
        ((numberp time) (setq time (timer-relative-time nil time))))
  (let ((timer (timer--create)))
    (timer-set-time timer time repeat)
    (timer-set-function timer function args)
    (timer-activate timer)
    timer))

(defun elisp4j--timer-parse-string (string)
  "Parse a `run-at-time' TIME string: a relative duration or a clock time today."
  (let ((secs (timer-duration string)))
    (if secs
        (timer-relative-time nil secs)
      (if (string-match "\\`\\([0-9]+\\):\\([0-9]+\\)\\([ap]m\\)?\\'" string)
          (let* ((hour (string-to-number (match-string 1 string)))
                 (minute (string-to-number (match-string 2 string)))
                 (pm (match-string 3 string))
                 (hour (cond ((equal pm "pm") (if (= hour 12) 12 (+ hour 12)))
                             ((equal pm "am") (if (= hour 12) 0 hour))
                             (t hour)))
                 (now (decode-time)))
            (let ((target (encode-time (list 0 minute hour (nth 3 now) (nth 4 now) (nth 5 now)
                                             nil nil (nth 8 now)))))
              (if (time-less-p target nil) (time-add target (* 24 3600)) target)))
        (error "Invalid time format")))))

(defvar timer-duration-words
  '(("microsec" . 1e-6) ("microsecond" . 1e-6) ("millisec" . 0.001) ("millisecond" . 0.001)
    ("sec" . 1) ("second" . 1) ("min" . 60) ("minute" . 60) ("hour" . 3600) ("day" . 86400)
    ("week" . 604800) ("fortnight" . 1209600) ("month" . 2592000) ("year" . 31536000))
  "Alist mapping temporal words to durations in seconds.")

(defun timer-duration (string)
  "Return number of seconds specified by STRING, or nil if parsing fails."
  (let ((secs 0) (start 0) (ok t))
    (while (and ok (< start (length string))
                (string-match "[ \t]*\\([0-9.]+\\)?[ \t]*\\([a-z]+[a-rt-z]\\)s?[ \t]*" string start))
      (if (/= (match-beginning 0) start)
          (setq ok nil)
        (let ((count (if (match-beginning 1) (string-to-number (match-string 1 string)) 1))
              (unit (cdr (assoc (match-string 2 string) timer-duration-words))))
          (if unit (setq secs (+ secs (* count unit)) start (match-end 0)) (setq ok nil)))))
    (and ok (= start (length string)) (> start 0) secs)))

(defun run-with-timer (secs repeat function &rest args)
  "Perform an action after a delay of SECS seconds (repeating every REPEAT if non-nil)."
  (apply #'run-at-time secs repeat function args))

(defun add-timeout (secs function object &optional repeat)
  "Add a timer to run SECS seconds from now, to call FUNCTION on OBJECT."
  (run-with-timer secs repeat function object))

(defun run-with-idle-timer (secs repeat function &rest args)
  "Perform an action the next time Emacs is idle for SECS seconds.
If REPEAT is non-nil, do the action each time Emacs has been idle for
exactly SECS seconds (that is, only once for each time Emacs becomes idle)."
  (let ((timer (timer--create)))
    (timer-set-function timer function args)
    (timer-set-idle-time timer secs repeat)
    (timer-activate-when-idle timer t)
    timer))

(defmacro with-timeout (list &rest body)
  "Run BODY, but if it doesn't finish in SECONDS seconds, give up.
LIST is (SECONDS TIMEOUT-FORMS...); the forms run on a timeout."
  (declare (indent 1) (debug ((form body) body)))
  (let ((seconds (car list))
        (timeout-forms (cdr list))
        (timeout (make-symbol "timeout")))
    `(let ((elisp4j--timeout-result
            (catch ',timeout
              (let* ((elisp4j--timeout-timer
                      (run-with-timer ,seconds nil
                                      (lambda () (throw ',timeout ',timeout))))
                     (with-timeout-timers
                      (cons elisp4j--timeout-timer with-timeout-timers)))
                (unwind-protect
                    (progn ,@body)
                  (cancel-timer elisp4j--timeout-timer))))))
       (if (eq elisp4j--timeout-result ',timeout)
           (progn ,@timeout-forms)
         elisp4j--timeout-result))))

(defvar with-timeout-timers nil "List of all timers used by currently pending `with-timeout' calls.")

(defun with-timeout-suspend ()
  "Pause the pending `with-timeout' timers.
The value, for `with-timeout-unsuspend', pairs each timer with the
time it had left."
  (let ((paused nil))
    (dolist (timer with-timeout-timers (nreverse paused))
      (cancel-timer timer)
      (push (list timer (time-subtract (timer--time timer) nil)) paused))))

(defun with-timeout-unsuspend (timer-spec-list)
  "Restart the clock for `with-timeout'."
  (dolist (elt timer-spec-list)
    (let ((timer (car elt)) (delay (cadr elt)))
      (timer-set-time timer (time-add nil delay))
      (timer-activate timer))))

(provide 'timer)

;;; timer.el ends here
