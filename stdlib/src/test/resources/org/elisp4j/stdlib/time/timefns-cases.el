;;; timefns-cases.el --- call vectors for Timefns  -*- lexical-binding: t -*-

;; Run by tools/record-stdlib-vectors.sh (TZ=UTC); writes timefns-cases.txt.

;;; Code:

(load (expand-file-name "../record-vectors.el") nil t)

(defconst timefns-zones
  '(t nil wall 0 3600 -3661 5400 86399 -86400 90000 (7200 "XYZ") (3600 "A") (-18000 "EST" x)
    "UTC" "UTC0" "" ":" "XYZ" "XYZ3" "Foo/Bar" "America/New_York" ":America/New_York"
    "Europe/Dublin" "Europe/London" "Asia/Kolkata" "Australia/Lord_Howe" "Pacific/Chatham"
    "America/Sao_Paulo" "Asia/Riyadh" "Africa/Casablanca" "America/St_Johns" "Europe/Moscow"
    "EST5EDT" "EST5EDT,M3.2.0,M11.1.0" "ABC5DEF4:30" "ABC-5:30:15"
    "<+0530>-5:30" "<-03>3" "ABC5DEF,M3.2.0,garbage" "ABC3DEF,J180/-1,300/25:30"
    "ABC-10DEF,M10.1.0,M4.1.0/3" "ABC+1:-30" "ABC 5" "ABC+100000" "<AB>5" "ABC-24:59:59"
    "/usr/share/zoneinfo/Asia/Tokyo" "Asia/Tokyo\0xyz" "ABC5DEF,J60,J59" "ABC5DEF,0,364/-5"
    "ABC5DEF,M2.5.6/100,M12.5.0/-100"))

(defconst timefns-times
  '(0 1 -1 59 86399 86400 1600000000 1583652600 1604208600 -2208988800 -62167219200
    -62167219201 2147483647 2147483648 4102444800 253402300799 253402300800
    -5000000000 67767976233532799 67767976233532800 -67768040609740800 -67768040609740801
    1.5 -1.25 0.1 1e10 (0 1 500000 0) (1 2 3 4) (1 2 3) (1 2) (5 . 3) (1600000000123 . 1000)
    (-7 . 2) (24444 11111 999999 999999) (-1 65535 999999 999999)))

