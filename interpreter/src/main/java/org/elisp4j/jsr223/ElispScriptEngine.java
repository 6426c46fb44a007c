package org.elisp4j.jsr223;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import org.elisp4j.LispRuntime;
import org.elisp4j.api.Elisp;
import org.elisp4j.api.LispException;
import org.elisp4j.api.Values;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;
import org.elisp4j.reader.LispReader;

/**
 * The JSR-223 engine. Each engine owns one {@link Elisp} runtime (started on first use, in batch
 * style: no auto-save by default). ENGINE_SCOPE bindings are visible to the script as Lisp
 * (special) variables of the same names, and their values after the script are copied back.
 * {@link Invocable} calls Lisp functions by name; {@link Compilable} reads a script once.
 */
public final class ElispScriptEngine extends AbstractScriptEngine implements Invocable, Compilable {
    private final ElispScriptEngineFactory factory;
    private Elisp lisp;

    ElispScriptEngine(ElispScriptEngineFactory factory) {
        this.factory = factory;
    }

    private synchronized Elisp lisp() {
        if (lisp == null) {
            Elisp.Options o = new Elisp.Options();
            o.interactive = false;
            lisp = Elisp.start(o);
        }
        return lisp;
    }

    /** The underlying runtime (started on demand). */
    public Elisp elisp() { return lisp(); }

    @Override public ScriptEngineFactory getFactory() { return factory; }
    @Override public Bindings createBindings() { return new SimpleBindings(); }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        return run(read(script), context);
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        return eval(slurp(reader), context);
    }

    private static String slurp(Reader reader) throws ScriptException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            int n;
            while ((n = reader.read(buf)) > 0) sb.append(buf, 0, n);
        } catch (IOException e) {
            throw new ScriptException(e);
        }
        return sb.toString();
    }

    /** Read all forms of {@code script} (on the Lisp thread: reading interns symbols). */
    private List<Object> read(String script) throws ScriptException {
        try {
            return lisp().onLispThread(() -> {
                LispRuntime rt = lisp.runtime();
                LString text = LString.of(script);
                List<Object> forms = new ArrayList<>();
                LispReader.Forms it = LispReader.forms(rt, text, 0, text.length());
                while (it.next()) forms.add(it.form());
                return forms;
            });
        } catch (LispException e) {
            throw scriptException(e);
        }
    }

    private Object run(List<Object> forms, ScriptContext context) throws ScriptException {
        Bindings engine = context.getBindings(ScriptContext.ENGINE_SCOPE);
        try {
            return lisp().onLispThread(() -> {
                LispRuntime rt = lisp.runtime();
                List<Symbol> vars = new ArrayList<>();
                if (engine != null) {
                    for (Map.Entry<String, Object> e : engine.entrySet()) {
                        if (e.getKey().startsWith("javax.script.")) continue;
                        Symbol s = rt.intern(e.getKey());
                        s.special = true;
                        rt.setDefault(s, Values.toLisp(rt, e.getValue()), "set");
                        vars.add(s);
                    }
                }
                Object value = Lisp.NIL;
                try {
                    for (Object f : forms) value = rt.eval(f, Lisp.T);
                } finally {
                    for (Symbol s : vars) {
                        Object v = rt.valueOrUnbound(s);
                        if (v != Lisp.UNBOUND) engine.put(s.name, Values.toJava(rt, v, Object.class));
                    }
                }
                return Values.toJava(rt, value, Object.class);
            });
        } catch (LispException e) {
            throw scriptException(e);
        }
    }

    private static ScriptException scriptException(LispException e) {
        ScriptException se = new ScriptException(e.getMessage());
        se.initCause(e);
        return se;
    }

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException {
        try {
            Object r = lisp().call(name, args);
            return lisp.toJava(r);
        } catch (LispException e) {
            throw scriptException(e);
        }
    }

    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException {
        Object[] all = new Object[args.length + 1];
        all[0] = thiz;
        System.arraycopy(args, 0, all, 1, args.length);
        return invokeFunction(name, all);
    }

    @Override
    public <T> T getInterface(Class<T> clasz) {
        return getInterface(null, clasz);
    }

    /** An implementation of interface {@code clasz} whose methods call Lisp functions of the same names. */
    @Override
    public <T> T getInterface(Object thiz, Class<T> clasz) {
        if (clasz == null || !clasz.isInterface()) throw new IllegalArgumentException("not an interface: " + clasz);
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(clasz.getClassLoader(), new Class<?>[] {clasz},
                (p, method, margs) -> {
                    Object[] a = margs == null ? new Object[0] : margs;
                    String lispName = method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
                    return thiz == null ? invokeFunction(lispName, a) : invokeMethod(thiz, lispName, a);
                });
        return clasz.cast(proxy);
    }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        List<Object> forms = read(script);
        return new CompiledScript() {
            @Override public Object eval(ScriptContext context) throws ScriptException { return run(forms, context); }
            @Override public ScriptEngine getEngine() { return ElispScriptEngine.this; }
        };
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        return compile(slurp(script));
    }
}
