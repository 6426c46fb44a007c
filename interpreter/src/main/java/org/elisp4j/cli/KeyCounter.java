package org.elisp4j.cli;

import org.jline.keymap.KeyMap;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.Widget;

/**
 * Reports every key the line editor handles as an input event (Emacs counts input events toward
 * {@code auto-save-interval}): each key binding of the main key map is wrapped in a widget that
 * first calls the counter.
 */
final class KeyCounter {
    private KeyCounter() {}

    static void install(LineReader reader, Runnable onKey) {
        KeyMap<org.jline.reader.Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        if (main == null) return;
        java.util.Map<String, org.jline.reader.Binding> bound = new java.util.HashMap<>(main.getBoundKeys());
        for (var e : bound.entrySet()) {
            if (!(e.getValue() instanceof Reference ref)) continue;
            String name = ref.name();
            Widget w = reader.getWidgets().get(name);
            if (w == null) continue;
            String counted = "elisp4j-counted-" + name;
            reader.getWidgets().putIfAbsent(counted, () -> {
                onKey.run();
                return w.apply();
            });
            main.bind(new Reference(counted), e.getKey());
        }
        Widget selfInsert = reader.getWidgets().get(LineReader.SELF_INSERT);
        if (selfInsert != null) {
            reader.getWidgets().put(LineReader.SELF_INSERT, () -> {
                onKey.run();
                return selfInsert.apply();
            });
        }
        main.setUnicode(new Reference(LineReader.SELF_INSERT));
    }
}