(defun timefns-cases ()
  (let ((calls nil))
    (dolist (z timefns-zones)
      (dolist (tm timefns-times)
        (push (list 'decode-time tm z) calls)
        (push (list 'format-time-string "%Y-%m-%d %H:%M:%S %z %Z %a %j %U %V %G %s %N" tm z) calls)
        (push (list 'current-time-string tm z) calls)
        (push (list 'current-time-zone tm z) calls)))
    (dolist (tm timefns-times)
      (push (list 'decode-time tm t t) calls)
      (push (list 'decode-time tm t 'integer) calls)
      (push (list 'float-time tm) calls)
      (dolist (form '(nil t list integer 1 1000 1000000000 65536 3))
        (push (list 'time-convert tm form) calls))
      (dolist (tm2 '(0 1 1.5 (1 . 3) (0 1 2 3) -2.5 (3 . 1000)))
        (push (list 'time-add tm tm2) calls)
        (push (list 'time-subtract tm tm2) calls)
        (push (list 'time-less-p tm tm2) calls)
        (push (list 'time-equal-p tm tm2) calls)))
    ;; Encoding: both conventions, zones, DST flags, out-of-range fields.
    (dolist (z timefns-zones)
      (dolist (dst '(nil t -1 foo 5))
        (dolist (date '((0 0 12 1 7 2020) (0 30 2 8 3 2020) (0 30 1 1 11 2020) (0 0 0 1 1 1970)
                        (0 0 12 20 3 1990) (0 0 12 20 7 2050) (0 0 12 20 7 1850)
                        (0 30 2 27 3 2022) (0 30 1 30 10 2022) (0 0 0 1 1 1960)))
          (push (list 'encode-time (append date (list nil dst z))) calls))))
    (dolist (args '((0 0 0 1 1 1970) (0 0 0 1 1 1970 t) (0 0 0 1 1 1970 1 2 3 3600) (0 0 0 1 1)
                    (0 0 0 1 1 1970 "Asia/Tokyo") (5 4 3 2 1 2000 nil nil nil "America/New_York")))
      (push (cons 'encode-time args) calls))
    (dolist (time '((0 0 0 1 1 1970 nil nil t) (1.5 0 0 1 1 1970 nil nil t)
                    ((3 . 2) 0 0 1 1 1970 nil nil t) ((1 2 3 4) 0 0 1 1 1970 nil nil t)
                    (0 0 0 1 13 1970 nil nil t) (0 0 0 0 1 1970 nil nil t) (61 -1 25 32 0 1970 nil nil t)
                    (-1 -1 -1 -1 -1 1970 nil nil t) (0 0 0 1 1 1970 nil nil) (0 0 0 1 1 1970 nil)
                    (0 0 0 1 1 1970 nil nil . t) (0 0 0 1 1 2147485547 nil nil t)
                    (0 0 0 1 1 2147485548 nil nil t) (0 0 0 1 1 -2147481748 nil nil t)
                    (0 0 0 1 1 -2147481749 nil nil t) (0 0 0 1 1 1970.0 nil nil t)
                    (0 0 0 1 24 2147485547 nil nil t) (2147483647 0 0 1 1 1970 nil nil t)
                    (0 2147483647 0 1 1 1970 nil nil t) (4611686018427387904 0 0 1 1 1970 nil nil t)
                    (0 0 0 1 1 1970 nil t (3600 "X")) (0 0 0 1 1 1970 nil t 3600)
                    ((1 . 0) 0 0 1 1 1970 nil nil t) (x 0 0 1 1 1970 nil nil t)
                    (0 0 0 1 1 1970 nil nil 1.5) (0 0 0 1 1 1970 nil nil (3600 foo))
                    ((-7 . 2) 0 0 1 1 1970 nil nil t) ((1 2 -1 -1) 0 0 1 1 1970 nil nil t)))
      (push (list 'encode-time time) calls))
    (push (list 'encode-time 5) calls)
    ;; Bad arguments.
    (dolist (bad '("x" x [1] (1 . 0) (1 . -1) (1.5 . 2) (1 2 x) (1 2 . x) (x 2) (1 2 3 x)
                   (1 2 3 4 5) (1 2 . 3) 0.0e+NaN 1.0e+INF -1.0e+INF (1 2 1000000 -1)
                   (1 2 1.5) 100000000000000000000 -100000000000000000000 (100000000000000000000 . 3)))
      (push (list 'time-convert bad t) calls)
      (push (list 'float-time bad) calls)
      (push (list 'decode-time bad t) calls)
      (push (list 'format-time-string "%s" bad t) calls)
      (push (list 'current-time-string bad t) calls)
      (push (list 'current-time-zone bad t) calls)
      (push (list 'time-add bad 1) calls)
      (push (list 'time-add 1 bad) calls)
      (push (list 'time-subtract bad bad) calls)
      (push (list 'time-less-p bad 1) calls)
      (push (list 'time-less-p 1 bad) calls)
      (push (list 'time-equal-p bad bad) calls))
    (dolist (form '(0 -3 foo 1.5 (expt 2 70) 100000000000000000000 -100000000000000000000))
      (push (list 'time-convert 1 form) calls)
      (push (list 'time-convert '(1 . 3) form) calls))
    (dolist (z '(1.5 foo (1.5 "X") (3600) (3600 . "ABC") 4611686018427387904 "x"))
      (push (list 'decode-time 0 z) calls)
      (push (list 'format-time-string "%Z" 0 z) calls)
      (push (list 'set-time-zone-rule z) calls))
    (push (list 'format-time-string 5) calls)
    (push (list 'format-time-string 5 'x) calls)
    (push (list 'format-time-string "%Y" 'x 'y) calls)
    (push (list 'decode-time 0 'y 'z) calls)
    (nreverse calls)))

(elisp4j-record-vectors "timefns-cases.txt" (timefns-cases))

;;; timefns-cases.el ends here
