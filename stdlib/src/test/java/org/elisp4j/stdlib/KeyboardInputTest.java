package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.elisp4j.core.Lisp;
import org.elisp4j.eval.EventLoop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host side of keyboard input: events queued by a host thread, special events, waiting on
 * the event loop's clock, keyboard macros and `called-interactively-p'. `command-execute' is
 * Lisp (simple.el), not loaded here: a stand-in calls the command with `call-interactively'.
 */
class KeyboardInputTest extends LispTestSupport {
    @BeforeEach
    void commandExecute() {
        defun("command-execute", 1, 4, a -> call("call-interactively", a[0], a.length > 1 ? a[1] : Lisp.NIL,
                a.length > 2 ? a[2] : Lisp.NIL));
        evalLisp("(defalias 'my-special '(lambda () (interactive) (setq special-ran (cons last-input-event special-ran))))");
        set("special-ran", Lisp.NIL);
    }

    private Object evalLisp(String form) {
        return rt.eval(TestLisp.read(rt, form), Lisp.T);
    }

    private String evalPrint(String form) {
        return print(evalLisp(form));
    }

    @Test
    void eventsQueuedByAnotherThreadAreReadCountedAndRecorded() throws Exception {
        Thread host = new Thread(() -> {
            KeyboardRead.enqueue(rt, (long) 'x');
            KeyboardRead.enqueue(rt, sym("f5"));
        });
        host.start();
        host.join();
        assertEquals("t", evalPrint("(input-pending-p)"));
        assertEquals("(120 f5 2 [120 f5] [120 f5])",
                evalPrint("(list (read-event) (read-event) num-nonmacro-input-events (recent-keys) (this-command-keys-vector))"));
        assertEquals("nil", evalPrint("(input-pending-p)"));
    }

    @Test
    void specialEventsRunTheirBindingAndAreNotReturned() {
        evalLisp("(define-key special-event-map [sigusr1] 'my-special)");
        KeyboardRead.enqueue(rt, sym("sigusr1"));
        KeyboardRead.enqueue(rt, (long) 'a');
        assertEquals("(97 (sigusr1) 1)", evalPrint("(list (read-event) special-ran num-nonmacro-input-events)"));
    }

    @Test
    void hostSpecialEventsUseSpecialEventMap() {
        evalLisp("(define-key special-event-map [sigusr2] 'my-special)");
        Keyboard.specialEvent(rt, sym("sigusr2"));
        Keyboard.specialEvent(rt, sym("sigusr1"));
        assertEquals("((sigusr2) sigusr2 0)", evalPrint("(list special-ran last-input-event num-nonmacro-input-events)"));
    }

    @Test
    void discardInputEmptiesTheQueue() {
        KeyboardRead.enqueue(rt, (long) 'q');
        assertEquals("(t nil nil)", evalPrint("(list (input-pending-p) (discard-input) (input-pending-p))"));
    }

    @Test
    void readEventWaitsOnTheEventLoopClock() {
        EventLoop.ManualClock clock = new EventLoop.ManualClock(1000);
        rt.events.clock = clock;
        assertEquals("(nil nil)", evalPrint("(list (read-event nil nil 2.5) (read-char nil nil 0.5))"));
        assertEquals(1003.0, clock.now(), 1e-9);
    }

    @Test
    void keyboardMacrosRunSelfInsertWithoutCountingInput() {
        // bindings.el is not loaded here: bind the two characters.
        evalLisp("(progn (define-key global-map \"a\" 'self-insert-command) (define-key global-map \"b\" 'self-insert-command))");
        assertEquals("(nil \"abab\" 0 self-insert-command 98)",
                evalPrint("(list (execute-kbd-macro \"ab\" 2) (buffer-string) num-nonmacro-input-events last-command last-command-event)"));
    }

    @Test
    void calledInteractivelyPSeesOnlyTheCommandsOwnBody() {
        evalLisp("(defalias 'inner '(lambda () (called-interactively-p 'any)))");
        evalLisp("(defalias 'cmd '(lambda () (interactive)"
                + " (list (called-interactively-p 'any) (inner) (car (list (called-interactively-p 'any)))"
                + " (funcall '(lambda () (called-interactively-p 'any)))"
                + " (condition-case nil (car 1) (error (called-interactively-p 'any))))))");
        assertEquals("(t nil t nil t)", evalPrint("(call-interactively 'cmd)"));
        assertEquals("(nil nil nil nil nil)", evalPrint("(cmd)"));
        assertEquals("(t nil t nil t)", evalPrint("(funcall-interactively 'cmd)"));
    }
}
