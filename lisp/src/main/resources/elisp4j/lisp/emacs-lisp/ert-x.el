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
  "Kill all test buffers that are still live."
  (interactive)
  (let ((count 0))
    (maphash (lambda (buffer _dummy)
               (when (or (not (buffer-live-p buffer))
                         (kill-buffer buffer))
                 (setq count (1+ count))))
             ert--test-buffers)
    (message "%s out of %s test buffers killed"
             count (hash-table-count ert--test-buffers)))
  (clrhash ert--test-buffers)
  nil)


;;; Simulating commands.

(defun ert-simulate-command (command)
  "Simulate calling COMMAND the way the Emacs command loop would call it.

This effectively executes (apply (car COMMAND) (cdr COMMAND)) and
returns the same value, but additionally runs hooks like
`pre-command-hook' and `post-command-hook', and sets variables
like `this-command' and `last-command'.  The command is not called
through `call-interactively'."
  (cl-assert (listp command) t)
  (cl-assert (commandp (car command)) t)
  (cl-assert (not unread-command-events) t)
  ;; The order follows Emacs's command loop (command_loop_1).
  (setq deactivate-mark nil
        this-original-command (car command)
        this-command (or (and (fboundp 'command-remapping)
                              (funcall 'command-remapping this-original-command))
                         this-original-command))
  (run-hooks 'pre-command-hook)
  (let ((value (apply (car command) (cdr command))))
    (run-hooks 'post-command-hook)
    (when (and (boundp 'deferred-action-list) deferred-action-list)
      (run-hooks 'deferred-action-function))
    (setq real-last-command (car command)
          last-command this-command)
    (when (boundp 'last-repeatable-command)
      (setq last-repeatable-command real-last-command))
    (when (and deactivate-mark transient-mark-mode (fboundp 'deactivate-mark))
      (deactivate-mark))
    (cl-assert (not unread-command-events) t)
    value))

(defmacro ert-simulate-keys (keys &rest body)
  "Execute BODY with KEYS as pseudo-interactive input."
  (declare (debug t) (indent 1))
  `(let ((unread-command-events
          ;; Trailing C-g's end a reader that asks for more.
          (append ,keys '(?\C-g ?\C-g ?\C-g)))
         ;; Tell `read-from-minibuffer' not to read from stdin.
         (executing-kbd-macro t))
     ,@body))

(defun ert-run-idle-timers ()
  "Run all idle timers (from `timer-idle-list')."
  (dolist (timer (copy-sequence timer-idle-list))
    (timer-event-handler timer)))


;;; Strings.

(defun ert-filter-string (s &rest regexps)
  "Return a copy of S with all matches of REGEXPS removed.

Elements of REGEXPS may also be two-element lists (REGEXP SUBEXP),
where SUBEXP is the number of a subexpression in REGEXP.  In that
case, only that subexpression will be removed rather than the
entire match."
  (with-temp-buffer
    (insert s)
    (dolist (x regexps)
      (let ((regexp (if (listp x) (car x) x))
            (subexp (if (listp x) (cadr x) nil)))
        (goto-char (point-min))
        (while (re-search-forward regexp nil t)
          (replace-match "" t t nil subexp))))
    (buffer-string)))

(defun ert-propertized-string (&rest args)
  "Return a string with properties as specified by ARGS.

ARGS is a list of strings and plists.  The strings in ARGS are
concatenated to produce an output string.  In the output string,
each string from ARGS has the preceding plist as its property
list, or no properties if there is no plist before it."
  (with-temp-buffer
    (let ((plist nil))
      (dolist (x args)
        (cond ((stringp x)
               (let ((begin (point)))
                 (insert x)
                 (set-text-properties begin (point) plist)))
              ((listp x)
               (unless (zerop (mod (length x) 2))
                 (error "Odd number of args in plist: %S" x))
               (setq plist x))
              (t (error "ert-propertized-string: %S is neither a string nor a list" x)))))
    (buffer-string)))


;;; Buffers with fixed names.

(defun ert-call-with-buffer-renamed (buffer-name thunk)
  "Protect the buffer named BUFFER-NAME from side-effects and run THUNK.

Renames the buffer BUFFER-NAME to a new temporary name, creates a
new buffer named BUFFER-NAME, executes THUNK, kills the new
buffer, and renames the original buffer back to BUFFER-NAME."
  (let ((new-buffer-name (generate-new-buffer-name
                          (format "%s orig buffer" buffer-name))))
    (with-current-buffer (get-buffer-create buffer-name)
      (rename-buffer new-buffer-name))
    (unwind-protect
        (progn
          (get-buffer-create buffer-name)
          (funcall thunk))
      (when (get-buffer buffer-name)
        (kill-buffer buffer-name))
      (with-current-buffer new-buffer-name
        (rename-buffer buffer-name)))))

(defmacro ert-with-buffer-renamed (buffer-name-form &rest body)
  "Protect the buffer named BUFFER-NAME from side-effects and run BODY.
See `ert-call-with-buffer-renamed' for details.

\(fn (BUFFER-NAME-FORM) &body BODY)"
  (declare (indent 1))
  `(ert-call-with-buffer-renamed ,(car buffer-name-form) (lambda () ,@body)))

(defun ert-buffer-string-reindented (&optional buffer)
  "Return the contents of BUFFER after reindentation.
BUFFER defaults to current buffer.  Does not modify BUFFER."
  (with-current-buffer (or buffer (current-buffer))
    (let ((clone nil))
      (unwind-protect
          (progn
            (let ((buffer-file-name nil))
              (setq clone (clone-buffer)))
            (with-current-buffer clone
              (let ((inhibit-read-only t))
                (indent-region (point-min) (point-max)))
              (buffer-string)))
        (when clone
          (let ((kill-buffer-query-functions nil))
            (kill-buffer clone)))))))


;;; Capturing messages.

(defun ert--make-message-advice (collector)
  "An around advice for `message' that passes each message to COLLECTOR first."
  (lambda (func &rest args)
    (if (or (null args) (member (car args) '("" nil)))
        (apply func args)
      (let ((msg (apply #'format-message args)))
        (funcall collector (concat msg "\n"))
        (funcall func "%s" msg)))))

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
  "Execute BODY while collecting messages in VAR.

Capture messages issued by Lisp code and concatenate them
separated by newlines into one string.  This includes messages
written by `message' as well as objects printed by `print',
`prin1' and `princ' to the echo area."
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
  "Format for `ert-resource-directory'.")
(defvar ert-resource-directory-trim-left-regexp ""
  "Regexp for `string-trim' (left) used by `ert-resource-directory'.")
(defvar ert-resource-directory-trim-right-regexp "\\(-tests?\\)?\\.el"
  "Regexp for `string-trim' (right) used by `ert-resource-directory'.")

(defmacro ert-resource-directory ()
  "Return absolute file name of the resource (test data) directory.

The resource directory is the \"resources\" directory beside the
test file this is called from, if there is one; otherwise the
directory named after the test file: \"foo-resources\" for
\"foo-tests.el\".  `ert-resource-directory-format' and the trim
regexps `ert-resource-directory-trim-left-regexp' and
`ert-resource-directory-trim-right-regexp' define that name."
  `(let* ((testfile ,(or (macroexp-file-name) buffer-file-name))
          (default-directory (file-name-directory testfile)))
     (file-truename
      (if (file-accessible-directory-p "resources/")
          (expand-file-name "resources/")
        (expand-file-name
         (format ert-resource-directory-format
                 (string-trim testfile
                              ert-resource-directory-trim-left-regexp
                              ert-resource-directory-trim-right-regexp)))))))

(defmacro ert-resource-file (file)
  "Return absolute file name of resource (test data) file named FILE.
A resource file is any file in the directory `ert-resource-directory'
returns."
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
           ,@(and buffer
                  `((ignore-errors
                      (with-current-buffer ,buffer (set-buffer-modified-p nil))
                      (kill-buffer ,buffer))))
           (ignore-errors
             ,(if directory
                  `(delete-directory ,temp-file t)
                `(delete-file ,temp-file))))))))

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
