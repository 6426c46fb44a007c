;;; env.el --- functions to manipulate environment variables  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as GNU Emacs 28's
;; env.el: `getenv', `setenv' and `substitute-env-vars' work on
;; `process-environment' (a list of "NAME=VALUE" strings; a bare "NAME"
;; means the variable is unset).

;;; Code:

(defun substitute-env-vars (string &optional when-undefined)
  "Substitute environment variables referred to in STRING.
`$FOO' and `${FOO}' are replaced by FOO's value, `$$' by `$'.  An
undefined variable becomes the empty string, or is left alone if
WHEN-UNDEFINED is `only-defined', or is replaced by the result of
calling WHEN-UNDEFINED (a function) with its name."
  (let ((start 0) (out nil)
        (re "\\$\\(?:\\(?1:[[:alnum:]_]+\\)\\|{\\(?1:[^{}]+\\)}\\|\\$\\)"))
    (while (string-match re string start)
      (push (substring string start (match-beginning 0)) out)
      (let ((name (match-string 1 string)))
        (push (if (null name)
                  "$"
                (let ((value (getenv name)))
                  (cond (value value)
                        ((eq when-undefined 'only-defined) (match-string 0 string))
                        ((functionp when-undefined) (funcall when-undefined name))
                        (t ""))))
              out))
      (setq start (match-end 0)))
    (push (substring string start) out)
    (apply #'concat (nreverse out))))

(defun substitute-env-in-file-name (filename)
  "Substitute environment variables in FILENAME, leaving undefined ones alone."
  (substitute-env-vars filename 'only-defined))

(defun setenv-internal (env variable value keep-empty)
  "Set VARIABLE to VALUE in ENV, a list of \"NAME=VALUE\" strings; return the new list.
A nil VALUE unsets it (leaving a bare NAME entry if KEEP-EMPTY)."
  (let ((prefix (concat variable "="))
        (found nil)
        (out nil))
    (dolist (entry env)
      (cond ((or (string-prefix-p prefix entry) (string= entry variable))
             (unless found
               (setq found t)
               (cond (value (push (concat prefix value) out))
                     (keep-empty (push variable out)))))
            (t (push entry out))))
    (setq out (nreverse out))
    (unless found
      (setq out (cons (if value (concat prefix value) variable) out)))
    out))

(defun setenv (variable &optional value substitute-env-vars)
  "Set the value of the environment variable named VARIABLE to VALUE.
VALUE nil means unset it.  With SUBSTITUTE-ENV-VARS, expand $VAR
references in VALUE first.  Return VALUE."
  (let ((to-bytes (lambda (s)
                    (if (multibyte-string-p s)
                        (encode-coding-string s locale-coding-system)
                      s))))
    (and value substitute-env-vars
         (setq value (substitute-env-vars value)))
    (setq variable (funcall to-bytes variable))
    (and value (setq value (funcall to-bytes value))))
  (if (string-match-p "=" variable)
      (error "Environment variable name `%s' contains `='" variable))
  (if (string-equal "TZ" variable)
      (set-time-zone-rule value))
  (setq process-environment (setenv-internal process-environment variable value t))
  value)

(defun getenv (variable &optional frame)
  "Get the value of environment variable VARIABLE (a string), or nil if unset."
  (ignore frame)
  (let ((value (getenv-internal (if (multibyte-string-p variable)
                                    (encode-coding-string variable locale-coding-system)
                                  variable))))
    (if (and value (not (multibyte-string-p value)))
        (decode-coding-string value locale-coding-system)
      value)))

(provide 'env)

;;; env.el ends here
