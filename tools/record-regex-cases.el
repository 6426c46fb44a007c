;;; record-regex-cases.el --- record Emacs's regexp results as test vectors  -*- lexical-binding: t -*-
;; Run by tools/record-regex-cases.sh.  Each output line is
;;   MODE TAB REGEXP TAB TEXT TAB FOLD TAB ARG TAB RESULT
;; MODE s: (string-match REGEXP TEXT ARG); f/b: re-search-forward/backward in a buffer holding
;; TEXT from point ARG; l: looking-at at point ARG.  RESULT is "nil", the match data as
;; integers (-1 for unmatched groups) followed by "|" and point, or "error:SYMBOL:MESSAGE".
;; Strings are escaped: \\ \n \t and \u{HEX} for anything outside printable ASCII.

(defun rrc-escape (s)
  (mapconcat (lambda (c)
               (cond ((eq c ?\\) "\\\\") ((eq c ?\n) "\\n") ((eq c ?\t) "\\t")
                     ((and (>= c 32) (< c 127)) (string c))
                     (t (format "\\u{%X}" c))))
             s ""))

(defun rrc-md ()
  (let ((md (match-data t)) (out nil) (i 0))
    (when (bufferp (car (last md))) (setq md (butlast md)))
    (while md
      (push (if (car md) (number-to-string (car md)) "-1") out)
      (setq md (cdr md) i (1+ i)))
    (mapconcat #'identity (nreverse out) " ")))

(defun rrc-run (mode re text fold arg)
  (with-temp-buffer
    (let ((case-fold-search fold))
      (insert text)
      (condition-case err
          (let ((r (pcase mode
                     ("s" (string-match re text arg))
                     ("f" (goto-char arg) (re-search-forward re nil t))
                     ("b" (goto-char arg) (re-search-backward re nil t))
                     ("l" (goto-char arg) (looking-at re)))))
            (if r (format "%s|%d" (rrc-md) (if (equal mode "s") -1 (point))) "nil"))
        (error (format "error:%s:%s" (car err) (rrc-escape (format "%s" (cadr err)))))))))

(defun rrc-line (mode re text fold arg)
  (format "%s\t%s\t%s\t%d\t%d\t%s\n" mode (rrc-escape re) (rrc-escape text) (if fold 1 0) arg
          (rrc-run mode re text fold arg)))

(defun rrc-record-list (cases file)
  "CASES: list of (MODE RE TEXT FOLD ARG)."
  (with-temp-file file
    (insert ";; Recorded from GNU Emacs " emacs-version " by tools/record-regex-cases.sh.\n")
    (dolist (c cases) (insert (apply #'rrc-line c)))))

;;; Random cases from a small grammar, with our own generator so the seed means the same
;;; thing everywhere.

(defvar rrc-seed 20240601)
(defun rrc-rand (n)
  (setq rrc-seed (% (+ (* rrc-seed 1103515245) 12345) 2147483648))
  (% (/ rrc-seed 65536) n))
(defun rrc-pick (l) (nth (rrc-rand (length l)) l))

(defvar rrc-groups 0)
(defun rrc-atom (depth)
  (let ((k (rrc-rand (if (> depth 2) 9 13))))
    (cond ((< k 4) (rrc-pick '("a" "b" "c" "a" "b" "x")))
          ((= k 4) ".")
          ((= k 5) (rrc-pick '("[ab]" "[^a]" "[a-c]" "[[:alpha:]]" "[^b\n]" "[[:upper:]]" "[[:lower:]b]")))
          ((= k 6) (rrc-pick '("^" "$" "\\b" "\\B" "\\<" "\\>" "\\w" "\\W" "\\`" "\\'" "\\_<" "\\_>")))
          ((= k 7) (if (> rrc-groups 0) (format "\\%d" (1+ (rrc-rand (min rrc-groups 3)))) "a"))
          ((= k 8) (rrc-pick '("A" "B" " " "-")))
          ((< k 11) (setq rrc-groups (1+ rrc-groups))
           (concat "\\(" (rrc-alt (1+ depth)) "\\)"))
          (t (concat "\\(?:" (rrc-alt (1+ depth)) "\\)")))))
(defun rrc-piece (depth)
  (let ((a (rrc-atom depth)) (k (rrc-rand 16)))
    (concat a (cond ((< k 7) "")
                    ((< k 9) "*") ((= k 9) "+") ((= k 10) "?")
                    ((= k 11) "*?") ((= k 12) "+?") ((= k 13) "??")
                    ((= k 14) (rrc-pick '("\\{2\\}" "\\{0,2\\}" "\\{1,\\}" "\\{,1\\}")))
                    (t "*")))))
(defun rrc-seq (depth)
  (let ((n (1+ (rrc-rand 3))) (s ""))
    (dotimes (_ n) (setq s (concat s (rrc-piece depth))))
    s))
(defun rrc-alt (depth)
  (if (and (< depth 3) (= 0 (rrc-rand 4)))
      (concat (rrc-seq depth) "\\|" (rrc-seq depth))
    (rrc-seq depth)))
(defun rrc-text ()
  (let ((n (rrc-rand 9)) (s ""))
    (dotimes (_ n) (setq s (concat s (rrc-pick '("a" "b" "c" "a" "b" "A" "B" " " "\n" "x" "-")))))
    s))

(defun rrc-random-cases (n)
  (let (out)
    (dotimes (_ n)
      (setq rrc-groups 0)
      (let* ((re (rrc-alt 0)) (text (rrc-text)) (fold (= 0 (rrc-rand 3)))
             (mode (rrc-pick '("s" "s" "s" "f" "b" "l")))
             (arg (if (equal mode "s") (rrc-rand (1+ (length text))) (1+ (rrc-rand (1+ (length text)))))))
        (when (equal mode "b") (setq arg (1+ (length text))))
        (push (list mode re text fold arg) out)))
    (nreverse out)))

;;; replace-match: lines are
;;;   MODE TAB REGEXP TAB TEXT TAB NEWTEXT TAB FLAGS TAB SUBEXP TAB RESULT
;;; MODE r: string-match then replace-match on the string; R: re-search-forward from the
;;; buffer start then replace-match in the buffer.  FLAGS: F fixedcase, L literal (or -).
;;; RESULT: the new string, or buffer text|point|match data, or error:SYMBOL:DATA.

(defun rrc-replace-line (mode re text newtext flags subexp)
  (let ((res
         (with-temp-buffer
           (let ((case-fold-search t) (fixed (string-match-p "F" flags)) (lit (string-match-p "L" flags)))
             (insert text)
             (goto-char 1)
             (condition-case err
                 (if (equal mode "r")
                     (if (string-match re text)
                         (rrc-escape (replace-match newtext fixed lit text subexp))
                       "nomatch")
                   (if (re-search-forward re nil t)
                       (progn (replace-match newtext fixed lit nil subexp)
                              (format "%s|%d|%s" (rrc-escape (buffer-string)) (point) (rrc-md)))
                     "nomatch"))
               (error (format "error:%s:%s" (car err) (rrc-escape (format "%S" (cdr err))))))))))
    (format "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" mode (rrc-escape re) (rrc-escape text) (rrc-escape newtext)
            flags (if subexp subexp -1) res)))

(defconst rrc-replace-inputs
  '(("b\\(c\\)" "abcd" "x\\?y" "-" nil) ("b\\(c\\)" "abcd" "x\\qy" "-" nil)
    ("b\\(c\\)" "abcd" "[\\&|\\1|\\2|\\\\]" "-" nil) ("b\\(c\\)" "abcd" "z" "-" 1)
    ("b\\(c\\)" "abcd" "z" "-" 2) ("b\\(c\\)" "abcd" "z\\" "-" nil)
    ("\\(x\\)?b" "abcd" "z" "-" 1) ("\\(x\\)?b" "abcd" "[\\1]" "-" nil)
    ("hello" "Hello world" "bye there" "-" nil) ("hello world" "HELLO WORLD" "bye there" "-" nil)
    ("hello world" "Hello World" "bye there" "-" nil) ("h" "H" "bye there" "-" nil)
    ("hello" "HELLO" "bye \\&" "-" nil) ("a.b" "A-B" "xyz uvw" "-" nil) ("hello" "HELLO" "bye" "F" nil)
    ("hello" "hello" "Bye" "-" nil) ("x" "X" "\u00dfa" "-" nil) ("ab" "Ab" "\u00dfa cd" "-" nil)
    ("ab" "AB" "\\&\\&" "L" nil) ("a\\(b\\)" "xaby" "" "-" 1) ("" "abc" "Z" "-" nil)
    ("b" "abc" "[\\0]" "-" nil) ("foo" "a FOO b" "bar" "-" nil) ("foo bar" "Foo bar" "x y" "-" nil)))

(defun rrc-record-replace (file)
  (with-temp-file file
    (insert ";; Recorded from GNU Emacs " emacs-version " by tools/record-regex-cases.sh.\n")
    (dolist (c rrc-replace-inputs)
      (insert (rrc-replace-line "r" (nth 0 c) (nth 1 c) (nth 2 c) (nth 3 c) (nth 4 c)))
      (insert (rrc-replace-line "R" (nth 0 c) (nth 1 c) (nth 2 c) (nth 3 c) (nth 4 c))))))
