package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.RustPaths;
import dev.rustlens.parser.SyntaxNode;
import java.util.Optional;

/**
 * The path a call names, without turbofish generics: {@code std::mem::transmute::<A, B>(x)}
 * names qualifier {@code std::mem} and name {@code transmute}. Calls of methods and closures
 * name no path (both parts empty).
 *
 * @param qualifier the path before the last {@code ::}, empty for a bare name
 * @param name the last segment
 */
record CalledPath(String qualifier, String name) {

    /** The path called by a {@code call_expression}. */
    static CalledPath of(SyntaxNode call, FileContext file) {
        Optional<SyntaxNode> callee = call.getChildByFieldName("function");
        if (callee.isPresent() && callee.get().getType().equals("generic_function")) {
            callee = callee.get().getChildByFieldName("function");
        }
        if (callee.isEmpty() || !(callee.get().getType().equals("identifier")
                || callee.get().getType().equals("scoped_identifier"))) {
            return new CalledPath("", "");
        }
        String path = RustPaths.withoutGenerics(file.text(callee.get()));
        int last = path.lastIndexOf("::");
        return last < 0 ? new CalledPath("", path) : new CalledPath(path.substring(0, last), path.substring(last + 2));
    }

    /** Whether the last segment of the qualifier is {@code segment}: {@code std::mem} and {@code mem} are in {@code mem}. */
    boolean in(String segment) {
        return qualifier.equals(segment) || qualifier.endsWith("::" + segment);
    }

    /** Whether the call names a bare function, brought in by a {@code use}. */
    boolean bare() {
        return qualifier.isEmpty() && !name.isEmpty();
    }

    @Override
    public String toString() {
        return qualifier.isEmpty() ? name : qualifier + "::" + name;
    }
}
