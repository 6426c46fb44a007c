;;; use-package-tests.el --- Tests of use-package and bind-key  -*- lexical-binding: t -*-

;; `use-package' and `bind-key' come with Emacs 29; Emacs 28 (the
;; conformance oracle) has neither, so they are tested here against their
;; documented behaviour.  Each test loads small throwaway libraries written
;; to a temporary directory on `load-path', with feature names of its own.
;; The `use-package' forms are evaluated when the test runs (`up-tests--eval'),
;; so that the option values the test binds apply to their expansion.

(require 'ert-x)
(require 'cl-lib)
;; Loaded now, not by autoload in the first test, so that its options are
;; special variables when this file's `let' forms bind them.
(require 'use-package)

(defvar up-tests--log nil "What the test libraries and forms did, most recent first.")
(defvar up-tests--warnings nil "The warnings displayed, as (TYPE MESSAGE LEVEL), most recent first.")

(defun up-tests--eval (form)
  "Evaluate FORM (a `use-package' form) now, lexically."
  (eval form t))

(defmacro up-tests--with-libs (libs &rest body)
  "Run BODY with the libraries LIBS, (NAME . CODE-STRING) pairs, on `load-path'.
Each library logs (loaded NAME) to `up-tests--log' and provides NAME.
Warnings are collected in `up-tests--warnings' instead of being displayed."
  (declare (indent 1))
  `(ert-with-temp-directory dir
     (dolist (lib ,libs)
       (with-temp-file (expand-file-name (concat (symbol-name (car lib)) ".el") dir)
         (insert (format "(push '(loaded %s) up-tests--log)\n" (car lib))
                 (cdr lib)
                 (format "\n(provide '%s)\n" (car lib)))))
     (let ((load-path (cons dir load-path))
           (up-tests--log nil)
           (up-tests--warnings nil))
       (cl-letf (((symbol-function 'display-warning)
                  (lambda (type message &optional level _buffer)
                    (push (list type message level) up-tests--warnings))))
         ,@body))))

(ert-deftest use-package-init-before-load-config-after ()
  (up-tests--with-libs '((up-a . ""))
    (up-tests--eval '(use-package up-a
                       :config (push 'config up-tests--log)
                       :init (push 'init up-tests--log)))
    (should (featurep 'up-a))
    (should (equal (reverse up-tests--log) '(init (loaded up-a) config)))
    (should-not up-tests--warnings)))

(ert-deftest use-package-disabled-expands-to-nothing ()
  (should (null (macroexpand '(use-package up-never :init (error "no") :disabled))))
  (up-tests--with-libs '((up-b . ""))
    (up-tests--eval '(use-package up-b :disabled t :init (push 'init up-tests--log)))
    (should-not (featurep 'up-b))
    (should-not up-tests--log)))

(ert-deftest use-package-conditions ()
  (up-tests--with-libs '((up-c1 . "") (up-c2 . "") (up-c3 . ""))
    (up-tests--eval '(use-package up-c1 :if nil :preface (push 'preface up-tests--log)
                       :init (push 'init up-tests--log)))
    ;; :preface comes before the condition.
    (should (equal up-tests--log '(preface)))
    (up-tests--eval '(use-package up-c2 :unless t :config (push 'config up-tests--log)))
    (up-tests--eval '(use-package up-c3 :when (= 1 1)))
    (should-not (featurep 'up-c1))
    (should-not (featurep 'up-c2))
    (should (featurep 'up-c3))
    (should (equal up-tests--log '((loaded up-c3) preface)))))

(ert-deftest use-package-load-path-relative-to-user-emacs-directory ()
  (ert-with-temp-directory home
    (make-directory (expand-file-name "site" home))
    (with-temp-file (expand-file-name "site/up-lp.el" home)
      (insert "(provide 'up-lp)\n"))
    (let ((user-emacs-directory (file-name-as-directory home))
          (load-path load-path))
      (up-tests--eval '(use-package up-lp :load-path "site"))
      (should (equal (car load-path) (expand-file-name "site" home)))
      (should (featurep 'up-lp)))))

(ert-deftest use-package-missing-package-is-reported ()
  (up-tests--with-libs nil
    (up-tests--eval '(use-package up-missing :config (push 'config up-tests--log)))
    (should-not up-tests--log)
    (should (equal up-tests--warnings
                   '((use-package "Cannot load up-missing" :error))))))

(ert-deftest use-package-unknown-keyword ()
  (up-tests--with-libs '((up-d . ""))
    (should (null (macroexpand '(use-package up-d :frobnicate 1))))
    (should (equal up-tests--warnings
                   '((use-package "Failed to parse package up-d: use-package: Unrecognized keyword: :frobnicate"
                                  :error))))
    (should-not (featurep 'up-d))
    (should (null (macroexpand '(use-package 3 :init (ignore)))))
    (should (equal (cadr (car up-tests--warnings))
                   "Failed to parse package 3: Wrong type argument: symbolp, 3"))
    (let ((use-package-verbose 'errors))
      (should (equal (should-error (macroexpand '(use-package up-d :frobnicate 1)))
                     '(error "use-package: Unrecognized keyword: :frobnicate"))))))

(ert-deftest use-package-errors-in-init-and-config ()
  (up-tests--with-libs '((up-e . ""))
    (up-tests--eval '(use-package up-e :init (error "Bad init %d" 1) :config (car 1)))
    (should (featurep 'up-e))
    (should (equal (reverse up-tests--warnings)
                   '((use-package "up-e/:init: Bad init 1" :error)
                     (use-package "up-e/:config: Wrong type argument: listp, 1" :error))))
    ;; :catch nil lets the error through; a function gets it.
    (should-error (up-tests--eval '(use-package up-e :catch nil :config (error "Through"))))
    (up-tests--eval '(use-package up-e :catch (lambda (kw err) (push (list kw (cadr err)) up-tests--log))
                       :config (error "Caught")))
    (should (equal (car up-tests--log) '(:config "Caught")))))

(ert-deftest use-package-custom ()
  (up-tests--with-libs '((up-f . "(defcustom up-f-size 1 \"Size.\" :type 'integer
  :set (lambda (s v) (push (list 'set v) up-tests--log) (set-default s v)))
(defcustom up-f-list nil \"List.\" :type 'sexp)"))
    (up-tests--eval '(use-package up-f
                       :custom
                       (up-f-size 7)
                       (up-f-list '(a b) "My comment")))
    (should (equal up-f-size 7))
    (should (member '(set 7) up-tests--log))
    (should (equal (get 'up-f-size 'customized-value) '(7)))
    (should (equal (get 'up-f-size 'variable-comment) "Customized with use-package up-f"))
    (should (equal (get 'up-f-size 'customized-variable-comment) "Customized with use-package up-f"))
    (should-not (get 'up-f-size 'saved-value))
    (should (equal up-f-list '(a b)))
    (should (equal (get 'up-f-list 'customized-value) '('(a b))))
    (should (equal (get 'up-f-list 'variable-comment) "My comment"))
    (should (null (macroexpand '(use-package up-f :custom 3 4))))
    (should (equal (car up-tests--warnings)
                   '(use-package "Failed to parse package up-f: use-package: :custom expects (<symbol> <value> [comment]) or a list of these"
                                 :error)))))

(ert-deftest use-package-custom-face ()
  (up-tests--with-libs '((up-g . ""))
    ;; The spec is backquoted.
    (up-tests--eval '(use-package up-g :custom-face (up-g-face ((t (:foreground ,(upcase "red")))))))
    (should (equal (get 'up-g-face 'face-defface-spec) '((t (:foreground "RED")))))
    (should (get 'up-g-face 'face-modified))))

(defvar up-h-mode-hook nil)
(defvar up-h-text-hook nil)
(defvar up-h-prog-hook nil)
(defvar up-h-other-hook nil)

(ert-deftest use-package-hook-shapes ()
  (up-tests--with-libs '((up-h . "(defun up-h-mode () (interactive) (push 'on up-tests--log))"))
    (let ((up-h-text-hook nil) (up-h-prog-hook nil) (up-h-other-hook nil))
      ;; A symbol: the hook of that name plus -hook gets NAME-mode.
      (up-tests--eval '(use-package up-h :hook up-h-text))
      (should (equal up-h-text-hook '(up-h-mode)))
      ;; A list of symbols, a pair, a pair with a list, a list of pairs.
      (setq up-h-text-hook nil)
      (up-tests--eval '(use-package up-h :hook (up-h-text up-h-prog)))
      (should (equal (list up-h-text-hook up-h-prog-hook) '((up-h-mode) (up-h-mode))))
      (setq up-h-text-hook nil up-h-prog-hook nil)
      (up-tests--eval '(use-package up-h :hook (up-h-other . ignore)))
      (should (equal up-h-other-hook '(ignore)))
      (setq up-h-other-hook nil)
      (up-tests--eval '(use-package up-h :hook ((up-h-text up-h-prog) . #'ignore)))
      (should (equal (list up-h-text-hook up-h-prog-hook) '((ignore) (ignore))))
      (setq up-h-text-hook nil up-h-prog-hook nil)
      (up-tests--eval '(use-package up-h :hook ((up-h-text . up-h-mode) (up-h-other . ignore))))
      (should (equal (list up-h-text-hook up-h-other-hook) '((up-h-mode) (ignore))))
      (should-not up-h-prog-hook)
      ;; :hook defers, and autoloads the function from the package.
      (should-not (featurep 'up-h))
      (should (autoloadp (symbol-function 'up-h-mode)))
      (should (commandp 'up-h-mode))
      (run-hooks 'up-h-text-hook)
      (should (featurep 'up-h))
      (should (equal up-tests--log '(on (loaded up-h))))
      ;; A lambda, and a name already ending in -mode.
      (setq up-h-other-hook nil)
      (up-tests--eval '(use-package up-h-mode :no-require t :hook (up-h-other . (lambda () 1))))
      (should (functionp (car up-h-other-hook)))
      (should (= (funcall (car up-h-other-hook)) 1))
      (setq up-h-other-hook nil)
      (up-tests--eval '(use-package up-h-mode :no-require t :hook up-h-other))
      (should (equal up-h-other-hook '(up-h-mode)))
      ;; Without a suffix, hook names are used as given.
      (setq up-h-other-hook nil)
      (let ((use-package-hook-name-suffix nil))
        (up-tests--eval '(use-package up-h :hook up-h-other-hook)))
      (should (equal up-h-other-hook '(up-h-mode))))))

(ert-deftest use-package-hook-errors ()
  (up-tests--with-libs nil
    (should (null (macroexpand '(use-package up-bad :hook "string"))))
    (should (string-prefix-p "Failed to parse package up-bad: use-package: :hook wants a"
                             (nth 1 (car up-tests--warnings))))))

(ert-deftest use-package-bind-global-and-map ()
  (up-tests--with-libs '((up-i . "(defvar up-i-map (make-sparse-keymap))
(defun up-i-go () (interactive) (push 'go up-tests--log))
(defun up-i-other () (interactive) 'other)"))
    (let ((global-map (make-keymap))
          (personal-keybindings nil))
      (up-tests--eval '(use-package up-i
                         :bind (("C-c i" . up-i-go)
                                ([f9] . #'up-i-other)
                                :map up-i-map
                                ("a" . up-i-other))))
      ;; Deferred: the commands are autoloads, the map waits for the package.
      (should-not (featurep 'up-i))
      (should (eq (lookup-key global-map (kbd "C-c i")) 'up-i-go))
      (should (eq (lookup-key global-map [f9]) 'up-i-other))
      (should (autoloadp (symbol-function 'up-i-go)))
      (should (equal (nth 1 (symbol-function 'up-i-go)) "up-i"))
      (should (commandp 'up-i-go))
      (should-not (boundp 'up-i-map))
      (call-interactively 'up-i-go)
      (should (featurep 'up-i))
      (should (equal up-tests--log '(go (loaded up-i))))
      (should (eq (lookup-key up-i-map "a") 'up-i-other))
      (should (equal (assoc '("C-c i") personal-keybindings) '(("C-c i") up-i-go nil)))
      (should (assoc '("a" . up-i-map) personal-keybindings)))))

(defvar up-tests--existing-map (make-sparse-keymap))

(ert-deftest use-package-bind-existing-map-and-repeated-keyword ()
  (up-tests--with-libs '((up-v . "(defun up-v-go () (interactive) 'go)"))
    (let ((global-map (make-keymap))
          (personal-keybindings nil))
      (up-tests--eval '(use-package up-v
                         :bind (:map up-tests--existing-map ("x" . up-v-go))
                         :bind ("C-c v" . "abc")))
      (should-not (featurep 'up-v))
      ;; A map already defined is bound at once; the second :bind is global
      ;; again, and a string is bound as a keyboard macro.
      (should (eq (lookup-key up-tests--existing-map "x") 'up-v-go))
      (should (equal (lookup-key global-map (kbd "C-c v")) "abc"))
      (should (equal (mapcar #'car personal-keybindings)
                     '(("C-c v") ("x" . up-tests--existing-map)))))))

(ert-deftest use-package-bind-star-and-demand ()
  (up-tests--with-libs '((up-j . "(defun up-j-go () (interactive) 'go)"))
    (let ((override-global-map (make-sparse-keymap)))
      (up-tests--eval '(use-package up-j :demand t :bind* ("C-c j" . up-j-go)))
      (should (featurep 'up-j))
      (should-not (autoloadp (symbol-function 'up-j-go)))
      (should (eq (lookup-key override-global-map (kbd "C-c j")) 'up-j-go))))
  (should (assq 'override-global-mode (car emulation-mode-map-alists)))
  (should override-global-mode))

(ert-deftest use-package-commands-mode-interpreter ()
  (up-tests--with-libs '((up-k . "(defun up-k-mode () (interactive) 'k) (defun up-k-run () 'run)"))
    (let ((auto-mode-alist auto-mode-alist)
          (interpreter-mode-alist interpreter-mode-alist))
      (up-tests--eval '(use-package up-k
                         :commands up-k-run
                         :mode ("\\.upk\\'" . up-k-mode)
                         :interpreter "upk"))
      (should-not (featurep 'up-k))
      (should (equal (car auto-mode-alist) '("\\.upk\\'" . up-k-mode)))
      ;; The default mode function is the package's name.
      (should (equal (car interpreter-mode-alist) '("upk" . up-k)))
      (should (autoloadp (symbol-function 'up-k-run)))
      (should (autoloadp (symbol-function 'up-k)))
      (should (eq (up-k-run) 'run))
      (should (featurep 'up-k))
      ;; Several regexps, and a defined command is left alone.
      (up-tests--eval '(use-package up-k :mode ("\\.k1\\'" "\\.k2\\'")))
      (should (equal (list (nth 0 auto-mode-alist) (nth 1 auto-mode-alist))
                     '(("\\.k2\\'" . up-k) ("\\.k1\\'" . up-k)))))))

(ert-deftest use-package-defer-and-config ()
  (up-tests--with-libs '((up-l . "") (up-l2 . ""))
    (up-tests--eval '(use-package up-l :defer t :init (push 'init up-tests--log)
                       :config (push 'config up-tests--log)))
    (should (equal up-tests--log '(init)))
    (should-not (featurep 'up-l))
    (require 'up-l)
    (should (equal up-tests--log '(config (loaded up-l) init)))
    ;; A number of seconds: an idle timer requires the package.
    (let ((timer-idle-list timer-idle-list))
      (up-tests--eval '(use-package up-l2 :defer 3))
      (let ((timer (car (seq-filter (lambda (tm) (eq (timer--function tm) #'require))
                                    timer-idle-list))))
        (should timer)
        (should (equal (timer--args timer) '(up-l2 nil t)))
        (cancel-timer timer)))
    (should-not (featurep 'up-l2))))

(ert-deftest use-package-always-defer-and-demand ()
  (up-tests--with-libs '((up-m . "") (up-m2 . "(defun up-m2-go () (interactive))"))
    (let ((use-package-always-defer t))
      (up-tests--eval '(use-package up-m))
      (should-not (featurep 'up-m))
      (up-tests--eval '(use-package up-m :demand t))
      (should (featurep 'up-m)))
    (up-tests--eval '(use-package up-m2 :commands up-m2-go :demand t))
    (should (featurep 'up-m2))))

(ert-deftest use-package-after ()
  (up-tests--with-libs '((up-n . "") (up-n-dep1 . "") (up-n-dep2 . ""))
    (up-tests--eval '(use-package up-n :after (up-n-dep1 up-n-dep2)
                       :config (push 'config up-tests--log)))
    (should-not (featurep 'up-n))
    (require 'up-n-dep1)
    (should-not (featurep 'up-n))
    (require 'up-n-dep2)
    (should (featurep 'up-n))
    (should (equal (car up-tests--log) 'config))))

(ert-deftest use-package-after-any-runs-once ()
  (up-tests--with-libs '((up-o . "") (up-o-dep1 . "") (up-o-dep2 . ""))
    (up-tests--eval '(use-package up-o :after (:any up-o-dep1 up-o-dep2)
                       :config (push 'config up-tests--log)))
    (should-not (featurep 'up-o))
    (require 'up-o-dep2)
    (should (featurep 'up-o))
    (require 'up-o-dep1)
    (should (equal (seq-filter (lambda (x) (eq x 'config)) up-tests--log) '(config)))))

(ert-deftest use-package-requires ()
  (up-tests--with-libs '((up-p . "") (up-p-dep . ""))
    (up-tests--eval '(use-package up-p :requires up-p-dep))
    (should-not (featurep 'up-p))
    (require 'up-p-dep)
    (up-tests--eval '(use-package up-p :requires (up-p-dep)))
    (should (featurep 'up-p))))

(ert-deftest use-package-defines-functions-no-effect ()
  (up-tests--with-libs '((up-q . ""))
    (up-tests--eval '(use-package up-q :defines up-q-undefined-var :functions up-q-undefined-fn))
    (should (featurep 'up-q))
    (should-not (boundp 'up-q-undefined-var))
    (should-not (fboundp 'up-q-undefined-fn))))

(ert-deftest use-package-ensure-and-pin ()
  (up-tests--with-libs '((up-r . ""))
    (let ((package-pinned-packages nil))
      (up-tests--eval '(use-package up-r :ensure t :pin gnu))
      (should (featurep 'up-r))
      (should-not up-tests--warnings)
      (should (equal package-pinned-packages '((up-r . "gnu"))))
      (up-tests--eval '(use-package up-r-absent :ensure t))
      (should (equal (reverse (mapcar #'cadr up-tests--warnings))
                     '("Failed to install up-r-absent: elisp4j downloads no packages, and up-r-absent is not on `load-path'"
                       "Cannot load up-r-absent"))))))

