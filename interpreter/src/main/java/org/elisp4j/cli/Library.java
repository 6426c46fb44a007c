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
        if (Files.exists(dir.resolve(".complete"))) return dir;
        Path tmp = Files.createDirectories(base.resolve("elisp4j")).resolve(key + ".tmp" + ProcessHandle.current().pid());
        try (JarFile jf = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> en = jf.entries();
            while (en.hasMoreElements()) {
                JarEntry e = en.nextElement();
                if (!e.getName().startsWith(ROOT) || e.isDirectory()) continue;
                Path out = tmp.resolve(e.getName().substring(ROOT.length()));
                Files.createDirectories(out.getParent());
                try (InputStream in = jf.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createFile(tmp.resolve(".complete"));
        Files.createDirectories(dir.getParent());
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // Another process extracted it first; use theirs.
            if (!Files.exists(dir.resolve(".complete"))) throw raced;
        }
        return dir;
    }
}
