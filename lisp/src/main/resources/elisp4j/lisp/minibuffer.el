;;; minibuffer.el --- minibuffer completion  -*- lexical-binding: t -*-

;; Part of elisp4j.  So far only what reading with completion needs when
;; the minibuffer reads a line from standard input (batch mode):
;; `completing-read-default', `format-prompt' and reading file names.

;;; Code:

(defun completing-read-default (prompt collection &optional predicate require-match
                                       initial-input hist def inherit-input-method)
  "Read a string in the minibuffer, completing from COLLECTION.
This is what `completing-read' does unless `completing-read-function'
says otherwise; the arguments are those of `completing-read'."
  (when (consp initial-input)
    ;; `completing-read' counts positions from 0, `read-from-minibuffer' from 1.
    (setq initial-input (cons (car initial-input) (1+ (cdr initial-input)))))
  (let* ((minibuffer-completion-table collection)
         (minibuffer-completion-predicate predicate)
         (minibuffer-completion-confirm (unless (eq require-match t) require-match))
         (keymap-var (if require-match
                         'minibuffer-local-must-match-map
                       'minibuffer-local-completion-map))
         (keymap (and (boundp keymap-var) (symbol-value keymap-var)))
         (result (read-from-minibuffer prompt initial-input keymap
                                       nil hist def inherit-input-method)))
    (when (and (equal result "") def)
      (setq result (if (consp def) (car def) def)))
    result))

;;;; Prompts.

(defcustom minibuffer-default-prompt-format " (default %s)"
  "Format string used to output \"default\" values.
The string is passed to `format' with the default value, and
`format-prompt' puts it between the prompt and the final \": \"."
  :type 'string
  :group 'minibuffer
  :version "28.1")

(defun format-prompt (prompt default &rest format-args)
  "Format PROMPT with DEFAULT according to `minibuffer-default-prompt-format'.
With FORMAT-ARGS, PROMPT is first used as a `format' string for them.
DEFAULT (its car if a list) is shown unless nil or an empty string;
the result ends with \": \"."
  (concat (if format-args (apply #'format prompt format-args) prompt)
          (and default
               (or (not (stringp default)) (> (length default) 0))
               (format minibuffer-default-prompt-format
                       (if (consp default) (car default) default)))
          ": "))

;;;; Reading file names.

(defvar file-name-history nil
  "History list of file names read in the minibuffer.")

(defcustom insert-default-directory t
  "Non-nil means `read-file-name' starts with the directory in the minibuffer."
  :type 'boolean
  :group 'minibuffer)

(defvar read-file-name-function #'read-file-name-default
  "The function `read-file-name' calls to do its work.
It receives the same arguments as `read-file-name'.")

(defun read-file-name-internal (string pred action)
  "Completion table of file names, for `read-file-name'.
STRING is a file name typed so far, PRED filters absolute names and
ACTION is the completion action, as for any completion table."
  (let* ((str (substitute-in-file-name string))
         (dir-part (or (file-name-directory str) ""))
         (base (file-name-nondirectory str))
         (dir (expand-file-name dir-part))
         (keep (lambda (names)
                 (if pred
                     (let (kept)
                       (dolist (n names (nreverse kept))
                         (when (funcall pred (expand-file-name n dir))
                           (push n kept))))
                   names))))
    (cond
     ((eq action 'metadata) '(metadata (category . file)))
     ((eq (car-safe action) 'boundaries)
      (let ((suffix (cdr action)))
        (cons 'boundaries
              (cons (length dir-part)
                    (or (string-match-p "/" suffix) (length suffix))))))
     ((eq action 'lambda) (and (file-exists-p str) t))
     ((not (file-directory-p dir)) nil)
     (t
      (let ((names (funcall keep (file-name-all-completions base dir))))
        (if (eq action t)
            names
          (let ((common (try-completion base names)))
            (if (stringp common) (concat dir-part common) common))))))))

(defun read-file-name-default (prompt &optional dir default-filename mustmatch
                                      initial predicate)
  "Read a file name with PROMPT, the default value of `read-file-name-function'.
See `read-file-name' for the arguments."
  (let* ((dir (if dir (file-name-as-directory dir) default-directory))
         (shown-dir (abbreviate-file-name dir))
         (start (if insert-default-directory
                    (concat shown-dir (or initial ""))
                  initial))
         (minibuffer-default default-filename)
         (answer (completing-read prompt #'read-file-name-internal
                                  (or predicate #'file-exists-p)
                                  mustmatch start 'file-name-history)))
    (cond
     ((and default-filename insert-default-directory (equal answer start))
      (if (consp default-filename) (car default-filename) default-filename))
     (t (substitute-in-file-name answer)))))

(defun read-file-name (prompt &optional dir default-filename mustmatch
                              initial predicate)
  "Read a file name in the minibuffer, prompting with PROMPT.
DIR is the directory to complete in (default `default-directory'),
DEFAULT-FILENAME the value when the user accepts the initial contents,
MUSTMATCH non-nil requires an existing file, INITIAL is put after the
directory, and PREDICATE filters the candidates.  The work is done by
`read-file-name-function'."
  (funcall (or read-file-name-function #'read-file-name-default)
           prompt dir default-filename mustmatch initial predicate))

;;; minibuffer.el ends here
