package org.elisp4j.api;

import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/**
 * Binds a Swing {@link Document} (the model of a text component) to a Lisp buffer. Edits made in
 * the component are applied to the buffer on the Lisp thread through Lisp's own `insert' and
 * `delete-region', so they bump the modification ticks auto-save reads, record undo, take the
 * file lock and run the change hooks. Edits Lisp makes to the buffer are applied to the document
 * on the Swing event thread. The document is the authority: edits arriving from both sides at
 * the same moment are applied in arrival order.
 */
public final class DocumentBuffer {
    private final Elisp lisp;
    private final Document doc;
    private final Buffer buffer;
    /** Set while the document is being changed to mirror a Lisp edit (its listener must not echo it). */
    private volatile boolean mirroringToDocument;
    /** Set (on the Lisp thread) while a document edit is applied to the buffer. */
    private boolean mirroringToBuffer;

    private DocumentBuffer(Elisp lisp, Document doc, Buffer buffer) {
        this.lisp = lisp;
        this.doc = doc;
        this.buffer = buffer;
    }

    /**
     * Bind {@code doc} to a new buffer named {@code bufferName} (made unique). If {@code file} is
     * non-null the buffer visits it (as if its text had just been read from it: unmodified).
     */
    public static DocumentBuffer bind(Elisp lisp, Document doc, String bufferName, String file) {
        String initial;
        try {
            initial = doc.getText(0, doc.getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
        Buffer b = lisp.onLispThread(() -> {
            LispRuntime rt = lisp.runtime();
            Object name = rt.funcall(rt.intern("generate-new-buffer-name"), LString.of(bufferName));
            Buffer nb = (Buffer) rt.funcall(rt.intern("get-buffer-create"), name);
            Buffer old = rt.currentBuffer();
            try {
                rt.setCurrentBuffer(nb);
                rt.funcall(rt.intern("insert"), LString.of(initial));
                if (file != null) {
                    rt.funcall(rt.intern("set-visited-file-name"), LString.of(file), Lisp.T);
                    rt.funcall(rt.intern("set-buffer-modified-p"), Lisp.NIL);
                }
                rt.funcall(rt.intern("goto-char"), 1L);
            } finally {
                rt.setCurrentBuffer(old);
            }
            return nb;
        });
        DocumentBuffer db = new DocumentBuffer(lisp, doc, b);
        doc.addDocumentListener(db.new HostEdits());
        lisp.onLispThread(() -> {
            b.addChangeListener(db::lispEdited);
            return null;
        });
        return db;
    }

    /** The Lisp buffer. */
    public Buffer buffer() { return buffer; }

    /** Document edits become buffer edits (on the Lisp thread). */
    private final class HostEdits implements DocumentListener {
        @Override public void insertUpdate(DocumentEvent e) {
            if (mirroringToDocument) return;
            String text;
            try {
                text = doc.getText(e.getOffset(), e.getLength());
            } catch (BadLocationException ex) {
                return;
            }
            int pos = e.getOffset() + 1;
            lisp.post(() -> applyToBuffer(() -> {
                LispRuntime rt = lisp.runtime();
                rt.funcall(rt.intern("goto-char"), (long) pos);
                rt.funcall(rt.intern("insert"), LString.of(text));
            }));
        }

        @Override public void removeUpdate(DocumentEvent e) {
            if (mirroringToDocument) return;
            long from = e.getOffset() + 1L, to = from + e.getLength();
            lisp.post(() -> applyToBuffer(() -> {
                LispRuntime rt = lisp.runtime();
                rt.funcall(rt.intern("delete-region"), from, to);
            }));
        }

        @Override public void changedUpdate(DocumentEvent e) {
            // Attribute changes have no Lisp counterpart here.
        }
    }

    private void applyToBuffer(Runnable edit) {
        LispRuntime rt = lisp.runtime();
        if (!buffer.live) return;
        Buffer old = rt.currentBuffer();
        int pt = buffer.pt;
        mirroringToBuffer = true;
        try {
            rt.setCurrentBuffer(buffer);
            edit.run();
        } finally {
            mirroringToBuffer = false;
            if (buffer.live) buffer.pt = Math.max(buffer.begv, Math.min(buffer.zv(), pt));
            if (old.live) rt.setCurrentBuffer(old);
        }
    }

    /** Buffer edits made by Lisp become document edits (on the Swing event thread). */
    private void lispEdited(Buffer b, int beg, int end, int oldLength) {
        if (mirroringToBuffer) return;
        String text = LString.ofChars(b.chars(beg, end), true).toString();
        int offset = beg - 1;
        SwingUtilities.invokeLater(() -> {
            mirroringToDocument = true;
            try {
                if (oldLength > 0) doc.remove(offset, Math.min(oldLength, doc.getLength() - offset));
                if (!text.isEmpty()) doc.insertString(offset, text, null);
            } catch (BadLocationException ex) {
                // The document moved on meanwhile; the host's own edit wins.
            } finally {
                mirroringToDocument = false;
            }
        });
    }
}
