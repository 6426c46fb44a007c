package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elisp4j.LispRuntime;

/**
 * Per-runtime state of the file primitives that Emacs keeps in C globals of fileio.c: the file
 * mode creation mask and the auto-save flags that change how {@code write-region} and
 * {@code make-directory-internal} create files.
 *
 * <p>Java cannot change the process umask, so the mask lives here and every primitive that creates
 * a file or directory applies it itself (and corrects what the real process umask removed).
 */
public final class FileioState {
    /** Emacs's {@code realmask}: bits removed from the mode of every created file. */
    public int umask;
    /**
     * True while the auto-saver writes a buffer (Emacs's {@code auto_saving}): no lock, no fsync,
     * no message, new files get {@link #autoSaveModeBits}, and the file is replaced atomically.
     */
    public boolean autoSaving;
    /** Mode requested for a newly created auto-save file (before the umask). */
    public int autoSaveModeBits = 0666;
    /** Extra umask for directories created while auto-saving (Emacs uses 077 for the list file's). */
    public int autoSavingDirUmask;

    FileioState() {
        umask = readProcessUmask();
    }

    public static FileioState of(LispRuntime rt) {
        return rt.extension(FileioState.class, FileioState::new);
    }

    /** The process umask from /proc (Linux 4.7+), or 022 when it cannot be read. */
    private static int readProcessUmask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) return Integer.parseInt(line.substring(6).trim(), 8) & 0777;
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // Not Linux, or /proc unavailable: fall back on the common default.
        }
        return 022;
    }
}
