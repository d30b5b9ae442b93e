package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code std::thread::sleep} and {@code std::fs} calls inside async functions and blocks. */
public final class BlockingInAsyncCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("blocking_in_async",
            "Blocking call (`std::thread::sleep`, `std::fs`) inside async code", Category.ASYNC, Severity.MAJOR);

    /**
     * What a path's first segment must be imported as for the call to be std's. {@code thread}
     * is not here: no async runtime has a {@code thread::sleep}, while {@code tokio::fs} and
     * {@code async_std::fs} mirror std's names.
     */
    private static final Map<String, String> STD_IMPORTS = Map.of(
            "fs", "std::fs", "File", "std::fs::File", "sleep", "std::thread::sleep");

    /** Functions that run a closure where blocking is allowed. */
    private static final Set<String> OFFLOADERS = Set.of("spawn_blocking", "block_in_place", "unblock");

    public BlockingInAsyncCheck() {
        super(INFO);
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        SyntaxNode callee = match.findNodes(Captures.FINDING).getFirst();
        String path = file.text(callee).replaceAll("\\s+", "");
        if (path.startsWith("::")) {
            path = path.substring(2);
        }
        if (!inAsyncCode(callee, file) || !isStd(path, callee, file)) {
            return;
        }
        String instead = path.endsWith("sleep")
                ? "use `tokio::time::sleep(..).await` (or the runtime's timer)"
                : "use `tokio::fs` (or the runtime's async file API), or move it into `spawn_blocking`";
        file.report(this, callee, "`" + path + "` blocks the async runtime's thread; " + instead);
    }

    /** Whether the call runs in an async fn, block or closure, and not in a closure handed to a blocking pool. */
    private static boolean inAsyncCode(SyntaxNode call, FileContext file) {
        Optional<SyntaxNode> current = call.getParent();
        while (current.isPresent()) {
            SyntaxNode node = current.get();
            switch (node.getType()) {
                case "async_block" -> {
                    return true;
                }
                case "function_item" -> {
                    return node.getChildren().stream().anyMatch(child -> child.getType().equals("function_modifiers")
                            && hasChild(child, "async"));
                }
                case "closure_expression" -> {
                    if (hasChild(node, "async")) {
                        return true;
                    }
                    if (offloaded(node, file)) {
                        return false;
                    }
                }
                default -> {
                }
            }
            current = node.getParent();
        }
        return false;
    }

    /** Whether the closure is an argument of {@code spawn_blocking}, {@code block_in_place} or {@code thread::spawn}. */
    private static boolean offloaded(SyntaxNode closure, FileContext file) {
        Optional<SyntaxNode> function = closure.getParent().filter(parent -> parent.getType().equals("arguments"))
                .flatMap(SyntaxNode::getParent).flatMap(call -> call.getChildByFieldName("function"));
        if (function.isEmpty()) {
            return false;
        }
        // `tokio::task::spawn_blocking`, `handle.spawn_blocking`, `spawn_blocking::<_, T>`
        String callee = file.text(function.get()).replaceAll("\\s+", "").replaceAll("::<.*>$", "");
        String name = callee.substring(Math.max(callee.lastIndexOf(':'), callee.lastIndexOf('.')) + 1);
        return OFFLOADERS.contains(name) || callee.matches("(.*::)?thread::spawn");
    }

    private static boolean hasChild(SyntaxNode node, String type) {
        return node.getChildren().stream().anyMatch(child -> child.getType().equals(type));
    }

    /** Whether the called path is std's: spelled from {@code std}, or a short name the scope imports from std. */
    private static boolean isStd(String path, SyntaxNode callee, FileContext file) {
        String first = path.contains("::") ? path.substring(0, path.indexOf("::")) : path;
        if (first.equals("std") || first.equals("thread")) {
            return true;
        }
        String imported = STD_IMPORTS.get(first);
        return imported != null && Imports.around(callee, file).means(first, imported);
    }
}
