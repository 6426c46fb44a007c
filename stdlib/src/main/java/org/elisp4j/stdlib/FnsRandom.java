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
 * {@code random}, from Emacs's fns.c. Each runtime has its own generator, seeded from system
 * entropy at start, so two embedded runtimes do not share a sequence. A string seed makes the
 * sequence reproducible within elisp4j (the numbers differ from GNU Emacs's, which come from the C
 * library).
 */
public final class FnsRandom {
    private FnsRandom() {}

    static final class State {
        SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    }

    private static State state(LispRuntime rt) {
        return rt.extension(State.class, State::new);
    }

    /**
     * Return a pseudo-random integer. With a positive integer LIMIT, return one in [0, LIMIT).
     * With LIMIT t, first reseed from system entropy; with a string, first seed from the string's
     * contents. Other values of LIMIT are ignored: any fixnum may be returned.
     */
    @Defun(name = "random")
    public static Object random(LispRuntime rt, @Opt Object limit) {
        State st = state(rt);
        if (limit == Lisp.T) st.random = new SplittableRandom(new SecureRandom().nextLong());
        else if (limit instanceof LString s) st.random = new SplittableRandom(seed(s.bytes()));
        if (limit instanceof Long l && l > 0) return st.random.nextLong(l);
        if (limit instanceof BigInteger b && b.signum() > 0) {
            // Uniform by rejection: draw as many bits as LIMIT has until the number is below it.
            BigInteger r;
            do r = randomBits(st.random, b.bitLength()); while (r.compareTo(b) >= 0);
            return Lisp.normalize(r);
        }
        // The top 62 bits of a random long: uniform over the fixnum range.
        return st.random.nextLong() >> 2;
    }

    private static BigInteger randomBits(SplittableRandom random, int bits) {
        BigInteger r = BigInteger.ZERO;
        for (int have = 0; have < bits; have += 64)
            r = r.shiftLeft(64).or(BigInteger.valueOf(random.nextLong()).and(MASK64));
        return r.shiftRight(((bits + 63) / 64) * 64 - bits);
    }

    private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** A 64-bit seed mixing all the bytes (FNV-1a). */
    private static long seed(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
