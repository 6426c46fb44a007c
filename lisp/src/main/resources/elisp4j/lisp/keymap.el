;;; keymap.el --- key bindings and input events in Lisp  -*- lexical-binding: t -*-

;; Part of elisp4j.  Written for elisp4j to behave as the key binding
;; and event functions of GNU Emacs 28's subr.el (`kbd', `global-set-key',
;; `event-modifiers', `set-transient-map', ...) plus the `keymap-set'
;; family that Emacs 29 adds in keymap.el; the code is elisp4j's own.
;; The keymap primitives themselves (keymap.c) are Java.

;;; Code:

;;;; Key descriptions.

(autoload 'read-kbd-macro "edmacro"
  "Read the region as a keyboard macro definition." t)
(autoload 'edmacro-parse-keys "edmacro")

(defun kbd (keys)
  "Convert KEYS, a key description such as \"C-x C-f\", to Emacs's key
representation: a string if all its events are ASCII characters, else a
vector.  See `key-description' for the reverse."
  (declare (pure t) (side-effect-free t))
  (save-match-data (read-kbd-macro keys)))

;;;; Defining keys.

(defun undefined ()
  "Ring the bell and say that the keys just typed are not bound.
While a keyboard macro is being defined, that is an error."
  (declare (completion ignore))
  (interactive)
  (ding)
  (let ((keys (key-description (this-single-command-keys))))
    (if defining-kbd-macro
        (error "%s is undefined" keys)
      (message "%s is undefined" keys)))
  (force-mode-line-update)
  ;; A down-mouse event keeps the prefix argument for its up event.
  (setq prefix-arg (and (memq 'down (event-modifiers last-command-event))
                        current-prefix-arg)))

(put 'undefined 'suppress-keymap t)

(defun suppress-keymap (map &optional nodigits)
  "Bind the keys that insert themselves to `undefined' in MAP.
Unless NODIGITS, the digits and minus give prefix arguments in MAP."
  (define-key map [remap self-insert-command] #'undefined)
  (unless nodigits
    (define-key map "-" #'negative-argument)
    (dotimes (i 10)
      (define-key map (char-to-string (+ ?0 i)) #'digit-argument))))

(defun make-composed-keymap (maps &optional parent)
  "Return a new keymap made of MAPS (a keymap or a list of keymaps),
looked up in turn, with PARENT (a keymap or nil) as its parent."
  `(keymap ,@(if (keymapp maps) (list maps) maps) ,@parent))

(defun define-key-after (keymap key definition &optional after)
  "In KEYMAP, bind KEY to DEFINITION, placing the binding right after the
binding of the event AFTER (at the end of KEYMAP if AFTER is t or
omitted), before any inherited map.  Only the last event of KEY is
placed; the earlier ones must lead to a prefix map."
  (unless after (setq after t))
  (unless (keymapp keymap)
    (signal 'wrong-type-argument (list 'keymapp keymap)))
  (setq key (if (<= (length key) 1)
                (aref key 0)
              (setq keymap (lookup-key keymap (apply #'vector (butlast (append key nil)))))
              (aref key (1- (length key)))))
  (let ((tail keymap) (done nil) (inserted nil))
    (while (and (not done) tail)
      ;; Remove earlier bindings of the same event.
      (when (eq (car-safe (car (cdr tail))) key)
        (setcdr tail (cdr (cdr tail))))
      (when (keymapp (car tail)) (setq tail (car tail)))
      (when (or (and (eq (car-safe (car tail)) after) (not (eq after t)))
                (eq (car (cdr tail)) 'keymap)
                (null (cdr tail)))
        (when (eq (car (cdr tail)) 'keymap) (setq done t))
        (unless inserted
          (setcdr tail (cons (cons key definition) (cdr tail))))
        (setq inserted t))
      (setq tail (cdr tail)))))

(defun define-prefix-command (command &optional mapvar name)
  "Define COMMAND, a symbol, as a prefix command: a new sparse keymap
becomes its function definition and its value (or MAPVAR's value, if
given).  NAME is the keymap's menu prompt.  Return COMMAND."
  (let ((map (make-sparse-keymap name)))
    (fset command map)
    (set (or mapvar command) map)
    command))

(defun map-keymap-sorted (function keymap)
  "Call FUNCTION for each binding of KEYMAP, characters first, in order.
This implements `map-keymap' with SORT-FIRST."
  (let ((bindings nil))
    (map-keymap (lambda (event def) (push (cons event def) bindings)) keymap)
    (setq bindings
          (sort bindings
                (lambda (a b)
                  (let ((x (car a)) (y (car b)))
                    (cond ((integerp x) (if (integerp y) (< x y) t))
                          ((integerp y) t)
                          (t (string< x y)))))))
    (dolist (b bindings)
      (funcall function (car b) (cdr b)))))

(defun global-set-key (key command)
  "Give KEY a global binding as COMMAND.
KEY is a key sequence (a string or vector); COMMAND is a command, a
string or vector (a keyboard macro), or nil to unbind."
  (interactive
   (let ((key (read-key-sequence "Set key globally: " nil t)))
     (list key (read-command (format "Set key %s to command: " (key-description key))))))
  (unless (or (vectorp key) (stringp key))
    (signal 'wrong-type-argument (list 'arrayp key)))
  (define-key (current-global-map) key command))

(defun local-set-key (key command)
  "Give KEY a local binding as COMMAND in the current buffer's local map
(made if the buffer has none yet)."
  (interactive "KSet key locally: \nCSet key %s locally to command: ")
  (let ((map (current-local-map)))
    (unless map
      (use-local-map (setq map (make-sparse-keymap))))
    (unless (or (vectorp key) (stringp key))
      (signal 'wrong-type-argument (list 'arrayp key)))
    (define-key map key command)))

(defun global-unset-key (key)
  "Remove the global binding of KEY."
  (interactive "kUnset key globally: ")
  (global-set-key key nil))

(defun local-unset-key (key)
  "Remove the local binding of KEY."
  (interactive "kUnset key locally: ")
  (when (current-local-map)
    (local-set-key key nil))
  nil)

(defun local-key-binding (keys &optional accept-default)
  "Return the binding of KEYS in the current local map, or nil."
  (and (current-local-map)
       (lookup-key (current-local-map) keys accept-default)))

(defun global-key-binding (keys &optional accept-default)
  "Return the binding of KEYS in the current global map."
  (lookup-key (current-global-map) keys accept-default))

(defun substitute-key-definition (olddef newdef keymap &optional oldmap)
  "Replace OLDDEF with NEWDEF for every key of KEYMAP bound to OLDDEF.
With OLDMAP, bind in KEYMAP the keys bound to OLDDEF in OLDMAP."
  (dolist (key (where-is-internal olddef (list (or oldmap keymap)) nil t t))
    (define-key keymap key newdef)))

;;;; Input events.

(defun eventp (object)
  "Return non-nil if OBJECT is an input event or event object."
  (or (integerp object)
      (and (symbolp object) object (not (keywordp object)))
      (and (consp object) (symbolp (car object)))))

(defun event-modifiers (event)
  "Return the modifiers of EVENT, a list of symbols such as `control',
`meta', `shift', `click', `down'."
  (let ((type (if (listp event) (car event) event)))
    (if (symbolp type)
        (cdr (internal-event-symbol-parse-modifiers type))
      (let ((base (logand type (lognot (logior ?\M-\0 ?\C-\0 ?\S-\0 ?\H-\0 ?\s-\0 ?\A-\0))))
            (mods nil))
        (unless (zerop (logand type ?\M-\0)) (push 'meta mods))
        (when (or (not (zerop (logand type ?\C-\0))) (< base 32)) (push 'control mods))
        (when (or (not (zerop (logand type ?\S-\0))) (/= base (downcase base))) (push 'shift mods))
        (unless (zerop (logand type ?\H-\0)) (push 'hyper mods))
        (unless (zerop (logand type ?\s-\0)) (push 'super mods))
        (unless (zerop (logand type ?\A-\0)) (push 'alt mods))
        mods))))

(defun event-basic-type (event)
  "Return the basic type of EVENT: the character or symbol without modifiers."
  (when (consp event) (setq event (car event)))
  (if (symbolp event)
      (car (get event 'event-symbol-elements))
    (let* ((base (logand event (1- ?\A-\0)))
           (plain (if (< base 32) (logior base 64) base)))
      (condition-case nil (downcase plain) (error plain)))))

(defsubst mouse-movement-p (object)
  "Non-nil when the event OBJECT says the mouse moved."
  (eq (car-safe object) 'mouse-movement))

(defun mouse-event-p (object)
  "Non-nil when the event OBJECT is a click of a mouse button."
  (memq (event-basic-type object) '(mouse-1 mouse-2 mouse-3 mouse-movement)))

(defun event-start (event)
  "Return the starting position of EVENT (a mouse event), or nil."
  (or (and (consp event) (nth 1 event)) nil))

(defun event-end (event)
  "Return the ending position of EVENT (a mouse event), or nil."
  (or (and (consp event) (nth (if (consp (nth 2 event)) 2 1) event)) nil))

(defsubst event-click-count (event)
  "Return the multi-click count of EVENT, a click or drag event."
  (if (and (consp event) (integerp (nth 2 event))) (nth 2 event) 1))

(defconst listify-key-sequence-1 (logior 128 ?\M-\C-@)
  "What `listify-key-sequence' turns the 8th bit of a string's characters into.")

(defun listify-key-sequence (key)
  "Convert the key sequence KEY to a list of events."
  (if (vectorp key)
      (append key nil)
    (mapcar (lambda (c) (if (> c 127) (logxor c listify-key-sequence-1) c))
            key)))

;;;; Transient keymaps.

(defun internal-push-keymap (keymap symbol)
  "Put KEYMAP first among the keymaps composed in the value of SYMBOL.
A value that is not yet such a composition (marked by the symbol
`add-keymap-witness') becomes the parent of a new one."
  (let ((value (symbol-value symbol)))
    (unless (memq keymap value)
      (let ((composed (if (memq 'add-keymap-witness value)
                          value
                        (set symbol (cons 'keymap (cons 'add-keymap-witness value))))))
        (setcdr composed (cons keymap (cdr composed)))))))

(defun internal-pop-keymap (keymap symbol)
  "Remove KEYMAP from the keymaps in the value of SYMBOL."
  (let ((map (symbol-value symbol)))
    (when (memq keymap map)
      (setcdr map (delq keymap (cdr map))))
    (let ((tail (cddr map)))
      (and (or (null tail) (keymapp tail))
           (eq 'add-keymap-witness (nth 1 map))
           (set symbol tail)))))

(defun set-transient-map (map &optional keep-pred on-exit)
  "Make MAP active for the next command only (through
`overriding-terminal-local-map').  KEEP-PRED t keeps it while the keys
typed are bound in MAP; a function keeps it while it returns non-nil.
ON-EXIT is called when MAP is deactivated.  Return a function that
deactivates MAP."
  (let* ((hook-fn (make-symbol "clear-transient-map"))
         (deactivate (lambda ()
                       (internal-pop-keymap map 'overriding-terminal-local-map)
                       (remove-hook 'pre-command-hook hook-fn)
                       (if on-exit (funcall on-exit)))))
    (fset hook-fn (lambda ()
                    (with-demoted-errors "set-transient-map PCH: %S"
                      (or (elisp4j--transient-map-stays-p map keep-pred)
                          (funcall deactivate)))))
    (add-hook 'pre-command-hook hook-fn)
    (internal-push-keymap map 'overriding-terminal-local-map)
    deactivate))

(defun elisp4j--transient-map-stays-p (map keep-pred)
  "Non-nil if the transient MAP should stay for the command about to run.
KEEP-PRED is as for `set-transient-map'."
  (cond ((null keep-pred) nil)
        ;; Another transient map went on top of MAP: leave MAP be.
        ((and (memq map (cddr overriding-terminal-local-map))
              (not (eq map (cadr overriding-terminal-local-map))))
         t)
        ((eq keep-pred t)
         (let ((bound (lookup-key map (this-command-keys-vector))))
           (and bound (eq bound this-command))))
        (t (funcall keep-pred))))

;;;; Emacs 29's keymap.el.

(defun key-valid-p (keys)
  "Return non-nil if KEYS, a string, is a valid key description in the
strict syntax of `keymap-set': single spaces between keys, modifiers
A- C- H- M- s- S- in that order, named keys in angle brackets."
  (and (stringp keys)
       (string-match-p "\\`[^ ]+\\( [^ ]+\\)*\\'" keys)
       (save-match-data
         (catch 'exit
           (let ((prefixes "\\(A-\\)?\\(C-\\)?\\(H-\\)?\\(M-\\)?\\(S-\\)?\\(s-\\)?")
                 (case-fold-search nil))
             (dolist (key (split-string keys " "))
               (let ((rest (if (string-match (concat "\\`" prefixes) key)
                               (substring key (match-end 0))
                             key)))
                 (unless (or (and (= (length rest) 1) (not (equal rest " ")))
                             (member rest '("NUL" "RET" "LFD" "TAB" "ESC" "SPC" "DEL"))
                             (string-match-p "\\`<[-_A-Za-z0-9]+>\\'" rest)
                             (and (string-match-p "\\`<<[-_A-Za-z0-9]+>>\\'" rest)
                                  (= (length rest) (length key))))
                   (throw 'exit nil)))))
           t))))

(defun keymap--check (key)
  "Signal an error unless KEY is a valid key description."
  (unless (key-valid-p key)
    (error "%S is not a valid key definition; see `key-valid-p'" key)))

(defun key-parse (keys)
  "Convert the key description KEYS to a vector of events."
  (edmacro-parse-keys keys t))

(defun keymap-set (keymap key definition)
  "In KEYMAP, bind KEY (a `key-valid-p' description) to DEFINITION."
  (keymap--check key)
  (when (stringp definition)
    (keymap--check definition)
    (setq definition (key-parse definition)))
  (define-key keymap (key-parse key) definition))

(defun keymap-global-set (key command)
  "Bind KEY (a `key-valid-p' description) to COMMAND in the global map."
  (keymap-set (current-global-map) key command))

(defun keymap-local-set (key command)
  "Bind KEY (a `key-valid-p' description) to COMMAND in the local map."
  (let ((map (current-local-map)))
    (unless map
      (use-local-map (setq map (make-sparse-keymap))))
    (keymap-set map key command)))

(defun keymap-unset (keymap key &optional remove)
  "Remove the binding of KEY in KEYMAP (make it nil; REMOVE is ignored)."
  (ignore remove)
  (keymap--check key)
  (define-key keymap (key-parse key) nil))

(defun keymap-global-unset (key &optional remove)
  "Remove the global binding of KEY."
  (keymap-unset (current-global-map) key remove))

(defun keymap-local-unset (key &optional remove)
  "Remove the local binding of KEY."
  (when (current-local-map)
    (keymap-unset (current-local-map) key remove)))

(defun keymap-lookup (keymap key &optional accept-default no-remap position)
  "Return the binding of KEY (a `key-valid-p' description) in KEYMAP,
or in the active maps if KEYMAP is nil."
  (keymap--check key)
  (let ((value (if keymap
                   (lookup-key keymap (key-parse key) accept-default)
                 (key-binding (key-parse key) accept-default no-remap position))))
    (if (numberp value) nil value)))

(defun keymap-global-lookup (keys &optional accept-default)
  "Return the binding of KEYS in the global map."
  (keymap-lookup (current-global-map) keys accept-default))

(defun keymap-local-lookup (keys &optional accept-default)
  "Return the binding of KEYS in the local map."
  (when (current-local-map)
    (keymap-lookup (current-local-map) keys accept-default)))

(defun define-keymap (&rest definitions)
  "Return a new sparse keymap with DEFINITIONS, alternating keys (strings
in `key-valid-p' syntax) and definitions.  Leading keyword options:
:full (make a full keymap), :parent, :suppress, :name, :prefix."
  (let (full parent suppress name prefix)
    (while (and definitions (keywordp (car definitions))
                (not (eq (car definitions) :menu)))
      (let ((keyword (pop definitions)) (value (pop definitions)))
        (cond ((eq keyword :full) (setq full value))
              ((eq keyword :parent) (setq parent value))
              ((eq keyword :suppress) (setq suppress value))
              ((eq keyword :name) (setq name value))
              ((eq keyword :prefix) (setq prefix value))
              (t (error "Invalid keyword: %s" keyword)))))
    (let ((keymap (if full (make-keymap name) (make-sparse-keymap name))))
      (when suppress (suppress-keymap keymap (eq suppress 'nodigits)))
      (when parent (set-keymap-parent keymap parent))
      (while definitions
        (let ((key (pop definitions)))
          (unless definitions (error "Uneven number of key/definition pairs"))
          (keymap-set keymap key (pop definitions))))
      (when prefix
        (fset prefix keymap)
        (setq keymap prefix))
      keymap)))

;;; keymap.el ends here
