package org.elisp4j.image;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.cli.Library;
import org.elisp4j.cli.Main;
import org.elisp4j.core.LispSignal;

/**
 * The build step that makes the world image (run by the {@code lisp} module after its resources
 * are in place): loads the Lisp library found on the class path into a new runtime and writes
 * the image next to it, as {@link WorldImage#FILE_NAME}. The runtime sees a made-up home,
 * user and directory, so a preloaded value computed from them is caught instead of being
 * baked into every session; loading must print nothing, since sessions started from the image
 * would not print it.
 *
 * <p>Usage: {@code DumpMain [OUTPUT-FILE]} (default: in the library directory).
 */
public final class DumpMain {
    private DumpMain() {}

    static final String HOME = "/elisp4j-dump/home", CWD = "/elisp4j-dump/cwd", USER = "elisp4j-dump";

    public static void main(String[] args) throws Exception {
        Path lib = Library.directory();
        if (lib == null) throw new IllegalStateException("the Lisp library is not on the class path");
        Path out = args.length > 0 ? Paths.get(args[0]) : lib.resolve(WorldImage.FILE_NAME);
        Files.deleteIfExists(out);
        byte[][] image = {null};
        String[] summary = {""};
        Throwable[] failure = {null};
        Thread t = new Thread(null, () -> {
            try {
                image[0] = dump(lib, s -> summary[0] = s);
            } catch (RuntimeException | StackOverflowError e) {
                failure[0] = e;
            }
        }, "elisp4j-dump", Main.LISP_STACK);
        t.start();
        t.join();
        if (failure[0] instanceof ImageException e) {
            System.err.println("elisp4j: cannot dump the Lisp world: " + e.getMessage());
            throw e;
        }
        if (failure[0] instanceof RuntimeException e) throw e;
        if (failure[0] instanceof Error e) throw e;
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, image[0]);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("elisp4j: wrote " + out + " (" + image[0].length + " bytes: " + summary[0] + ")");
    }

    /** The image of the library in {@code lib}, loaded in a runtime with a made-up environment. */
    public static byte[] dump(Path lib) { return dump(lib, summary -> { }); }

    /** As {@link #dump(Path)}; {@code log} is told what the image holds. */
    static byte[] dump(Path lib, java.util.function.Consumer<String> log) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", HOME);
        env.put("USER", USER);
        env.put("LOGNAME", USER);
        env.put("TZ", "UTC0");
        env.put("PATH", "/usr/bin:/bin");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(printed, true, StandardCharsets.UTF_8);
        LispRuntime rt = new LispRuntime(ps, ps, env);
        rt.stdin = InputStream.nullInputStream();
        rt.noninteractive = true;
        rt.setInitialDirectory(CWD);
        Main.prepare(rt, new String[] {"--batch"}, true, lib);
        Map<String, String> forbidden = new LinkedHashMap<>();
        forbidden.put("HOME", HOME);
        forbidden.put("the current directory", CWD);
        forbidden.put("the user name", USER);
        byte[] image;
        try {
            image = WorldImage.dump(rt, lib, () -> Main.loadFiles(rt, lib), forbidden, log);
        } catch (LispSignal s) {
            Main.reportTopLevelError(rt, s);
            throw new ImageException("loading the library failed: " + printed.toString(StandardCharsets.UTF_8));
        }
        if (printed.size() > 0)
            throw new ImageException("loading the library printed output, which sessions started from the image"
                    + " would not show:\n" + printed.toString(StandardCharsets.UTF_8));
        return image;
    }
}
