package dev.rustlens.analysis.advisories;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one advisory file of the RustSec database: {@code crates/<package>/<id>.md}, a
 * {@code ```toml} fenced front matter followed by a {@code # Title} and the description, or the
 * older {@code crates/<package>/<id>.toml}, whose {@code [advisory]} table holds
 * {@code title} and {@code description} itself. A file that does not read is a problem naming
 * its line, never an exception.
 */
public final class AdvisoryParser {

    private static final TomlMapper TOML = new TomlMapper();
    /** Where advisories about crates.io packages live; {@code rust/} holds the toolchain's own. */
    private static final Pattern ADVISORY_PATH = Pattern.compile("crates/[^/]+/[^/]+\\.(md|toml)");
    private static final String FENCE_OPEN = "```toml";
    private static final String FENCE_CLOSE = "```";

    private AdvisoryParser() {
    }

    /** What reading one file gave: the advisory, or the problem that kept it out. */
    public sealed interface Result permits Read, Refused {
    }

    /** A file that read. */
    public record Read(Advisory advisory) implements Result {
    }

    /** A file that did not. */
    public record Refused(AdvisoryProblem problem) implements Result {
    }

    /** Whether a path of the database's tree is an advisory about a crates.io package. */
    public static boolean isAdvisoryPath(String path) {
        return ADVISORY_PATH.matcher(path).matches();
    }

    /**
     * Reads every advisory of a database, in path order. Besides each file's own problems, an id
     * that a second file uses again is refused in that file.
     *
     * @param files the advisory files by their path in the database
     */
    public static ParsedDatabase parseAll(Map<String, String> files) {
        List<Advisory> advisories = new ArrayList<>();
        List<AdvisoryProblem> problems = new ArrayList<>();
        Map<String, String> pathOfId = new LinkedHashMap<>();
        files.keySet().stream().sorted().forEach(path -> {
            switch (parse(path, files.get(path))) {
                case Read(Advisory advisory) -> {
                    String first = pathOfId.putIfAbsent(advisory.id(), path);
                    if (first == null) {
                        advisories.add(advisory);
                    } else {
                        problems.add(new AdvisoryProblem(path, 1, "id " + advisory.id() + " is also the id of " + first));
                    }
                }
                case Refused(AdvisoryProblem problem) -> problems.add(problem);
            }
        });
        return new ParsedDatabase(List.copyOf(advisories), List.copyOf(problems));
    }

    /** Reads one advisory file at {@code path} (which names its package's directory). */
    public static Result parse(String path, String content) {
        try {
            return new Read(path.endsWith(".toml") ? fromToml(path, content) : fromMarkdown(path, content));
        } catch (Problem problem) {
            return new Refused(new AdvisoryProblem(path, problem.line, problem.getMessage()));
        }
    }

    private static Advisory fromMarkdown(String path, String content) throws Problem {
        List<String> lines = content.lines().toList();
        if (lines.isEmpty() || !lines.getFirst().strip().equals(FENCE_OPEN)) {
            throw new Problem(1, "the file does not start with a ```toml front matter");
        }
        int close = 1;
        while (close < lines.size() && !lines.get(close).strip().equals(FENCE_CLOSE)) {
            close++;
        }
        if (close == lines.size()) {
            throw new Problem(1, "the ```toml front matter is not closed by a ``` line");
        }
        // Line n of the front matter is line n + 1 of the file.
        FrontMatter front = new FrontMatter(lines.subList(1, close), 1);
        JsonNode root = front.read();
        int heading = close + 1;
        while (heading < lines.size() && lines.get(heading).isBlank()) {
            heading++;
        }
        if (heading == lines.size() || !lines.get(heading).startsWith("# ")) {
            throw new Problem(Math.min(heading, lines.size()) + 1, "no '# ' title after the front matter");
        }
        String title = lines.get(heading).substring(2).strip();
        String description = String.join("\n", lines.subList(heading + 1, lines.size())).strip();
        return advisory(path, front, root, title, description);
    }

    private static Advisory fromToml(String path, String content) throws Problem {
        FrontMatter front = new FrontMatter(content.lines().toList(), 0);
        JsonNode root = front.read();
        JsonNode advisory = root.path("advisory");
        String title = front.required(advisory, "advisory", "title");
        String description = text(advisory.path("description")).orElse("").strip();
        return advisory(path, front, root, title, description);
    }

    private static Advisory advisory(String path, FrontMatter front, JsonNode root, String title, String description)
            throws Problem {
        JsonNode advisory = root.path("advisory");
        if (!advisory.isObject()) {
            throw new Problem(front.lineOf("[advisory]"), "no [advisory] table");
        }
        String id = front.required(advisory, "advisory", "id");
        String packageName = front.required(advisory, "advisory", "package");
        String directory = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        if (path.startsWith("crates/") && !directory.equals("crates/" + packageName)) {
            throw new Problem(front.lineOf("package"), "package '" + packageName + "' is not the package of its directory "
                    + directory);
        }
        LocalDate date = front.date(advisory, "date").orElseThrow(() -> new Problem(front.lineOf("[advisory]"),
                "[advisory] has no date"));
        JsonNode affected = root.path("affected");
        JsonNode versions = root.path("versions");
        if (!versions.isObject() || !versions.has("patched")) {
            throw new Problem(front.lineOf("[versions]"), "[versions] has no patched list (patched = [] when no fix exists)");
        }
        Map<String, List<String>> functions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> function : affected.path("functions").properties()) {
            List<String> reqs = front.strings(function.getValue(), function.getKey());
            for (String req : reqs) {
                front.requirement(req);
            }
            functions.put(function.getKey(), reqs);
        }
        return new Advisory(id, packageName, title, description, date, text(advisory.path("url")),
                front.strings(advisory.path("references"), "references"), front.strings(advisory.path("aliases"), "aliases"),
                front.strings(advisory.path("related"), "related"), front.strings(advisory.path("categories"), "categories"),
                front.strings(advisory.path("keywords"), "keywords"), text(advisory.path("cvss")),
                text(advisory.path("informational")), front.date(advisory, "withdrawn"),
                front.requirements(versions.path("patched"), "patched"),
                front.requirements(versions.path("unaffected"), "unaffected"), Collections.unmodifiableMap(functions),
                front.strings(affected.path("os"), "os"), front.strings(affected.path("arch"), "arch"), path);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** The TOML lines of an advisory and where they start in its file, to name lines in problems. */
    private record FrontMatter(List<String> lines, int offset) {

        JsonNode read() throws Problem {
            try {
                JsonNode root = TOML.readTree(String.join("\n", lines));
                if (root == null || !root.isObject()) {
                    throw new Problem(offset + 1, "the front matter is not a TOML table");
                }
                return root;
            } catch (JacksonException e) {
                JsonLocation location = e.getLocation();
                int line = location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
                throw new Problem(offset + line, "invalid TOML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            }
        }

        /**
         * The file line of the first front matter line that begins with {@code start} (a key or a
         * table header), else of the front matter's first line.
         */
        int lineOf(String start) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith(start) && (start.startsWith("[") || line.substring(start.length()).strip().startsWith("="))) {
                    return offset + i + 1;
                }
            }
            return offset + 1;
        }

        /** The file line holding {@code text} in quotes, else of the front matter's first line. */
        int lineOfQuoted(String text) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("\"" + text + "\"")) {
                    return offset + i + 1;
                }
            }
            return offset + 1;
        }

        String required(JsonNode table, String tableName, String key) throws Problem {
            return text(table.path(key)).orElseThrow(() -> new Problem(lineOf("[" + tableName + "]"),
                    "[" + tableName + "] has no " + key));
        }

        Optional<LocalDate> date(JsonNode table, String key) throws Problem {
            Optional<String> value = text(table.path(key));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(value.get()));
            } catch (DateTimeParseException e) {
                throw new Problem(lineOf(key), key + " '" + value.get() + "' is not a date (YYYY-MM-DD)");
            }
        }

        List<String> strings(JsonNode node, String key) throws Problem {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw new Problem(lineOf(key.contains(":") ? "\"" + key + "\"" : key), key + " is not a list of strings");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    throw new Problem(lineOf(key), key + " holds " + element + ", not a string");
                }
                values.add(element.asText());
            }
            return List.copyOf(values);
        }

        List<CargoVersionReq> requirements(JsonNode node, String key) throws Problem {
            List<CargoVersionReq> requirements = new ArrayList<>();
            for (String text : strings(node, key)) {
                requirements.add(requirement(text));
            }
            return List.copyOf(requirements);
        }

        CargoVersionReq requirement(String text) throws Problem {
            try {
                return CargoVersionReq.parse(text);
            } catch (IllegalArgumentException e) {
                throw new Problem(lineOfQuoted(text), e.getMessage());
            }
        }
    }

    /** Why a file does not read, with its line; never leaves this class. */
    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        private final int line;

        Problem(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
