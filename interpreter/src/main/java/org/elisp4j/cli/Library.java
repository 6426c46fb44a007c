package org.elisp4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where the bundled Lisp library ({@code elisp4j/lisp/*.el}) lives on disk. Lisp code expects
 * real files ({@code load-path}, {@code locate-library}), so when the library is inside a jar it
 * is extracted once into a cache directory keyed by the jar's size and time.
 */
public final class Library {
    private Library() {}

    static final String ROOT = "elisp4j/lisp/";
    /**
     * The file marking an extracted library as complete; it lists each file's CRC-32 and size as
     * the jar recorded them ({@code HEX-CRC SIZE NAME} lines), so the world image can check that
     * it was made from these sources without reading them.
     */
    static final String COMPLETE = ".complete";

    /**
     * The CRC-32 and size of each file of a library extracted from the jar, by name relative to
     * {@code dir}, or null when {@code dir} was not extracted (a directory on the class path)
     * or by an older version that did not record them.
     */
    public static java.util.Map<String, long[]> checksums(Path dir) {
        byte[] b;
        try {
            b = Files.readAllBytes(dir.resolve(COMPLETE));
        } catch (IOException e) {
            return null;
        }
        java.util.Map<String, long[]> out = new java.util.HashMap<>();
        int i = 0;
        while (i < b.length) {
            int eol = i;
            while (eol < b.length && b[eol] != '\n') eol++;
            int sp1 = i;
            while (sp1 < eol && b[sp1] != ' ') sp1++;
            int sp2 = sp1 + 1;
            while (sp2 < eol && b[sp2] != ' ') sp2++;
            if (sp2 >= eol) return null;
            long crc = Long.parseLong(new String(b, i, sp1 - i, java.nio.charset.StandardCharsets.US_ASCII), 16);
            long size = Long.parseLong(new String(b, sp1 + 1, sp2 - sp1 - 1, java.nio.charset.StandardCharsets.US_ASCII));
            out.put(new String(b, sp2 + 1, eol - sp2 - 1, java.nio.charset.StandardCharsets.UTF_8), new long[] {crc, size});
            i = eol + 1;
        }
        return out.isEmpty() ? null : out;
    }

    /** The library directory, or null if the library is not on the class path. */
    public static Path directory() {
        URL url = Library.class.getClassLoader().getResource(ROOT + "loadup.el");
        if (url == null) return null;
        try {
            if (url.getProtocol().equals("file")) return Paths.get(url.toURI()).getParent();
            if (url.getProtocol().equals("jar")) return extract((JarURLConnection) url.openConnection());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private static Path extract(JarURLConnection conn) throws IOException {
        Path jar;
        try {
            jar = Paths.get(conn.getJarFileURL().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String key = Long.toHexString(Files.size(jar)) + "-" + Long.toHexString(Files.getLastModifiedTime(jar).toMillis());
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        Path base = cacheHome != null && !cacheHome.isEmpty() ? Paths.get(cacheHome)
                : Paths.get(System.getProperty("user.home"), ".cache");
        Path dir = base.resolve("elisp4j").resolve(key).resolve("lisp");
        if (Files.exists(dir.resolve(COMPLETE))) return dir;
        Path tmp = Files.createDirectories(base.resolve("elisp4j")).resolve(key + ".tmp" + ProcessHandle.current().pid());
        StringBuilder sums = new StringBuilder();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> en = jf.entries();
            while (en.hasMoreElements()) {
                JarEntry e = en.nextElement();
                if (!e.getName().startsWith(ROOT) || e.isDirectory()) continue;
                String name = e.getName().substring(ROOT.length());
                Path out = tmp.resolve(name);
                Files.createDirectories(out.getParent());
                try (InputStream in = jf.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                sums.append(Long.toHexString(e.getCrc())).append(' ').append(e.getSize()).append(' ').append(name).append('\n');
            }
        }
        Files.writeString(tmp.resolve(COMPLETE), sums);
        Files.createDirectories(dir.getParent());
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // Another process extracted it first; use theirs.
            if (!Files.exists(dir.resolve(COMPLETE))) throw raced;
        }
        return dir;
    }
}
