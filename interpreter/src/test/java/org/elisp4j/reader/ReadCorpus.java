package org.elisp4j.reader;

import java.io.IOException;
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

/**
 * The elisp4j half of tools/read-corpus.sh: for each FILE.el.gz under a directory, prints
 * "FILE FORMS MD5" exactly as tools/read-corpus.el does in GNU Emacs (see there), or with
 * {@code --show FILE} the dump of each form of one file.
 */
public final class ReadCorpus {
    private ReadCorpus() {}

    static List<String> dumps(LispRuntime rt, Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            bytes = in.readAllBytes();
        }
        LString text = LString.decodeUtf8(bytes, 0, bytes.length, false);
        List<String> out = new ArrayList<>();
        int pos = 0;
        // Like (read (current-buffer)) in a loop: end-of-file ends the file.
        while (true) {
            try {
                LispReader.Result r = LispReader.read(rt, text, pos, text.length());
                out.add(Dump.of(rt, r.value()));
                pos = r.end();
            } catch (LispSignal e) {
                rt.resolve(e);
                if (!e.symbol().name.equals("end-of-file")) out.add("!" + Dump.of(rt, e.errorObject()));
                return out;
            }
        }
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        LispRuntime rt = new LispRuntime();
        if (args.length == 2 && args[0].equals("--show")) {
            for (String d : dumps(rt, Path.of(args[1]))) System.out.println(d);
            return;
        }
        Path dir = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".el.gz")).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        }
        StringBuilder out = new StringBuilder();
        for (Path f : files) {
            List<String> dumps = dumps(rt, f);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            String joined = String.join("\n", dumps);
            String hex = HexFormat.of().formatHex(md5.digest(joined.getBytes(StandardCharsets.UTF_8)));
            out.append(dir.relativize(f)).append(' ').append(dumps.size()).append(' ').append(hex).append('\n');
        }
        System.out.print(out);
    }
}
