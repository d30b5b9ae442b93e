package dev.rustlens.accuracy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * rustc's dep-info file ({@code target/debug/deps/<crate>-<hash>.d}): which files one compilation
 * unit read. Every rule in it lists the same files; the first is read.
 */
final class DepInfo {

    private DepInfo() {
    }

    /** The {@code .rs} files the unit read, resolved against {@code base} (cargo runs rustc there). */
    static List<Path> rustFiles(String text, Path base) {
        for (String line : text.lines().toList()) {
            int colon = ruleColon(line);
            if (colon < 0) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            for (String name : splitEscaped(line.substring(colon + 1))) {
                if (name.endsWith(".rs")) {
                    files.add(base.resolve(name).normalize());
                }
            }
            return files;
        }
        return List.of();
    }

    /** The colon that ends a rule's target: followed by a space or the end of the line. */
    private static int ruleColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** Names separated by spaces, where {@code \ } is a space inside a name and {@code \\} a backslash. */
    private static List<String> splitEscaped(String list) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\\' && i + 1 < list.length()) {
                name.append(list.charAt(++i));
            } else if (c == ' ') {
                if (!name.isEmpty()) {
                    names.add(name.toString());
                    name.setLength(0);
                }
            } else {
                name.append(c);
            }
        }
        if (!name.isEmpty()) {
            names.add(name.toString());
        }
        return names;
    }
}
