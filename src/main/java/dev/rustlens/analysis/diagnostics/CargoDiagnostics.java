package dev.rustlens.analysis.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.check.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON lines of {@code cargo clippy --message-format=json} (or {@code cargo check}):
 * each {@code compiler-message} with a lint code becomes a {@link Diagnostic} at its primary span;
 * other messages (artifacts, build scripts, summaries, error codes) are skipped and counted.
 * Spans outside the workspace (dependencies, the standard library, generated files) are followed
 * through their macro expansions to a workspace file, or counted as outside and never guessed.
 * A line that is not such a message fails the whole stream, naming the line.
 */
public final class CargoDiagnostics {

    /** A line longer than this is refused: cargo's longest messages are a few kilobytes. */
    public static final int MAX_LINE_CHARS = 4 << 20;
    /** The longest stream read, in characters (its gzip form may be much smaller). */
    public static final long MAX_STREAM_CHARS = 1L << 30;
    /** The most diagnostics one stream may carry. */
    public static final int MAX_DIAGNOSTICS = 200_000;
    /** How many paths outside the workspace the answer shows. */
    static final int EXAMPLES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEST_TARGET_KINDS = Set.of("test", "bench", "example");

    private CargoDiagnostics() {
    }

    /**
     * A stream as read.
     *
     * @param messages the compiler messages read
     * @param skipped the compiler messages without a lint code (summaries, error codes) or a primary span
     * @param duplicates diagnostics reported again for another target of the same crate
     * @param outsideWorkspace diagnostics whose span is in no file of the workspace
     * @param outsideExamples a few of their paths
     */
    public record Parsed(List<Diagnostic> diagnostics, int messages, int skipped, int duplicates,
            int outsideWorkspace, List<String> outsideExamples) {
    }

