;;; mule.el --- coding systems of files and buffers  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; international/mule.el, for the parts that decide coding systems:
;; property accessors, the choice of a coding system when a file is
;; read (`set-auto-coding', `find-auto-coding' with `auto-coding-alist',
;; `auto-coding-regexp-alist', `coding:' tags and `auto-coding-functions'),
;; `buffer-file-coding-system' after `insert-file-contents'
;; (`after-insert-file-set-coding'), `set-buffer-file-coding-system'
;; and `modify-coding-system-alist'.  The coding systems themselves and
;; their conversions are primitives (coding.c in Emacs).
;;
;; Not here: charsets (`define-charset'), `define-coding-system',
;; translation tables, ISO-2022 and CCL.

;;; Code:

;;;; Properties of coding systems.

(defun coding-system-doc-string (coding-system)
  "Return the documentation string of CODING-SYSTEM, if it has one."
  (plist-get (coding-system-plist coding-system) :docstring))

(defun coding-system-mnemonic (coding-system)
  "Return the character that stands for CODING-SYSTEM in the mode line."
  (plist-get (coding-system-plist coding-system) :mnemonic))

(defun coding-system-type (coding-system)
  "Return the coding type (a symbol such as `utf-8' or `charset') of CODING-SYSTEM."
  (plist-get (coding-system-plist coding-system) :coding-type))

(defun coding-system-charset-list (coding-system)
  "Return the list of charsets CODING-SYSTEM can encode."
  (plist-get (coding-system-plist coding-system) :charset-list))

(defun coding-system-category (coding-system)
  "Return the detection category (a symbol) of CODING-SYSTEM."
  (plist-get (coding-system-plist coding-system) :category))

(defun coding-system-get (coding-system prop)
  "Return property PROP of CODING-SYSTEM.
PROP may also be given without its colon (`mime-charset' for
`:mime-charset'), and `ascii-incompatible' is the negation of
`:ascii-compatible-p'."
  (let ((plist (coding-system-plist coding-system)))
    (or (plist-get plist prop)
        (and (not (keywordp prop))
             (if (eq prop 'ascii-incompatible)
                 (not (plist-get plist :ascii-compatible-p))
               (plist-get plist (intern (concat ":" (symbol-name prop)))))))))

(defun coding-system-equal (coding-system-1 coding-system-2)
  "Return t if CODING-SYSTEM-1 and CODING-SYSTEM-2 are the same coding system.
That is, if they are the same symbol, or aliases with the same
end-of-line handling."
  (or (eq coding-system-1 coding-system-2)
      (and (equal (coding-system-plist coding-system-1)
                  (coding-system-plist coding-system-2))
           (let ((eol-1 (coding-system-eol-type coding-system-1))
                 (eol-2 (coding-system-eol-type coding-system-2)))
             (or (eq eol-1 eol-2)
                 (and (vectorp eol-1) (vectorp eol-2))))
           t)))

(defun coding-system-list (&optional base-only)
  "Return the coding systems that are not end-of-line variants of others.
With BASE-ONLY non-nil, return only base coding systems, without
their aliases."
  (let ((result nil))
    (dolist (cs coding-system-list)
      (when (eq (coding-system-base cs) cs)
        (if base-only
            (push cs result)
          (dolist (name (coding-system-aliases cs))
            (push name result)))))
    result))

(defun merge-coding-systems (first second)
  "Return FIRST with what it leaves unspecified taken from SECOND.
The text conversion is taken from SECOND when FIRST is `undecided',
and the end-of-line conversion when FIRST leaves it open."
  (let ((base (coding-system-base second))
        (eol (coding-system-eol-type second)))
    (when (eq (coding-system-base first) 'undecided)
      (setq first (coding-system-change-text-conversion first base)))
    (when (and (vectorp (coding-system-eol-type first))
               (integerp eol) (<= 0 eol 2))
      (setq first (coding-system-change-eol-conversion first eol)))
    first))

(defmacro with-coding-priority (coding-systems &rest body)
  "Run BODY with CODING-SYSTEMS first in the detection priority.
The previous priority order is restored afterwards."
  (declare (indent 1) (debug t))
  (let ((saved (make-symbol "saved")))
    `(let ((,saved (coding-system-priority-list)))
       (unwind-protect
           (progn (apply #'set-coding-system-priority ,coding-systems)
                  ,@body)
         (apply #'set-coding-system-priority ,saved)))))


;;;; The coding system of the current buffer.

(defvar-local buffer-file-coding-system-explicit nil
  "Coding systems explicitly chosen for the visited file, as (DECODING . ENCODING).
`after-insert-file-set-coding' records `coding-system-for-read' in
the car when a file is visited with it; `set-buffer-file-coding-system'
records its argument in the cdr.  Reverting decodes with the car;
`select-safe-coding-system' does not second-guess the cdr.")
(put 'buffer-file-coding-system-explicit 'permanent-local t)

(defun mule--whole-buffer-auto-coding ()
  "What `set-auto-coding-function' finds for the whole current buffer, or nil."
  (save-restriction
    (widen)
    (save-excursion
      (goto-char (point-min))
      (funcall set-auto-coding-function (or buffer-file-name "") (buffer-size)))))

(defun mule--fill-in-coding (coding-system force)
  "CODING-SYSTEM completed from the buffer's `buffer-file-coding-system', unless FORCE.
What CODING-SYSTEM leaves open (text or end-of-line conversion) is
taken from the buffer's coding system, if it has one."
  (if (or force (null coding-system) (null buffer-file-coding-system))
      coding-system
    (merge-coding-systems coding-system buffer-file-coding-system)))

(defun read-buffer-file-coding-system ()
  "Read a coding system for saving the current buffer, with completion.
The default is what the buffer's text and file would suggest."
  (let* ((auto (and (not find-file-literally) (mule--whole-buffer-auto-coding)))
         (current (and buffer-file-coding-system
                       (coding-system-base buffer-file-coding-system)))
         (default (or auto
                      (let ((dflt (default-value 'buffer-file-coding-system)))
                        (and dflt (not (eq (coding-system-base dflt) current)) dflt))))
         (name (completing-read (format-prompt "Coding system for saving file" default)
                                coding-system-alist nil t nil 'coding-system-history
                                (and default (symbol-name default)))))
    (unless (zerop (length name)) (intern name))))

(defun set-buffer-file-coding-system (coding-system &optional force nomodify)
  "Make the current buffer save its file with CODING-SYSTEM.
Unless FORCE is non-nil, what CODING-SYSTEM leaves unspecified (the
text or the end-of-line conversion) is kept from the buffer's current
`buffer-file-coding-system'.  The buffer is marked modified so that
saving writes it, unless NOMODIFY is non-nil."
  (interactive (list (read-buffer-file-coding-system) current-prefix-arg))
  (check-coding-system coding-system)
  (setq coding-system (mule--fill-in-coding coding-system force))
  (when (and (called-interactively-p 'interactive)
             (let ((charsets (coding-system-get coding-system :charset-list)))
               (not (and (listp charsets) (memq 'emacs charsets)))))
    ;; Saving must be able to encode the text: ask again if it could not.
    (let ((encodable (find-coding-systems-region (point-min) (point-max))))
      (when (and (not (eq (car encodable) 'undecided))
                 (not (memq (coding-system-base coding-system) encodable)))
        (setq coding-system (select-safe-coding-system-interactively
                             (point-min) (point-max) encodable (list coding-system))))))
  (setq buffer-file-coding-system coding-system)
  (let ((explicit buffer-file-coding-system-explicit))
    ;; The pair is updated in place: `basic-save-buffer' may hold it.
    (if (consp explicit)
        (setcdr explicit coding-system)
      (setq buffer-file-coding-system-explicit (cons nil coding-system))))
  (or nomodify (set-buffer-modified-p t))
  (force-mode-line-update))

(defun revert-buffer-with-coding-system (coding-system &optional force)
  "Read the visited file again, decoding it with CODING-SYSTEM.
Unless FORCE is non-nil, what CODING-SYSTEM leaves unspecified is
taken from the buffer's `buffer-file-coding-system'; with FORCE it is
detected from the file as when visiting."
  (interactive "zCoding system for visited file (default nil): \nP")
  (check-coding-system coding-system)
  (let ((coding-system-for-read (mule--fill-in-coding coding-system force)))
    (revert-buffer)))

(defun set-file-name-coding-system (coding-system)
  "Use CODING-SYSTEM to encode and decode file names (sets `file-name-coding-system')."
  (interactive "zCoding system for file names (default nil): ")
  (check-coding-system coding-system)
  (when coding-system
    ;; File names must keep their ASCII bytes (slashes, dots) as they are.
    (unless (or (coding-system-get coding-system :ascii-compatible-p)
                (coding-system-get coding-system :suitable-for-file-name))
      (error "%s is not suitable for file names" coding-system)))
  (setq file-name-coding-system coding-system))

;;;; Selections.

(defun set-selection-coding-system (coding-system)
  "Exchange selection and clipboard text with other programs in CODING-SYSTEM.
This sets `selection-coding-system'."
  (interactive "zCoding system for X selection: ")
  (check-coding-system coding-system)
  (setq selection-coding-system coding-system))

(defalias 'set-clipboard-coding-system #'set-selection-coding-system)

(defvar last-next-selection-coding-system nil
  "The coding system last given to `set-next-selection-coding-system'.")

(defun set-next-selection-coding-system (coding-system)
  "Use CODING-SYSTEM for the next selection exchange only.
With nil, the coding system given last time is used again."
  (interactive
   (list (read-coding-system
          (format-prompt "Coding system for the next selection" last-next-selection-coding-system)
          last-next-selection-coding-system)))
  (setq coding-system (or coding-system last-next-selection-coding-system))
  (setq last-next-selection-coding-system coding-system)
  (check-coding-system coding-system)
  (setq next-selection-coding-system coding-system))

;;;; The terminal's coding systems.

(defvar default-terminal-coding-system nil
  "The coding system `set-terminal-coding-system' falls back on.
It is used when that command is given nil while the terminal has no
coding system; `set-default-coding-systems' sets it.")

(defvar default-keyboard-coding-system nil
  "The coding system offered by `set-keyboard-coding-system' when keyboard input is not decoded.
`set-default-coding-systems' sets it.")

(defun set-terminal-coding-system (coding-system &optional terminal)
  "Encode the output to TERMINAL with CODING-SYSTEM.
TERMINAL is a terminal, a frame, or nil for the selected frame's
terminal.  When CODING-SYSTEM is nil and the selected terminal has no
coding system, `default-terminal-coding-system' is used; a non-nil
choice becomes that default."
  (interactive
   (list (let ((offered (and (null (terminal-coding-system))
                             default-terminal-coding-system)))
           (read-coding-system
            (format-prompt "Coding system for terminal display" offered)
            offered))))
  (cond (coding-system
         (setq default-terminal-coding-system coding-system))
        ((null (terminal-coding-system))
         (setq coding-system default-terminal-coding-system)
         ;; Re-assigning the default to itself, as the command does.
         (when coding-system
           (setq default-terminal-coding-system coding-system))))
  (set-terminal-coding-system-internal coding-system terminal)
  (redraw-frame))

(defun set-keyboard-coding-system (coding-system &optional terminal)
  "Decode the keyboard input of TERMINAL with CODING-SYSTEM (nil: do not decode it).
TERMINAL is a terminal, a frame, or nil for the selected frame's
terminal.  The coding system must be ASCII-compatible and of a type
that can decode a keyboard's bytes; its Unix variant is used, since
keyboard input has no line ends to convert.  The coding system used is
also stored in the variable `keyboard-coding-system'."
  (interactive
   (list (let ((offered (and (eq (coding-system-type (keyboard-coding-system nil)) 'raw-text)
                             default-keyboard-coding-system)))
           (read-coding-system
            (format-prompt "Coding system for keyboard input" offered)
            offered))))
  (let ((type (coding-system-type coding-system)))
    (unless (terminal-live-p terminal)
      (signal 'wrong-type-argument (list 'terminal-live-p terminal)))
    (unless (or (coding-system-get coding-system :ascii-compatible-p)
                (coding-system-get coding-system :suitable-for-keyboard))
      (error "Unsuitable coding system for keyboard: %s" coding-system))
    (unless (memq type '(raw-text charset utf-8 iso-2022 shift-jis big5 ccl))
      (error "Unsupported coding system for keyboard: %s" coding-system)))
  (setq coding-system (coding-system-change-eol-conversion coding-system 'unix))
  (set-keyboard-coding-system-internal coding-system terminal)
  (setq keyboard-coding-system coding-system))

(defcustom keyboard-coding-system nil
  "The coding system keyboard input is decoded with.
Setting the variable has no effect; customizing it (or the command
`set-keyboard-coding-system') does.  Start-up sets it from the locale."
  :type '(coding-system :tag "Coding system")
  :set (lambda (_symbol value)
         (if value
             (set-keyboard-coding-system value)
           (set-default 'keyboard-coding-system nil)))
  :version "22.1"
  :group 'keyboard
  :group 'mule)

;;;; Choosing the coding system of a file being read.

(defvar auto-coding-alist
  ;; File name extensions (regexps), grouped by the coding system that reads them.
  (let ((suffix-regexp
         (lambda (extensions)
           (concat "\\.\\(" (mapconcat #'identity extensions "\\|") "\\)\\'")))
        (archives '("arc" "zip" "lzh" "lha" "zoo" "[jew]ar" "xpi" "rar" "7z" "squashfs")))
    (list (cons (funcall suffix-regexp (append archives (mapcar #'upcase archives)))
                'no-conversion-multibyte)
          (cons (funcall suffix-regexp '("exe" "EXE")) 'no-conversion)
          (cons (funcall suffix-regexp '("sx[dmicw]" "odt" "tar" "t[bg]z")) 'no-conversion)
          (cons (funcall suffix-regexp '("gz" "Z" "bz" "bz2" "xz" "gpg")) 'no-conversion)
          (cons (funcall suffix-regexp '("jpe?g" "png" "gif" "tiff?" "p[bpgn]m")) 'no-conversion)
          (cons "\\.pdf\\'" 'no-conversion)
          ;; Auto-save files are written by Emacs in its internal coding.
          (cons "/#[^/]+#\\'" 'utf-8-emacs-unix)))
  "Alist of (REGEXP . CODING-SYSTEM): files whose names match are read with CODING-SYSTEM.
These take priority over `coding:' tags and `file-coding-system-alist'.")

(defvar auto-coding-regexp-alist
  '(("\\`BABYL OPTIONS:[ \t]*-\\*-[ \t]*rmail[ \t]*-\\*-" . no-conversion)
    ("\\`\376\377" . utf-16be-with-signature)
    ("\\`\377\376" . utf-16le-with-signature)
    ("\\`\357\273\277" . utf-8-with-signature)
    ("\\`;ELC\024\0\0\0" . emacs-mule))
  "Alist of (REGEXP . CODING-SYSTEM): files whose first bytes match are read with CODING-SYSTEM.
These take priority over `coding:' tags and `file-coding-system-alist'.")

(defvar auto-coding-functions '(sgml-xml-auto-coding-function
                                sgml-html-meta-auto-coding-function)
  "Functions that may find the coding system of a file from its text.
Each is called with point at the start of the text and SIZE, how many
characters to look at, and returns a coding system or nil.  They run
only when no `coding:' tag decides.")

(defvar set-auto-coding-for-load nil
  "Non-nil means that an obsolete \"unibyte: t\" tag selects `raw-text'.
`load' binds it to t.")

(defun auto-coding-alist-lookup (filename)
  "Return the coding system `auto-coding-alist' gives for FILENAME, or nil."
  (let ((case-fold-search (file-name-case-insensitive-p filename))
        (found nil))
    (dolist (entry auto-coding-alist)
      (when (and (not found) (string-match (car entry) filename))
        (setq found (cdr entry))))
    found))

(defun auto-coding-regexp-alist-lookup (from to)
  "Return the coding system `auto-coding-regexp-alist' gives for the text FROM..TO, or nil."
  (save-excursion
    (let ((found nil))
      (dolist (entry auto-coding-regexp-alist)
        (unless found
          (goto-char from)
          (let ((regexp (car entry)))
            (when enable-multibyte-characters
              (setq regexp (string-to-multibyte regexp)))
            (when (re-search-forward regexp to t)
              (setq found (cdr entry))))))
      found)))

(defun mule--local-variables-tag (tag tail-start tail-end)
  "The value of TAG in a \"Local Variables:\" section between TAIL-START and TAIL-END.
Return the value as a string, or nil.  The section's prefix and suffix
must surround the entry, as in `hack-local-variables'."
  (goto-char tail-start)
  (re-search-forward "[\r\n]\^L" tail-end t)
  (when (re-search-forward
         "[\r\n]\\([^\r\n]*\\)[ \t]*Local Variables:[ \t]*\\([^\r\n]*\\)[\r\n]"
         tail-end t)
    (let* ((prefix (regexp-quote (match-string 1)))
           (suffix (regexp-quote (match-string 2)))
           (start (1- (point)))
           (limit (save-excursion
                    (goto-char start)
                    (if (re-search-forward
                         (concat "[\r\n]" prefix "[ \t]*End *:[ \t]*" suffix "[\r\n]?")
                         tail-end t)
                        (point)
                      tail-end))))
      (goto-char start)
      (when (re-search-forward
             (concat "[\r\n]" prefix "[ \t]*" (regexp-quote tag)
                     "[ \t]*:[ \t]*\\([^ \t\r\n]+\\)[ \t]*" suffix "[\r\n]")
             limit t)
        (match-string 1)))))

(defun mule--search-tag (limit)
  "Search forward, before LIMIT, for a coding, unibyte or translation tag.
Return the end of the match (point moves there), or nil."
  (or (search-forward "coding:" limit t)
      (search-forward "unibyte:" limit t)
      (search-forward "enable-character-translation:" limit t)))

(defun mule--coding-tag (filename size)
  "The coding tag of the SIZE characters after point: (CODING . TRANSLATION) or nil.
CODING is a symbol from the -*- line in the first 1024 characters or
from a local variables section in the last 3072; TRANSLATION is the
string given for `enable-character-translation', if any.  FILENAME
names the file in warnings.  Point is left where the search ended, as
in Emacs."
  (let* ((case-fold-search t)
         (head-start (point))
         (tail-end (+ head-start size))
         ;; The -*- line is looked for in the first 1K, local variables in the last 3K.
         (head-end (min tail-end (+ head-start 1024)))
         (tail-start (max head-start (- tail-end 3072)))
         coding translation tail-found
         ;; A quick look for any of the tags before parsing anything.
         (head-found (mule--search-tag head-end)))
    (if (and head-found (> head-found tail-start))
        (setq tail-found head-found)
      (goto-char tail-start)
      (setq tail-found (mule--search-tag tail-end)))
    (when head-found
      (goto-char head-start)
      (let ((line-end (set-auto-mode-1)))
        (setq head-start (point))
        (when (and line-end (< head-found line-end))
          (goto-char head-start)
          (when (and set-auto-coding-for-load
                     (re-search-forward "\\(.*;\\)?[ \t]*unibyte:[ \t]*\\([^ ;]+\\)" line-end t))
            (display-warning 'mule
                             (format "\"unibyte: t\" (in %s) is obsolete; use \"coding: 'raw-text\" instead."
                                     (file-relative-name filename))
                             :warning)
            (setq coding 'raw-text))
          (when (and (not coding)
                     (re-search-forward "\\(.*;\\)?[ \t]*coding:[ \t]*\\([^ ;]+\\)" line-end t))
            (setq coding (intern (match-string 2))))
          (when (re-search-forward "\\(.*;\\)?[ \t]*enable-character-translation:[ \t]*\\([^ ;]+\\)"
                                   line-end t)
            (setq translation (match-string 2))))))
    (when (and tail-found (or (not coding) (not translation)))
      (goto-char tail-start)
      (re-search-forward "[\r\n]\^L" tail-end t)
      (when (re-search-forward
             "[\r\n]\\([^\r\n]*\\)[ \t]*Local Variables:[ \t]*\\([^\r\n]*\\)[\r\n]" tail-end t)
        ;; An entry sits between the prefix and the suffix of the "Local Variables:" line.
        (let* ((prefix (regexp-quote (match-string 1)))
               (suffix (regexp-quote (match-string 2)))
               (entry (lambda (name)
                        (concat "[\r\n]" prefix "[ \t]*" name "[ \t]*:[ \t]*\\([^ \t\r\n]+\\)[ \t]*"
                                suffix "[\r\n]")))
               (start (1- (point))))
          (forward-char -1)
          (re-search-forward (concat "[\r\n]" prefix "[ \t]*End *:[ \t]*" suffix "[\r\n]?") tail-end 'move)
          (setq tail-end (point))
          (goto-char start)
          (when (and set-auto-coding-for-load
                     (re-search-forward (funcall entry "unibyte") tail-end t))
            (display-warning 'mule "\"unibyte: t\" is obsolete; use \"coding: 'raw-text\" instead."
                             :warning)
            (setq coding 'raw-text))
          (when (and (not coding) (re-search-forward (funcall entry "coding") tail-end t))
            (setq coding (intern (match-string 1))))
          (when (and (not translation)
                     (re-search-forward (funcall entry "enable-character-translation") tail-end t))
            (setq translation (match-string 1))))))
    (when coding
      ;; A name ending in "!" also turns character translation off.
      (let ((name (symbol-name coding)))
        (when (and (> (length name) 0) (eq (aref name (1- (length name))) ?!))
          (setq coding (intern (substring name 0 -1))
                translation "nil"))))
    (when (and translation (null (intern translation)))
      (setq-local enable-character-translation nil))
    (and coding (cons coding translation))))

(defun find-auto-coding (filename size)
  "Find the coding system for file FILENAME whose SIZE bytes follow point.
The bytes should include the first 1K and the last 3K of the file.
Tried in order: `auto-coding-alist' on FILENAME,
`auto-coding-regexp-alist' on the text, a `coding:' tag in the -*-
line or the local variables section, then `auto-coding-functions'.
Return (CODING . SOURCE), SOURCE being `auto-coding-alist',
`auto-coding-regexp-alist', `:coding' or `auto-coding-functions', or
nil if none applies.  CODING is not checked to be a coding system.
Point may move."
  (or (let ((cs (auto-coding-alist-lookup filename)))
        (and cs (cons cs 'auto-coding-alist)))
      (let ((cs (auto-coding-regexp-alist-lookup (point) (+ (point) size))))
        (and cs (cons cs 'auto-coding-regexp-alist)))
      (let ((tag (mule--coding-tag filename size)))
        (and tag (cons (car tag) :coding)))
      (let ((fns auto-coding-functions)
            (cs nil))
        (while (and fns (not cs))
          (let ((fn (pop fns)))
            (setq cs (ignore-errors
                       (save-excursion
                         (goto-char (point-min))
                         (funcall fn size))))))
        (and cs (cons cs 'auto-coding-functions)))))

(defun set-auto-coding (filename size)
  "Return the coding system for file FILENAME whose SIZE bytes follow point.
Like `find-auto-coding', but only the coding system, and nil when
what was found is not a coding system."
  (let ((found (find-auto-coding filename size)))
    (and found (coding-system-p (car found)) (car found))))

(setq set-auto-coding-function #'set-auto-coding)

;;;; The buffer's coding system after reading a file.

(defun after-insert-file-set-coding (inserted &optional visit)
  "Set `buffer-file-coding-system' after `insert-file-contents' inserted INSERTED characters.
The coding system comes from `last-coding-system-used' (see
`find-new-buffer-file-coding-system').  VISIT non-nil, with
`coding-system-for-read' bound, records that coding system in
`buffer-file-coding-system-explicit'.  Return the number of
characters inserted."
  (when (and visit coding-system-for-read
             (not (eq coding-system-for-read 'auto-save-coding)))
    (setq buffer-file-coding-system-explicit (cons coding-system-for-read nil)))
  (when last-coding-system-used
    (let ((cs (find-new-buffer-file-coding-system last-coding-system-used)))
      (when cs
        (setq buffer-file-coding-system cs))))
  inserted)

(defun find-new-buffer-file-coding-system (coding)
  "Return the `buffer-file-coding-system' for the current buffer after reading with CODING.
The text conversion and the end-of-line type are decided separately:
a buffer-local `buffer-file-coding-system' keeps what it specifies,
otherwise what CODING specifies wins.  Return nil when nothing should
change: CODING is nil or says nothing (`undecided' with an open
end-of-line type), or the buffer already has a complete local value."
  (when coding
    (let* ((bfcs buffer-file-coding-system)
           (local (local-variable-p 'buffer-file-coding-system))
           (local-eol (let ((e (coding-system-eol-type bfcs))) (and (numberp e) e)))
           (local-text (and bfcs
                            (not (eq (coding-system-type bfcs) 'undecided))
                            (coding-system-base bfcs))))
      (unless (and local local-eol local-text)
        (let ((found-eol (let ((e (coding-system-eol-type coding)))
                           (cond ((numberp e) e)
                                 (inhibit-eol-conversion 0))))
              (found-text (coding-system-base coding)))
          (unless (and (null found-eol) (eq found-text 'undecided))
            (let* ((text (if local (or local-text found-text) (or found-text local-text)))
                   (eol (if local (or local-eol found-eol) (or found-eol local-eol)))
                   (variants (coding-system-eol-type text)))
              (if (and (numberp eol) (vectorp variants))
                  (aref variants eol)
                text))))))))

(defun decode-coding-inserted-region (from to filename &optional visit beg end replace)
  "Decode the text FROM..TO, just inserted undecoded, as if read from the file FILENAME.
The coding system is `coding-system-for-read', else what
`set-auto-coding-function' finds in the text, else what
`find-operation-coding-system' gives for `insert-file-contents' on
FILENAME (called with VISIT, BEG, END and REPLACE, which mean what they
mean to `insert-file-contents').  In a unibyte buffer only its
end-of-line conversion applies.  Decoding is not recorded for undo:
when VISIT, the undo list is emptied; otherwise an undo entry for the
insertion of FROM..TO is replaced by one for the decoded text."
  (save-excursion
    (save-restriction
      (let* ((insertion (car-safe buffer-undo-list))
             (undo-rest (cond (visit nil)
                              ((and (consp insertion) (eql (car insertion) from) (eql (cdr insertion) to))
                                (list (cdr buffer-undo-list)))))
             coding)
        (when (or visit undo-rest)
          (setq buffer-undo-list t))
        (narrow-to-region from to)
        (goto-char (point-min))
        (setq coding
              (or coding-system-for-read
                  (funcall set-auto-coding-function filename (buffer-size))
                  (car (find-operation-coding-system 'insert-file-contents
                                                     (cons filename (current-buffer))
                                                     visit beg end replace))))
        (cond ((not (coding-system-p coding))
               (setq coding nil))
              ((not enable-multibyte-characters)
               (setq coding (coding-system-change-text-conversion coding 'raw-text))))
        (if (null coding)
            (setq last-coding-system-used nil)
          (decode-coding-region (point-min) (point-max) coding))
        (cond (visit (setq buffer-undo-list nil))
              (undo-rest
               (setq buffer-undo-list (cons (cons from (point-max)) (car undo-rest)))))))))

(defun recode-region (start end new-coding coding)
  "Decode again with NEW-CODING the text START..END that was decoded with CODING.
The text is encoded back with CODING first.  An active region is
deactivated."
  (interactive
   (list (region-beginning) (region-end)
         (read-coding-system "Text was really in: ")
         (let ((used (or buffer-file-coding-system last-coding-system-used)))
           (read-coding-system (format-prompt "But was interpreted as" used) used))))
  (unless (and new-coding coding)
    (error "Coding system not specified"))
  ;; A bad NEW-CODING must not leave the text encoded.
  (check-coding-system new-coding)
  (save-restriction
    ;; Within the narrowing (which also brings point into it) the text is
    ;; turned back into bytes, then read anew.
    (narrow-to-region start end)
    (pcase-dolist (`(,convert . ,coding-system) (list (cons #'encode-coding-region coding)
                                                      (cons #'decode-coding-region new-coding)))
      (funcall convert (point-min) (point-max) coding-system)))
  (when (region-active-p)
    (deactivate-mark)))

(defun modify-coding-system-alist (target-type regexp coding-system)
  "Make I/O on targets matching REGEXP use CODING-SYSTEM.
TARGET-TYPE is `file' (`file-coding-system-alist', REGEXP matches file
names), `process' (`process-coding-system-alist', program names) or
`network' (`network-coding-system-alist', service names, or REGEXP a
port number).  CODING-SYSTEM is a coding system, a cons (DECODING .
ENCODING), or a function returning such a cons."
  (unless (memq target-type '(file process network))
    (error "Invalid target type: %s" target-type))
  (unless (or (stringp regexp)
              (and (eq target-type 'network) (integerp regexp)))
    (error "Invalid regular expression: %s" regexp))
  (if (symbolp coding-system)
      (unless (fboundp coding-system)
        (check-coding-system coding-system)
        (setq coding-system (cons coding-system coding-system)))
    (check-coding-system (car coding-system))
    (check-coding-system (cdr coding-system)))
  (let* ((var (cond ((eq target-type 'file) 'file-coding-system-alist)
                    ((eq target-type 'process) 'process-coding-system-alist)
                    (t 'network-coding-system-alist)))
         (slot (assoc regexp (symbol-value var))))
    (if slot
        (setcdr slot coding-system)
      (set var (cons (cons regexp coding-system) (symbol-value var))))))

(setq file-coding-system-alist
      '(("\\.tzst\\'" no-conversion . no-conversion)
        ("\\.zst\\'" no-conversion . no-conversion)
        ("\\.dz\\'" no-conversion . no-conversion)
        ("\\.txz\\'" no-conversion . no-conversion)
        ("\\.xz\\'" no-conversion . no-conversion)
        ("\\.lzma\\'" no-conversion . no-conversion)
        ("\\.lz\\'" no-conversion . no-conversion)
        ("\\.g?z\\'" no-conversion . no-conversion)
        ("\\.\\(?:tgz\\|svgz\\|sifz\\)\\'" no-conversion . no-conversion)
        ("\\.tbz2?\\'" no-conversion . no-conversion)
        ("\\.bz2\\'" no-conversion . no-conversion)
        ("\\.Z\\'" no-conversion . no-conversion)
        ("\\.elc\\'" . utf-8-emacs)
        ("\\.el\\'" . prefer-utf-8)
        ("\\.utf\\(-8\\)?\\'" . utf-8)
        ("\\.xml\\'" . xml-find-file-coding-system)
        ("\\(\\`\\|/\\)loaddefs.el\\'" raw-text . raw-text-unix)
        ("\\.tar\\'" no-conversion . no-conversion)
        ("" undecided)))

;;;; Coding systems declared inside XML and HTML documents.

(defun mule--declared-coding (sym name xml)
  "The coding system SYM that a document declares (as the string NAME), or nil after a warning.
When the buffer is multibyte and both SYM and `buffer-file-coding-system'
are UTF-8 (compared as `coding-system-equal' does, which fails for the
type `charset'; for XML a `charset' SYM is just not UTF-8), the buffer's
own UTF-8 variant is kept, so that a signature survives saving."
  (if (not (coding-system-p sym))
      (progn (message "Warning: unknown coding system \"%s\"" name) nil)
    (let ((type (coding-system-type sym))
          (bfcs-type (coding-system-type buffer-file-coding-system)))
      (if (and enable-multibyte-characters
               (not (and xml (eq type 'charset)))
               (coding-system-equal 'utf-8 type)
               (coding-system-equal 'utf-8 bfcs-type))
          buffer-file-coding-system
        sym))))

(defun sgml-xml-auto-coding-function (size)
  "Return the coding system of an XML document in the SIZE characters after point.
The `encoding' of the XML declaration decides; without one the
document should be UTF-8, and a warning says when it does not look so.
Return nil if the text is not XML."
  (setq size (+ (point) size))
  (when (re-search-forward "\\`[[:space:]\n]*<\\?xml" size t)
    (let ((decl-end (save-excursion (re-search-forward "[\"']\\s-*\\?>" size t))))
      (when decl-end
        (if (not (re-search-forward "encoding=[\"']\\(.+?\\)[\"']" decl-end t))
            (mule--xml-default-coding size)
          (let ((declared (match-string 1)))
            ;; UTF-16 in XML needs a byte-order mark: the -be/-le forms with one.
            (mule--declared-coding
             (intern (or (cdr (assoc (downcase declared)
                                     '(("utf-16le" . "utf-16-le") ("utf-16be" . "utf-16-be"))))
                         (downcase declared)))
             declared t)))))))

(defun mule--xml-default-coding (end)
  "UTF-8, the coding of an XML document without an encoding, unless the text up to END is not.
Detection prefers UTF-8; any other result (ASCII counts as UTF-8) is
returned after a warning."
  (let ((found (coding-system-base
                (with-coding-priority '(utf-8)
                  (detect-coding-region (point-min) end t)))))
    (cond ((memq found '(undecided utf-8 utf-8-with-signature utf-8-hfs)) 'utf-8)
          (t (warn "File contents detected as %s.
  Consider adding an encoding attribute to the xml declaration,
  or saving as utf-8, as mandated by the xml specification." found)
             found))))

(defun sgml-html-meta-auto-coding-function (size)
  "Return the coding system an HTML meta tag declares in the SIZE characters after point.
Only the document head (or its first ten lines) is searched, and only
a document that starts with a doctype or an <html> tag.  Return nil if
there is none."
  (let* ((case-fold-search t)
         ;; The head ends at </head>, or is taken as the first ten lines.
         (head-end (save-excursion
                     (unless (search-forward "</head>" (+ (point) size) t)
                       (forward-line 10))
                     (point)))
         (limit (min head-end (+ (point) size))))
    (when (and (re-search-forward
                "\\`[[:space:]\n]*\\(<!doctype[[:space:]\n]+\\(html\\|netscape\\)\\|<html\\)" limit t)
               (re-search-forward
                "<meta\\s-+\\(http-equiv=[\"']?content-type[\"']?\\s-+content=[\"']text/\\sw+;\\s-*\\)?charset=[\"']?\\(.+?\\)[\"'[:space:]/>]"
                limit t))
      (let ((declared (match-string 2)))
        (mule--declared-coding (intern (downcase declared)) declared nil)))))

(defun xml-find-file-coding-system (args)
  "The coding system for reading an XML file without a declaration (for `file-coding-system-alist').
ARGS are the arguments of `find-operation-coding-system'.  Reading
uses UTF-8 (or UTF-16 with a byte-order mark), with a warning when the
text looks otherwise; writing leaves the choice open (`undecided')."
  (if (eq (car args) 'insert-file-contents)
      (let ((detected (with-coding-priority '(utf-8)
                        (coding-system-base (detect-coding-region (point-min) (point-max) t))))
            (bom (list (char-after 1) (char-after 2))))
        (cond ((equal bom '(#xFE #xFF)) 'utf-16be-with-signature)
              ((equal bom '(#xFF #xFE)) 'utf-16le-with-signature)
              ((memq detected '(utf-8 undecided)) 'utf-8)
              ((memq detected '(utf-16le-with-signature utf-16be-with-signature)) detected)
              (t (warn "File contents detected as %s.
  Consider adding an xml declaration with the encoding specified,
  or saving as utf-8, as mandated by the xml specification." detected)
                 detected)))
    'undecided))

(provide 'mule)

;;; mule.el ends here
