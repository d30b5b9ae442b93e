package dev.rustlens.analysis.check;

import java.util.ArrayList;
import java.util.List;

/** Reads attribute texts such as {@code #[allow(clippy::foo, reason = "...")]} without a parser. */
public final class Attributes {

    private Attributes() {
    }

    /** The attribute without {@code #[}/{@code #![} and {@code ]}, trimmed. */
    public static String body(String attribute) {
        String text = attribute.strip();
        int open = text.indexOf('[');
        int close = text.lastIndexOf(']');
        if (open < 0 || close <= open) {
            return text;
        }
        String body = text.substring(open + 1, close).strip();
        // Edition 2024 writes some attributes as unsafe(...): `#[unsafe(no_mangle)]`.
        if (body.startsWith("unsafe(") && body.endsWith(")")) {
            body = body.substring("unsafe(".length(), body.length() - 1).strip();
        }
        return body;
    }

    /** The attribute's path: {@code allow}, {@code tokio::test}, {@code cfg}. */
    public static String path(String attribute) {
        String body = body(attribute);
        int end = 0;
        while (end < body.length() && (Character.isJavaIdentifierPart(body.charAt(end)) || body.charAt(end) == ':')) {
            end++;
        }
        return body.substring(0, end);
    }

    /**
     * The top-level comma-separated arguments inside the attribute's parentheses:
     * {@code allow(a, clippy::b, reason = "x")} gives {@code a}, {@code clippy::b}, {@code reason = "x"}.
     */
    public static List<String> arguments(String attribute) {
        String body = body(attribute);
        int open = body.indexOf('(');
        int close = body.lastIndexOf(')');
        List<String> arguments = new ArrayList<>();
        if (open < 0 || close <= open) {
            return arguments;
        }
        int depth = 0;
        boolean inString = false;
        StringBuilder current = new StringBuilder();
        for (int i = open + 1; i < close; i++) {
            char c = body.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\' && i + 1 < close) {
                    current.append(body.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    current.append(c);
                }
                case '(', '[', '{' -> {
                    depth++;
                    current.append(c);
                }
                case ')', ']', '}' -> {
                    depth--;
                    current.append(c);
                }
                case ',' -> {
                    if (depth == 0) {
                        addArgument(arguments, current);
                    } else {
                        current.append(c);
                    }
                }
                default -> current.append(c);
            }
        }
        addArgument(arguments, current);
        return arguments;
    }

    private static void addArgument(List<String> arguments, StringBuilder current) {
        String argument = current.toString().strip();
        if (!argument.isEmpty()) {
            arguments.add(argument.replaceAll("\\s+", " ").replace(" :: ", "::"));
        }
        current.setLength(0);
    }

    /** Whether the attribute is a test marker: {@code #[test]}, {@code #[tokio::test]}, {@code #[rstest]}, {@code #[test_case(..)]}. */
    public static boolean isTestMarker(String attribute) {
        String path = path(attribute);
        return path.equals("test") || path.endsWith("::test") || path.equals("rstest")
                || path.equals("test_case") || path.equals("quickcheck") || path.equals("proptest");
    }

    /** Whether the attribute is {@code #[cfg(test)]} or a cfg that requires test ({@code all(test, ..)}). */
    public static boolean isCfgTest(String attribute) {
        if (!path(attribute).equals("cfg")) {
            return false;
        }
        List<String> arguments = arguments(attribute);
        if (arguments.size() != 1) {
            return false;
        }
        String condition = arguments.getFirst().replace(" ", "");
        return condition.equals("test") || (condition.startsWith("all(") && arguments("#[" + condition + "]").contains("test"));
    }
}
