;;; bind-key.el --- bind keys and remember the bindings  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j after the documented behaviour of
;; bind-key.el as GNU Emacs 29 ships it with use-package (Emacs 28 has
;; neither): GNU Emacs 28.2, elisp4j's reference, cannot record it, so
;; what follows is a summary of the documented semantics this file
;; implements.
;;
;; - (bind-key KEY COMMAND &optional KEYMAP PREDICATE) binds KEY (a string
;;   read as `kbd' reads it, or a vector) to COMMAND in KEYMAP (a keymap
;;   variable or keymap; `global-map' by default).  With PREDICATE the
;;   binding is a menu item whose filter gives COMMAND only while the
;;   predicate form is non-nil.
;; - Every binding made so is remembered in `personal-keybindings' as
;;   ((KEY-STRING . KEYMAP-SYMBOL-OR-NIL) COMMAND PREVIOUS-BINDING), a later
;;   binding of the same key and map replacing the entry.
;; - `bind-key*' binds in `override-global-map', which the global minor
;;   mode `override-global-mode' (on by default) puts in
;;   `emulation-mode-map-alists', so it wins over major and minor modes.
;; - `unbind-key' takes the binding away again and forgets it.
;; - `bind-keys' binds many keys: the keywords :map, :prefix-map with
;;   :prefix (and :prefix-docstring, :menu-name), :filter and :package
;;   come first, then (KEY . COMMAND) pairs.  With :map and :package, a
;;   keymap variable that is not yet defined is bound once the package
;;   loads (`eval-after-load').  `bind-keys*' binds in the override map.
;;
;; Not provided: `describe-personal-keybindings' (it needs a help buffer
;; layout elisp4j has no display for) and the :repeat-map keywords.

;;; Code:

(defvar personal-keybindings nil
  "Key bindings made with `bind-key', as ((KEY . MAP) COMMAND PREVIOUS).")

(defvar override-global-map (make-keymap)
  "Keymap for `bind-key*': its bindings override those of every mode.")

(define-minor-mode override-global-mode
  "Minor mode that makes the bindings of `override-global-map' take precedence."
  :init-value t
  :global t
  :lighter "")

(add-to-list 'emulation-mode-map-alists
             `((override-global-mode . ,override-global-map)))

(defun bind-key--key-elisp4j (key)
  "KEY as a key sequence: strings are read as `kbd' reads them."
  (cond ((stringp key) (kbd key))
        ((vectorp key) key)
        (t (error "%s is not a valid key definition; see `bind-key'" key))))

(defun bind-key--remember-elisp4j (key keymap-name keymap command)
  "Record in `personal-keybindings' that KEY is bound to COMMAND in KEYMAP.
KEYMAP-NAME is the keymap's variable, or nil for the global map."
  (let* ((desc (cons (if (stringp key) key (key-description key)) keymap-name))
         (previous (lookup-key keymap (bind-key--key-elisp4j key)))
         (details (list command (unless (numberp previous) previous)))
         (entry (assoc desc personal-keybindings)))
    (if entry
        (setcdr entry details)
      (push (cons desc details) personal-keybindings))))

(defun bind-key--map-elisp4j (keymap)
  "The keymap KEYMAP designates: a keymap variable's value, a keymap, or the global map."
  (cond ((null keymap) global-map)
        ((keymapp keymap) keymap)
        ((and (symbolp keymap) (boundp keymap)) (symbol-value keymap))
        (t (signal 'wrong-type-argument (list 'keymapp keymap)))))

(defun bind-key--map-form-elisp4j (keymap)
  "Forms for the keymap and its name in `personal-keybindings', for the KEYMAP argument."
  (let ((v (make-symbol "keymap")))
    (list v
          `(bind-key--map-elisp4j ,v)
          ;; The value is a symbol when the argument names the variable
          ;; (quoted); else the argument itself (unevaluated) names it.
          `(if (symbolp ,v) ,v ',keymap))))

(defmacro bind-key (key-name command &optional keymap predicate)
  "Bind KEY-NAME to COMMAND in KEYMAP (the global map by default) and remember it.
KEY-NAME is a string in the notation of `kbd', or a vector.  COMMAND and
KEYMAP are evaluated; KEYMAP gives a keymap or a keymap variable's symbol.
With PREDICATE, a form, the binding is active only while PREDICATE
evaluates to non-nil."
  (let ((key (make-symbol "key"))
        (cmd (make-symbol "command"))
        (map (make-symbol "map"))
        (forms (bind-key--map-form-elisp4j keymap)))
    `(let* ((,key ,key-name)
            (,cmd ,command)
            (,(nth 0 forms) ,keymap)
            (,map ,(nth 1 forms)))
       (bind-key--remember-elisp4j ,key ,(nth 2 forms) ,map ,cmd)
       (define-key ,map (bind-key--key-elisp4j ,key)
         ,(if predicate
              `(list 'menu-item "" nil
                     :filter (lambda (&optional _) (when ,predicate ,cmd)))
            cmd)))))

(defmacro unbind-key (key-name &optional keymap)
  "Remove the binding of KEY-NAME in KEYMAP (the global map by default).
The binding is also removed from `personal-keybindings'.  The arguments
are as for `bind-key'."
  (let ((forms (bind-key--map-form-elisp4j keymap))
        (name (make-symbol "name")))
    `(let* ((,name ,key-name)
            (,(nth 0 forms) ,keymap))
       (define-key ,(nth 1 forms) (bind-key--key-elisp4j ,name) nil)
       (setq personal-keybindings
             (delete (assoc (cons (if (stringp ,name) ,name (key-description ,name))
                                  ,(nth 2 forms))
                            personal-keybindings)
                     personal-keybindings))
       nil)))

(defmacro bind-key* (key-name command &optional predicate)
  "Bind KEY-NAME to COMMAND in `override-global-map', above all modes' bindings."
  `(bind-key ,key-name ,command override-global-map ,predicate))

(defun bind-keys--form-elisp4j (args default-map)
  "The forms `bind-keys' expands ARGS into; DEFAULT-MAP is the map without :map."
  (let ((map default-map) prefix prefix-map prefix-doc menu-name filter pkg
        (bindings nil))
    (while (keywordp (car args))
      (let ((kw (pop args)))
        (unless args (error "bind-keys: %s is missing its value" kw))
        (let ((value (pop args)))
          (pcase kw
            (:map (setq map value))
            (:prefix (setq prefix value))
            (:prefix-map (setq prefix-map value))
            (:prefix-docstring (setq prefix-doc value))
            (:menu-name (setq menu-name value))
            (:filter (setq filter value))
            (:package (setq pkg value))
            (_ (error "bind-keys: unknown keyword %s" kw))))))
    (when (or (and prefix-map (not prefix)) (and prefix (not prefix-map)))
      (error "Both :prefix-map and :prefix must be supplied"))
    (when (and menu-name (not prefix))
      (error "If :menu-name is supplied, :prefix must be too"))
    ;; The bindings run up to the next keyword, which starts another group
    ;; (with only :package carried over).
    (while (and args (not (keywordp (car args))))
      (let ((b (pop args)))
        (unless (and (consp b) (or (stringp (car b)) (vectorp (car b))))
          (error "bind-keys: %S is not a (KEY . COMMAND) pair" b))
        (push b bindings)))
    (setq bindings (nreverse bindings))
    (let* ((target (or prefix-map map))
           (binds (mapcar (lambda (b)
                            `(bind-key ,(car b)
                                       ,(let ((c (cdr b)))
                                          (if (and (consp c) (memq (car c) '(quote function)))
                                              c
                                            `#',c))
                                       ,target ,filter))
                          bindings))
           (prefix-forms
            (when prefix-map
              `((defvar ,prefix-map)
                ,@(when prefix-doc `((put ',prefix-map 'variable-documentation ,prefix-doc)))
                (unless (boundp ',prefix-map)
                  (setq ,prefix-map (make-sparse-keymap ,menu-name)))
                (define-prefix-command ',prefix-map)
                (bind-key ,prefix ',prefix-map ,map ,filter))))
           (forms (append prefix-forms binds)))
      (append
       (if (and pkg map (not (eq map 'global-map)) (symbolp map))
           ;; The map comes with the package: bind once it is loaded.
           `((if (boundp ',map)
                 ,(macroexp-progn forms)
               (eval-after-load ',pkg ',(macroexp-progn forms))))
         forms)
       (when args
         (bind-keys--form-elisp4j (if pkg (append (list :package pkg) args) args)
                                  default-map))))))

(defmacro bind-keys (&rest args)
  "Bind several keys at once.
ARGS starts with keywords: :map MAP (the keymap, global by default),
:prefix-map MAP and :prefix KEY (make MAP a prefix keymap bound to KEY and
bind the keys in it), :prefix-docstring STRING, :menu-name STRING,
:filter FORM (bindings active only while FORM is non-nil) and :package PKG
(a :map not yet defined is bound when PKG loads); then (KEY . COMMAND)
pairs, KEY as for `bind-key'."
  (macroexp-progn (bind-keys--form-elisp4j args nil)))

(defmacro bind-keys* (&rest args)
  "Like `bind-keys', with `override-global-map' as the default keymap."
  (macroexp-progn (bind-keys--form-elisp4j args 'override-global-map)))

(provide 'bind-key)

;;; bind-key.el ends here
