package org.elisp4j.image;

import static org.elisp4j.image.ImageFormat.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.elisp4j.LispRuntime;
import org.elisp4j.cli.Library;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;

/**
 * The dumped world: the state of a runtime after the Lisp library is loaded, saved at build
 * time so that starting a runtime is making it ({@code new LispRuntime}, which runs the builtins'
 * set-up as before, so everything computed from the environment is computed afresh) and then
 * applying the image instead of reading, expanding and evaluating the Lisp files. This is what
 * Emacs's portable dumper does for {@code loadup.el}.
 *
 * <p>The image is a delta against a runtime that has just been made: the objects loading
 * created, the changes it made to objects that existed before, and the symbol cells it set.
 * It is only used by a runtime of the same build (same symbols and subsystems, see
 * {@link BaseIndex#fingerprint}) and for the same Lisp sources (the files loaded, by size and
 * CRC-32); otherwise {@link #restore} says {@link Status#STALE} and the caller loads the files.
 */
public final class WorldImage {
    private WorldImage() {}

    /** The file name of the image, in the Lisp library directory. */
    public static final String FILE_NAME = ImageFormat.FILE_NAME;

    /** What {@link #restore} did. */
    public enum Status {
        /** The runtime now holds the dumped world. */
        RESTORED,
        /** There is no image: the caller should load the Lisp files. */
        MISSING,
        /** The image was made for other sources or another build: the caller should load the files. */
        STALE
    }

    /**
     * Dump: {@code rt} is a runtime prepared as for a session (command line, load path) but with
     * no Lisp loaded yet; {@code load} loads the library into it. Returns the image. Fails with
     * {@link ImageException} if the loaded world cannot be restored faithfully, or keeps a
     * string containing one of the {@code forbidden} values (name to value: the dumping process's
     * home, user, directory), which would then be wrong in every session.
     */
    public static byte[] dump(LispRuntime rt, Path libDir, Runnable load, Map<String, String> forbidden) {
        return dump(rt, libDir, load, forbidden, summary -> { });
    }

    /** As above; {@code log} is told what the image holds. */
    public static byte[] dump(LispRuntime rt, Path libDir, Runnable load, Map<String, String> forbidden,
                              Consumer<String> log) {
        BaseIndex base = new BaseIndex(rt);
        load.run();
        String lib = libDir.toString();
        List<String> files = loadedFiles(rt, lib);
        ImageWriter writer = new ImageWriter(rt, base, lib, forbidden);
        byte[] body = writer.write();
        log.accept(writer.summary());
        ImageOut head = new ImageOut();
        head.u32(MAGIC);
        head.u32(VERSION);
        head.u64(base.fingerprint);
        head.u32(files.size());
        for (String f : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(libDir.resolve(f));
            } catch (IOException e) {
                throw new ImageException("cannot read " + f + ": " + e.getMessage());
            }
            head.string(f);
            head.u64(content.length);
            head.u64(crc(content));
        }
        head.u64(crc(body));
        byte[] h = head.toByteArray();
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** The files loading read, relative to the library (from {@code load-history}). */
    private static List<String> loadedFiles(LispRuntime rt, String lib) {
        List<String> out = new ArrayList<>();
        Object hist = rt.valueOrUnbound(rt.intern("load-history"));
        for (Object o = hist; o instanceof Cons c; o = c.cdr()) {
            if (!(c.car() instanceof Cons e) || !(e.car() instanceof LString name)) continue;
            String f = name.toString();
            if (!f.startsWith(lib + "/"))
                throw new ImageException("the preloaded Lisp loaded " + f + ", which is not in the library " + lib);
            out.add(f.substring(lib.length() + 1));
        }
        if (out.isEmpty()) throw new ImageException("nothing was loaded");
        out.sort(null);
        return out;
    }

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b, 0, b.length);
        return c.getValue();
    }

    /** As {@link #restore(LispRuntime, Path, Consumer)}, not saying why an image was not used. */
    public static Status restore(LispRuntime rt, Path libDir) { return restore(rt, libDir, why -> { }); }

    /**
     * Apply the image in {@code libDir} to {@code rt}, a runtime prepared as for {@link #dump}
     * and nothing else. When the image is missing or does not fit, {@code rt} is left as it was
     * and {@code why} is told the reason. A failure after the image was found to fit (a bug)
     * propagates, leaving {@code rt} unusable.
     */
    public static Status restore(LispRuntime rt, Path libDir, Consumer<String> why) {
        Path file = libDir.resolve(FILE_NAME);
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            why.accept("no image: " + file);
            return Status.MISSING;
        }
        ImageReader reader;
        try {
            ImageIn in = new ImageIn(data, 0);
            if (in.u32() != MAGIC) throw new ImageException(file + " is not an elisp4j image");
            if (in.u32() != VERSION) throw new ImageException(file + " has another format version");
            if (in.u64() != BaseIndex.fingerprint(rt)) throw new ImageException(file + " was made by another build");
            // A library extracted from the jar comes with the jar's checksums of its files: compare
            // those (the sources are the ones next to the image) rather than reading every file.
            Map<String, long[]> extracted = Library.checksums(libDir);
            int n = in.u32();
            for (int i = 0; i < n; i++) {
                String f = in.string();
                long size = in.u64(), crc = in.u64();
                Path p = libDir.resolve(f);
                if (extracted != null) {
                    long[] known = extracted.get(f);
                    if (known == null || known[0] != crc || known[1] != size)
                        throw new ImageException(f + " is not the file the image was made from");
                    // The size on disk too, in case the extracted file was edited.
                    try {
                        if (Files.size(p) != size) throw new ImageException(f + " changed since it was extracted");
                    } catch (IOException e) {
                        throw new ImageException("cannot read " + p + ": " + e.getMessage());
                    }
                    continue;
                }
                byte[] content;
                try {
                    if (Files.size(p) != size) throw new ImageException(f + " changed since the image was made");
                    content = Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new ImageException("cannot read " + p + ": " + e.getMessage());
                }
                if (crc(content) != crc) throw new ImageException(f + " changed since the image was made");
            }
            long bodyCrc = in.u64();
            CRC32 c = new CRC32();
            c.update(data, in.position(), data.length - in.position());
            if (c.getValue() != bodyCrc) throw new ImageException(file + " is damaged");
            reader = new ImageReader(rt, in, libDir.toString());
            reader.prepare();
        } catch (ImageException e) {
            why.accept(e.getMessage());
            return Status.STALE;
        }
        reader.apply();
        return Status.RESTORED;
    }
}
