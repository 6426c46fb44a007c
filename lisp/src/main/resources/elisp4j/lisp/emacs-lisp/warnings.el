;;; warnings.el --- log and display warnings  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; warnings.el does: levels, suppression and minimum levels, and in
;; batch mode a line "Level (TYPE): MESSAGE" on standard error.

;;; Code:

(defvar warning-levels
  '((:emergency "Emergency%s: " ding) (:error "Error%s: ")
    (:warning "Warning%s: ") (:debug "Debug%s: "))
  "The `display-warning' levels, most severe first, as (LEVEL FORMAT [ALERT]).
FORMAT makes the prefix of a warning, with %s for the type in
parentheses; ALERT is a function called to get attention.")

(defvar warning-level-aliases
  ;; Plain symbols (old style and syslog-like names) for the levels, in
  ;; Emacs's order.
  '((emergency . :emergency) (error . :error) (warning . :warning)
    (notice . :warning) (info . :warning)
    (critical . :emergency) (alarm . :emergency))
  "Other names of the `display-warning' levels, as (ALIAS . LEVEL).")

(defvar warning-minimum-level :warning
  "Minimum severity level for displaying the warning buffer.")
(defvar warning-minimum-log-level :warning
  "Minimum severity level for logging a warning.")
(defvar warning-suppress-log-types nil
  "List of warning types that should not be logged.")
(defvar warning-suppress-types nil
  "List of warning types not to display immediately.")
(defvar warning-prefix-function nil
  "Function to generate warning prefixes.")
(defvar warning-series nil "Non-nil means treat multiple `display-warning' calls as a series.")
(defvar warning-fill-prefix nil "Non-nil means fill each warning text using this string as `fill-prefix'.")
(defvar warning-type-format " (%s)" "Format for displaying the warning type in the warning message.")

(defun warning-numeric-level (level)
  "Return a numeric measure of the warning severity level LEVEL."
  (let ((elt (assq level warning-levels)))
    ;; Earlier entries are more severe: :emergency is highest.
    (if elt (length (memq elt warning-levels)) 0)))

(defun warning-suppress-p (type suppress-list)
  "Non-nil if a warning with type TYPE should be suppressed by SUPPRESS-LIST."
  (let ((found nil))
    (dolist (elt suppress-list)
      (if (symbolp type)
          (when (or (eq elt type) (and (consp elt) (eq (car elt) type) (null (cdr elt))))
            (setq found t))
        (when (let ((tail type) (e (if (consp elt) elt (list elt))) (ok t))
                (while (and e ok)
                  (unless (eq (car e) (car tail)) (setq ok nil))
                  (setq e (cdr e) tail (cdr tail)))
                ok)
          (setq found t))))
    found))

(defun display-warning (type message &optional level buffer-name)
  "Display a warning MESSAGE of type TYPE at LEVEL (default :warning).
In batch mode it is printed to standard error as \"Level (TYPE): MESSAGE\"."
  (ignore buffer-name)
  (unless level (setq level :warning))
  (let ((alias (assq level warning-level-aliases)))
    (when alias
      ;; EMACS-COMPAT: an old-style level is reported, then replaced.
      (warn "Warning level `%s' is obsolete; use `%s' instead" level (cdr alias))
      (setq level (cdr alias))))
  (unless (or (< (warning-numeric-level level) (warning-numeric-level warning-minimum-log-level))
              (warning-suppress-p type warning-suppress-log-types))
    (let* ((typename (if (consp type) (car type) type))
           (level-info (assq level warning-levels))
           (prefix (format (nth 1 level-info)
                           (format warning-type-format typename))))
      (when (nth 2 level-info) (funcall (nth 2 level-info)))
      (if noninteractive
          (message "%s%s" prefix message)
        (with-current-buffer (get-buffer-create "*Warnings*")
          (goto-char (point-max))
          (insert prefix message "\n"))
        (message "%s%s" prefix message)))))

(defun lwarn (type level message &rest args)
  "Display a warning message made from (format-message MESSAGE ARGS...)."
  (display-warning type (apply #'format-message message args) level))

(defun warn (message &rest args)
  "Display a warning message made from (format-message MESSAGE ARGS...)."
  (display-warning 'emacs (apply #'format-message message args)))

(provide 'warnings)

;;; warnings.el ends here
