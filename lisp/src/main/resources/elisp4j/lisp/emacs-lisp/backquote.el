;;; backquote.el --- the backquote macro  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j; it expands backquoted
;; structure into the same code GNU Emacs 28 produces (`cons', `list',
;; `append', `backquote-list*', `vector', `vconcat'), so printed
;; expansions agree.

;;; Code:

(defalias 'backquote-list*-function
  #'(lambda (first &rest list)
      "Like `list' but the last argument is the tail of the new list."
      (if list
          (let* ((rest list) (newlist (cons first nil)) (last newlist))
            (while (cdr rest)
              (setcdr last (cons (car rest) nil))
              (setq last (cdr last) rest (cdr rest)))
            (setcdr last (car rest))
            newlist)
        first)))

(defalias 'backquote-list*-macro
  (cons 'macro
        #'(lambda (first &rest list)
            "Expand into nested `cons' calls: the last argument is the tail."
            (setq list (nreverse (cons first list)))
            (let ((result (car list)))
              (setq list (cdr list))
              (while list
                (setq result (list 'cons (car list) result)
                      list (cdr list)))
              result))))

(defalias 'backquote-list* (symbol-function 'backquote-list*-macro))

(defvar backquote-backquote-symbol '\`
  "The symbol that introduces backquoted structure.")
(defvar backquote-unquote-symbol '\,
  "The symbol marking an evaluated element inside a backquote.")
(defvar backquote-splice-symbol '\,@
  "The symbol marking a spliced element inside a backquote.")

;; The expander works on tagged code (TAG . CODE): TAG 0 means CODE is a
;; constant (a quoted or self-evaluating form), 1 that it must be
;; evaluated, 2 that its value is a list to splice into the enclosing one.

(defalias 'elisp4j--bq-constant
  #'(lambda (code)
      "The value of the constant form CODE."
      (if (eq (car-safe code) 'quote) (car (cdr code)) code)))

(defalias 'elisp4j--bq-listify
  #'(lambda (items tail)
      "Code for the list of ITEMS (tagged, in reverse order) ending in TAIL (tagged).
Constant items at the end fold into a constant tail."
      (let ((heads nil)
            (tail-is-const (= (car tail) 0))
            (tail-code (cdr tail)))
        (if tail-is-const (setq tail-code (elisp4j--bq-constant tail-code)))
        (while (consp items)
          (let ((item (car items)))
            (if (or heads (not tail-is-const) (/= (car item) 0))
                (setq heads (cons (cdr item) heads))
              (setq tail-code (cons (elisp4j--bq-constant (cdr item)) tail-code))))
          (setq items (cdr items)))
        (if tail-code
            (progn
              (if tail-is-const (setq tail-code (list 'quote tail-code)))
              (if heads
                  (cons (if (or (cdr heads)
                                (eq (car-safe (car heads)) backquote-splice-symbol))
                            'backquote-list*
                          'cons)
                        (append heads (list tail-code)))
                tail-code))
          (cons 'list heads)))))

(defalias 'elisp4j--bq-tag
  #'(lambda (code)
      "Tag CODE as constant when it is a quote form."
      (cons (if (eq (car-safe code) 'quote) 0 1) code)))

(defalias 'elisp4j--bq-nested
  #'(lambda (form level)
      "Code rebuilding the (back|un|splice)quote FORM, expanding inside it at LEVEL."
      (elisp4j--bq-tag
       (elisp4j--bq-listify (list (cons 0 (list 'quote (car form))))
                            (elisp4j--bq-process (cdr form) level)))))

(defalias 'elisp4j--bq-process-list
  #'(lambda (form level)
      "Tagged code for the backquoted list FORM."
      (let ((rest form) (pending nil) (leading nil) (pieces nil) (code nil))
        ;; PIECES collects, in reverse, forms each producing part of the list;
        ;; PENDING collects non-spliced items since the last splice;
        ;; LEADING holds the non-spliced items before the first splice.
        (while (and (consp rest)
                    (not (memq (car rest) (list backquote-unquote-symbol
                                                backquote-backquote-symbol))))
          (let ((item (elisp4j--bq-process (car rest) level)))
            (if (= (car item) 2)
                (progn
                  (if (null pieces)
                      (setq leading pending pending nil))
                  (if pending
                      (setq pieces (cons (elisp4j--bq-listify pending '(0 . nil)) pieces)))
                  (setq pieces (cons (cdr item) pieces)
                        pending nil))
              (setq pending (cons item pending))))
          (setq rest (cdr rest)))
        (if (or rest pending)
            (setq pieces (cons (elisp4j--bq-listify pending (elisp4j--bq-process rest level))
                               pieces)))
        (setq code (if (or (cdr pieces)
                           (eq (car-safe (car pieces)) backquote-splice-symbol))
                       (cons 'append (nreverse pieces))
                     (car pieces)))
        (if leading
            (setq code (elisp4j--bq-listify leading (cons 1 code))))
        (elisp4j--bq-tag code))))

(defalias 'elisp4j--bq-process
  #'(lambda (form level)
      "Tagged code building FORM, a backquoted structure at nesting LEVEL."
      (cond
       ((vectorp form)
        (let ((inner (elisp4j--bq-process (append form nil) level)))
          (if (= (car inner) 0)
              (cons 0 form)
            (let ((code (cdr inner)))
              (cons 1 (cond ((not (listp code)) (list 'vconcat code))
                            ((eq (car code) 'list) (cons 'vector (cdr code)))
                            ((eq (car code) 'append) (cons 'vconcat (cdr code)))
                            (t (list 'apply '(function vector) code))))))))
       ((atom form)
        (cons 0 (if (or (null form) (eq form t) (not (symbolp form)))
                    form
                  (list 'quote form))))
       ((eq (car form) backquote-unquote-symbol)
        (if (> level 0)
            (elisp4j--bq-nested form (1- level))
          (if (cdr (cdr form))
              (error "Multiple args to , are not supported: %S" form))
          (cons (if (eq (car-safe (car (cdr form))) 'quote) 0 1)
                (car (cdr form)))))
       ((eq (car form) backquote-splice-symbol)
        (if (> level 0)
            (elisp4j--bq-nested form (1- level))
          (if (cdr (cdr form))
              (error "Multiple args to ,@ are not supported: %S" form))
          (cons 2 (car (cdr form)))))
       ((eq (car form) backquote-backquote-symbol)
        (elisp4j--bq-nested form (1+ level)))
       (t (elisp4j--bq-process-list form level)))))

(defalias 'backquote-process
  #'(lambda (s &optional level)
      "Expand the backquoted structure S: return (TAG . CODE)."
      (elisp4j--bq-process s (or level 0))))

(defalias 'backquote
  (cons 'macro
        #'(lambda (structure)
            "Argument STRUCTURE describes a template to build.
Elements marked with `,' are evaluated; elements marked with `,@' are
evaluated and spliced into the enclosing list."
            (cdr (elisp4j--bq-process structure 0)))))

(defalias '\` (symbol-function 'backquote))

(put '\, 'reader-construct t)
(put '\,@ 'reader-construct t)

;;; backquote.el ends here
