import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.SwingUtilities;
import javax.swing.text.PlainDocument;
import org.elisp4j.api.DocumentBuffer;
import org.elisp4j.api.Elisp;

/**
 * A Java editor with elisp4j as its scripting layer: a Swing document bound to a Lisp buffer,
 * a Lisp function written in Java, a user hook, and keystrokes driving auto-save as in Emacs.
 *
 * <p>Run it after building: {@code java -cp lisp/target/elisp4j.jar examples/EditorExample.java}
 */
public class EditorExample {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("editor-example");
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "first line\n");

        try (Elisp lisp = Elisp.start()) {
            // A Lisp function backed by Java, called from Lisp like any other.
            lisp.defun("host-status", a -> "editing " + a[0]);
            System.out.println(lisp.eval("(host-status (file-name-nondirectory \"" + file + "\"))"));

            // What an init file would say: auto-save after 20 keystrokes, and tell us when.
            lisp.eval("(setq auto-save-interval 20)");
            lisp.eval("(add-hook 'auto-save-hook (lambda () (princ \"auto-saving\\n\")))");

            // The editor's document is a buffer visiting notes.txt, with auto-save on.
            PlainDocument doc = new PlainDocument();
            doc.insertString(0, Files.readString(file), null);
            DocumentBuffer.bind(lisp, doc, "notes.txt", file.toString());
            lisp.eval("(with-current-buffer \"notes.txt\" (auto-save-mode 1))");

            // The user types a line, each keystroke an input event: the 21st triggers auto-save.
            String typed = "typed in the editor, then saved\n";
            for (int i = 0; i < typed.length(); i++) {
                String key = typed.substring(i, i + 1);
                SwingUtilities.invokeAndWait(() -> {
                    try {
                        doc.insertString(doc.getLength(), key, null);
                    } catch (javax.swing.text.BadLocationException e) {
                        throw new IllegalStateException(e);
                    }
                });
                lisp.inputEvent();
            }
            lisp.eval("(sit-for 0)");

            String saved = Files.readString(dir.resolve("#notes.txt#"));
            System.out.println("auto-save file: " + saved.replace("\n", "\\n"));
            System.out.println("modified: " + lisp.eval("(with-current-buffer \"notes.txt\" (buffer-modified-p))"));
        }
    }
}
