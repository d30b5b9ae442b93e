package dev.rustlens.analysis.cargo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines of a manifest's dependency entries, found by one pass over its text: the TOML parser
 * keeps no positions. A line counts when its table header and its own dotted key, put together,
 * spell {@code <table>.<key>} or {@code target.<target>.<table>.<key>} ({@code foo = …},
 * {@code foo.workspace = true}, {@code [dependencies.foo]}, {@code [target.'cfg(unix)'.dependencies]}
 * then {@code foo = …}). Continuation lines of a multi-line value never start with a key and an
 * {@code =}, so they are passed over.
 */
final class ManifestLines {

    /** The first line of each entry, keyed by {@link #key}. */
    private final Map<String, Integer> lines = new HashMap<>();

    private ManifestLines() {
    }

    static ManifestLines scan(String text) {
        ManifestLines found = new ManifestLines();
        List<String> table = List.of();
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[[")) {
                table = keyPath(line, 2, ']').orElse(List.of());
                continue;
            }
            if (line.startsWith("[")) {
                table = keyPath(line, 1, ']').orElse(List.of());
                found.record(table, number);
                continue;
            }
            List<String> keys = keyPath(line, 0, '=').orElse(null);
            if (keys != null) {
                List<String> full = new ArrayList<>(table);
                full.addAll(keys);
                found.record(full, number);
            }
        }
        return found;
    }

    /** The line of the entry {@code key} in table {@code table} (as spelled), under a target or not (empty). */
    int line(String target, String table, String key) {
        return lines.getOrDefault(key(target, table, key), 0);
    }

    private void record(List<String> path, int number) {
        if (path.size() >= 2 && isDependencyTable(path.get(0))) {
            lines.putIfAbsent(key("", path.get(0), path.get(1)), number);
        } else if (path.size() >= 4 && path.get(0).equals("target") && isDependencyTable(path.get(2))) {
            lines.putIfAbsent(key(path.get(1), path.get(2), path.get(3)), number);
        }
    }

    private static boolean isDependencyTable(String name) {
        for (CargoManifest.Section section : CargoManifest.Section.values()) {
            if (section.spellings().contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static String key(String target, String table, String key) {
        return target + '\u0000' + table + '\u0000' + key;
    }

    /**
     * Reads a dotted TOML key ({@code a."b.c".'d'}) from {@code from} up to {@code end}; empty when
     * the text there is not one.
     */
    private static Optional<List<String>> keyPath(String line, int from, char end) {
        List<String> segments = new ArrayList<>();
        int at = from;
        while (true) {
            at = skipBlanks(line, at);
            if (at >= line.length()) {
                return Optional.empty();
            }
            char first = line.charAt(at);
            StringBuilder segment = new StringBuilder();
            if (first == '"' || first == '\'') {
                at++;
                while (at < line.length() && line.charAt(at) != first) {
                    char c = line.charAt(at);
                    if (first == '"' && c == '\\' && at + 1 < line.length()) {
                        at++;
                        c = line.charAt(at);
                    }
                    segment.append(c);
                    at++;
                }
                if (at >= line.length()) {
                    return Optional.empty();
                }
                at++;
            } else {
                while (at < line.length() && isBareKeyChar(line.charAt(at))) {
                    segment.append(line.charAt(at));
                    at++;
                }
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
            }
            segments.add(segment.toString());
            at = skipBlanks(line, at);
            if (at < line.length() && line.charAt(at) == '.') {
                at++;
                continue;
            }
            boolean closed = at < line.length() && line.charAt(at) == end;
            return closed ? Optional.of(segments) : Optional.empty();
        }
    }

    private static int skipBlanks(String line, int at) {
        int position = at;
        while (position < line.length() && (line.charAt(position) == ' ' || line.charAt(position) == '\t')) {
            position++;
        }
        return position;
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
