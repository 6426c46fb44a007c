;;; emacswiki-backups.el --- the init file corpus's emacswiki-backups  -*- lexical-binding: t -*-

;; Loads tests/init-files/emacswiki-backups/init.el as the init file would
;; be, then prints what it left (checks.el).  InitFilesTest compares the
;; same output from an elisp4j started with that file as ~/.emacs.d/init.el.

(load (expand-file-name "../../init-files/emacswiki-backups/init.el") nil t)
(load (expand-file-name "../../init-files/emacswiki-backups/checks.el") nil t)
