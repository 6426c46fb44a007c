;;; edmacro.el --- reading keyboard macro descriptions  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as `read-kbd-macro'
;; and `edmacro-parse-keys' of GNU Emacs 28 (autoloaded by `kbd'); the
;; code is elisp4j's own.

;;; Commentary:

;; A key description is a sequence of words separated by whitespace:
;; "C-x C-f", "<f1> SPC", "M-x", "C-M-<return>", "3*a", "<<cmd>>", ...
;; `edmacro-parse-keys' turns it into a string when every event is an
;; ASCII character, else into a vector.

;;; Code:

(defconst edmacro--named-chars
  '(("NUL" . "\0") ("RET" . "\r") ("LFD" . "\n") ("TAB" . "\t")
    ("ESC" . "\e") ("SPC" . " ") ("DEL" . "\177"))
  "Key names that stand for a character.")

(defconst edmacro--modifier-bits
  '((?A . ?\A-\0) (?C . ?\C-\0) (?H . ?\H-\0)
    (?M . ?\M-\0) (?s . ?\s-\0) (?S . ?\S-\0))
  "The character modifier bit of each one-letter modifier prefix.")

(defun edmacro--octal-value (digits)
  "The value of the octal number written as the string DIGITS."
  (let ((n 0))
    (dolist (d (append digits nil) n)
      (setq n (+ (* n 8) (- d ?0))))))

(defun edmacro--word-events (word)
  "The events of WORD, a key name possibly with modifier prefixes.
Return a string, a vector or a list of events."
  (let ((whole word) (prefix-length 0) (bits 0))
    ;; Modifier prefixes such as "C-M-", and "^X" for control.
    (while (string-match "^[ACHMsS]-." word)
      (setq bits (+ bits (cdr (assq (aref word 0) edmacro--modifier-bits)))
            prefix-length (+ prefix-length 2)
            word (substring word 2)))
    (when (string-match "^\\^.$" word)
      (setq bits (+ bits ?\C-\0)
            prefix-length (1+ prefix-length)
            word (substring word 1)))
    (let ((named (assoc word edmacro--named-chars)))
      (when named (setq word (cdr named))))
    (when (string-match "^\\\\[0-7]+$" word)
      (setq word (vector (edmacro--octal-value (substring word 1)))))
    (cond
     ((= bits 0) word)
     ;; "M-123" is a meta digit argument: each digit gets the meta bit.
     ((and (= bits ?\M-\0) (stringp word) (string-match "^-?[0-9]+$" word))
      (mapcar (lambda (c) (+ c bits)) word))
     ((/= (length word) 1)
      (error "%s must prefix a single character, not %s"
             (substring whole 0 prefix-length) word))
     ;; Control of @, letters and [\]^_ is an ASCII control character.
     ((and (/= (logand bits ?\C-\0) 0) (stringp word)
           (string-match "[@-_a-z]" word))
      (list (+ (- bits ?\C-\0) (logand (aref word 0) 31))))
     (t (list (+ bits (aref word 0)))))))

(defun edmacro--extended-command-keys ()
  "The keys that run `execute-extended-command'."
  (if (eq (key-binding [?\M-x]) 'execute-extended-command)
      [?\M-x]
    (or (car (where-is-internal 'execute-extended-command)) [?\M-x])))

(defun edmacro-parse-keys (string &optional need-vector)
  "Convert the key description STRING to a key sequence.
The result is a string if all events are ASCII characters and
NEED-VECTOR is nil, else a vector."
  (let ((case-fold-search nil)
        (len (length string))
        (pos 0)
        (events []))
    (while (and (< pos len) (string-match "[^ \t\n\f]+" string pos))
      (let* ((beg (match-beginning 0))
             (end (match-end 0))
             (rest (substring string beg))
             (times 1)
             word key)
        ;; An event name in angle brackets may contain spaces.
        (if (string-match "\\`<[^ <>\t\n\f][^>\t\n\f]*>" rest)
            (setq word (match-string 0 rest)
                  pos (+ beg (match-end 0)))
          (setq word (substring string beg end)
                pos end))
        ;; A repeat count "N*".
        (when (string-match "\\([0-9]+\\)\\*." word)
          (setq times (string-to-number (substring word 0 (match-end 1)))
                word (substring word (1+ (match-end 1)))))
        (cond
         ((string-match "^<<.+>>$" word)
          (setq key (vconcat (edmacro--extended-command-keys)
                             (substring word 2 -2) "\r")))
         ;; A function key or event symbol, with modifier prefixes kept as written.
         ((and (string-match "^\\(\\([ACHMsS]-\\)*\\)<\\(.+\\)>$" word)
               (progn
                 (setq word (concat (match-string 1 word) (match-string 3 word)))
                 (not (string-match "\\<\\(NUL\\|RET\\|LFD\\|ESC\\|SPC\\|DEL\\)$"
                                    word))))
          (setq key (list (intern word))))
         ;; A comment up to the end of the line.
         ((or (equal word "REM") (string-match "^;;" word))
          (setq pos (string-match "$" string pos)))
         (t (setq key (edmacro--word-events word))))
        (when key
          (dotimes (_ times)
            (setq events (vconcat events key))))))
    ;; A macro written between "C-x (" and "C-x )".
    (let ((n (length events)))
      (when (and (>= n 4)
                 (eq (aref events 0) ?\C-x) (eq (aref events 1) ?\()
                 (eq (aref events (- n 2)) ?\C-x) (eq (aref events (1- n)) ?\)))
        (setq events (substring events 2 -2))))
    (if (and (not need-vector)
             (let ((ascii t))
               (mapc (lambda (ev)
                       (unless (and (characterp ev)
                                    (<= 0 (logand ev (lognot ?\M-\0)) 127))
                         (setq ascii nil)))
                     events)
               ascii))
        (concat (mapcar (lambda (ev)
                          (if (= (logand ev ?\M-\0) 0) ev (+ ev 128)))
                        events))
      events)))

(defun read-kbd-macro (start &optional end)
  "Read the region from START to END as a keyboard macro definition.
The text is interpreted as spelled-out keystrokes, e.g., \"M-x abc RET\";
leading \"C-x (\" and trailing \"C-x )\" are ignored.  The macro becomes
`last-kbd-macro'.  From Lisp, START may be a string, which is parsed
and returned (a string if possible, else a vector); then a non-nil END
asks for a vector always."
  (interactive "r")
  (if (stringp start)
      (edmacro-parse-keys start end)
    (setq last-kbd-macro (edmacro-parse-keys (buffer-substring start end)))))

(provide 'edmacro)

;;; edmacro.el ends here
