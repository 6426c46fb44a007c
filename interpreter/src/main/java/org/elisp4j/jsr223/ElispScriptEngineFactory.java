package org.elisp4j.jsr223;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import org.elisp4j.cli.Emacs;

/** JSR-223 factory: {@code new ScriptEngineManager().getEngineByName("elisp")}. */
public final class ElispScriptEngineFactory implements ScriptEngineFactory {
    @Override public String getEngineName() { return "elisp4j"; }
    @Override public String getEngineVersion() { return Emacs.VERSION; }
    @Override public List<String> getExtensions() { return List.of("el"); }
    @Override public List<String> getMimeTypes() { return List.of("text/x-elisp", "application/x-elisp"); }
    @Override public List<String> getNames() { return List.of("elisp", "emacs-lisp", "elisp4j"); }
    @Override public String getLanguageName() { return "Emacs Lisp"; }
    @Override public String getLanguageVersion() { return "28.2"; }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> "elisp";
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            case "THREADING" -> null;
            default -> null;
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        StringBuilder sb = new StringBuilder("(").append(m).append(' ').append(obj);
        for (String a : args) sb.append(' ').append(a);
        return sb.append(')').toString();
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        StringBuilder sb = new StringBuilder("(princ \"");
        for (char c : toDisplay.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        return sb.append("\")").toString();
    }

    @Override
    public String getProgram(String... statements) {
        return String.join("\n", statements);
    }

    @Override
    public ScriptEngine getScriptEngine() { return new ElispScriptEngine(this); }
}
