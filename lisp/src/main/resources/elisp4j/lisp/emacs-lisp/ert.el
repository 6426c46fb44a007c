;;; ert.el --- Emacs Lisp Regression Testing  -*- lexical-binding: t -*-

;; Part of elisp4j.  An implementation of ERT written for elisp4j: the
;; same entry points, data structures, failure data and batch output as
;; GNU Emacs 28's ERT, so that Emacs's own test files run unchanged.

;;; Commentary:

;; Tests are defined with `ert-deftest' and stored on the `ert--test'
;; property of their name.  Inside a test, `should', `should-not',
;; `should-error' and `skip-unless' check conditions; a failed check
;; signals `ert-test-failed' with a description of the form, its
;; arguments and value, as Emacs builds it.  `ert-run-tests' runs the
;; tests a selector picks and reports to a listener function;
;; `ert-run-tests-batch' is the listener that prints Emacs's batch
;; report.
;;
;; Differences from GNU ERT, all forced by the runtime:
;; - Failures are caught with `condition-case' around the test body,
;;   not through `debugger' and `debug-on-error' (elisp4j has no
;;   debugger hook), so errors that `condition-case-unless-debug' or
;;   `with-demoted-errors' catch inside a test do not fail it.
;; - elisp4j keeps no backtrace frames: the result's backtrace is nil
;;   and the batch report prints the "Test NAME backtrace:" header
;;   without frame lines.
;; - The condition in the batch report is laid out by ERT's own
;;   reimplementation of what `pp' and `indent-sexp' do in a
;;   fundamental-mode buffer (see "Pretty-printing conditions").
;; - The interactive results buffer (`ert', `ert-run-tests-interactively')
;;   is not provided: it needs a display.

;;; Code:

(require 'cl-lib)
(require 'macroexp)

(defgroup ert nil
  "Options of ERT, the test framework for Emacs Lisp code."
  :group 'lisp :prefix "ert-")

(defcustom ert-batch-backtrace-right-margin 70
  "Maximum length of lines in ERT backtraces in batch mode.
Use nil for no limit."
  :type '(choice (const :tag "No truncation" nil) integer))

(defvar ert-quiet nil
  "Non-nil makes ERT only print important information in batch mode.")

(defvar ert-debug-on-error nil
  "Non-nil means enter debugger when a test fails or terminates with an error.
elisp4j has no debugger to enter; the variable is kept for code that binds it.")


;;; Record types.

;; The slot lists below fix the accessor names and the printed form of
;; these records, which must be Emacs's; slots defaulting to
;; `(cl-assert nil)' must be given to the constructor.

(cl-defstruct ert-test
  "A test: its name, documentation string, body function, last result,
the result type it is expected to have, and its tags."
  name documentation (body (cl-assert nil))
  ;; The initforms are written as in Emacs: `cl-struct-slot-info' shows them.
  most-recent-result (expected-result-type ':passed) (tags '()))

(cl-defstruct ert-test-result
  "What running a test produced: messages, `should' forms, seconds taken."
  messages should-forms (duration 0))
(cl-defstruct (ert-test-passed
               (:include ert-test-result)))
(cl-defstruct (ert-test-result-with-condition
               (:include ert-test-result))
  "A result carrying the condition that ended the test."
  (condition (cl-assert nil)) (backtrace (cl-assert nil)) (infos (cl-assert nil)))
(cl-defstruct (ert-test-quit
               (:include ert-test-result-with-condition)))
(cl-defstruct (ert-test-failed
               (:include ert-test-result-with-condition)))
(cl-defstruct (ert-test-skipped
               (:include ert-test-result-with-condition)))
(cl-defstruct (ert-test-aborted-with-non-local-exit
               (:include ert-test-result)))

(cl-defstruct ert--stats
  "One run of a set of tests.
The tests, their results and their start and end times are vectors
in run order; TEST-MAP maps each test's name (the test itself when
it has none) to its index."
  (selector (cl-assert nil))
  (tests (cl-assert nil) :type vector) (test-map (cl-assert nil) :type hash-table)
  (test-results (cl-assert nil) :type vector)
  (test-start-times (cl-assert nil) :type vector) (test-end-times (cl-assert nil) :type vector)
  (passed-expected 0) (passed-unexpected 0)
  (failed-expected 0) (failed-unexpected 0) (skipped 0)
  start-time end-time aborted-p current-test (next-redisplay 0.0))


;;; Defining and locating tests.

(defun ert-test-boundp (symbol)
  "Non-nil when SYMBOL names a test."
  (not (null (get symbol 'ert--test))))

(defun ert-get-test (symbol)
  "The test that SYMBOL names; an error when it names none."
  (let ((test (get symbol 'ert--test)))
    (if test test (error "No test named `%S'" symbol))))

(defun ert-set-test (symbol definition)
  "Make SYMBOL name the test DEFINITION, and return DEFINITION."
  ;; nil is reserved as "no test" for the functions that look tests up.
  (when (null symbol)
    (error "Attempt to define a test named nil"))
  (define-symbol-prop symbol 'ert--test definition)
  definition)

(defun ert-make-test-unbound (symbol)
  "Make SYMBOL name no test.  Return SYMBOL."
  (let ((plist (symbol-plist symbol))
        (kept nil))
    (while plist
      (unless (eq (car plist) 'ert--test)
        (setq kept (cons (cadr plist) (cons (car plist) kept))))
      (setq plist (cddr plist)))
    (setplist symbol (nreverse kept)))
  symbol)

(defun ert-delete-test (test-name)
  "Make the test TEST-NAME unbound."
  (ert-make-test-unbound test-name))

(defun ert--all-test-names ()
  "The symbols that name tests, sorted by name as `apropos-internal' sorts."
  (let ((names nil))
    (mapatoms (lambda (s) (when (ert-test-boundp s) (push s names))))
    (sort names #'string-lessp)))

(defun ert-delete-all-tests ()
  "Make all symbols in `obarray' name no test."
  (mapc #'ert-make-test-unbound (ert--all-test-names))
  t)

(defun ert--parse-keys-and-body (keys-and-body)
  "Split KEYS-AND-BODY into a plist of leading keyword arguments and the body.
Return (PLIST BODY)."
  (let ((seen nil)
        (rest keys-and-body))
    (while (keywordp (car-safe rest))
      (let ((key (car rest)))
        (setq rest (cdr rest))
        (unless (consp rest)
          (error "Value expected after keyword %S in %S" key keys-and-body))
        (when (assoc key seen)
          (warn "Keyword %S appears more than once in %S" key keys-and-body))
        (push (cons key (car rest)) seen)
        (setq rest (cdr rest))))
    (let ((plist nil))
      (dolist (pair seen) (setq plist (cons (car pair) (cons (cdr pair) plist))))
      (list plist rest))))

(defun ert--test-macro-environment ()
  "The macros that exist only inside test bodies."
  (append `((skip-unless . ,(lambda (form) `(ert--skip-unless ,form)))
            (skip-when . ,(lambda (form) `(ert--skip-when ,form))))
          macroexpand-all-environment))

(defmacro ert-deftest (name _args &rest docstring-keys-and-body)
  "Define NAME (a symbol) as a test.

BODY is evaluated as a `progn' when the test is run.  It should
signal a condition on failure or just return if the test passes.
`should', `should-not', `should-error', `skip-unless' and `skip-when'
are useful in BODY.

:expected-result RESULT-TYPE marks a test expected to fail (see
`ert-test-result-type-p'); :tags TAGS gives the test a list of tags.
Macros in BODY are expanded when the test is defined.

\(fn NAME () [DOCSTRING] [:expected-result RESULT-TYPE] [:tags \\='(TAG...)] BODY...)"
  (declare (doc-string 3) (indent 2))
  (let ((documentation nil)
        (has-doc nil))
    (when (stringp (car docstring-keys-and-body))
      (setq documentation (car docstring-keys-and-body)
            has-doc t
            docstring-keys-and-body (cdr docstring-keys-and-body)))
    (let* ((parsed (ert--parse-keys-and-body docstring-keys-and-body))
           (keys (car parsed))
           (body (cadr parsed))
           (expected (plist-member keys :expected-result))
           (tags (plist-member keys :tags)))
      (dolist (key (let ((ks nil) (p keys)) (while p (push (car p) ks) (setq p (cddr p))) ks))
        (unless (memq key '(:expected-result :tags))
          (error "Keyword argument %S not one of (:expected-result :tags)" key)))
      `(progn
         (ert-set-test ',name
                       (make-ert-test
                        :name ',name
                        ,@(and has-doc `(:documentation ,documentation))
                        ,@(and expected `(:expected-result-type ,(cadr expected)))
                        ,@(and tags `(:tags ,(cadr tags)))
                        :body (lambda ()
                                ;; The body sees the `lexical-binding' of its file.
                                ,(macroexpand-all
                                  `(let ((lexical-binding ,lexical-binding)) ,@body)
                                  (ert--test-macro-environment)))))
         ',name))))

(define-error 'ert-test-skipped "Test skipped")
(define-error 'ert-test-failed "Test failed")

(defun ert-pass ()
  "End the running test here; it counts as passed."
  (throw 'ert--pass nil))

(defun ert-fail (data)
  "End the running test here as failed, with DATA (shown in reports) as reason."
  (signal 'ert-test-failed (list data)))

(defun ert-skip (data)
  "End the running test here as skipped, with DATA (shown in reports) as reason."
  (signal 'ert-test-skipped (list data)))


;;; The `should' macros.

(defvar ert--should-execution-observer nil
  "Function told about each `should' form's description, or nil.")

(defun ert--signal-should-execution (form-description)
  "Tell the current `should' form observer (if any) about FORM-DESCRIPTION."
  (when ert--should-execution-observer
    (funcall ert--should-execution-observer form-description)))

(defun ert--special-operator-p (thing)
  "Non-nil when THING is a symbol whose function is a special form."
  (and (symbolp thing) (special-form-p thing)))

(defun ert--expand-should (whole form check)
  "Expand a `should'-like macro call WHOLE whose tested form is FORM.
CHECK is called with three forms: one that evaluates FORM (setting
the value variable), one that evaluates to the description of FORM
(only valid after the first), and the value variable.  It returns the
code that checks the outcome.  The description is a plist after
WHOLE: :form (the called function and its evaluated arguments, or
the expanded FORM itself for special forms and atoms), :value when FORM
returned, and :explanation from the function's `ert-explainer'."
  (let ((form (condition-case err
                  (macroexpand-all form macroexpand-all-environment)
                (error `(signal ',(car err) ',(cdr err)))))
        (value (make-symbol "value"))
        (description (make-symbol "form-description")))
    (if (or (atom form) (ert--special-operator-p (car form)))
        `(let ((,value (make-symbol "ert-form-evaluation-aborted"))
               (,description nil))
           ,(funcall check
                     `(unwind-protect
                          (setq ,value ,form)
                        (setq ,description (list ',whole :form ',form :value ,value))
                        (ert--signal-should-execution ,description))
                     description
                     value)
           ,value)
      (let ((fn (make-symbol "fn"))
            (args (make-symbol "args"))
            (aborted (make-symbol "ert-form-evaluation-aborted"))
            (head (car form)))
        `(let* ((,fn (function ,head))
                (,args (condition-case err
                           (list ,@(cdr form))
                         ;; An error in the arguments is re-signalled by
                         ;; calling `signal' in place of the function.
                         (error (setq ,fn #'signal)
                                (list (car err) (cdr err)))))
                (,value ',aborted)
                (,description nil))
           ,(funcall check
                     `(unwind-protect
                          (setq ,value (apply ,fn ,args))
                        (setq ,description
                              (ert--describe-call ',whole ,fn ,args ,value ',aborted
                                                  ,(and (symbolp head) `',head)))
                        (ert--signal-should-execution ,description))
                     description
                     value)
           ,value)))))

(defun ert--describe-call (whole fn args value aborted head)
  "The description of a `should' form WHOLE that applied FN to ARGS.
VALUE is its value, or ABORTED if it exited non-locally; HEAD is the
function's name when it was called by name."
  (let ((explainer (and head (not (eq value aborted)) (get head 'ert-explainer))))
    (append (list whole :form (cons fn args))
            (and (not (eq value aborted)) (list :value value))
            (and explainer (list :explanation (apply explainer args))))))

(defmacro should (form)
  "Evaluate FORM.  If it returns nil, abort the current test as failed.
Returns the value of FORM."
  (declare (debug t))
  (ert--expand-should `(should ,form) form
                      (lambda (inner description _value)
                        `(unless ,inner (ert-fail ,description)))))

(defmacro should-not (form)
  "Evaluate FORM.  If it returns non-nil, abort the current test as failed.
Returns nil."
  (declare (debug t))
  (ert--expand-should `(should-not ,form) form
                      (lambda (inner description _value)
                        `(when ,inner (ert-fail ,description)))))

(defun ert--should-error-check (description condition type exclude-subtypes)
  "Fail the test unless CONDITION matches TYPE and EXCLUDE-SUBTYPES.
DESCRIPTION is the form's description so far."
  (let ((signaled (get (car condition) 'error-conditions))
        (handled (if (listp type) type (list type))))
    (unless (let ((found nil))
              (dolist (c signaled) (when (memq c handled) (setq found t)))
              found)
      (ert-fail (append description
                        (list :condition condition
                              :fail-reason "the error signaled did not have the expected type"))))
    (when (and exclude-subtypes (not (memq (car condition) handled)))
      (ert-fail (append description
                        (list :condition condition
                              :fail-reason "the error signaled was a subtype of the expected type"))))))

(defmacro should-error (form &rest keys)
  "Evaluate FORM and check that it signals an error.

The error signaled needs to match :type, a list of condition names
or a single one (default `error').  Without :exclude-subtypes the
error matches if one of its conditions is in the list; with it, its
own symbol must be.  If the error matches, return (ERROR-SYMBOL . DATA);
otherwise, or if no error was signaled, abort the test as failed.

\(fn FORM &key TYPE EXCLUDE-SUBTYPES)"
  (declare (debug t))
  (let ((type (or (plist-get keys :type) ''error))
        (exclude (plist-get keys :exclude-subtypes))
        (errorp (make-symbol "errorp")))
    (ert--expand-should
     `(should-error ,form ,@keys)
     form
     (lambda (inner description value)
       `(let ((,errorp nil))
          (condition-case condition
              ,inner
            (error
             (setq ,errorp t)
             (ert--should-error-check ,description condition ,type ,exclude)
             (setq ,value condition)))
          (unless ,errorp
            (ert-fail (append ,description
                              (list :fail-reason "did not signal an error")))))))))

(defmacro ert--skip-unless (form)
  "Evaluate FORM.  If it returns nil, skip the current test.
Errors during evaluation are caught and handled like nil."
  (declare (debug t))
  (ert--expand-should `(skip-unless ,form) form
                      (lambda (inner description _value)
                        `(unless (ignore-errors ,inner)
                           (ert-skip ,description)))))

(defmacro ert--skip-when (form)
  "Evaluate FORM.  If it returns non-nil, skip the current test.
Errors during evaluation are caught and handled like nil."
  (declare (debug t))
  (ert--expand-should `(skip-when ,form) form
                      (lambda (inner description _value)
                        `(when (ignore-errors ,inner)
                           (ert-skip ,description)))))


;;; Explanations of `should' failures.

(defun ert--explain-format-atom (x)
  "Format the atom X for `ert--explain-equal'."
  (cond ((characterp x) (list x (format "#x%x" x) (format "?%c" x)))
        ((integerp x) (list x (format "#x%x" x)))
        (t x)))

(defun ert--explain-equal-rec (a b)
  "Return a programmer-readable explanation of why A and B are not `equal'.
Returns nil if they are."
  (cond
   ((not (eq (type-of a) (type-of b)))
    `(different-types ,a ,b))
   ((consp a)
    (let ((la (proper-list-p a))
          (lb (proper-list-p b)))
      (cond
       ((not (eq (not la) (not lb)))
        `(one-list-proper-one-improper ,a ,b))
       ((and la (/= la lb))
        `(proper-lists-of-different-length ,la ,lb ,a ,b
                                           first-mismatch-at ,(cl-mismatch a b :test 'equal)))
       (la
        (let ((i 0) (result nil))
          (while (and a (not result))
            (let ((x (ert--explain-equal-rec (car a) (car b))))
              (when x (setq result `(list-elt ,i ,x))))
            (setq i (1+ i) a (cdr a) b (cdr b)))
          result))
       (t
        (let ((car-x (ert--explain-equal-rec (car a) (car b))))
          (if car-x
              `(car ,car-x)
            (let ((cdr-x (ert--explain-equal-rec (cdr a) (cdr b))))
              (and cdr-x `(cdr ,cdr-x)))))))))
   ((cl-struct-p a)
    (let ((slots (cl-struct-slot-info (type-of a)))
          (i 0) (result nil))
      (while (and slots (not result) (< i (length a)))
        (let ((x (ert--explain-equal-rec (aref a i) (aref b i))))
          (when x (setq result `(struct-field ,(car (car slots)) ,x))))
        (setq i (1+ i) slots (cdr slots)))
      result))
   ((or (arrayp a) (recordp a))
    ;; Compare a unibyte and a multibyte string as multibyte.
    (when (and (stringp a) (xor (multibyte-string-p a) (multibyte-string-p b)))
      (setq a (string-to-multibyte a)
            b (string-to-multibyte b)))
    (if (/= (length a) (length b))
        `(arrays-of-different-length ,(length a) ,(length b) ,a ,b
                                     ,@(unless (char-table-p a)
                                         `(first-mismatch-at ,(cl-mismatch a b :test 'equal))))
      (let ((i 0) (n (length a)) (result nil))
        (while (and (< i n) (not result))
          (let ((x (ert--explain-equal-rec (aref a i) (aref b i))))
            (when x (setq result `(array-elt ,i ,x))))
          (setq i (1+ i)))
        result)))
   ((equal a b) nil)
   ((and (symbolp a) (symbolp b) (string= a b))
    `(different-symbols-with-the-same-name ,a ,b))
   (t
    `(different-atoms ,(ert--explain-format-atom a)
                      ,(ert--explain-format-atom b)))))

(defun ert--explain-equal (a b)
  "Explainer function for `equal'."
  (if (equal a b) nil (ert--explain-equal-rec a b)))
(put 'equal 'ert-explainer 'ert--explain-equal)

(defun ert--explain-string-equal (a b)
  "Explainer function for `string-equal'."
  (if (string-equal a b)
      nil
    (ert--explain-equal-rec (if (symbolp a) (symbol-name a) a)
                            (if (symbolp b) (symbol-name b) b))))
(put 'string-equal 'ert-explainer 'ert--explain-string-equal)

(defun ert--significant-plist-keys (plist)
  "Return the keys of PLIST that have non-null values, in order."
  (let ((keys nil))
    (while plist
      (when (and (cadr plist) (not (memq (car plist) keys)))
        (push (car plist) keys))
      (setq plist (cddr plist)))
    (nreverse keys)))

(defun ert--plist-difference-explanation (a b)
  "Describe how the plists A and B differ, or return nil if they do not.
Key order is irrelevant and a missing key counts as having value nil."
  (let* ((keys-a (ert--significant-plist-keys a))
         (keys-b (ert--significant-plist-keys b))
         (only-a (cl-remove-if (lambda (k) (memq k keys-b)) keys-a))
         (only-b (cl-remove-if (lambda (k) (memq k keys-a)) keys-b))
         (explain (lambda (key)
                    `(different-properties-for-key
                      ,key ,(ert--explain-equal-including-properties
                             (plist-get a key) (plist-get b key))))))
    (cond (only-a (funcall explain (car only-a)))
          (only-b (funcall explain (car only-b)))
          (t (let ((result nil))
               (dolist (key keys-a)
                 (when (and (not result)
                            (not (equal (plist-get a key) (plist-get b key))))
                   (setq result (funcall explain key))))
               result)))))

(defun ert--abbreviate-string (s len suffixp)
  "Shorten string S to at most LEN chars.
If SUFFIXP is non-nil, returns a suffix of S, otherwise a prefix."
  (let ((n (length s)))
    (cond ((< n len) s)
          (suffixp (substring s (- n len)))
          (t (substring s 0 len)))))

(defun ert--explain-equal-including-properties (a b)
  "Explain why A and B fail `ert-equal-including-properties', or return nil."
  (if (not (equal a b))
      (ert--explain-equal a b)
    (let ((i 0) (n (length a)) (result nil))
      (while (and (<= i n) (not result))
        (let ((difference (ert--plist-difference-explanation
                           (text-properties-at i a) (text-properties-at i b))))
          (when difference
            (setq result
                  `(char ,i ,(substring-no-properties a i (1+ i))
                         ,difference
                         context-before
                         ,(ert--abbreviate-string (substring-no-properties a 0 i) 10 t)
                         context-after
                         ,(ert--abbreviate-string (substring-no-properties a (1+ i)) 10 nil)))))
        (setq i (1+ i)))
      result)))
(put 'ert-equal-including-properties 'ert-explainer
     'ert--explain-equal-including-properties)

(defun ert-equal-including-properties (a b)
  "Return t if A and B have similar structure and contents.
Like `equal-including-properties', except that text property values
are compared with `equal' rather than `eq'."
  (not (ert--explain-equal-including-properties a b)))


;;; `ert-info'.

(defvar ert--infos nil
  "The stack of `ert-info' infos that currently apply.
Bound dynamically.  This is a list of (PREFIX . MESSAGE) pairs.")

(defvar ert--error-infos nil
  "(CONDITION . INFOS): the infos in effect where CONDITION left an `ert-info'.")

(defun ert--call-with-info (prefix message thunk)
  "Call THUNK with (PREFIX . MESSAGE) pushed on `ert--infos'.
A condition leaving THUNK is passed on unchanged, after noting which
infos applied where it was signaled (the innermost `ert-info' notes it)."
  (let ((ert--infos (cons (cons prefix message) ert--infos)))
    (condition-case condition
        (funcall thunk)
      (t
       (unless (ert--same-condition-p condition (car ert--error-infos))
         (setq ert--error-infos (cons condition ert--infos)))
       (signal (car condition) (cdr condition))))))

(defun ert--same-condition-p (a b)
  "Non-nil if conditions A and B are the same signal passed on."
  (and (consp a) (consp b) (eq (car a) (car b)) (eq (cdr a) (cdr b))))

(defmacro ert-info (message-and-prefix &rest body)
  "Evaluate MESSAGE-FORM and BODY, and report the message if BODY fails.

To be used within ERT tests.  MESSAGE-FORM should evaluate to a
string that is shown with the test result if the test fails.
PREFIX-FORM (default \"Info: \") is shown in front of it.

\(fn (MESSAGE-FORM &key ((:prefix PREFIX-FORM) \"Info: \")) &body BODY)"
  (declare (debug ((form &rest [sexp form]) body)) (indent 1))
  (let ((message-form (car message-and-prefix))
        (prefix-form (let ((cell (plist-member (cdr message-and-prefix) :prefix)))
                       (if cell (cadr cell) "Info: "))))
    `(ert--call-with-info ,prefix-form ,message-form (lambda () ,@body))))


;;; Running a single test.

(defvar ert--running-tests nil
  "List of tests that are currently in execution, innermost first.")

(defun ert-running-test ()
  "Return the top-level test currently executing."
  (car (last ert--running-tests)))

(defun ert--messages-buffer ()
  "The buffer `message' logs to."
  (if (fboundp 'messages-buffer)
      (funcall 'messages-buffer)
    (get-buffer-create "*Messages*")))

(defun ert--force-message-log-buffer-truncation ()
  "Immediately truncate *Messages* buffer according to `message-log-max'."
  (with-current-buffer (ert--messages-buffer)
    (when (natnump message-log-max)
      (let ((inhibit-read-only t)
            (end (save-excursion
                   (goto-char (point-max))
                   (forward-line (- message-log-max))
                   (point))))
        (delete-region (point-min) end)))))

(defun ert--result-for-condition (condition)
  "The result record for a test that CONDITION ended."
  (let ((infos (if (ert--same-condition-p condition (car ert--error-infos))
                   (reverse (cdr ert--error-infos))
                 nil)))
    (cond ((eq (car condition) 'quit)
           (make-ert-test-quit :condition condition :backtrace nil :infos infos))
          ((eq (car condition) 'ert-test-skipped)
           (make-ert-test-skipped :condition condition :backtrace nil :infos infos))
          (t
           (make-ert-test-failed :condition condition :backtrace nil :infos infos)))))

(defun ert--run-test-internal (test)
  "Run TEST's body in a temporary buffer; return its result record.
A non-local exit other than a signal leaves this function without a result."
  (let ((result nil))
    (catch 'ert--pass
      (with-temp-buffer
        (let ((ert--infos nil)
              (ert--error-infos nil))
          (condition-case condition
              (funcall (ert-test-body test))
            (t (setq result (ert--result-for-condition condition)))))))
    (or result (make-ert-test-passed))))

(defun ert-run-test (ert-test)
  "Run ERT-TEST.
Returns the result and stores it in ERT-TEST's `most-recent-result' slot."
  (setf (ert-test-most-recent-result ert-test) nil)
  (let ((begin (with-current-buffer (ert--messages-buffer) (point-max-marker)))
        (result (make-ert-test-aborted-with-non-local-exit))
        (should-forms nil))
    (unwind-protect
        (let ((ert--should-execution-observer (lambda (d) (push d should-forms)))
              (message-log-max t)
              (ert--running-tests (cons ert-test ert--running-tests)))
          (setq result (ert--run-test-internal ert-test)))
      (setf (ert-test-result-messages result)
            (with-current-buffer (marker-buffer begin)
              (buffer-substring begin (point-max))))
      (ert--force-message-log-buffer-truncation)
      (setf (ert-test-result-should-forms result) (nreverse should-forms))
      (setf (ert-test-most-recent-result ert-test) result)
      (set-marker begin nil))
    (ert-test-most-recent-result ert-test)))


;;; Test selectors.

(defun ert-test-result-type-p (result result-type)
  "Non-nil when the test result RESULT is of type RESULT-TYPE.
A RESULT-TYPE is one of:
  t or nil                    every result, or none;
  :passed, :failed, :skipped  results of that kind;
  (and TYPE...), (or TYPE...), (not TYPE)
                              combinations of types;
  (satisfies FUNCTION)        results for which FUNCTION returns non-nil."
  (cond
   ((eq result-type nil) nil)
   ((eq result-type t) t)
   ((eq result-type :failed) (ert-test-failed-p result))
   ((eq result-type :passed) (ert-test-passed-p result))
   ((eq result-type :skipped) (ert-test-skipped-p result))
   ((consp result-type)
    (let ((operator (car result-type))
          (operands (cdr result-type)))
      (cond
       ((eq operator 'and)
        (let ((ok t))
          (while (and ok operands)
            (setq ok (ert-test-result-type-p result (car operands))
                  operands (cdr operands)))
          ok))
       ((eq operator 'or)
        (let ((ok nil))
          (while (and (not ok) operands)
            (setq ok (ert-test-result-type-p result (car operands))
                  operands (cdr operands)))
          ok))
       ((eq operator 'not)
        (cl-assert (eql (length operands) 1))
        (not (ert-test-result-type-p result (car operands))))
       ((eq operator 'satisfies)
        (cl-assert (eql (length operands) 1))
        (funcall (car operands) result))
       (t (error "cl-ecase failed: %s, %s" operator '(and or not satisfies))))))
   (t (error "No clause matching `%S'" result-type))))


(defun ert-test-result-expected-p (test result)
  "Return non-nil if TEST's expected result type matches RESULT."
  (or (ert-test-result-type-p result :skipped)
      (ert-test-result-type-p result (ert-test-expected-result-type test))))


(defun ert--select-satisfying (pred universe)
  "The tests of UNIVERSE (see `ert-select-tests') for which PRED holds."
  (cl-remove-if (lambda (test) (not (funcall pred test)))
                      (ert-select-tests t universe)))

(defun ert-select-tests (selector universe)
  "The list of tests in UNIVERSE that SELECTOR picks.
UNIVERSE is a list of tests, or t for every test that some symbol
names.  A SELECTOR is one of:
  nil, t            no test, or all of UNIVERSE;
  :new              tests never run;
  :passed, :failed  tests whose latest result is of that kind;
  :expected, :unexpected
                    tests whose latest result was as expected, or not;
  a string          tests whose name matches that regexp;
  a test, or a symbol naming one
                    that test (a symbol naming none is an error);
  (member TEST...), (eql TEST)
                    the tests given, as tests or names;
  (and SEL...), (or SEL...), (not SEL)
                    combinations of selectors;
  (tag TAG)         tests with TAG among their tags;
  (satisfies FUNCTION)
                    tests for which FUNCTION returns non-nil.
Selectors naming tests directly, like (member ...), give those tests
whether or not they are in UNIVERSE; only the filtering selectors
look at UNIVERSE."
  (cond
   ((eq selector nil) nil)
   ((eq selector t)
    (cond ((listp universe) universe)
          ((eq universe t) (ert-select-tests "" universe))
          (t (error "No clause matching `%S'" universe))))
   ((eq selector :new)
    (ert--select-satisfying (lambda (test) (null (ert-test-most-recent-result test)))
                            universe))
   ((eq selector :failed)
    (ert--select-satisfying (lambda (test)
                              (ert-test-result-type-p (ert-test-most-recent-result test)
                                                      :failed))
                            universe))
   ((eq selector :passed)
    (ert--select-satisfying (lambda (test)
                              (ert-test-result-type-p (ert-test-most-recent-result test)
                                                      :passed))
                            universe))
   ((eq selector :expected)
    (ert--select-satisfying (lambda (test)
                              (ert-test-result-expected-p
                               test (ert-test-most-recent-result test)))
                            universe))
   ((eq selector :unexpected)
    (ert-select-tests '(not :expected) universe))
   ((stringp selector)
    (cond ((eq universe t)
           (let ((tests nil))
             (dolist (name (ert--all-test-names))
               (when (string-match selector (symbol-name name))
                 (push (ert-get-test name) tests)))
             (nreverse tests)))
          ((listp universe)
           (cl-remove-if (lambda (test)
                                 (not (and (ert-test-name test)
                                           (string-match selector
                                                         (symbol-name (ert-test-name test))))))
                               universe))
          (t (error "No clause matching `%S'" universe))))
   ((ert-test-p selector) (list selector))
   ((symbolp selector)
    (cl-assert (ert-test-boundp selector))
    (list (ert-get-test selector)))
   ((consp selector)
    (let ((operator (car selector))
          (operands (cdr selector)))
      (cond
       ((eq operator 'member)
        (mapcar (lambda (purported-test)
                  (cond ((symbolp purported-test)
                         (cl-assert (ert-test-boundp purported-test))
                         (ert-get-test purported-test))
                        ((ert-test-p purported-test) purported-test)
                        (t (error "No clause matching `%S'" purported-test))))
                operands))
       ((eq operator 'eql)
        (cl-assert (eql (length operands) 1))
        (ert-select-tests `(member ,@operands) universe))
       ((eq operator 'and)
        (if (null operands)
            (ert-select-tests t universe)
          (ert-select-tests `(and ,@(cdr operands))
                            (ert-select-tests (car operands) universe))))
       ((eq operator 'not)
        (cl-assert (eql (length operands) 1))
        (let* ((all (ert-select-tests t universe))
               (excluded (ert-select-tests (car operands) all)))
          (cl-remove-if (lambda (test) (memq test excluded)) all)))
       ((eq operator 'or)
        (if (null operands)
            (ert-select-tests nil universe)
          (cl-union (ert-select-tests (car operands) universe)
                      (ert-select-tests `(or ,@(cdr operands)) universe))))
       ((eq operator 'tag)
        (cl-assert (eql (length operands) 1))
        (let ((tag (car operands)))
          (ert--select-satisfying (lambda (test) (member tag (ert-test-tags test)))
                                  universe)))
       ((eq operator 'satisfies)
        (cl-assert (eql (length operands) 1))
        (ert--select-satisfying (car operands) universe))
       (t (error "cl-ecase failed: %s, %s"
                 operator '(member eql and not or tag satisfies))))))
   (t (error "No clause matching `%S'" selector))))

(defun ert--human-readable-selector (selector)
  "SELECTOR with test objects replaced by short symbols, for printing."
  (cond
   ((or (stringp selector) (symbolp selector)) selector)
   ((ert-test-p selector)
    (if (ert-test-name selector)
        (make-symbol (format "<%S>" (ert-test-name selector)))
      (make-symbol "<unnamed test>")))
   ((and (consp selector) (memq (car selector) '(member eql and not or)))
    (cons (car selector) (mapcar #'ert--human-readable-selector (cdr selector))))
   ((and (consp selector) (memq (car selector) '(tag satisfies))) selector)
   ((consp selector) nil)
   (t (error "No clause matching `%S'" selector))))

(defun ert--insert-human-readable-selector (selector)
  "Insert a human-readable presentation of SELECTOR into the current buffer."
  (insert (format "%S" (ert--human-readable-selector selector))))


;;; Running a set of tests.

(defun ert-stats-completed-expected (stats)
  "Return the number of tests in STATS that had expected results."
  (+ (ert--stats-passed-expected stats) (ert--stats-failed-expected stats)))

(defun ert-stats-completed-unexpected (stats)
  "Return the number of tests in STATS that had unexpected results."
  (+ (ert--stats-passed-unexpected stats) (ert--stats-failed-unexpected stats)))

(defun ert-stats-skipped (stats)
  "How many tests of the run STATS were skipped."
  (ert--stats-skipped stats))

(defun ert-stats-completed (stats)
  "How many tests of the run STATS have finished, whatever their result."
  (apply #'+ (mapcar (lambda (count) (funcall count stats))
                     '(ert-stats-skipped ert-stats-completed-expected
                       ert-stats-completed-unexpected))))

(defun ert-stats-total (stats)
  "How many tests the run STATS has, run or not."
  (length (ert--stats-tests stats)))

(defvar ert--current-run-stats nil
  "The stats object of the current run, dynamically bound.")

(defun ert--stats-test-key (test)
  "The key of TEST in the test map of a stats object: its name, or TEST."
  (or (ert-test-name test) test))

(defun ert--stats-count (stats test result delta)
  "Add DELTA to the counter of STATS that RESULT of TEST belongs to."
  (let ((expected (ert-test-result-expected-p test result)))
    (cond
     ((ert-test-passed-p result)
      (if expected
          (setf (ert--stats-passed-expected stats) (+ (ert--stats-passed-expected stats) delta))
        (setf (ert--stats-passed-unexpected stats) (+ (ert--stats-passed-unexpected stats) delta))))
     ((ert-test-failed-p result)
      (if expected
          (setf (ert--stats-failed-expected stats) (+ (ert--stats-failed-expected stats) delta))
        (setf (ert--stats-failed-unexpected stats) (+ (ert--stats-failed-unexpected stats) delta))))
     ((ert-test-skipped-p result)
      (setf (ert--stats-skipped stats) (+ (ert--stats-skipped stats) delta)))
     ((or (null result) (ert-test-aborted-with-non-local-exit-p result)
          (ert-test-quit-p result))
      nil)
     (t (error "cl-etypecase failed: %s, %s" result
               '(ert-test-passed ert-test-failed ert-test-skipped null
                 ert-test-aborted-with-non-local-exit ert-test-quit))))))

(defun ert--stats-set-test-and-result (stats pos test result)
  "Put TEST with RESULT at index POS of the run STATS, updating its counters."
  (let* ((tests (ert--stats-tests stats))
         (results (ert--stats-test-results stats))
         (map (ert--stats-test-map stats))
         (old-test (aref tests pos)))
    (ert--stats-count stats old-test (aref results pos) -1)
    (aset tests pos test)
    (aset results pos result)
    (remhash (ert--stats-test-key old-test) map)
    (puthash (ert--stats-test-key test) pos map)
    (ert--stats-count stats test result 1)
    nil))

(defun ert--make-stats (tests selector)
  "A fresh `ert--stats' for running the list TESTS, chosen by SELECTOR."
  ;; EMACS-COMPAT: the hash table variable is named `map' because a
  ;; duplicate test fails the assertion and its data shows the form.
  (let* ((vector (vconcat tests))
         (count (length vector))
         (map (make-hash-table :size count)))
    (dotimes (i count)
      (let ((key (ert--stats-test-key (aref vector i))))
        (cl-assert (not (gethash key map)))
        (puthash key i map)))
    (make-ert--stats :selector selector :tests vector :test-map map
                     :test-results (make-vector count nil)
                     :test-start-times (make-vector count nil)
                     :test-end-times (make-vector count nil))))

(defun ert--stats-test-pos (stats test)
  "Return the position (index) of TEST in the run represented by STATS."
  (gethash (ert--stats-test-key test) (ert--stats-test-map stats)))

(defun ert-run-or-rerun-test (stats test listener)
  "Run TEST within the run STATS, telling LISTENER when it starts and ends.
TEST's result and its start and end times are stored in STATS."
  (let* ((ert--current-run-stats stats)
         (pos (ert--stats-test-pos stats test))
         (started nil))
    (ert--stats-set-test-and-result stats pos test nil)
    ;; The listener sees TEST as the current test for the whole run of it.
    (setf (ert--stats-current-test stats) test)
    (funcall listener 'test-started stats test)
    (setf (ert-test-most-recent-result test) nil)
    (setq started (current-time))
    (aset (ert--stats-test-start-times stats) pos started)
    (unwind-protect
        (ert-run-test test)
      (let ((ended (current-time))
            (result (ert-test-most-recent-result test)))
        (aset (ert--stats-test-end-times stats) pos ended)
        (setf (ert-test-result-duration result)
              (float-time (time-subtract ended started)))
        (ert--stats-set-test-and-result stats pos test result)
        (funcall listener 'test-ended stats test result))
      (setf (ert--stats-current-test stats) nil))))

(defun ert-run-tests (selector listener &optional _interactively)
  "Run the tests specified by SELECTOR, sending progress updates to LISTENER.
LISTENER is called with an event type and arguments: (run-started
STATS), (test-started STATS TEST), (test-ended STATS TEST RESULT) and
\(run-ended STATS ABORTEDP).  Return the stats object."
  (let* ((tests (ert-select-tests selector t))
         (stats (ert--make-stats tests selector))
         (abortedp t))
    (setf (ert--stats-start-time stats) (current-time))
    (funcall listener 'run-started stats)
    (unwind-protect
        (let ((ert--current-run-stats stats))
          (dolist (test tests)
            (ert-run-or-rerun-test stats test listener))
          (setq abortedp nil))
      (setf (ert--stats-aborted-p stats) abortedp)
      (setf (ert--stats-end-time stats) (current-time))
      (funcall listener 'run-ended stats abortedp))
    stats))


;;; Formatting shared by the reports.

(defun ert--format-time-iso8601 (time)
  "Format TIME in the variant of ISO 8601 used for timestamps in ERT."
  (format-time-string "%Y-%m-%d %T%z" time))

(defun ert--result-kind-strings (result)
  "The (EXPECTED UNEXPECTED) pair naming RESULT's kind."
  (cond ((ert-test-passed-p result) '("passed" "PASSED" ?. ?P))
        ((ert-test-failed-p result) '("failed" "FAILED" ?f ?F))
        ((ert-test-skipped-p result) '("skipped" "SKIPPED" ?s ?S))
        ((null result) '("unknown" "UNKNOWN" ?- ?-))
        ((ert-test-aborted-with-non-local-exit-p result) '("aborted" "ABORTED" ?a ?A))
        ((ert-test-quit-p result) '("quit" "QUIT" ?q ?Q))
        (t (error "cl-etypecase failed: %s, %s" result
                  '(ert-test-passed ert-test-failed ert-test-skipped null
                    ert-test-aborted-with-non-local-exit ert-test-quit)))))

(defun ert-char-for-test-result (result expectedp)
  "Return a character that represents the test result RESULT.
EXPECTEDP specifies whether the result was expected."
  (nth (if expectedp 2 3) (ert--result-kind-strings result)))

(defun ert-string-for-test-result (result expectedp)
  "Return a string that represents the test result RESULT.
EXPECTEDP specifies whether the result was expected."
  (nth (if expectedp 0 1) (ert--result-kind-strings result)))

(defun ert-reason-for-test-result (result)
  "The reason RESULT's test gave (to `ert-fail' or `ert-skip'), as text.
It is printed after two spaces, or \"\" when there is no reason."
  (let ((data (and (ert-test-result-with-condition-p result)
                   (cdr (ert-test-result-with-condition-condition result)))))
    (if (car data)
        (let ((print-length 10) (print-level 6) (print-escape-newlines t))
          (concat "  " (prin1-to-string (car data))))
      "")))

(defun ert--string-first-line (s)
  "Return the first line of S, or S if it contains no newlines."
  (if (string-match "\n" s) (substring s 0 (match-beginning 0)) s))

(defun ert--insert-infos (result)
  "Insert `ert-info' infos from RESULT into current buffer.
Each is indented by four columns and its continuation lines line up
after the prefix."
  (dolist (info (ert-test-result-with-condition-infos result))
    (let* ((prefix (car info))
           (lines (split-string (cdr info) "\n"))
           (indentation (make-string (+ (length prefix) 4) ?\s)))
      (insert "    " prefix (car lines) "\n")
      (dolist (line (cdr lines))
        (insert indentation line "\n")))))


;;; Pretty-printing conditions.

;; GNU ERT prints a failed test's condition with `pp' at column 4 of a
;; fundamental-mode buffer and re-indents it with `indent-sexp'.  elisp4j
;; has no syntax tables, so ERT reproduces that layout itself from the
;; printed text:
;;
;; 1. Line breaks, as `pp-buffer' places them: before an opening paren or
;;    bracket (with any quote, backquote, `#' or `^' in front of it) that
;;    follows whitespace, and after each run of closing delimiters, the
;;    surrounding whitespace being replaced by the newline.
;; 2. Indentation, as `calculate-lisp-indent' computes it under the
;;    standard syntax table, where `'', `:', `#', `,', `.', `?' and the
;;    like are punctuation: a sexp is a list, a string, or a run of word
;;    and symbol characters (with backslash escapes).  A line goes under
;;    the first element when the element is a list, or when nothing but
;;    the first element precedes it on the list's first line; under the
;;    second element when more follows the first on that line; otherwise
;;    under the first sexp of the line holding the list's last complete
;;    sexp.  A symbol head with a `lisp-indent-function' property of
;;    `defun' (or a name starting with "def") or an integer N indents as
;;    `lisp-indent-defform' and `lisp-indent-specform' do; a non-symbol
;;    head indents under the head.  A head whose `lisp-indent-function'
;;    is a function indents as if it had none (the function would need
;;    a buffer).  Integer indentations are remembered for the following
;;    lines of the same list, as `indent-sexp' does.
;; Indentation uses tabs for each 8 columns, as `indent-tabs-mode' does.

;; EMACS-COMPAT: the indentation that Emacs's lisp-mode.el (preloaded
;; there, absent here) gives to special forms, which the layout uses.
(dolist (spec '((autoload . defun) (progn . 0) (prog1 . 1) (save-excursion . 0)
                (save-restriction . 0) (save-current-buffer . 0) (let . 1) (let* . 1)
                (while . 1) (if . 2) (catch . 1) (condition-case . 2) (handler-case . 1)
                (handler-bind . 1) (unwind-protect . 1) (with-output-to-temp-buffer . 1)))
  (unless (get (car spec) 'lisp-indent-function)
    (put (car spec) 'lisp-indent-function (cdr spec))))

(defun ert--pp-break-lines (text)
  "Break the printed TEXT into lines as `pp-buffer' does; return the lines."
  (let ((out nil)                       ; characters, latest first
        (i 0)
        (n (length text)))
    (while (< i n)
      (let ((c (aref text i)))
        (cond
         ((eq c ?\\)
          (push c out)
          (when (< (1+ i) n) (push (aref text (1+ i)) out))
          (setq i (+ i 2)))
         ((eq c ?\")
          (push c out)
          (setq i (1+ i))
          (while (and (< i n) (not (eq (aref text i) ?\")))
            (when (and (eq (aref text i) ?\\) (< (1+ i) n))
              (push (aref text i) out)
              (setq i (1+ i)))
            (push (aref text i) out)
            (setq i (1+ i)))
          (when (< i n) (push ?\" out) (setq i (1+ i))))
         ((memq c '(?\( ?\[))
          ;; Move the delimiter and its prefix characters to a new line
          ;; if whitespace precedes them.
          (let ((prefix nil))
            (while (memq (car out) '(?' ?` ?# ?^))
              (push (pop out) prefix))
            (when (memq (car out) '(?\s ?\t ?\n))
              (while (memq (car out) '(?\s ?\t ?\n)) (pop out))
              (push ?\n out))
            (setq out (append (reverse prefix) out)))
          (push c out)
          (setq i (1+ i)))
         ((memq c '(?\) ?\]))
          (while (and (< i n) (memq (aref text i) '(?\) ?\])))
            (push (aref text i) out)
            (setq i (1+ i)))
          (while (and (< i n) (memq (aref text i) '(?\s ?\t ?\n)))
            (setq i (1+ i)))
          (push ?\n out))
         (t (push c out) (setq i (1+ i))))))
    (let ((lines (split-string (concat (nreverse out)) "\n")))
      (if (and (cdr lines) (string= (car (last lines)) ""))
          (butlast lines)
        lines))))

(defun ert--pp-sexp-char-p (c)
  "Non-nil if C is a word or symbol character in the standard syntax table."
  (not (or (memq c '(?\s ?\t ?\n ?\f ?\r ?\" ?\\ ?\( ?\) ?\[ ?\] ?{ ?}
                     ?! ?# ?' ?, ?. ?: ?\; ?? ?@ ?^ ?` ?~))
           (< c 32) (= c 127))))

(defun ert--pp-column (line end col)
  "The column after LINE's first END characters, LINE starting at column COL."
  (let ((i 0))
    (while (< i end)
      (setq col (if (eq (aref line i) ?\t) (* 8 (1+ (/ col 8))) (+ col (char-width (aref line i))))
            i (1+ i)))
    col))

;; An open list while indenting: [OPEN-COL ELEMENTS CACHE], ELEMENTS
;; being its complete sexps so far, latest first, each (COL LINE KIND . TEXT)
;; where LINE is the number of the line the sexp starts on, KIND is
;; `list', `string', `symbol' or `escaped', and TEXT the symbol's text.

(defun ert--pp-scan-line (line line-no col stack)
  "Scan LINE (number LINE-NO, starting at column COL); return the updated STACK.
STACK holds the open lists, innermost first."
  (let ((i 0)
        (n (length line)))
    (while (< i n)
      (let ((c (aref line i))
            (start-col (ert--pp-column line i col)))
        (cond
         ((memq c '(?\( ?\[ ?{))
          (push (vector start-col nil nil line-no) stack)
          (setq i (1+ i)))
         ((memq c '(?\) ?\] ?}))
          (let ((closed (pop stack)))
            (when (and closed stack)
              (aset (car stack) 1 (cons (list (aref closed 0) (aref closed 3) 'list)
                                        (aref (car stack) 1)))))
          (setq i (1+ i)))
         ((eq c ?\")
          (let ((j (1+ i)))
            (while (and (< j n) (not (eq (aref line j) ?\")))
              (setq j (if (eq (aref line j) ?\\) (+ j 2) (1+ j))))
            (when stack
              (aset (car stack) 1 (cons (list start-col line-no 'string)
                                        (aref (car stack) 1))))
            (setq i (min n (1+ j)))))
         ((or (eq c ?\\) (ert--pp-sexp-char-p c))
          (let ((j i))
            (while (and (< j n) (or (eq (aref line j) ?\\)
                                    (ert--pp-sexp-char-p (aref line j))))
              (setq j (if (eq (aref line j) ?\\) (+ j 2) (1+ j))))
            (setq j (min n j))
            (when stack
              (aset (car stack) 1 (cons (cons start-col
                                              (cons line-no
                                                    (cons (if (eq c ?\\) 'escaped 'symbol)
                                                          (substring line i j))))
                                        (aref (car stack) 1))))
            (setq i j)))
         (t (setq i (1+ i))))))
    stack))

(defun ert--pp-line-indent (frame)
  "The indentation of a line in the open list FRAME, as `calculate-lisp-indent'.
Return a column, or (COLUMN) for one that later lines must not reuse."
  (let* ((open-col (aref frame 0))
         (latest-first (aref frame 1))
         (elements (reverse latest-first))
         (first (car elements))
         (last-sexp (car latest-first)))
    (if (null first)
        (1+ open-col)
      (let* ((first-line-p (eq (nth 1 last-sexp) (nth 1 first)))
             ;; The first sexp on the line of the last complete sexp.
             (line-start (let ((found nil))
                           (dolist (e latest-first)
                             (when (eq (nth 1 e) (nth 1 last-sexp)) (setq found e)))
                           (car found)))
             (normal (cond ((eq (nth 2 first) 'list) (car first))
                           (first-line-p (if (eq first last-sexp)
                                             (car first)
                                           (car (nth 1 elements))))
                           (t line-start))))
        (if (not (eq (nth 2 first) 'symbol))
            ;; The head is not a symbol: line up under it, or under the
            ;; line of the last sexp.
            (if first-line-p (car first) line-start)
          (let* ((name (nthcdr 3 first))
                 (sym (intern-soft name))
                 (method (and sym (or (function-get sym 'lisp-indent-function)
                                      (get sym 'lisp-indent-hook)))))
            (cond
             ((or (eq method 'defun)
                  (and (null method) (> (length name) 3) (string-prefix-p "def" name)))
              (if (eq (nth 1 last-sexp) (aref frame 3)) (+ open-col 2) normal))
             ((integerp method)
              ;; The first METHOD arguments are distinguished; the
              ;; rest are a body.
              (let ((count (- method (1- (length elements))))
                    (body-indent (+ open-col 2)))
                (cond ((> count 0)
                       (list (if (<= (- method count) 1) (+ open-col 4) normal)))
                      ((or (and (= method 0) (= count 0))
                           (and (= count 0) (<= body-indent normal)))
                       body-indent)
                      (t normal))))
             (t normal))))))))

(defun ert--pp-indent-lines (lines col)
  "Indent LINES (the first one starting at column COL) as `indent-sexp' would.
Return the lines, the first one unchanged, the others with new
indentation (tabs for each 8 columns, as `indent-tabs-mode' gives)."
  (let ((stack (ert--pp-scan-line (car lines) 0 col nil))
        (out (list (car lines)))
        (line-no 1))
    (dolist (line (cdr lines))
      (let* ((text (string-trim-left line "[ \t]+"))
             (frame (car stack))
             (indent (cond ((null frame) 0)
                           ((aref frame 2))
                           (t (let ((value (ert--pp-line-indent frame)))
                                (if (consp value)
                                    (car value)
                                  (aset frame 2 value)
                                  value))))))
        (push (concat (make-string (/ indent 8) ?\t) (make-string (% indent 8) ?\s) text)
              out)
        (setq stack (ert--pp-scan-line text line-no indent stack))
        (setq line-no (1+ line-no))))
    (nreverse out)))

(defun ert--pp-with-indentation-and-newline (object)
  "Pretty-print OBJECT at point, indenting it to the current column.
Ensures a final newline is inserted."
  (let* ((print-escape-newlines t)
         (print-escape-control-characters t)
         (print-quoted t)
         (lines (ert--pp-break-lines (prin1-to-string object))))
    (insert (mapconcat #'identity
                       (ert--pp-indent-lines
                        lines
                        (ert--pp-column (buffer-substring (line-beginning-position) (point))
                                        (- (point) (line-beginning-position)) 0))
                       "\n"))
    (unless (bolp) (insert "\n"))))

(defun ert--condition-report (result)
  "The text ERT prints for the condition of RESULT, after its infos."
  (let ((condition (ert-test-result-with-condition-condition result)))
    (with-temp-buffer
      (ert--insert-infos result)
      (insert "    ")
      (let ((print-length 10) (print-level 5) (print-escape-newlines t))
        (ert--pp-with-indentation-and-newline condition))
      ;; Leave out the final newline.
      (buffer-substring (point-min) (1- (point-max))))))


;;; Running tests in batch mode.

(defun ert--batch-report-test-ended (stats test result)
  "Print what the batch report says when TEST of STATS ended with RESULT."
  (unless (ert-test-result-expected-p test result)
    (cond
     ((ert-test-passed-p result)
      (message "Test %S passed unexpectedly" (ert-test-name test)))
     ((ert-test-result-with-condition-p result)
      ;; EMACS-COMPAT: elisp4j records no backtrace frames, so the
      ;; backtrace section has its header only.
      (message "Test %S backtrace:" (ert-test-name test))
      (let ((frames (ert-test-result-with-condition-backtrace result)))
        (dolist (frame (if (listp frames) frames nil))
          (let ((line (format "  %S" frame)))
            (message "%s" (if (and ert-batch-backtrace-right-margin
                                   (> (length line) ert-batch-backtrace-right-margin))
                              (substring line 0 ert-batch-backtrace-right-margin)
                            line)))))
      (message "Test %S condition:" (ert-test-name test))
      (message "%s" (ert--condition-report result)))
     ((ert-test-aborted-with-non-local-exit-p result)
      (message "Test %S aborted with non-local exit" (ert-test-name test)))
     ((ert-test-quit-p result)
      (message "Quit during %S" (ert-test-name test)))))
  (unless ert-quiet
    (let* ((max (prin1-to-string (length (ert--stats-tests stats))))
           (format-string (concat "%9s  %" (prin1-to-string (length max)) "s/" max
                                  "  %S (%f sec)")))
      (message format-string
               (ert-string-for-test-result result (ert-test-result-expected-p test result))
               (1+ (ert--stats-test-pos stats test))
               (ert-test-name test)
               (ert-test-result-duration result)))))

(defun ert--batch-report-list (stats title predicate)
  "Print TITLE's list: the tests of STATS whose result PREDICATE accepts."
  (message "%s" title)
  (let ((verbose (getenv "EMACS_TEST_VERBOSE")))
    (dolist (test (append (ert--stats-tests stats) nil))
      (let ((result (ert-test-most-recent-result test)))
        (if (funcall predicate test result)
            (message "%9s  %S%s" (ert-string-for-test-result result nil)
                     (ert-test-name test)
                     (if verbose (ert-reason-for-test-result result) ""))))))
  (message "%s" ""))

(defun ert--batch-report-run-ended (stats abortedp)
  "Print the batch report's summary of the run STATS."
  (let ((unexpected (ert-stats-completed-unexpected stats))
        (skipped (ert-stats-skipped stats))
        (expected-failures (ert--stats-failed-expected stats)))
    (message "\n%sRan %s tests, %s results as expected, %s unexpected%s (%s, %f sec)%s\n"
             (if abortedp "Aborted: " "")
             (ert-stats-total stats)
             (ert-stats-completed-expected stats)
             unexpected
             (if (zerop skipped) "" (format ", %s skipped" skipped))
             (ert--format-time-iso8601 (ert--stats-end-time stats))
             (float-time (time-subtract (ert--stats-end-time stats)
                                        (ert--stats-start-time stats)))
             (if (zerop expected-failures)
                 ""
               (format "\n%s expected failures" expected-failures)))
    (unless (zerop unexpected)
      (ert--batch-report-list stats (format "%s unexpected results:" unexpected)
                              (lambda (test result)
                                (not (ert-test-result-expected-p test result)))))
    (unless (zerop skipped)
      (ert--batch-report-list stats (format "%s skipped results:" skipped)
                              (lambda (_test result)
                                (ert-test-result-type-p result :skipped))))))

(defun ert-run-tests-batch (&optional selector)
  "Run the tests SELECTOR picks (see `ert-select-tests'), reporting on stderr.
A nil SELECTOR runs every test here, unlike in `ert-select-tests',
so that `-f ert-run-tests-batch-and-exit' on the command line runs
all the tests loaded.  The value is the run's stats object."
  (unless selector (setq selector t))
  (ert-run-tests
   selector
   (lambda (event-type &rest event-args)
     (cond
      ((eq event-type 'run-started)
       (unless ert-quiet
         (let ((stats (car event-args)))
           (message "Running %s tests (%s, selector `%S')"
                    (length (ert--stats-tests stats))
                    (ert--format-time-iso8601 (ert--stats-start-time stats))
                    selector))))
      ((eq event-type 'run-ended)
       (apply #'ert--batch-report-run-ended event-args))
      ((eq event-type 'test-started))
      ((eq event-type 'test-ended)
       (apply #'ert--batch-report-test-ended event-args))
      (t (error "ert-run-tests-batch: unknown event %S" event-type))))
   nil))

(defun ert-run-tests-batch-and-exit (&optional selector)
  "Run the tests as `ert-run-tests-batch' does, then exit Emacs.
The exit status is 0 when every result was as expected, 1 when some
was not, and 2 when ERT itself failed (a bad SELECTOR, say)."
  (or noninteractive
      (user-error "This function is only for use in batch mode"))
  (let ((passed-on nil))
    (unwind-protect
        (condition-case condition
            (let ((stats (ert-run-tests-batch selector)))
              (kill-emacs (if (zerop (ert-stats-completed-unexpected stats)) 0 1)))
          ;; EMACS-COMPAT: in batch, Emacs reports an error that nothing
          ;; handles where it is signaled and exits with status 255,
          ;; before any cleanup runs; elisp4j reports it at top level,
          ;; so the cleanup below must not run for it.
          (error (setq passed-on t)
                 (signal (car condition) (cdr condition))))
      ;; Reached when the run ended by a non-local exit other than an
      ;; error: `kill-emacs' above leaves without unwinding.
      (unless passed-on
        (unwind-protect
            (message "Error running tests")
          (kill-emacs 2))))))

(defconst ert--summary-ran-regexp
  (concat "^\\(Aborted: \\)?Ran \\([0-9]+\\) tests, \\([0-9]+\\) results as expected"
          "\\(?:, \\([0-9]+\\) unexpected\\)?\\(?:, \\([0-9]+\\) skipped\\)?")
  "Matches the summary line of a batch log; groups: aborted, run,
expected, unexpected, skipped.")

(defconst ert--summary-timing-regexp
  (concat "^\\s-+\\w+\\s-+[[:digit:]]+/[[:digit:]]+\\s-+\\S-+\\s-+"
          "(\\([.[:digit:]]+\\)\\s-+sec)$")
  "Matches a batch log's line for one test; group 1 is its duration.")

(defun ert--summary-read-log (file want-timings)
  "Read the batch log FILE into a plist of what the summary needs.
Keys: :tests (tests announced, nil when the log announces none),
:ran, :expected, :unexpected, :skipped (nil when the run did not
finish), :aborted, and with WANT-TIMINGS :timings, a list of
\(SECONDS . LINE) for the test lines, last first."
  (with-temp-buffer
    (when (file-readable-p file) (insert-file-contents file))
    (let ((number (lambda (group)
                    (let ((text (match-string group)))
                      (if text (string-to-number text) 0))))
          (info nil))
      (when (re-search-forward "^Running \\([0-9]+\\) tests" nil t)
        (setq info (list :tests (funcall number 1)))
        (when (re-search-forward ert--summary-ran-regexp nil t)
          (setq info (append info
                             (list :ran (funcall number 2)
                                   :expected (funcall number 3)
                                   :unexpected (funcall number 4)
                                   :skipped (funcall number 5)
                                   :aborted (and (match-string 1) t))))
          (when want-timings
            (let ((timings nil))
              (goto-char (point-min))
              (while (not (eobp))
                (if (looking-at ert--summary-timing-regexp)
                    (push (cons (string-to-number (match-string 1)) (match-string 0))
                          timings))
                (forward-line 1))
              (setq info (append info (list :timings timings)))))))
      info)))

(defun ert--summary-list-files (files heading)
  "Print HEADING (a format taking a count) and then each of FILES, if any."
  (when files
    (message heading (length files))
    (dolist (file files) (message "  %s" file))))

(defun ert-summarize-tests-batch-and-exit (&optional high)
  "Print a summary of the batch test logs named on the command line, and exit.
The logs are what `ert-run-tests-batch' printed.  With HIGH a natural
number, also list the HIGH slowest tests.  The exit status follows
`ert-run-tests-batch-and-exit'."
  (unless noninteractive
    (user-error "This function is only for use in batch mode"))
  (let ((top (if (natnump high) high 0))
        (files (length command-line-args-left))
        (announced 0) (ran 0) (expected 0) (unexpected 0) (skipped 0)
        (empty nil) (unfinished nil) (failing nil) (timings nil))
    (while command-line-args-left
      (let* ((file (pop command-line-args-left))
             (info (ert--summary-read-log file (> top 0))))
        (cond
         ((null info) (push file empty))
         (t
          (setq announced (+ announced (plist-get info :tests)))
          (if (not (plist-member info :ran))
              (push file unfinished)
            (when (plist-get info :aborted) (push file unfinished))
            (setq ran (+ ran (plist-get info :ran))
                  expected (+ expected (plist-get info :expected))
                  skipped (+ skipped (plist-get info :skipped)))
            (unless (zerop (plist-get info :unexpected))
              (push file failing)
              (setq unexpected (+ unexpected (plist-get info :unexpected))))
            (setq timings (append (plist-get info :timings) timings)))))))
    (let ((not-run (- announced ran)))
      (message "\nSUMMARY OF TEST RESULTS")
      (message "-----------------------")
      (message "Files examined: %d" files)
      (message "Ran %d tests%s, %d results as expected, %d unexpected, %d skipped"
               ran (if (zerop not-run) "" (format ", %d failed to run" not-run))
               expected unexpected skipped)
      (ert--summary-list-files empty "%d files did not contain any tests:")
      (ert--summary-list-files unfinished "%d files did not finish:")
      (ert--summary-list-files failing "%d files contained unexpected results:")
      (when (and timings (> top 0))
        (message "\nLONG-RUNNING TESTS")
        (message "------------------")
        (let ((slowest (sort timings (lambda (a b) (> (car a) (car b))))))
          (message "%s" (mapconcat #'cdr (cl-subseq slowest 0 (min top (length slowest))) "\n"))))
      (kill-emacs (cond ((or empty unfinished (/= not-run 0)) 2)
                        (failing 1)
                        (t 0))))))

(provide 'ert)

;;; ert.el ends here
