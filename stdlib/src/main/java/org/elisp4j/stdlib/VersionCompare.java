package org.elisp4j.stdlib;

/**
 * Version-string comparison for {@code string-version-lessp}, behaving like the gnulib
 * {@code filevercmp} that GNU Emacs 28 is built with: file names that start with a dot come
 * first, a trailing run of suffixes like ".tar.gz" is set aside unless the rest is equal, and
 * the remaining text is compared as Debian version strings (digit runs numerically, letters
 * before other characters, '~' before everything, even the end). Strings the algorithm finds
 * equivalent are ordered bytewise. Emacs applies it to each NUL-separated part in turn.
 */
final class VersionCompare {
    private VersionCompare() {}

    /** Negative, zero or positive as A sorts before, with or after B (whole byte arrays). */
    static int compare(byte[] a, byte[] b) {
        int pa = 0, pb = 0;
        while (true) {
            int ea = nul(a, pa), eb = nul(b, pb);
            int cmp = compareSegment(a, pa, ea, b, pb, eb);
            if (cmp != 0) return cmp;
            // Identical up to their NULs: go on after them.
            pa = ea + 1;
            pb = eb + 1;
            boolean moreA = pa <= a.length, moreB = pb <= b.length;
            if (!moreA) return moreB ? 1 : 0;
            if (!moreB) return -1;
        }
    }

    private static int nul(byte[] s, int from) {
        for (int i = from; i < s.length; i++) if (s[i] == 0) return i;
        return s.length;
    }

    /** The byte at {@code i} of the C string {@code s[.., end)}, 0 past its end. */
    private static int at(byte[] s, int i, int end) {
        return i < end ? s[i] & 0xFF : 0;
    }

    private static int strcmp(byte[] a, int pa, int ea, byte[] b, int pb, int eb) {
        for (int i = 0; ; i++) {
            int x = at(a, pa + i, ea), y = at(b, pb + i, eb);
            if (x != y) return x - y;
            if (x == 0) return 0;
        }
    }

    private static int compareSegment(byte[] a, int pa, int ea, byte[] b, int pb, int eb) {
        int simple = strcmp(a, pa, ea, b, pb, eb);
        if (simple == 0) return 0;
        if (ea == pa) return -1;
        if (eb == pb) return 1;
        if (isText(a, pa, ea, ".")) return -1;
        if (isText(b, pb, eb, ".")) return 1;
        if (isText(a, pa, ea, "..")) return -1;
        if (isText(b, pb, eb, "..")) return 1;
        boolean hiddenA = a[pa] == '.', hiddenB = b[pb] == '.';
        if (hiddenA && !hiddenB) return -1;
        if (!hiddenA && hiddenB) return 1;
        if (hiddenA) {
            pa++;
            pb++;
        }
        int sa = suffixStart(a, pa, ea), sb = suffixStart(b, pb, eb);
        int lenA = (sa >= 0 ? sa : ea) - pa;
        int lenB = (sb >= 0 ? sb : eb) - pb;
        if ((sa >= 0 || sb >= 0) && lenA == lenB && java.util.Arrays.equals(a, pa, pa + lenA, b, pb, pb + lenB)) {
            lenA = ea - pa;
            lenB = eb - pb;
        }
        int result = verrevcmp(a, pa, lenA, ea, b, pb, lenB, eb);
        return result == 0 ? simple : result;
    }

    private static boolean isText(byte[] s, int from, int end, String text) {
        if (end - from != text.length()) return false;
        for (int i = 0; i < text.length(); i++) if (s[from + i] != text.charAt(i)) return false;
        return true;
    }

    /** Start of the trailing suffix matching {@code (\.[A-Za-z~][A-Za-z0-9~]*)*$}, or -1. */
    private static int suffixStart(byte[] s, int from, int end) {
        int match = -1;
        boolean readAlpha = false;
        for (int i = from; i < end; i++) {
            int c = s[i] & 0xFF;
            if (readAlpha) {
                readAlpha = false;
                if (!isAlpha(c) && c != '~') match = -1;
            } else if (c == '.') {
                readAlpha = true;
                if (match < 0) match = i;
            } else if (!isAlpha(c) && !isDigit(c) && c != '~') {
                match = -1;
            }
        }
        return match;
    }

    private static boolean isDigit(int c) { return c >= '0' && c <= '9'; }

    private static boolean isAlpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    private static int order(int c) {
        if (isDigit(c)) return 0;
        if (isAlpha(c)) return c;
        if (c == '~') return -1;
        return c + 256;
    }

    /**
     * Debian's version comparison of {@code a[pa, pa+alen)} and {@code b[pb, pb+blen)}. As in
     * gnulib, the digit scans may look past the cut-off point (into a suffix, never past the
     * string's end), which a suffix starting with '.' stops at once.
     */
    private static int verrevcmp(byte[] a, int pa, int alen, int ea, byte[] b, int pb, int blen, int eb) {
        int i = 0, j = 0;
        while (i < alen || j < blen) {
            int firstDiff = 0;
            while ((i < alen && !isDigit(at(a, pa + i, ea))) || (j < blen && !isDigit(at(b, pb + j, eb)))) {
                int ca = i == alen ? 0 : order(at(a, pa + i, ea));
                int cb = j == blen ? 0 : order(at(b, pb + j, eb));
                if (ca != cb) return ca - cb;
                i++;
                j++;
            }
            while (at(a, pa + i, ea) == '0') i++;
            while (at(b, pb + j, eb) == '0') j++;
            while (isDigit(at(a, pa + i, ea)) && isDigit(at(b, pb + j, eb))) {
                if (firstDiff == 0) firstDiff = at(a, pa + i, ea) - at(b, pb + j, eb);
                i++;
                j++;
            }
            if (isDigit(at(a, pa + i, ea))) return 1;
            if (isDigit(at(b, pb + j, eb))) return -1;
            if (firstDiff != 0) return firstDiff;
        }
        return 0;
    }
}