    /**
     * The diagnostics of a stream; {@code root} is the workspace's directory in the repository
     * (empty for the repository's root), put before every path.
     *
     * @throws MalformedDiagnosticsException naming the line at fault
     */
    public static Parsed read(Reader stream, String root) throws IOException {
        String prefix = root.isEmpty() ? "" : root + "/";
        List<Diagnostic> diagnostics = new ArrayList<>();
        // Each diagnostic once, by everything but where it was compiled: its index in the list.
        Map<Diagnostic, Integer> seen = new HashMap<>();
        List<String> outside = new ArrayList<>();
        int messages = 0;
        int skipped = 0;
        int duplicates = 0;
        int outsideCount = 0;
        int objects = 0;
        LineReader lines = new LineReader(new BufferedReader(stream, 1 << 16));
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            String where = "line " + lines.number();
            JsonNode message = parse(line, where);
            objects++;
            if (!"compiler-message".equals(text(message, "reason", where))) {
                continue;
            }
            messages++;
            JsonNode diagnostic = object(message, "message", where);
            JsonNode code = diagnostic.get("code");
            Optional<String> checkId = code == null || code.isNull() ? Optional.empty()
                    : ImportedLints.checkIdOf(text(object(diagnostic, "code", where), "code", where + ", message.code"));
            Optional<Severity> severity = ImportedLints.severityOf(text(diagnostic, "level", where + ", message"));
            JsonNode primary = primarySpan(diagnostic, where);
            if (checkId.isEmpty() || severity.isEmpty() || primary == null) {
                skipped++;
                continue;
            }
            JsonNode span = inWorkspace(primary, where);
            if (span == null) {
                if (outside.size() < EXAMPLES && !outside.contains(primary.get("file_name").asText())) {
                    outside.add(primary.get("file_name").asText());
                }
                outsideCount++;
                continue;
            }
            String spanWhere = where + ", the primary span";
            Diagnostic read = new Diagnostic(checkId.get(), severity.get(),
                    prefix + workspacePath(span.get("file_name").asText()).orElseThrow(),
                    position(span, "line_start", spanWhere), position(span, "column_start", spanWhere),
                    position(span, "line_end", spanWhere), position(span, "column_end", spanWhere),
                    text(diagnostic, "message", where + ", message"), context(span), false);
            boolean testTarget = isTestTarget(message);
            Integer earlier = seen.get(read);
            if (earlier != null) {
                duplicates++;
                // Code that a library or binary compiles too is not test code, whatever else includes it.
                if (!testTarget) {
                    diagnostics.set(earlier, read);
                }
            } else if (diagnostics.size() == MAX_DIAGNOSTICS) {
                throw new MalformedDiagnosticsException(where + ": more than " + MAX_DIAGNOSTICS + " diagnostics");
            } else {
                seen.put(read, diagnostics.size());
                diagnostics.add(read.withInTestCode(testTarget));
            }
        }
        if (objects == 0) {
            throw new MalformedDiagnosticsException("the stream is empty: send what cargo --message-format=json writes");
        }
        return new Parsed(diagnostics, messages, skipped, duplicates, outsideCount, List.copyOf(outside));
    }

    /**
     * A workspace-relative file path as it is, or empty when it leaves the workspace or is no
     * plain relative path: absolute, with {@code .} or {@code ..} segments, backslashes, or under
     * {@code target/} (generated).
     */
    public static Optional<String> workspacePath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
                || path.matches("[A-Za-z]:.*") || path.startsWith("target/")) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    /** Whether cargo compiled the message's target as a test, bench or example ({@code target.kind}). */
    private static boolean isTestTarget(JsonNode message) {
        JsonNode kinds = message.path("target").path("kind");
        if (!kinds.isArray() || kinds.isEmpty()) {
            return false;
        }
        for (JsonNode kind : kinds) {
            if (!TEST_TARGET_KINDS.contains(kind.asText())) {
                return false;
            }
        }
        return true;
    }

    /** The primary span, or null when the diagnostic has none (a crate-wide summary). */
    private static JsonNode primarySpan(JsonNode diagnostic, String where) {
        JsonNode spans = diagnostic.get("spans");
        if (spans == null || !spans.isArray()) {
            throw new MalformedDiagnosticsException(where + ": field \"message.spans\" must be an array");
        }
        for (JsonNode span : spans) {
            if (span.isObject() && span.path("is_primary").asBoolean(false)) {
                text(span, "file_name", where + ", a span");
                return span;
            }
        }
        return null;
    }

    /**
     * The span itself when its file is in the workspace; else the first macro call site on the
     * way out of its expansions that is (a lint inside {@code std}'s macro reported where the
     * macro is called); else null.
     */
    private static JsonNode inWorkspace(JsonNode primary, String where) {
        JsonNode span = primary;
        for (int depth = 0; span != null && depth < 64; depth++) {
            if (span.isObject() && span.get("file_name") != null
                    && workspacePath(text(span, "file_name", where + ", a span")).isPresent()) {
                return span;
            }
            span = span.path("expansion").get("span");
        }
        return null;
    }

    private static String context(JsonNode span) {
        JsonNode first = span.path("text").path(0).path("text");
        return first.isTextual() ? first.asText().strip().replaceAll("\\s+", " ") : "";
    }

    private static JsonNode parse(String line, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedDiagnosticsException(where + ": not valid JSON (column " + e.getLocation().getColumnNr()
                    + "); send cargo's --message-format=json output as it is");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedDiagnosticsException(where + ": not a JSON object; cargo writes one object per line");
        }
        return node;
    }

    private static JsonNode object(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new MalformedDiagnosticsException(where + ": field \"" + field + "\" must be an object");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedDiagnosticsException(where + ": field \"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static int position(JsonNode span, String field, String where) {
        JsonNode value = span.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new MalformedDiagnosticsException(where + ": field \"" + field + "\" must be a whole number >= 1");
        }
        return value.asInt();
    }

    /** Lines of a stream, each at most {@link #MAX_LINE_CHARS} long, with their numbers. */
    private static final class LineReader {
        private final Reader reader;
        private final StringBuilder line = new StringBuilder();
        private int number;
        private long chars;
        private boolean ended;

        LineReader(Reader reader) {
            this.reader = reader;
        }

        String next() throws IOException {
            if (ended) {
                return null;
            }
            line.setLength(0);
            number++;
            for (int c = reader.read(); c != '\n'; c = reader.read()) {
                if (c < 0) {
                    ended = true;
                    return line.isEmpty() ? null : line.toString();
                }
                if (line.length() == MAX_LINE_CHARS) {
                    throw new MalformedDiagnosticsException("line " + number + ": longer than " + MAX_LINE_CHARS
                            + " characters");
                }
                if (++chars > MAX_STREAM_CHARS) {
                    throw new MalformedDiagnosticsException("line " + number + ": the stream is longer than "
                            + MAX_STREAM_CHARS + " characters");
                }
                line.append((char) c);
            }
            int end = line.length();
            return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
        }

        int number() {
            return number;
        }

    }
}
