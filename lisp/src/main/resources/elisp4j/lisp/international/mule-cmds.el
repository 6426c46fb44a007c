;;; mule-cmds.el --- coding system commands and language environments  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; international/mule-cmds.el, for its coding system part: changing the
;; text or end-of-line conversion of a coding system, the default coding
;; systems (`prefer-coding-system', `set-default-coding-systems'),
;; choosing a coding system that can encode a text before writing it
;; (`select-safe-coding-system'), `universal-coding-system-argument', and
;; the language environments "English", "ASCII", "UTF-8" and "Latin-1"
;; as far as they choose coding systems.
;;
;; Not here: input methods, charset priorities, fonts and display
;; tables, `set-locale-environment' (the locale's coding systems are set
;; by the runtime at start-up), and the other language environments.

;;; Code:

;;;; Variants of a coding system.

(defun coding-system-change-eol-conversion (coding-system eol-type)
  "Return the variant of CODING-SYSTEM with end-of-line conversion EOL-TYPE.
EOL-TYPE is `unix', `dos', `mac' (or 0, 1, 2), or nil for the variant
that detects the end-of-line type when decoding.  Return nil if
CODING-SYSTEM has no such variant."
  (let* ((index (or (cdr (assq eol-type '((unix . 0) (dos . 1) (mac . 2)))) eol-type))
         ;; The base first: it signals `coding-system-error' for a bad name.
         (base (coding-system-base coding-system))
         (current (coding-system-eol-type coding-system)))
    (cond ((null index)
           (if (vectorp current) coding-system base))
          ((vectorp current) (aref current index))
          ((= index current) coding-system)
          (t (let ((variants (coding-system-eol-type base)))
               (when (vectorp variants) (aref variants index)))))))

(defun coding-system-change-text-conversion (coding-system coding)
  "Return the coding system that converts text as CODING and line ends as CODING-SYSTEM.
CODING nil means `undecided', detecting the text conversion when decoding."
  (let ((eol (coding-system-eol-type coding-system)))
    (coding-system-change-eol-conversion (or coding 'undecided)
                                         (and (numberp eol) (aref [unix dos mac] eol)))))

(defun canonicalize-coding-system-name (name)
  "NAME (a coding system name in lower case) without prefixes and separators.
For comparing names as `coding-system-from-name' does: \"windows-1252\"
becomes \"cp1252\", \"iso-8859-1\" becomes \"88591\"; the separator in
\"16-be\" and \"16-le\" is kept."
  (if (string-match "^\\(ms\\|ibm\\|windows-\\)\\([0-9]+\\)$" name)
      (concat "cp" (match-string 2 name))
    (when (string-match "^iso[-_ ]?[0-9]" name)
      (setq name (substring name (1- (match-end 0)))))
    (let ((idx (string-match "[-_ /]" name)))
      (while idx
        (if (and (>= idx 2)
                 (eq (string-match "16-[lb]e$" name (- idx 2)) (- idx 2)))
            (setq idx (string-match "[-_ /]" name (match-end 0)))
          (setq name (concat (substring name 0 idx) (substring name (1+ idx)))
                idx (string-match "[-_ /]" name idx))))
      name)))

