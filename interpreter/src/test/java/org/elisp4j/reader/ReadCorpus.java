package org.elisp4j.reader;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;
import org.elisp4j.core.LispSignal;
import org.elisp4j.printer.Print;

/**
 * The elisp4j half of tools/read-corpus.sh: for each FILE.el.gz under a directory, prints
 * "FILE FORMS MD5" exactly as tools/read-corpus.el does in GNU Emacs (see there), or with
 * {@code --show FILE} each printed form of one file. Forms are printed with prin1, or with
 * {@code --exact} as {@link Dump}s.
 */
public final class ReadCorpus {
    private ReadCorpus() {}

    /** One form as text: prin1, or the exact dump. */
    static LString render(LispRuntime rt, Object o, boolean exact) {
        return exact ? LString.of(Dump.of(rt, o)) : Print.toLString(rt, o, true);
    }

    static List<LString> forms(LispRuntime rt, Path file, boolean exact) throws IOException {
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            bytes = in.readAllBytes();
        }
        LString text = LString.decodeUtf8(bytes, 0, bytes.length, false);
        List<LString> out = new ArrayList<>();
        int pos = 0;
        // Like (read (current-buffer)) in a loop: end-of-file ends the file.
        while (true) {
            try {
                LispReader.Result r = LispReader.read(rt, text, pos, text.length());
                out.add(render(rt, r.value(), exact));
                pos = r.end();
            } catch (LispSignal e) {
                rt.resolve(e);
                if (!e.symbol().name.equals("end-of-file")) {
                    LString err = render(rt, e.errorObject(), exact);
                    int[] cs = new int[err.length() + 1];
                    cs[0] = '!';
                    System.arraycopy(err.chars(), 0, cs, 1, err.length());
                    out.add(LString.ofChars(cs, err.isMultibyte()));
                }
                return out;
            }
        }
    }

    public static void main(String[] argv) throws IOException, NoSuchAlgorithmException {
        List<String> args = new ArrayList<>(List.of(argv));
        boolean exact = args.remove("--exact");
        LispRuntime rt = new LispRuntime();
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        if (args.size() == 2 && args.get(0).equals("--show")) {
            for (LString d : forms(rt, Path.of(args.get(1)), exact)) {
                stdout.write(d.bytes());
                stdout.write('\n');
            }
            stdout.flush();
            return;
        }
        Path dir = Path.of(args.get(0));
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".el.gz")).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        }
        for (Path f : files) {
            List<LString> forms = forms(rt, f, exact);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (int i = 0; i < forms.size(); i++) {
                if (i > 0) md5.update((byte) '\n');
                md5.update(forms.get(i).bytes());
            }
            stdout.println(dir.relativize(f) + " " + forms.size() + " " + HexFormat.of().formatHex(md5.digest()));
        }
        stdout.flush();
    }
}