(ert-deftest use-package-always-ensure ()
  (up-tests--with-libs nil
    (let ((use-package-always-ensure t))
      (up-tests--eval '(use-package up-s-absent :defer t))
      (should (string-prefix-p "Failed to install up-s-absent" (cadr (car up-tests--warnings))))
      ;; Not with :load-path.
      (setq up-tests--warnings nil)
      (up-tests--eval '(use-package up-s-absent :load-path "/nonexistent" :defer t))
      (should-not up-tests--warnings))))

(ert-deftest use-package-verbose-messages ()
  (up-tests--with-libs '((up-t . ""))
    (let ((messages nil))
      (cl-letf (((symbol-function 'message)
                 (lambda (fmt &rest args) (push (apply #'format fmt args) messages))))
        (let ((use-package-verbose t))
          (up-tests--eval '(use-package up-t :config (ignore)))))
      (should (equal (reverse messages)
                     '("Loading package up-t..." "Configuring package up-t..."
                       "Configuring package up-t...done" "Loading package up-t...done"))))))

(ert-deftest use-package-diminish-when-available ()
  (up-tests--with-libs '((up-u . ""))
    (up-tests--eval '(use-package up-u :diminish))
    (should (featurep 'up-u))
    (cl-letf (((symbol-function 'diminish)
               (lambda (mode &optional to) (push (list 'diminish mode to) up-tests--log))))
      (up-tests--eval '(use-package up-u :diminish (up-u-mode . " U") other-mode)))
    (should (equal (seq-take up-tests--log 2)
                   '((diminish other-mode nil) (diminish up-u-mode " U"))))))

(ert-deftest use-package-indentation ()
  (should (macrop 'use-package))
  (should (equal (get 'use-package 'lisp-indent-function) 'defun)))

(ert-deftest bind-key-records-and-unbinds ()
  (let ((personal-keybindings nil)
        (map (make-sparse-keymap)))
    (bind-key "C-c x" #'forward-char map)
    (should (eq (lookup-key map (kbd "C-c x")) 'forward-char))
    (bind-key "C-c x" #'backward-char map)
    (should (equal personal-keybindings '((("C-c x" . map) backward-char forward-char))))
    (unbind-key "C-c x" map)
    (should-not (lookup-key map (kbd "C-c x")))
    (should-not personal-keybindings)
    (should-error (bind-key 12 #'ignore map))))

(defvar up-tests--prefix-map)
(defvar up-tests--flag nil)

(ert-deftest bind-keys-prefix-map-and-filter ()
  (let ((personal-keybindings nil)
        (map (make-sparse-keymap)))
    (bind-keys :map map :prefix-map up-tests--prefix-map :prefix "C-c p"
               ("a" . forward-char)
               ("b" . backward-char))
    (should (keymapp up-tests--prefix-map))
    (should (eq (lookup-key map (kbd "C-c p")) 'up-tests--prefix-map))
    (should (eq (lookup-key map (kbd "C-c p a")) 'forward-char))
    (should (eq (lookup-key up-tests--prefix-map "b") 'backward-char))
    (bind-keys :map map :filter up-tests--flag ("C-c f" . forward-word))
    ;; A menu item whose filter `lookup-key' applies.
    (should-not (lookup-key map (kbd "C-c f")))
    (let ((up-tests--flag t))
      (should (eq (lookup-key map (kbd "C-c f")) 'forward-word)))
    (should-error (macroexpand '(bind-keys :prefix "C-c q" ("a" . ignore))))))

;;; use-package-tests.el ends here