(defun coding-system-from-name (name)
  "Return the coding system whose name matches NAME (a string or symbol), or nil.
Case, separators and prefixes such as \"iso\" or \"windows-\" are
ignored; a \"-unix\", \"-dos\" or \"-mac\" suffix selects that variant."
  (let ((sym (if (stringp name) (intern name) name)))
    (unless (stringp name) (setq name (symbol-name name)))
    (if (coding-system-p sym)
        sym
      (let ((eol (when (string-match "-\\(unix\\|dos\\|mac\\)$" name)
                   (prog1 (intern (match-string 1 name))
                     (setq name (substring name 0 (match-beginning 0)))))))
        (setq name (canonicalize-coding-system-name (downcase name)))
        (catch 'found
          (dolist (cs (coding-system-list))
            (when (string= (canonicalize-coding-system-name (symbol-name cs)) name)
              (throw 'found (if eol (coding-system-change-eol-conversion cs eol) cs))))
          nil)))))

;;;; Running one command with a given coding system.

(defvar mule-cmds--prefixed-command-next-coding-system nil
  "The coding system `universal-coding-system-argument' gave the next command.")
(defvar mule-cmds--prefixed-command-last-coding-system nil
  "The coding system given to the last command, for prefix arguments typed after it.")

(defun mule-cmds--prefixed-command-pch ()
  "Make the command about to run use the coding system given by `universal-coding-system-argument'."
  (if (not mule-cmds--prefixed-command-next-coding-system)
      (progn
        (remove-hook 'pre-command-hook #'mule-cmds--prefixed-command-pch)
        (remove-hook 'prefix-command-echo-keystrokes-functions #'mule-cmds--prefixed-command-echo)
        (remove-hook 'prefix-command-preserve-state-hook #'mule-cmds--prefixed-command-preserve))
    (let ((cmd this-command)
          (coding mule-cmds--prefixed-command-next-coding-system))
      (setq this-command
            (lambda ()
              (interactive)
              (setq this-command cmd)
              (let ((coding-system-for-read coding)
                    (coding-system-for-write coding)
                    (coding-system-require-warning t))
                (call-interactively cmd)))))
    (setq mule-cmds--prefixed-command-last-coding-system
          mule-cmds--prefixed-command-next-coding-system
          mule-cmds--prefixed-command-next-coding-system nil)))

(defun mule-cmds--prefixed-command-echo ()
  "The echo-area note about the coding system for the next command."
  (when mule-cmds--prefixed-command-next-coding-system
    (format "With coding-system %S" mule-cmds--prefixed-command-next-coding-system)))

(defun mule-cmds--prefixed-command-preserve ()
  "Keep the coding system across a prefix argument typed after it."
  (setq mule-cmds--prefixed-command-next-coding-system
        mule-cmds--prefixed-command-last-coding-system))

(defun universal-coding-system-argument (coding-system)
  "Make the next command do its I/O with CODING-SYSTEM.
It binds `coding-system-for-read' and `coding-system-for-write' (and
`coding-system-require-warning') around the next command."
  (interactive
   (let ((default (and buffer-file-coding-system
                       (not (eq (coding-system-type buffer-file-coding-system) 'undecided))
                       buffer-file-coding-system)))
     (list (read-coding-system (format-prompt "Coding system for following command" default)
                               default))))
  (prefix-command-preserve-state)
  (setq mule-cmds--prefixed-command-next-coding-system coding-system)
  (add-hook 'pre-command-hook #'mule-cmds--prefixed-command-pch)
  (add-hook 'prefix-command-echo-keystrokes-functions #'mule-cmds--prefixed-command-echo)
  (add-hook 'prefix-command-preserve-state-hook #'mule-cmds--prefixed-command-preserve))

;;;; Default coding systems.

(defvar default-sendmail-coding-system 'utf-8
  "The coding system for outgoing mail when nothing else decides.")

(defun set-default-coding-systems (coding-system)
  "Make CODING-SYSTEM the default for new buffers, subprocess I/O and file names.
It becomes the default `buffer-file-coding-system', the text
conversion of `default-process-coding-system' (whose end-of-line types
stay), the default for the terminal and keyboard, and (if it is
ASCII-compatible) `default-file-name-coding-system' with Unix line ends."
  (check-coding-system coding-system)
  (setq-default buffer-file-coding-system coding-system)
  (when (or (not coding-system) (coding-system-get coding-system 'ascii-compatible-p))
    (setq default-file-name-coding-system
          (coding-system-change-eol-conversion coding-system 'unix)))
  (setq default-terminal-coding-system coding-system)
  (setq default-keyboard-coding-system (coding-system-change-eol-conversion coding-system 'unix))
  (setq default-process-coding-system
        (cons (coding-system-change-text-conversion (car default-process-coding-system) coding-system)
              (coding-system-change-text-conversion (cdr default-process-coding-system) coding-system))))

(defun prefer-coding-system (coding-system)
  "Give CODING-SYSTEM the highest priority in detection and make it the default.
The defaults are set by `set-default-coding-systems', with the
end-of-line type of CODING-SYSTEM if it has one.  Coding systems that
only detect (`undecided', raw text) cannot be preferred."
  (interactive "zPrefer coding system: ")
  (unless (and coding-system (coding-system-p coding-system))
    (error "Invalid coding system `%s'" coding-system))
  (when (memq (coding-system-type coding-system) '(raw-text undecided))
    (error "Can't prefer the coding system `%s'" coding-system))
  (let ((base (coding-system-base coding-system))
        (eol (coding-system-eol-type coding-system)))
    (set-coding-system-priority base)
    (when (and (called-interactively-p 'interactive) (not (eq base coding-system)))
      (message "Highest priority is set to %s (base of %s)" base coding-system))
    (when (memq eol '(0 1 2))
      (setq base (coding-system-change-eol-conversion base eol)))
    (set-default-coding-systems base)
    (when (and (called-interactively-p 'interactive)
               (not (eq base (coding-system-type default-file-name-coding-system))))
      (message "The default value of `file-name-coding-system' was not changed because the specified coding system is not suitable for file names."))))

;;;; Coding systems that can encode a text.

(defvar sort-coding-systems-predicate nil
  "If non-nil, the function `sort-coding-systems' sorts with (it is called with two coding systems).")

(defun mule--coding-rank (cs most-preferred lang-preferred priority)
  "The rank of coding system CS for `sort-coding-systems' (higher comes first).
In decreasing weight: CS is MOST-PREFERRED; CS has a MIME charset (UTF-16
ones less, x- ones least); CS is one of LANG-PREFERRED; CS is in the
PRIORITY list; CS is not an ISO-2022 with-esc variant."
  (let* ((base (coding-system-base cs))
         (mime (coding-system-get base :mime-charset)))
    (+ (if (eq base most-preferred) 128 0)
       (* 32 (cond ((null mime) 0)
                   ((string-match-p "utf-16" (symbol-name mime)) 2)
                   ((string-match-p "^x-" (symbol-name mime)) 1)
                   (t 3)))
       (if (memq base lang-preferred) 16 0)
       (if (memq base priority) 8 0)
       (if (string-match-p "-with-esc\\'" (symbol-name base)) 0 4)
       (if (eq (coding-system-type base) 'iso-2022)
           (let ((category (coding-system-category base)))
             (cond ((memq category '(coding-category-iso-8-1 coding-category-iso-8-2)) 2)
                   ((memq category '(coding-category-iso-7-tight coding-category-iso-7)) 1)
                   (t 0)))
         1))))

(defun sort-coding-systems (codings)
  "Sort the coding systems CODINGS, most suitable first, and return them.
The most preferred coding system comes first, then those that are MIME
charsets, those of the current language environment, and those in the
priority list.  `sort-coding-systems-predicate' overrides this order.
CODINGS is modified."
  (if sort-coding-systems-predicate
      (sort codings sort-coding-systems-predicate)
    (let* ((priority (coding-system-priority-list))
           (most (car priority))
           (lang (get-language-info current-language-environment 'coding-system)))
      (sort codings (lambda (a b)
                      (> (mule--coding-rank a most lang priority)
                         (mule--coding-rank b most lang priority)))))))

(defun find-coding-systems-region (from to)
  "Return the coding systems that can encode the text from FROM to TO, best first.
FROM may be a string instead.  The list is (undecided) when the text
needs no particular coding system (it has no multibyte characters)."
  (let ((found (find-coding-systems-region-internal from to)))
    ;; t means only ASCII: nothing in particular is needed.
    (cond ((eq found t) (list 'undecided))
          (t (sort-coding-systems (copy-sequence found))))))

(defun find-coding-systems-string (string)
  "Return the coding systems that can encode STRING, best first (see `find-coding-systems-region')."
  (find-coding-systems-region string nil))

(defun search-unencodable-char (coding-system)
  "Move point after the next character CODING-SYSTEM cannot encode and return its position.
Return nil, and do not move, if there is none."
  (interactive
   (list (let ((default (or buffer-file-coding-system 'us-ascii)))
           (read-coding-system (format-prompt "Coding-system" default) default))))
  (let ((pos (unencodable-char-position (point) (point-max) coding-system)))
    (if pos
        (goto-char (1+ pos))
      (message "All following characters are encodable by %s" coding-system))
    pos))

(defvar last-coding-system-specified nil
  "The coding system the user chose the last time one was asked for to write a file.")

(defvar select-safe-coding-system-accept-default-p nil
  "If non-nil, a function that decides whether a default coding system may be used silently.
It overrides the ACCEPT-DEFAULT-P argument of `select-safe-coding-system'.")

(defun sanitize-coding-system-list (codings)
  "CODINGS as offered to a user: MIME charset names where they are aliases, raw text last.
Coding systems of the ISO-2022 \"else\" categories are dropped; raw text,
`emacs-mule' and `no-conversion' are dropped unless nothing else remains."
  (setq codings
        (mapcar (lambda (cs)
                  (let ((mime (coding-system-get cs 'mime-charset)))
                    (if (and mime (coding-system-p mime) (coding-system-equal cs mime))
                        mime
                      cs)))
                codings))
  (let ((kept nil))
    (dolist (cs codings)
      (unless (memq (coding-system-category cs)
                    '(coding-category-iso-7-else coding-category-iso-8-else))
        (push cs kept)))
    (setq codings (nreverse kept)))
  (or (delq 'raw-text (delq 'emacs-mule (delq 'no-conversion (copy-sequence codings))))
      codings))

(defun select-safe-coding-system-interactively (from to codings unsafe &optional rejected default)
  "Ask for a coding system to encode the text FROM..TO (or the string FROM) with.
CODINGS are the coding systems known to be able to encode it, UNSAFE
the defaults that cannot, REJECTED the ones that can but were not
acceptable.  DEFAULT is the answer for empty input.  Return the coding
system read (recorded in `last-coding-system-specified')."
  ;; EMACS-COMPAT: Emacs first lists CODINGS, UNSAFE with the characters
  ;; they cannot encode, and REJECTED in a temporary window; batch
  ;; sessions never show it and elisp4j has no windows, so only the
  ;; question is asked.
  (ignore from to codings unsafe rejected)
  (let ((cs (read-coding-system (format-prompt "Select coding system" default) default)))
    (setq last-coding-system-specified cs)
    cs))

(defun mule--auto-coding-for-write (from to file)
  "The coding system the text FROM..TO would be read with as file FILE, by `find-auto-coding'.
Nil if none is specified.  An invalid one is reported, and writing
goes on only if the user agrees."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char from)
      (let ((found (find-auto-coding (or file buffer-file-name "") (- to from))))
        (cond ((null found) nil)
              ((coding-system-p (car found)) (car found))
              (t
               (display-warning
                'mule
                (format-message "Invalid coding system `%s' is specified
for the current buffer/file by the %s.
It is highly recommended to fix it before writing to a file."
                                (car found)
                                (if (eq (cdr found) :coding) ":coding tag"
                                  (format-message "variable `%s'" (cdr found))))
                :warning)
               (unless (yes-or-no-p "Really proceed with writing? ")
                 (error "Save aborted"))
               nil))))))

(defun mule--write-defaults (defaults auto-cs)
  "The coding systems to try for writing, as (CODING . BASE) pairs.
DEFAULTS are those given to `select-safe-coding-system' (after a leading
t, only those); otherwise a coding tag AUTO-CS alone decides, or the
buffer's `buffer-file-coding-system', its default value (unless the
coding system was chosen explicitly) and the most preferred coding
system with a MIME charset follow DEFAULTS.  The end-of-line type of
the first one (or of the buffer's coding system) is given to all."
  (let ((only-given (eq (car defaults) t))
        (pairs nil))
    (when only-given (setq defaults (cdr defaults)))
    (setq pairs (mapcar (lambda (cs) (cons cs (coding-system-base cs))) defaults))
    (when (and auto-cs (not only-given))
      (let ((base (coding-system-base auto-cs)))
        (unless (memq base '(nil undecided))
          ;; For writing, no-conversion-multibyte is no-conversion.
          (when (eq base 'no-conversion-multibyte)
            (setq auto-cs 'no-conversion base 'no-conversion))
          (setq pairs (list (cons auto-cs base))
                only-given t))))
    (unless only-given
      (let ((add (lambda (cs)
                   (when cs
                     (let ((base (coding-system-base cs)))
                       (unless (or (eq base 'undecided) (rassq base pairs))
                         (setq pairs (append pairs (list (cons cs base))))))))))
        (funcall add buffer-file-coding-system)
        (unless (cdr buffer-file-coding-system-explicit)
          (funcall add (default-value 'buffer-file-coding-system))
          (let ((preferred (coding-system-priority-list t)))
            (when (and (coding-system-p preferred)
                       (coding-system-get preferred :mime-charset))
              (funcall add preferred))))))
    (when pairs
      (let ((eol (coding-system-eol-type (caar pairs))))
        (when (and (vectorp eol) buffer-file-coding-system)
          (setq eol (coding-system-eol-type buffer-file-coding-system)))
        (when (and (vectorp eol) (default-value 'buffer-file-coding-system))
          (setq eol (coding-system-eol-type (default-value 'buffer-file-coding-system))))
        (when (and eol (not (vectorp eol)))
          (dolist (pair pairs)
            (setcar pair (coding-system-change-eol-conversion (car pair) eol))))))
    pairs))

(defun select-safe-coding-system (from to &optional default-coding-system accept-default-p file)
  "Return a coding system that can encode the text from FROM to TO (or the string FROM).
The candidates are DEFAULT-CODING-SYSTEM (a coding system or a list of
them), then the buffer's `buffer-file-coding-system', its default value
and the most preferred coding system; a list starting with t means only
the rest of it.  A coding tag in the text (see `find-auto-coding')
replaces them all.  The first candidate that can encode the text and
that ACCEPT-DEFAULT-P (a function, overridden by
`select-safe-coding-system-accept-default-p') accepts is returned
without asking; otherwise the user is asked to choose.  The user is
also asked to confirm a choice that contradicts the coding tag.  FILE
is the file name to look up in `auto-coding-alist' (default
`buffer-file-name')."
  (unless (listp default-coding-system)
    (setq default-coding-system (list default-coding-system)))
  (let* ((auto-cs (unless (or (stringp from) find-file-literally)
                    (mule--auto-coding-for-write from to file)))
         (defaults (mule--write-defaults default-coding-system auto-cs))
         (codings (find-coding-systems-region from to))
         (tick (unless (stringp from) (buffer-chars-modified-tick)))
         (coding-system nil)
         safe rejected unsafe)
    (when select-safe-coding-system-accept-default-p
      (setq accept-default-p select-safe-coding-system-accept-default-p))
    (if (eq (car codings) 'undecided)
        (setq coding-system (caar defaults))
      (dolist (pair defaults)
        (cond ((not (memq (cdr pair) codings)) (push (car pair) unsafe))
              ((and (functionp accept-default-p)
                    (not (funcall accept-default-p (cdr pair))))
               (push (car pair) rejected))
              (t (push (car pair) safe))))
      (setq safe (nreverse safe) rejected (nreverse rejected) unsafe (nreverse unsafe))
      (setq coding-system (car safe)))
    (unless coding-system
      ;; Offer UTF-8 first when it can do.
      (when (and (memq 'utf-8 codings) (not (eq (car codings) 'utf-8)))
        (setq codings (cons 'utf-8 (delq 'utf-8 codings))))
      (setq coding-system (select-safe-coding-system-interactively
                           from to codings unsafe rejected (car codings))))
    (when auto-cs
      ;; Fill in what one of the choice and the coding tag leaves open from the other.
      (if (not coding-system)
          (setq coding-system auto-cs)
        (let ((eol-1 (coding-system-eol-type coding-system))
              (eol-2 (coding-system-eol-type auto-cs)))
          (cond ((eq (coding-system-base coding-system) 'undecided)
                 (setq coding-system (coding-system-change-text-conversion coding-system auto-cs)))
                ((eq (coding-system-base auto-cs) 'undecided)
                 (setq auto-cs (coding-system-change-text-conversion auto-cs coding-system))))
          (cond ((and (vectorp eol-1) (not (vectorp eol-2)))
                 (setq coding-system (coding-system-change-eol-conversion coding-system eol-2)))
                ((and (not (vectorp eol-1)) (vectorp eol-2))
                 (setq auto-cs (coding-system-change-eol-conversion auto-cs eol-1))))))
      (when (and (not (auto-coding-alist-lookup (or file buffer-file-name "")))
                 (not (coding-system-equal coding-system auto-cs))
                 (let ((type-1 (coding-system-type auto-cs))
                       (type-2 (coding-system-type coding-system)))
                   (or (eq type-1 'charset) (eq type-2 'charset)
                       (not (coding-system-equal type-1 type-2)))))
        (or (yes-or-no-p
             (format "Selected encoding %s disagrees with %s specified by file contents.  Really save (else edit coding cookies and try again)? "
                     coding-system auto-cs))
            (error "Save aborted"))))
    (unless (or (null tick) (= tick (buffer-chars-modified-tick)))
      ;; Asking the user gave a chance to edit the text being encoded.
      (error "Canceled because the buffer was modified"))
    (if (mule--undecided-prefers-utf-8 coding-system from to)
        (coding-system-change-text-conversion coding-system 'utf-8)
      coding-system)))

(defun mule--undecided-prefers-utf-8 (coding-system from to)
  "Non-nil if CODING-SYSTEM, of type `undecided' asking for UTF-8, is to encode non-ASCII text.
The text is the string FROM or the region FROM..TO."
  (and (eq (coding-system-type coding-system) 'undecided)
       (coding-system-get coding-system :prefer-utf-8)
       (cond ((stringp from) (multibyte-string-p from))
             ((number-or-marker-p from)
              ;; More bytes than characters: some are not ASCII.
              (> (- (position-bytes to) (position-bytes from)) (- to from))))))

(setq select-safe-coding-system-function #'select-safe-coding-system)

(defun encode-coding-char (char coding-system &optional charset)
  "The bytes CODING-SYSTEM encodes CHAR into, as a unibyte string; nil if it cannot.
CHARSET, if non-nil, is given to the encoder as the preferred charset
of CHAR.  Neither a signature (byte-order mark) the coding system
writes first nor the bytes it adds at the end of every text are part of
the result."
  (let* ((once (string char))
         (encoders (find-coding-systems-string once))
         (ascii (eq (car-safe encoders) 'undecided))
         (signature (coding-system-get coding-system :bom)))
    (cond
     ((and ascii (not signature))
      (encode-coding-string once coding-system))
     ((or ascii (memq (coding-system-base coding-system) encoders))
      ;; Encoding CHAR once and twice: the bytes both end with are a trailer,
      ;; the bytes of a signature come first.
      (let ((twice (string char char)))
        (when charset
          (put-text-property 0 1 'charset charset once)
          (put-text-property 0 2 'charset charset twice))
        (let* ((short (encode-coding-string once coding-system))
               (long (encode-coding-string twice coding-system))
               (trailer 0))
          (while (and (< trailer (length short))
                      (= (aref short (- (length short) trailer 1))
                         (aref long (- (length long) trailer 1))))
            (setq trailer (1+ trailer)))
          (substring long
                     (if signature
                         (or (cdr (assq (coding-system-type coding-system) '((utf-8 . 3) (utf-16 . 2))))
                             0)
                       0)
                     (- (length long) trailer))))))))

;;;; Language environments.

(defvar language-info-alist
  '(("Latin-1"
     (input-method . "latin-1-prefix")
     (unibyte-display . iso-latin-1)
     (nonascii-translation . iso-8859-1)
     (coding-priority iso-latin-1)
     (coding-system iso-latin-1 iso-latin-9 windows-1252)
     (charset iso-8859-1))
    ("UTF-8"
     (input-method . "rfc1345")
     (charset unicode-bmp unicode)
     (coding-priority utf-8)
     (coding-system utf-8))
    ("ASCII" (charset ascii))
    ("English" (charset ascii)))
  "Alist of language environments: (NAME (KEY . INFO) ...).
Keys include `charset', `coding-system' (coding systems suited to the
language), `coding-priority' (detection priority to set),
`nonascii-translation', `input-method', `setup-function',
`exit-function' and `features'.  elisp4j defines \"English\",
\"ASCII\", \"UTF-8\" and \"Latin-1\".")

(defvar current-language-environment "English"
  "The language environment last set by `set-language-environment'.")
(defvar set-language-environment-hook nil
  "Normal hook run after `set-language-environment' has set up a language environment.")
(defvar exit-language-environment-hook nil
  "Normal hook run by `set-language-environment' before leaving the current language environment.")
(defvar default-input-method nil
  "The input method a language environment suggests (a string), or nil.")
(defvar input-method-history nil "History of input method names read.")
(defvar current-iso639-language 'en
  "The ISO 639 code (a symbol) of the current language environment's language.")

(defun get-language-info (lang-env key)
  "Return the information under KEY of language environment LANG-ENV (a string or symbol)."
  (when (symbolp lang-env) (setq lang-env (symbol-name lang-env)))
  (let ((slot (assoc-string lang-env language-info-alist t)))
    (and slot (cdr (assq key (cdr slot))))))

(defun set-language-info-internal (lang-env key info)
  "Store INFO under KEY in the definition of language environment LANG-ENV.
Internal: use `set-language-info'."
  (let ((slot (assoc lang-env language-info-alist)))
    (unless slot
      (setq slot (list lang-env)
            language-info-alist (cons slot language-info-alist)))
    (let ((entry (assq key slot)))
      (unless entry
        (setq entry (list key))
        (setcdr slot (cons entry (cdr slot))))
      (setcdr entry info))))

(defun set-language-info (lang-env key info)
  "Store INFO under KEY in the definition of language environment LANG-ENV.
When LANG-ENV is the current environment, what KEY controls is set up again."
  (when (symbolp lang-env) (setq lang-env (symbol-name lang-env)))
  (set-language-info-internal lang-env key info)
  (when (equal lang-env current-language-environment)
    (cond ((eq key 'coding-priority) (set-language-environment-coding-systems lang-env))
          ((eq key 'input-method) (set-language-environment-input-method lang-env)))))

(defun set-language-info-alist (lang-env alist &optional parents)
  "Define language environment LANG-ENV by ALIST, a list of (KEY . INFO).
PARENTS (menu placement in Emacs) is ignored: elisp4j has no menus.
When LANG-ENV is the current environment, it is set up again."
  (ignore parents)
  (when (symbolp lang-env) (setq lang-env (symbol-name lang-env)))
  (dolist (entry alist)
    (set-language-info-internal lang-env (car entry) (cdr entry)))
  (when (equal lang-env current-language-environment)
    (set-language-environment lang-env)))

(defun read-language-name (key prompt &optional default)
  "Read the name of a language environment that has information under KEY (any if nil).
PROMPT is the prompt, DEFAULT the default name.  Return the name, or nil."
  (let* ((completion-ignore-case t)
         (name (completing-read prompt language-info-alist
                                (and key (lambda (elt) (and (listp elt) (assq key elt))))
                                t nil nil default)))
    (and (> (length name) 0)
         (or (not key) (get-language-info name key))
         name)))

(defun reset-language-environment ()
  "Return coding systems to the state of no language environment.
The detection priority starts with UTF-8, Latin-1 and raw text; the
default `buffer-file-coding-system' is nil; file names use UTF-8; the
default process coding systems detect output and send UTF-8, keeping
their end-of-line types."
  (interactive)
  (set-coding-system-priority 'utf-8 'iso-latin-1 'raw-text)
  (set-default-coding-systems nil)
  (setq default-sendmail-coding-system 'utf-8)
  (setq default-file-name-coding-system 'utf-8-unix)
  (setq default-process-coding-system
        (cons (condition-case nil
                  (coding-system-change-text-conversion (car default-process-coding-system) 'undecided)
                (coding-system-error 'undecided))
              (condition-case nil
                  (coding-system-change-text-conversion (cdr default-process-coding-system) 'utf-8)
                (coding-system-error 'utf-8)))))

(defun set-language-environment-coding-systems (language-name)
  "Set the default coding systems and detection priority of LANGUAGE-NAME."
  (let* ((priority (get-language-info language-name 'coding-priority))
         (eol (coding-system-eol-type (or (default-value 'buffer-file-coding-system) 'unix))))
    (when priority
      (set-default-coding-systems
       (if (memq eol '(0 1 2 unix dos mac))
           (coding-system-change-eol-conversion (car priority) eol)
         (car priority)))
      (setq default-sendmail-coding-system (car priority))
      (apply #'set-coding-system-priority priority))))

(defun set-language-environment-input-method (language-name)
  "Make the input method of LANGUAGE-NAME the default one."
  (let ((method (get-language-info language-name 'input-method)))
    (when method
      (setq default-input-method method)
      (when input-method-history
        (add-to-history 'input-method-history method)))))

(defun set-language-environment (language-name)
  "Set up the language environment LANGUAGE-NAME (a string or symbol; nil is \"English\").
This sets the detection priority and default coding systems, and the
default input method.  `exit-language-environment-hook' runs before,
`set-language-environment-hook' after."
  (interactive (list (read-language-name nil (format-prompt "Set language environment" "English"))))
  (setq language-name (cond ((null language-name) "English")
                            ((symbolp language-name) (symbol-name language-name))
                            (t language-name)))
  (let ((slot (assoc-string language-name language-info-alist t)))
    (unless slot
      (error "Language environment not defined: %S" language-name))
    (setq language-name (car slot)))
  (when current-language-environment
    (let ((exit (get-language-info current-language-environment 'exit-function)))
      (run-hooks 'exit-language-environment-hook)
      (when (functionp exit) (funcall exit))))
  (reset-language-environment)
  (dolist (feature (get-language-info language-name 'features))
    (require feature))
  (setq current-language-environment language-name)
  (set-language-environment-coding-systems language-name)
  (set-language-environment-input-method language-name)
  (let ((setup (get-language-info language-name 'setup-function)))
    (when (functionp setup) (funcall setup)))
  (setq current-iso639-language
        (or (get-language-info language-name 'iso639-language) current-iso639-language))
  (run-hooks 'set-language-environment-hook)
  (force-mode-line-update t))

;;;; Start-up.

(defun elisp4j--set-locale-coding ()
  "Set the defaults that follow the locale's coding system, as each session starts.
This is the coding-system part of what Emacs's `set-locale-environment'
does in batch: the locale's coding system (`locale-coding-system', which
the runtime derives from LC_ALL, LC_CTYPE or LANG) is preferred, which
makes it the default for new buffers, file names, processes, the
terminal and the keyboard; a locale without one (C, POSIX) selects
\"ASCII\" and leaves new buffers without a coding system.  `command-line'
calls this, so that a dumped library does not keep the locale of the
build."
  (cond (locale-coding-system
         (prefer-coding-system locale-coding-system))
        (t
         (setq current-language-environment "ASCII")
         (setq-default buffer-file-coding-system nil)
         (setq default-terminal-coding-system nil
               default-keyboard-coding-system nil)))
  (set-default 'keyboard-coding-system locale-coding-system))

(provide 'mule-cmds)

;;; mule-cmds.el ends here
