package org.elisp4j.stdlib.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.eval.EventLoop;
import org.elisp4j.stdlib.testing.CallVectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The functions that read the clock, with a manual clock: "now" is 2020-09-13 12:26:40.125 UTC
 * (1600000000.125, exact in binary). Expected values were checked with GNU Emacs 28.2 on that
 * time ({@code (time-convert 1600000000.125 'list)} and so on).
 */
class TimefnsClockTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private LispRuntime rt;
    private EventLoop.ManualClock clock;

    @BeforeEach
    void setUp() {
        rt = new LispRuntime(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        clock = new EventLoop.ManualClock(1_600_000_000.125);
        rt.events.clock = clock;
        call("set-time-zone-rule", LString.of("UTC"));
    }

    Object call(String f, Object... args) { return rt.funcall(rt.intern(f), args); }

    String print(Object o) { return CallVectors.print(o); }

    @Test
    void currentTimeIsAFourElementList() {
        assertEquals("(24414 4096 125000 0)", print(call("current-time")));
        clock.advance(1.5);
        assertEquals("(24414 4097 625000 0)", print(call("current-time")));
    }

    @Test
    void nilMeansNowEverywhere() {
        assertEquals(1600000000.125, (Double) call("float-time"), 0.0);
        assertEquals("(40 26 12 13 9 2020 0 nil 0)", print(call("decode-time")));
        assertEquals("2020-09-13 12:26:40.125000000 UTC",
                call("format-time-string", LString.of("%F %T.%N %Z")).toString());
        assertEquals("Sun Sep 13 12:26:40 2020", call("current-time-string").toString());
        assertEquals("(0 \"UTC\")", print(call("current-time-zone")));
        assertEquals("(1600000000125000000 . 1000000000)", print(call("time-convert", Lisp.NIL, Lisp.T)));
        assertEquals(1600000000L, call("time-convert", Lisp.NIL, rt.intern("integer")));
        assertEquals("(0 0 0 0)", print(call("time-subtract", Lisp.NIL, Lisp.NIL)));
        assertEquals(Lisp.NIL, call("time-less-p", Lisp.NIL, Lisp.NIL));
    }

    @Test
    void setTimeZoneRuleChangesLocalTime() {
        call("set-time-zone-rule", LString.of("America/New_York"));
        assertEquals("(40 26 8 13 9 2020 0 t -14400)", print(call("decode-time", 1_600_000_000L)));
        call("set-time-zone-rule", Lisp.T);
        assertEquals("GMT", call("format-time-string", LString.of("%Z"), 0L).toString());
        call("set-time-zone-rule", 19800L);
        assertEquals("+0530 +0530", call("format-time-string", LString.of("%Z %z"), 0L).toString());
    }

    @Test
    void possiblyObsoleteTimestampsAreReported() {
        // Emacs 28 prints this message when (HIGH . LOW) might be meant.
        call("decode-time", new Cons(5L, 1000L), Lisp.T);
        assertEquals("obsolete timestamp with cdr 1000\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        call("float-time", new Cons(5L, 1000L));
        call("decode-time", new Cons(5L, 65536L), Lisp.T);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void floatHzIsSharedLikeEmacsCache() {
        // Two floats of the same binary scale decode to the same HZ object, so time-convert with
        // FORM t returns it as is.
        Object a = ((Cons) call("time-convert", 1.0e-300, Lisp.T)).cdr();
        Object b = ((Cons) call("time-convert", 1.2e-300, Lisp.T)).cdr();
        assertSame(a, b);
        Cons c = new Cons(3L, 7L);
        assertSame(c, call("time-convert", c, 7L));
        assertNotSame(c, call("time-convert", c, 8L));
    }

    @Test
    void localZoneFollowsTzAtStartUp() {
        LispRuntime other = new LispRuntime();
        ZoneRule local = TimeState.of(other).local();
        String tz = other.environment.get("TZ");
        ZoneRule expected = TimeState.of(other).forTz(tz);
        assertSame(expected, local);
        assertTrue(local.localtime(0) != null);
    }
}
