package org.elisp4j.stdlib;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/**
 * {@code random} from Emacs's fns.c. Each runtime has its own generator. The numbers differ
 * from GNU Emacs's (which uses the C library's generator), but seeding with a string is
 * reproducible within elisp4j.
 */
public final class FnsRandom {
    private FnsRandom() {}

    /** A runtime's generator state. */
    static final class State {
        SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    }

    /**
     * Return a pseudo-random integer. With no argument (or a non-positive or non-integer one),
     * any fixnum is equally likely; with a positive integer LIMIT, the result is in [0, LIMIT).
     * LIMIT t reseeds from system entropy first; a string LIMIT reseeds from its contents.
     */
    @Defun(name = "random")
    public static Object random(LispRuntime rt, @Opt Object limit) {
        State st = rt.extension(State.class, State::new);
        if (limit == Lisp.T) {
            st.random = new SplittableRandom(new SecureRandom().nextLong());
        } else if (limit instanceof LString s) {
            st.random = new SplittableRandom(seed(s.bytes()));
        }
        if (limit instanceof Long l && l > 0) {
            if (Lisp.isFixnum(l)) return st.random.nextLong(l);
            return Lisp.normalize(bigBelow(st.random, BigInteger.valueOf(l)));
        }
        if (limit instanceof BigInteger b && b.signum() > 0) return Lisp.normalize(bigBelow(st.random, b));
        return st.random.nextLong(Lisp.MOST_NEGATIVE_FIXNUM, Lisp.MOST_POSITIVE_FIXNUM + 1);
    }

    private static long seed(byte[] bytes) {
        long h = 1125899906842597L;
        for (byte b : bytes) h = 31 * h + (b & 0xFF);
        return h;
    }

    /** A uniformly distributed integer in [0, bound), by rejection. */
    private static BigInteger bigBelow(SplittableRandom r, BigInteger bound) {
        int bits = bound.bitLength();
        while (true) {
            byte[] bytes = new byte[(bits + 7) / 8 + 1];
            r.nextBytes(bytes);
            bytes[0] = 0;
            BigInteger v = new BigInteger(bytes).shiftRight(bytes.length * 8 - 8 - bits);
            if (v.compareTo(bound) < 0) return v;
        }
    }
}
