;;; ert-x.el --- Staging area for experimental extensions to ERT  -*- lexical-binding: t -*-

;; Part of elisp4j.  The helpers of GNU Emacs's ert-x.el, written for
;; elisp4j: test buffers, simulated commands, string filters, message
;; capture, resource files, and Emacs 29's temporary files and
;; directories (`ert-with-temp-file', `ert-with-temp-directory').

;;; Code:

(require 'ert)
(require 'subr-x)


;;; Test buffers.

(defun ert--format-test-buffer-name (base-name)
  "Compute a test buffer name based on BASE-NAME."
  (format "*Test buffer (%s)%s*"
          (or (and (ert-running-test)
                   (ert-test-name (ert-running-test)))
              "<anonymous test>")
          (if base-name (format ": %s" base-name) "")))

(defvar ert--test-buffers (make-hash-table :weakness t)
  "Table of all test buffers.  Keys are the buffer objects, values are t.
Not all buffers in this table are necessarily live, but all live
test buffers are in this table.")

(defun ert--test-buffer-button-action (button)
  "Pop to the test buffer that BUTTON is associated with."
  (pop-to-buffer (get-text-property 0 'ert--test-buffer button)))

;; The button type of test buffer names, as `define-button-type' makes it:
;; its properties sit on the category symbol TYPE-button.
(put 'ert--test-buffer-button-button 'type 'ert--test-buffer-button)
(put 'ert--test-buffer-button-button 'action #'ert--test-buffer-button-action)
(put 'ert--test-buffer-button-button 'help-echo "mouse-2, RET: Pop to test buffer")

(defun ert--test-buffer-button (buffer)
  "BUFFER's name as a text button of type `ert--test-buffer-button'.
The properties are those `make-text-button' gives a string."
  (let ((name (copy-sequence (buffer-name buffer))))
    (set-text-properties 0 (length name)
                         (list 'ert--test-buffer buffer
                               'category 'ert--test-buffer-button-button
                               'button '(t))
                         name)
    name))

(defun ert--call-with-test-buffer (ert--base-name ert--thunk)
  "Create a test buffer named after ERT--BASE-NAME; call ERT--THUNK in it.
The buffer is killed only if ERT--THUNK returns normally."
  (let* ((buffer (generate-new-buffer (ert--format-test-buffer-name ert--base-name)))
         (button (ert--test-buffer-button buffer)))
    (puthash buffer t ert--test-buffers)
    (prog1 (with-current-buffer buffer
             (ert-info (button :prefix "Buffer: ")
               (funcall ert--thunk)))
      (kill-buffer buffer)
      (remhash buffer ert--test-buffers))))

(defmacro ert-with-test-buffer (options &rest body)
  "Create a test buffer and run BODY in that buffer.

To be used in ERT tests.  If BODY finishes successfully, the test
buffer is killed; if there is an error, the test buffer is kept
around for further inspection.  Its name is derived from
the name of the test and the result of NAME-FORM.

\(fn (&key ((:name NAME-FORM))) &body BODY)"
  (declare (debug ((":name" form) def-body)) (indent 1))
  `(ert--call-with-test-buffer ,(plist-get options :name) (lambda () ,@body)))

(defun ert-kill-all-test-buffers ()
  "Kill every test buffer still alive, and forget them all.
Report how many of the known test buffers are gone now."
  (interactive)
  (let ((gone 0) (known (hash-table-count ert--test-buffers)))
    (maphash (lambda (buffer _)
               (if (or (not (buffer-live-p buffer)) (kill-buffer buffer))
                   (setq gone (1+ gone))))
             ert--test-buffers)
    (message "%s out of %s test buffers killed" gone known))
  (clrhash ert--test-buffers)
  nil)


;;; Simulating commands.

(defun ert-simulate-command (command)
  "Call COMMAND, a list (FUNCTION ARG...), the way the command loop would.
FUNCTION is applied to the ARGs directly, not through
`call-interactively', but the pre- and post-command hooks run
around it and `this-command', `last-command' and their relatives
are set as for a command typed by the user.  Return FUNCTION's value."
  (cl-assert (listp command) t)
  (cl-assert (commandp (car command)) t)
  (cl-assert (not unread-command-events) t)
  (let ((function (car command)))
    ;; The steps and their order are those of Emacs's command_loop_1.
    (setq deactivate-mark nil
          this-original-command function
          this-command (or (and (fboundp 'command-remapping)
                                (funcall 'command-remapping function))
                           function))
    (run-hooks 'pre-command-hook)
    (prog1 (apply function (cdr command))
      (run-hooks 'post-command-hook)
      (if (and (boundp 'deferred-action-list) deferred-action-list)
          (run-hooks 'deferred-action-function))
      (setq real-last-command function
            last-command this-command)
      (if (boundp 'last-repeatable-command)
          (setq last-repeatable-command function))
      (and deactivate-mark transient-mark-mode (fboundp 'deactivate-mark)
           (deactivate-mark))
      (cl-assert (not unread-command-events) t))))

(defmacro ert-simulate-keys (keys &rest body)
  "Run BODY with the events KEYS waiting to be read as input."
  (declare (debug t) (indent 1))
  ;; Three C-g's after KEYS end a reader that wants more input, and
  ;; `executing-kbd-macro' keeps the minibuffer from reading stdin.
  `(let ((unread-command-events (append ,keys (make-list 3 ?\C-g)))
         (executing-kbd-macro t))
     ,@body))

(defun ert-run-idle-timers ()
  "Fire every timer on `timer-idle-list' now."
  (mapc #'timer-event-handler (copy-sequence timer-idle-list)))


;;; Strings.

(defun ert-filter-string (s &rest regexps)
  "S with every match of each of REGEXPS deleted, in turn.
An element of REGEXPS can also be (REGEXP GROUP) to delete only
that subexpression of each match.  S itself is unchanged."
  (with-temp-buffer
    (insert s)
    (dolist (spec regexps)
      (let ((regexp spec) (group nil))
        (when (listp spec)
          (setq regexp (car spec) group (cadr spec)))
        (goto-char (point-min))
        (while (re-search-forward regexp nil t)
          (replace-match "" t t nil group))))
    (buffer-string)))

(defun ert-propertized-string (&rest args)
  "Join the strings among ARGS, each with the plist preceding it as properties.
ARGS mixes strings and property lists; a string before any plist
gets no properties."
  (let ((props nil) (pieces nil))
    (dolist (arg args)
      (cl-etypecase arg
        (string
         (let ((piece (copy-sequence arg)))
           (set-text-properties 0 (length piece) props piece)
           (push piece pieces)))
        (list
         (if (cl-oddp (length arg))
             (error "Odd number of args in plist: %S" arg)
           (setq props arg)))))
    (apply #'concat (nreverse pieces))))


;;; Buffers with fixed names.

(defun ert-call-with-buffer-renamed (buffer-name thunk)
  "Call THUNK with a new, empty buffer named BUFFER-NAME standing in.
The buffer that had the name (made if there was none) is renamed out
of the way first and gets the name back afterwards, when the
stand-in is killed."
  (let ((aside (generate-new-buffer-name (format "%s orig buffer" buffer-name))))
    (with-current-buffer (get-buffer-create buffer-name)
      (rename-buffer aside))
    (unwind-protect
        (progn (get-buffer-create buffer-name)
               (funcall thunk))
      (let ((stand-in (get-buffer buffer-name)))
        (if stand-in (kill-buffer stand-in)))
      (with-current-buffer aside
        (rename-buffer buffer-name)))))

(defmacro ert-with-buffer-renamed (buffer-name-form &rest body)
  "Run BODY with a new buffer standing in for the one BUFFER-NAME-FORM names.
See `ert-call-with-buffer-renamed'.

\(fn (BUFFER-NAME-FORM) &body BODY)"
  (declare (indent 1))
  (let ((name-form (car buffer-name-form)))
    `(ert-call-with-buffer-renamed ,name-form (lambda () ,@body))))

(defun ert-buffer-string-reindented (&optional buffer)
  "The text of BUFFER (default: the current one) as `indent-region' would make it.
The indenting happens in a clone, so BUFFER is left alone."
  (with-current-buffer (or buffer (current-buffer))
    (let ((copy (let ((buffer-file-name nil)) (clone-buffer))))
      (unwind-protect
          (with-current-buffer copy
            (let ((inhibit-read-only t))
              (indent-region (point-min) (point-max)))
            (buffer-string))
        (let ((kill-buffer-query-functions nil))
          (kill-buffer copy))))))


;;; Capturing messages.

(defun ert--make-message-advice (collector)
  "An around advice for `message' that passes each message to COLLECTOR first."
  (lambda (real-message &rest args)
    ;; A nil or empty format only clears the echo area: nothing to collect.
    (let ((text (and args (car args) (not (equal (car args) ""))
                     (apply #'format-message args))))
      (if (null text)
          (apply real-message args)
        (funcall collector (concat text "\n"))
        (funcall real-message "%s" text)))))

(defun ert--make-print-advice (collector)
  "An around advice for the print functions that passes echo-area output to COLLECTOR.
Output is for the echo area when PRINTCHARFUN is t, or nil while
`standard-output' is t."
  (lambda (func object &optional printcharfun)
    (if (not (eq t (or printcharfun standard-output)))
        (funcall func object printcharfun)
      (funcall collector (with-output-to-string (funcall func object)))
      (funcall func object printcharfun))))

(defun ert--call-with-advised-functions (advices thunk)
  "Call THUNK with each (FUNCTION . AROUND-ADVICE) of ADVICES in effect."
  (if (fboundp 'advice-add)
      (progn
        (dolist (a advices) (funcall 'advice-add (car a) :around (cdr a)))
        (unwind-protect
            (funcall thunk)
          (dolist (a (reverse advices)) (funcall 'advice-remove (car a) (cdr a)))))
    ;; EMACS-COMPAT: without nadvice, wrap the function cells directly
    ;; and restore them afterwards.
    (let ((saved (mapcar (lambda (a) (cons (car a) (symbol-function (car a)))) advices)))
      (dolist (a advices)
        (let ((original (symbol-function (car a)))
              (advice (cdr a)))
          (fset (car a) (lambda (&rest args) (apply advice original args)))))
      (unwind-protect
          (funcall thunk)
        (dolist (s saved) (fset (car s) (cdr s)))))))

(defmacro ert-with-message-capture (var &rest body)
  "Run BODY, gathering into the string VAR what it shows in the echo area.
That is each `message' (followed by a newline) and whatever `print',
`prin1' and `princ' send to the echo area, in order."
  (declare (debug (symbolp body)) (indent 1))
  (let ((collector (make-symbol "collector"))
        (print-advice (make-symbol "print-advice")))
    `(let* ((,var "")
            (,collector (lambda (msg) (setq ,var (concat ,var msg))))
            (,print-advice (ert--make-print-advice ,collector)))
       (ert--call-with-advised-functions
        (list (cons 'message (ert--make-message-advice ,collector))
              (cons 'prin1 ,print-advice)
              (cons 'princ ,print-advice)
              (cons 'print ,print-advice))
        (lambda () ,@body)))))


;;; Resources.

(defvar ert-resource-directory-format "%s-resources/"
  "Name of a test file's resource directory; %s is the trimmed file name.")
(defvar ert-resource-directory-trim-left-regexp ""
  "What `ert-resource-directory' trims off the front of the test file name.")
(defvar ert-resource-directory-trim-right-regexp "\\(-tests?\\)?\\.el"
  "What `ert-resource-directory' trims off the end of the test file name.")

(defun ert--resource-directory-of (test-file)
  "The resource directory of the test file TEST-FILE, as a true name.
That is \"resources/\" next to TEST-FILE when it exists, else the
directory `ert-resource-directory-format' names after TEST-FILE."
  (let* ((default-directory (file-name-directory test-file))
         (directory (if (file-accessible-directory-p "resources/")
                        "resources/"
                      (format ert-resource-directory-format
                              (string-trim test-file
                                           ert-resource-directory-trim-left-regexp
                                           ert-resource-directory-trim-right-regexp)))))
    (file-truename (expand-file-name directory))))

(defmacro ert-resource-directory ()
  "The absolute name of the resource (test data) directory of this test file.
It is the \"resources\" directory beside the file if there is one,
else one named after the file (\"foo-resources\" for \"foo-tests.el\");
see `ert-resource-directory-format' and the trim regexps."
  `(ert--resource-directory-of ,(or (macroexp-file-name) buffer-file-name)))

(defmacro ert-resource-file (file)
  "The absolute name of FILE in this test file's `ert-resource-directory'."
  `(expand-file-name ,file (ert-resource-directory)))


;;; Temporary files (Emacs 29).

(defvar ert-temp-file-prefix "emacs-test-"
  "Prefix used by `ert-with-temp-file' and `ert-with-temp-directory'.")

(defvar ert-temp-file-suffix nil
  "Suffix used by `ert-with-temp-file' and `ert-with-temp-directory'.")

(defun ert--with-temp-file-generate-suffix (filename)
  "The temporary file suffix for a test in FILENAME: \"-\" and its base name.
A trailing \"-test\", \"-tests\", \"test\" or \"tests\" is dropped."
  (let ((base (file-name-base filename)))
    (concat "-" (if (string-match "\\`\\(.+?\\)-?tests?\\'" base)
                    (match-string 1 base)
                  base))))

(defmacro ert-with-temp-file (name &rest body)
  "Bind NAME to the name of a new temporary file and evaluate BODY.
Delete the temporary file after BODY exits normally or non-locally.

Keyword arguments before BODY:
:prefix STRING  the file name's prefix (default `ert-temp-file-prefix').
:suffix STRING  its suffix (default `ert-temp-file-suffix' or, if that
                is nil, one made from the name of the file the macro
                is used in).
:text STRING    the file's initial contents.
:buffer SYMBOL  visit the file and bind SYMBOL to its buffer, which is
                killed when BODY exits.
:coding CODING  bind `coding-system-for-write' to CODING around BODY."
  (declare (indent 1) (debug (symbolp body)))
  (unless (symbolp name)
    (signal 'wrong-type-argument (list 'symbol name)))
  (let (prefix suffix directory text buffer coding extra)
    (while (keywordp (car body))
      (let ((key (car body)) (value (cadr body)))
        (setq body (cddr body))
        (cond ((eq key :prefix) (setq prefix value))
              ((eq key :suffix) (setq suffix value))
              ;; For `ert-with-temp-directory' only.
              ((eq key :directory) (setq directory value))
              ((eq key :text) (setq text value))
              ((eq key :buffer) (setq buffer value))
              ((eq key :coding) (setq coding value))
              (t (push key extra)))))
    (when extra
      (error "Invalid keywords: %s" (mapconcat #'symbol-name extra " ")))
    (let ((temp-file (make-symbol "temp-file"))
          (prefix (or prefix ert-temp-file-prefix))
          (suffix (or suffix ert-temp-file-suffix
                      (ert--with-temp-file-generate-suffix
                       (or (macroexp-file-name) buffer-file-name "")))))
      `(let* ((coding-system-for-write ,(or coding 'coding-system-for-write))
              (,temp-file (make-temp-file ,prefix ,directory ,suffix ,text))
              (,name ,(if directory `(file-name-as-directory ,temp-file) temp-file))
              ,@(and buffer `((,buffer (find-file-noselect ,temp-file)))))
         (unwind-protect
             (progn ,@body)
           (ert--remove-temp-file ,temp-file ,(and directory t) ,buffer))))))

(defun ert--remove-temp-file (file directoryp buffer)
  "Undo what `ert-with-temp-file' made: BUFFER, if any, and FILE.
BUFFER is killed without saving; FILE is deleted, recursively when
DIRECTORYP.  Errors on the way are ignored."
  (when buffer
    (ignore-errors
      (with-current-buffer buffer (set-buffer-modified-p nil))
      (kill-buffer buffer)))
  (ignore-errors
    (if directoryp (delete-directory file t) (delete-file file))))

(defmacro ert-with-temp-directory (name &rest body)
  "Bind NAME to the name of a new temporary directory and evaluate BODY.
Delete the directory and its contents after BODY exits normally or
non-locally.  NAME ends in a slash.  The keyword arguments are those
of `ert-with-temp-file' except :text."
  (declare (indent 1) (debug (symbolp body)))
  (let ((tail body))
    (while (keywordp (car tail))
      (when (eq (car tail) :text)
        (error "Invalid keyword for directory: :text"))
      (setq tail (cddr tail))))
  `(ert-with-temp-file ,name :directory t ,@body))

(provide 'ert-x)

;;; ert-x.el ends here
