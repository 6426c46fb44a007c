package org.elisp4j.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Generates, for every class with {@code @Defun} methods, a {@code CLASS__Defuns} module: one
 * {@code Subr} subclass {@code F} for all the class's functions, told apart by a number, whose
 * fixed-arity entry points dispatch with a switch to one small method per function and arity
 * (argument conversion and type checks, then the call); an {@code install} method defining them
 * (and calling the class's {@code @Init} method); and, per compilation, a catalog of the modules. One class per module rather than per function keeps the
 * number of classes a runtime loads at start-up small.
 */
@SupportedAnnotationTypes({"org.elisp4j.builtin.Defun", "org.elisp4j.builtin.Init"})
public final class DefunProcessor extends AbstractProcessor {
    private static final String DEFUN = "org.elisp4j.builtin.Defun";
    private static final String INIT = "org.elisp4j.builtin.Init";
    private static final String OPT = "org.elisp4j.builtin.Opt";
    private static final String PRED = "org.elisp4j.builtin.Pred";
    private static final String RUNTIME = "org.elisp4j.LispRuntime";
    private static final String CORE = "org.elisp4j.core.";

    /** Java parameter type to Emacs's type predicate. */
    private static final Map<String, String> PREDICATES = new LinkedHashMap<>();
    static {
        PREDICATES.put(CORE + "LString", "stringp");
        PREDICATES.put(CORE + "Symbol", "symbolp");
        PREDICATES.put(CORE + "Cons", "consp");
        PREDICATES.put(CORE + "Buffer", "bufferp");
        PREDICATES.put(CORE + "Marker", "markerp");
        PREDICATES.put(CORE + "LVector", "vectorp");
        PREDICATES.put(CORE + "LHashTable", "hash-table-p");
        PREDICATES.put(CORE + "CharTable", "char-table-p");
        PREDICATES.put(CORE + "Record", "recordp");
        PREDICATES.put(CORE + "BoolVector", "bool-vector-p");
        PREDICATES.put("java.lang.Double", "floatp");
        PREDICATES.put("java.lang.Long", "fixnump");
        PREDICATES.put("java.math.BigInteger", "integerp");
    }

    private final Set<String> services = new TreeSet<>();
    /** Whether this compilation's catalog is written (in the round that sees the {@code @Defun} classes). */
    private boolean catalogued;

    @Override
    public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
        Map<TypeElement, ExecutableElement> inits = new LinkedHashMap<>();
        TypeElement defun = processingEnv.getElementUtils().getTypeElement(DEFUN);
        TypeElement init = processingEnv.getElementUtils().getTypeElement(INIT);
        if (defun != null) {
            for (Element e : round.getElementsAnnotatedWith(defun)) {
                byClass.computeIfAbsent((TypeElement) e.getEnclosingElement(), k -> new ArrayList<>())
                        .add((ExecutableElement) e);
            }
        }
        if (init != null) {
            for (Element e : round.getElementsAnnotatedWith(init)) {
                TypeElement cls = (TypeElement) e.getEnclosingElement();
                inits.put(cls, (ExecutableElement) e);
                byClass.computeIfAbsent(cls, k -> new ArrayList<>());
            }
        }
        for (Map.Entry<TypeElement, List<ExecutableElement>> en : byClass.entrySet()) {
            try {
                generate(en.getKey(), en.getValue(), inits.get(en.getKey()));
            } catch (IOException ex) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, ex.toString(), en.getKey());
            }
        }
        if (!byClass.isEmpty() && !catalogued) {
            catalogued = true;
            try {
                writeCatalog();
            } catch (IOException ex) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, ex.toString());
            }
        }
        return true;
    }

    private void generate(TypeElement cls, List<ExecutableElement> methods, ExecutableElement init) throws IOException {
        String pkg = processingEnv.getElementUtils().getPackageOf(cls).getQualifiedName().toString();
        String simple = cls.getSimpleName().toString();
        String gen = simple + "__Defuns";
        String owner = cls.getQualifiedName().toString();
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n");
        sb.append("import org.elisp4j.LispRuntime;\nimport org.elisp4j.core.Lisp;\nimport org.elisp4j.builtin.Args;\n\n");
        sb.append("/** Generated from {@link ").append(owner).append("} by DefunProcessor. */\n");
        sb.append("@SuppressWarnings({\"unchecked\", \"cast\", \"rawtypes\"})\n");
        sb.append("public final class ").append(gen).append(" implements org.elisp4j.builtin.BuiltinModule {\n");
        int order = 100;
        if (init != null) {
            Object o = annotationValue(init, INIT, "order");
            if (o instanceof Integer i) order = i;
        }
        sb.append("    @Override public int order() { return ").append(order).append("; }\n\n");
        sb.append("    @Override public void install(LispRuntime rt) {\n");
        if (!methods.isEmpty()) sb.append("        F f;\n");
        List<Fn> fns = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            Fn fn = describe(i, methods.get(i));
            if (fn == null) continue;
            fns.add(fn);
            sb.append("        f = new F(").append(i).append(", ").append(lit(fn.name)).append(", ").append(fn.min).append(", ")
                    .append(fn.max).append(", ").append(fn.doc == null ? "null" : lit(fn.doc)).append(");\n");
            if (fn.interactive != null) sb.append("        f.interactive = org.elisp4j.core.LString.of(").append(lit(fn.interactive)).append(");\n");
            else if (fn.command) sb.append("        f.interactive = Lisp.NIL;\n");
            sb.append("        rt.defsubr(f);\n");
        }
        if (init != null) sb.append("        ").append(owner).append('.').append(init.getSimpleName()).append("(rt);\n");
        sb.append("    }\n");
        if (!fns.isEmpty()) genSubrClass(sb, owner, fns);
        sb.append("}\n");
        try (Writer w = processingEnv.getFiler().createSourceFile(pkg + "." + gen, cls).openWriter()) {
            w.write(sb.toString());
        }
        services.add(pkg + "." + gen);
    }

    /**
     * The compilation's catalog, {@code Builtins__Catalog} in the longest package that contains
     * all its modules ({@code org.elisp4j} for the interpreter, {@code org.elisp4j.stdlib} for the
     * library of builtins), which makes every module with a plain {@code new}. The runtime loads
     * the catalogs by name ({@code BuiltinModule.CATALOGS}): a service lookup costs milliseconds
     * at start-up.
     */
    private void writeCatalog() throws IOException {
        String pkg = null;
        for (String s : services) {
            String p = s.substring(0, s.lastIndexOf('.'));
            while (pkg != null && !(p + ".").startsWith(pkg + ".")) pkg = pkg.substring(0, Math.max(0, pkg.lastIndexOf('.')));
            if (pkg == null) pkg = p;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n");
        sb.append("/** Generated by DefunProcessor: the builtin modules of this compilation. */\n");
        sb.append("public final class Builtins__Catalog implements org.elisp4j.builtin.BuiltinModule.Catalog {\n");
        sb.append("    @Override public org.elisp4j.builtin.BuiltinModule[] modules() {\n");
        sb.append("        return new org.elisp4j.builtin.BuiltinModule[] {\n");
        for (String s : services) sb.append("            new ").append(s).append("(),\n");
        sb.append("        };\n    }\n}\n");
        try (Writer w = processingEnv.getFiler().createSourceFile(pkg + ".Builtins__Catalog").openWriter()) {
            w.write(sb.toString());
        }
    }

    private static Object annotationValue(Element e, String annotation, String key) {
        for (AnnotationMirror am : e.getAnnotationMirrors()) {
            if (!am.getAnnotationType().toString().equals(annotation)) continue;
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> en : am.getElementValues().entrySet())
                if (en.getKey().getSimpleName().contentEquals(key)) return en.getValue().getValue();
        }
        return null;
    }

    private static boolean has(Element e, String annotation) {
        for (AnnotationMirror am : e.getAnnotationMirrors())
            if (am.getAnnotationType().toString().equals(annotation)) return true;
        return false;
    }

    /** One {@code @Defun} method: its Lisp name, arity and documentation. */
    private record Fn(int idx, ExecutableElement m, String name, String interactive, boolean command, boolean passRt,
                      List<VariableElement> args, boolean rest, int nfixed, int min, int max, String doc) {}

    private Fn describe(int idx, ExecutableElement m) {
        if (!m.getModifiers().contains(Modifier.STATIC)) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "@Defun methods must be static", m);
            return null;
        }
        String name = (String) annotationValue(m, DEFUN, "name");
        String interactive = (String) annotationValue(m, DEFUN, "interactive");
        Object command = annotationValue(m, DEFUN, "command");
        List<? extends VariableElement> ps = m.getParameters();
        boolean passRt = !ps.isEmpty() && ps.get(0).asType().toString().equals(RUNTIME);
        List<VariableElement> args = new ArrayList<>(ps.subList(passRt ? 1 : 0, ps.size()));
        boolean rest = m.isVarArgs();
        int nfixed = rest ? args.size() - 1 : args.size();
        int min = 0;
        for (int i = 0; i < nfixed; i++) {
            if (has(args.get(i), OPT)) break;
            min++;
        }
        for (int i = min; i < nfixed; i++) {
            if (!has(args.get(i), OPT))
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "required argument after @Opt", args.get(i));
        }
        int max = rest ? -1 : nfixed;
        String doc = docstring(m, args, min, nfixed, rest);
        return new Fn(idx, m, name, interactive, Boolean.TRUE.equals(command), passRt, args, rest, nfixed, min, max, doc);
    }

    /** The highest fixed arity (at most 4) with its own entry point. */
    private static int hiArity(Fn f) { return f.rest ? 4 : Math.min(f.nfixed, 4); }

    private void genSubrClass(StringBuilder sb, String owner, List<Fn> fns) {
        sb.append("\n    /** The functions of {@link ").append(owner).append("}, told apart by {@link #id}. */\n");
        sb.append("    static final class F extends org.elisp4j.builtin.Subr {\n");
        sb.append("        private final int id;\n\n");
        sb.append("        F(int id, String name, int min, int max, String doc) {\n");
        sb.append("            super(name, min, max, doc);\n            this.id = id;\n        }\n");
        // Fixed-arity entry points: a switch over the functions that have one for that arity.
        for (int k = 0; k <= 4; k++) {
            StringBuilder cases = new StringBuilder();
            for (Fn f : fns) {
                if (k < f.min || k > hiArity(f)) continue;
                cases.append("                case ").append(f.idx).append(": return c").append(f.idx).append('_').append(k).append("(rt");
                for (int j = 0; j < k; j++) cases.append(", a").append(j);
                cases.append(");\n");
            }
            if (cases.length() == 0) continue;
            sb.append("\n        @Override public Object call").append(k).append("(LispRuntime rt");
            for (int j = 0; j < k; j++) sb.append(", Object a").append(j);
            sb.append(") {\n            switch (id) {\n").append(cases);
            sb.append("                default: return super.call").append(k).append("(rt");
            for (int j = 0; j < k; j++) sb.append(", a").append(j);
            sb.append(");\n            }\n        }\n");
        }
        sb.append("\n        @Override public Object callN(LispRuntime rt, Object[] a) {\n            switch (id) {\n");
        for (Fn f : fns) sb.append("                case ").append(f.idx).append(": return n").append(f.idx).append("(rt, a);\n");
        sb.append("                default: throw new IllegalStateException(name);\n            }\n        }\n");
        for (Fn f : fns) genFunction(sb, owner, f);
        sb.append("    }\n");
    }

    /** The entry points of one function: {@code cIDX_K} for each fixed arity K, {@code nIDX} for any. */
    private void genFunction(StringBuilder sb, String owner, Fn f) {
        sb.append("\n        // ").append(f.name.replace("\n", " ")).append('\n');
        for (int k = f.min; k <= hiArity(f); k++) {
            sb.append("        private static Object c").append(f.idx).append('_').append(k).append("(LispRuntime rt");
            for (int j = 0; j < k; j++) sb.append(", Object a").append(j);
            sb.append(") {\n");
            List<String> exprs = new ArrayList<>();
            for (int j = 0; j < f.nfixed; j++) exprs.add(j < k ? "a" + j : null);
            String restExpr = null;
            if (f.rest) {
                if (k <= f.nfixed) restExpr = "new Object[0]";
                else {
                    StringBuilder r = new StringBuilder("new Object[] {");
                    for (int j = f.nfixed; j < k; j++) r.append(j > f.nfixed ? ", " : "").append("a").append(j);
                    restExpr = r.append("}").toString();
                }
            }
            sb.append(callBody(owner, f.m, f.passRt, f.args, f.nfixed, exprs, restExpr));
            sb.append("        }\n");
        }
        // The general entry point.
        sb.append("        private Object n").append(f.idx).append("(LispRuntime rt, Object[] a) {\n");
        sb.append("            int n = a.length;\n");
        sb.append("            if (n < ").append(f.min).append(f.rest ? "" : " || n > " + f.nfixed).append(") throw wrongArgs(n);\n");
        if (!f.rest && f.nfixed <= 4) {
            sb.append("            switch (n) {\n");
            for (int k = f.min; k <= f.nfixed; k++) {
                sb.append("                case ").append(k).append(": return c").append(f.idx).append('_').append(k).append("(rt");
                for (int j = 0; j < k; j++) sb.append(", a[").append(j).append("]");
                sb.append(");\n");
            }
            sb.append("                default: throw wrongArgs(n);\n            }\n");
        } else {
            List<String> exprs = new ArrayList<>();
            for (int j = 0; j < f.nfixed; j++) exprs.add("(n > " + j + " ? a[" + j + "] : Lisp.NIL)");
            String restExpr = f.rest ? (f.nfixed == 0 ? "a" : "(n > " + f.nfixed + " ? java.util.Arrays.copyOfRange(a, " + f.nfixed + ", n) : new Object[0])") : null;
            sb.append(callBody(owner, f.m, f.passRt, f.args, f.nfixed, exprs, restExpr));
        }
        sb.append("        }\n");
    }

    /** The statement(s) calling the Java method with converted arguments and returning a Lisp value. */
    private String callBody(String owner, ExecutableElement m, boolean passRt, List<VariableElement> args, int nfixed,
                            List<String> exprs, String restExpr) {
        StringBuilder call = new StringBuilder();
        call.append(owner).append('.').append(m.getSimpleName()).append('(');
        boolean first = true;
        if (passRt) { call.append("rt"); first = false; }
        for (int j = 0; j < nfixed; j++) {
            if (!first) call.append(", ");
            first = false;
            call.append(convert(args.get(j), exprs.get(j)));
        }
        if (restExpr != null) {
            if (!first) call.append(", ");
            call.append(restExpr);
        }
        call.append(')');
        TypeMirror rt = m.getReturnType();
        String ret;
        switch (rt.getKind()) {
            case VOID: return "            " + call + ";\n            return Lisp.NIL;\n";
            case BOOLEAN: ret = "Lisp.bool(" + call + ")"; break;
            case LONG: case INT: case SHORT: case BYTE: ret = "(Object) (long) " + call; break;
            case DOUBLE: case FLOAT: ret = "(Object) (double) " + call; break;
            default:
                ret = rt.toString().equals("java.lang.String") ? "org.elisp4j.core.LString.of(" + call + ")" : call.toString();
        }
        return "            return " + ret + ";\n";
    }

    /** Java expression converting the Lisp value {@code e} (null: argument absent) to the parameter's type. */
    private String convert(VariableElement p, String e) {
        TypeMirror t = p.asType();
        String type = t.toString();
        Object predOverride = annotationValue(p, PRED, "value");
        boolean opt = has(p, OPT);
        TypeKind k = t.getKind();
        if (type.equals("java.lang.Object")) return e == null ? "Lisp.NIL" : e;
        if (k == TypeKind.BOOLEAN) return e == null ? "false" : "(" + e + " != Lisp.NIL)";
        if (k == TypeKind.LONG || k == TypeKind.INT || k == TypeKind.DOUBLE) {
            String pred = predOverride != null ? (String) predOverride : (k == TypeKind.DOUBLE ? "numberp" : "fixnump");
            String fn = k == TypeKind.LONG ? "Args.fixnum" : k == TypeKind.INT ? "Args.intArg" : "Args.number";
            String zero = k == TypeKind.DOUBLE ? "0.0" : "0";
            String conv = fn + "(%s, " + lit(pred) + ")";
            if (e == null) return zero;
            if (opt) return "(" + e + " == Lisp.NIL ? " + zero + " : " + String.format(conv, e) + ")";
            return String.format(conv, e);
        }
        String pred = predOverride != null ? (String) predOverride : PREDICATES.get(type);
        if (pred == null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "unsupported @Defun parameter type " + type, p);
            return "null";
        }
        if (e == null) return "null";
        String check = "(" + e + " instanceof " + type + " ? (" + type + ") " + e + " : Args.<" + type + ">wrong(" + lit(pred) + ", " + e + "))";
        if (opt) return "(" + e + " == Lisp.NIL ? null : " + check + ")";
        return check;
    }

    private String docstring(ExecutableElement m, List<VariableElement> args, int min, int nfixed, boolean rest) {
        String raw = processingEnv.getElementUtils().getDocComment(m);
        StringBuilder usage = new StringBuilder("(fn");
        for (int i = 0; i < args.size(); i++) {
            if (i == min && i < nfixed) usage.append(" &optional");
            if (rest && i == nfixed) usage.append(" &rest");
            usage.append(' ').append(args.get(i).getSimpleName().toString().toUpperCase(Locale.ROOT).replace('_', '-'));
        }
        usage.append(')');
        if (raw == null) return "\n\n" + usage;
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n", -1)) {
            String l = line.startsWith(" ") ? line.substring(1) : line;
            if (l.startsWith("@")) break;
            out.append(l).append('\n');
        }
        String text = out.toString().strip()
                .replaceAll("\\{@code ([^}]*)}", "`$1'")
                .replaceAll("\\{@link ([^}]*)}", "$1")
                .replaceAll("</?p>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text + "\n\n" + usage;
    }

    private static String lit(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\t': b.append("\\t"); break;
                case '\r': b.append("\\r"); break;
                default:
                    if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
