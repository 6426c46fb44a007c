;;; format.el --- file formats: decoding on reading, encoding on writing  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; format.el in its basic functions: `insert-file-contents' calls
;; `format-decode' after reading and `write-region' calls
;; `format-annotate-function' for each format in `buffer-file-format'.
;; A format is an entry of `format-alist'.
;;
;; Not here: the predefined formats (`format-alist' starts empty, as
;; elisp4j has no enriched-mode or iso-cvt), `format-write-file',
;; `format-find-file', `format-insert-file' and the annotation
;; translation machinery (`format-deannotate-region' and friends).

;;; Code:

(put 'buffer-file-format 'permanent-local t)
(put 'buffer-auto-save-file-format 'permanent-local t)

(defvar format-alist nil
  "File formats: a list of (NAME DOC-STR REGEXP FROM-FN TO-FN MODIFY MODE-FN PRESERVE).
NAME is the symbol that stands for the format in `buffer-file-format'.
REGEXP recognizes the format at the start of a file (nil: never
automatically).  FROM-FN decodes: called with BEGIN and END, it returns
the new end; a string is a shell command filtering the text instead.
TO-FN encodes: called with BEGIN, END and the original buffer, it
returns a list of annotations as `write-region-annotate-functions' do,
or, when MODIFY is non-nil, changes the text and returns the new end (a
string is a shell command here too).  MODE-FN is called with 1 when a
file in the format is visited.  PRESERVE non-nil keeps the format in
`buffer-file-format' when the file is written in another format.")
(put 'format-alist 'risky-local-variable t)

(defun format-encode-run-method (method from to &optional buffer)
  "Encode the text FROM..TO with METHOD: a shell command (string) or a function.
The function is called with FROM, TO and BUFFER, the buffer the text
came from.  A failing command shows its errors and signals an error."
  (if (stringp method)
      (format--filter method from to t "Format encoding failed")
    (funcall method from to buffer)))

(defun format-decode-run-method (method from to &optional _buffer)
  "Decode the text FROM..TO with METHOD: a shell command (string) or a function.
Return the new end of the text."
  (if (stringp method)
      (progn (format--filter method from to 'no-mark "Format decoding failed")
             (point))
    (funcall method from to)))

(defun format--filter (command from to replace failure)
  "Replace FROM..TO by the output of shell COMMAND run on it; signal FAILURE on errors.
REPLACE is passed to `shell-command-on-region'.  The command's error
output goes to the buffer \"*Format Errors*\"."
  (let ((errors (get-buffer-create "*Format Errors*"))
        (coding-system-for-read 'no-conversion)
        (coding-system-for-write 'no-conversion)
        (format-alist nil))
    (with-current-buffer errors
      (widen)
      (erase-buffer))
    (unless (and (zerop (shell-command-on-region from to command t replace errors))
                 (zerop (buffer-size errors)))
      (error failure))))

(defun format-annotate-function (format from to orig-buf format-count)
  "Return the annotations that write FROM..TO in FORMAT (a symbol of `format-alist').
ORIG-BUF is the buffer being written; FORMAT-COUNT counts the formats
applied so far.  When the format's TO-FN modifies the text, the text is
first copied to a temporary buffer that becomes current (and is killed
after the write), and the value is nil; otherwise TO-FN's annotations
are the value.  Called by `write-region' for each element of
`buffer-file-format'."
  (let* ((info (assq format format-alist))
         (to-fn (nth 4 info))
         (modify (nth 5 info)))
    (when to-fn
      (if (not modify)
          (funcall to-fn from to orig-buf)
        (let ((copy (get-buffer-create (format " *Format Temp %d*" format-count)))
              (sel-disp selective-display)
              (multibyte enable-multibyte-characters)
              (coding buffer-file-coding-system))
          (with-current-buffer copy
            (setq selective-display sel-disp)
            (set-buffer-multibyte multibyte)
            (setq buffer-file-coding-system coding))
          (let ((inhibit-read-only t))
            (copy-to-buffer copy from to)
            (set-buffer copy)
            (format-insert-annotations write-region-annotations-so-far from)
            (format-encode-run-method to-fn (point-min) (point-max) orig-buf))
          (when (buffer-live-p copy)
            (with-current-buffer copy
              ;; Killed once written, not during TO-FN's own writes.
              (setq-local write-region-post-annotation-function #'kill-buffer)))
          nil)))))

(defun format-decode (format length &optional visit-flag)
  "Decode the LENGTH characters after point from FORMAT and return their new length.
FORMAT is a symbol of `format-alist', a list of them, or nil to
recognize formats by their regexps (again after each decoding, until
none matches).  With VISIT-FLAG, `buffer-file-format' is set to the
formats found (outermost last) and their mode functions are called.
The buffer's modified flag is not changed.  `insert-file-contents'
calls this after reading a file."
  (let* ((was-modified (buffer-modified-p))
         (start (point))
         (stop (+ start length))
         (decode (lambda (entry)
                   ;; Decode with ENTRY of `format-alist' and enter its mode.
                   (when (nth 3 entry)
                     (setq stop (format-decode-run-method (nth 3 entry) start stop)))
                   (when (and visit-flag (nth 6 entry))
                     (funcall (nth 6 entry) 1))))
         (used nil))
    (unwind-protect
        (progn
          (if format
              (let ((names (if (listp format) format (list format))))
                (dolist (name names)
                  (funcall decode (or (assq name format-alist)
                                      (error "Unknown format %s" name))))
                ;; Recorded in the order encoding applies them.
                (setq used (reverse names)))
            ;; Each decoding may reveal another format underneath: look again
            ;; from the first entry, until none is recognized.
            (let (entry)
              (while (setq entry (format--recognize (+ start length)))
                (push (car entry) used)
                (let ((here (point)))
                  (funcall decode entry)
                  (goto-char here)))))
          (when visit-flag
            (setq buffer-file-format used)))
      (set-buffer-modified-p was-modified))
    (- stop start)))

(defun format--recognize (limit)
  "The first entry of `format-alist' whose regexp matches at point and ends before LIMIT."
  (catch 'found
    (dolist (entry format-alist)
      (let ((regexp (nth 2 entry)))
        (when (and regexp (looking-at regexp) (< (match-end 0) limit))
          (throw 'found entry))))
    nil))

(defun format-read (&optional prompt)
  "Read the name of a format of `format-alist' with PROMPT; nil for empty input."
  (let* ((names (mapcar (lambda (f) (symbol-name (car f))) format-alist))
         (answer (completing-read (or prompt "Format: ") names nil t)))
    (unless (equal answer "") (intern answer))))

(defun format-decode-region (from to &optional format)
  "Decode the text FROM..TO from FORMAT (recognized by its regexp if nil)."
  (interactive (list (region-beginning) (region-end)
                     (format-read "Translate region from format (default guess): ")))
  (save-excursion
    (goto-char from)
    (format-decode format (- to from) nil)))

(defun format-decode-buffer (&optional format)
  "Decode the buffer from FORMAT (recognized by its regexp if nil) and set `buffer-file-format'."
  (interactive (list (format-read "Translate buffer from format (default guess): ")))
  (save-excursion
    (goto-char (point-min))
    (format-decode format (buffer-size) t)))

(defun format-encode-region (beg end &optional format)
  "Encode the text BEG..END into FORMAT (default `buffer-file-format').
FORMAT is a symbol of `format-alist' or a list of them."
  (interactive (list (region-beginning) (region-end)
                     (format-read (format-prompt "Translate region to format" buffer-file-format))))
  (unless format (setq format buffer-file-format))
  (when (symbolp format) (setq format (list format)))
  (save-excursion
    (goto-char end)
    (let ((end (point-marker)))
      (dolist (name format)
        (let* ((info (assq name format-alist))
               (to-fn (nth 4 info)))
          (when to-fn
            (if (nth 5 info)
                (setq end (format-encode-run-method to-fn beg end (current-buffer)))
              (format-insert-annotations (funcall to-fn beg end (current-buffer))))))))))

(defun format-encode-buffer (&optional format)
  "Encode the buffer into FORMAT (default `buffer-file-format')."
  (interactive (list (format-read (format-prompt "Translate buffer to format" buffer-file-format))))
  (format-encode-region (point-min) (point-max) format))

(defun format-insert-annotations (list &optional offset)
  "Insert the annotations LIST, (POSITION . STRING) pairs, as `write-region' would.
OFFSET is the position the annotation positions count from (default 1)."
  (setq offset (if offset (1- offset) 0))
  (dolist (annotation (reverse list))
    (goto-char (- (car annotation) offset))
    (insert (cdr annotation))))

(provide 'format)

;;; format.el ends here
