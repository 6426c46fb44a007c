package org.elisp4j.stdlib.time;

import java.util.stream.Stream;
import org.elisp4j.core.LString;
import org.elisp4j.stdlib.testing.CallVectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The time functions against vectors recorded from GNU Emacs 28.2 with TZ=UTC
 * (timefns-cases.el): decoding, formatting, encoding and arithmetic over many zones and times,
 * and the errors for bad arguments.
 */
class TimefnsVectorTest {
    @TestFactory
    Stream<DynamicTest> timefnsCases() {
        return CallVectors.tests(getClass(), "timefns-cases.txt",
                rt -> rt.funcall(rt.intern("set-time-zone-rule"), LString.of("UTC")));
    }

    /** 12000 random formats (flags, widths, modifiers, bad directives) on random times and zones. */
    @TestFactory
    Stream<DynamicTest> randomFormats() {
        return CallVectors.tests(getClass(), "format-cases.txt",
                rt -> rt.funcall(rt.intern("set-time-zone-rule"), LString.of("UTC")));
    }
}
