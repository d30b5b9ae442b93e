package dev.rustlens.analysis.dependencies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Cargo.lock} read in any format Cargo writes or once wrote:
 * <ul>
 * <li>version 1 (no {@code version} key, checksums in {@code [metadata]} as
 * {@code "checksum NAME VERSION (SOURCE)" = "hex"}, references always {@code name version (source)},
 * in the oldest files a {@code [root]} table for the root package);
 * <li>version 2 (no {@code version} key, a {@code checksum} in each registry entry, references as
 * short as unambiguous: {@code name}, {@code name version} or {@code name version (source)});
 * <li>version 3 ({@code version = 3}, otherwise as 2);
 * <li>version 4 ({@code version = 4}, git sources URL-encoded; kept as written).
 * </ul>
 * Like Cargo, a file without a {@code version} key is version 2 when an entry carries its own
 * checksum and version 1 otherwise. Whatever is wrong (TOML that does not parse, a version Cargo does
 * not know, an unknown source, a reference that matches no entry) is a {@link LockProblem} naming
 * the line; this class never throws on bad input.
 */
public final class CargoLock {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** A {@code [[package]]} header line, maybe indented, maybe with a comment. */
    private static final Pattern PACKAGE_HEADER = Pattern.compile("[ \\t]*\\[\\[\\s*package\\s*]]\\s*(#[^\\r\\n]*)?\\s*");
    /** The oldest files' {@code [root]} header. */
    private static final Pattern ROOT_HEADER = Pattern.compile("[ \\t]*\\[\\s*root\\s*]\\s*(#[^\\r\\n]*)?\\s*");

    /** Made on first use: most scans read few lock files, and loading Jackson is not free. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    private final String path;
    private final int version;
    private final List<LockedPackage> packages;
    private final Map<LockedPackage, List<LockedPackage>> dependencies;
    private final List<LockProblem> problems;

    private CargoLock(String path, int version, List<LockedPackage> packages,
            Map<LockedPackage, List<LockedPackage>> dependencies, List<LockProblem> problems) {
        this.path = path;
        this.version = version;
        this.packages = packages;
        this.dependencies = dependencies;
        this.problems = problems;
    }

    /** Reads the lock file at repository path {@code path} from its text. */
    public static CargoLock parse(String path, String text) {
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            return unusable(path, line, "does not parse as TOML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !(root.has("version") || root.has("package") || root.has("root"))) {
            return unusable(path, 1, "has neither a `version` nor [[package]] entries: it is not a Cargo lock file");
        }
        return new Reader(path, text, root).read();
    }

    private static CargoLock unusable(String path, int line, String message) {
        return new CargoLock(path, 0, List.of(), Map.of(), List.of(new LockProblem(path, line, message)));
    }

    /** The lock file's repository path. */
    public String path() {
        return path;
    }

    /** Whether the file is a lock file Cargo would read; when not, {@link #problems()} says why. */
    public boolean parsed() {
        return version > 0;
    }

    /** The format version, 1 to 4; 0 when the file is not a usable lock file. */
    public int version() {
        return version;
    }

    /** Every entry (a {@code [root]} table first), in the file's order. */
    public List<LockedPackage> packages() {
        return packages;
    }

    /** The entries {@code locked} depends on, as its {@code dependencies} (and {@code replace}) resolve. */
    public List<LockedPackage> dependencies(LockedPackage locked) {
        return dependencies.getOrDefault(locked, List.of());
    }

    /** What is wrong with the file, in the order found. */
    public List<LockProblem> problems() {
        return problems;
    }

    /** One reading of one file. */
    private static final class Reader {

        private final String path;
        private final String text;
        private final JsonNode root;
        private final int[] lineStarts;
        private final List<LockProblem> problems = new ArrayList<>();
        private final List<LockedPackage> packages = new ArrayList<>();
        private final List<JsonNode> entries = new ArrayList<>();
        private final Map<String, List<LockedPackage>> byName = new HashMap<>();
        /**
         * Names and keys ({@code name version}) of entries left out for a problem already
         * reported: references to them are not reported again.
         */
        private final Set<String> leftOut = new HashSet<>();

        Reader(String path, String text, JsonNode root) {
            this.path = path;
            this.text = text;
            this.root = root;
            this.lineStarts = lineStarts(text);
        }

        CargoLock read() {
            int version = version();
            if (version == 0) {
                return new CargoLock(path, 0, List.of(), Map.of(), List.copyOf(problems));
            }
            Map<String, String> metadataChecksums = metadataChecksums();
            List<Integer> packageLines = headerLines(PACKAGE_HEADER);
            List<Integer> rootLines = headerLines(ROOT_HEADER);
            if (root.path("root").isObject()) {
                addEntry(root.path("root"), rootLines.isEmpty() ? 1 : rootLines.get(0), metadataChecksums);
            }
            JsonNode listed = root.path("package");
            for (int i = 0; i < listed.size(); i++) {
                addEntry(listed.get(i), i < packageLines.size() ? packageLines.get(i) : 1, metadataChecksums);
            }
            Map<LockedPackage, List<LockedPackage>> edges = new HashMap<>();
            for (int i = 0; i < packages.size(); i++) {
                edges.put(packages.get(i), resolveAll(packages.get(i), entries.get(i)));
            }
            return new CargoLock(path, version, List.copyOf(packages), Map.copyOf(edges), List.copyOf(problems));
        }

        private int version() {
            JsonNode declared = root.path("version");
            if (declared.isMissingNode()) {
                boolean inlineChecksums = false;
                for (JsonNode entry : root.path("package")) {
                    inlineChecksums |= entry.has("checksum");
                }
                return inlineChecksums ? 2 : 1;
            }
            if (declared.isInt() && (declared.asInt() == 3 || declared.asInt() == 4)) {
                return declared.asInt();
            }
            problems.add(new LockProblem(path, lineOf("version", 0),
                    "lock file version " + declared + " is not one Cargo reads (3 or 4, or none for the older formats)"));
            return 0;
        }

        /** Version 1's checksums, keyed by {@code name version source}. */
        private Map<String, String> metadataChecksums() {
            Map<String, String> checksums = new HashMap<>();
            for (Map.Entry<String, JsonNode> entry : root.path("metadata").properties()) {
                if (entry.getKey().startsWith("checksum ") && entry.getValue().isTextual()) {
                    Reference reference = Reference.parse(entry.getKey().substring("checksum ".length()));
                    checksums.put(reference.name + " " + reference.version.orElse("") + " "
                            + reference.source.orElse(""), entry.getValue().asText());
                }
            }
            return checksums;
        }

        private void addEntry(JsonNode entry, int line, Map<String, String> metadataChecksums) {
            JsonNode name = entry.path("name");
            JsonNode version = entry.path("version");
            if (!name.isTextual() || !version.isTextual()) {
                problems.add(new LockProblem(path, line, "an entry without a `name` and a `version`; left out"));
                return;
            }
            String key = name.asText() + " " + version.asText();
            JsonNode sourceNode = entry.path("source");
            PackageSource source;
            try {
                source = PackageSource.parse(sourceNode.isTextual() ? Optional.of(sourceNode.asText()) : Optional.empty());
            } catch (IllegalArgumentException e) {
                problems.add(new LockProblem(path, line, key + ": " + e.getMessage() + "; left out"));
                leftOut.add(name.asText());
                leftOut.add(key);
                return;
            }
            String written = entry.path("checksum").isTextual() ? entry.path("checksum").asText()
                    : metadataChecksums.get(key + " " + source.text());
            Optional<String> checksum = Optional.empty();
            // "<none>" is how version 1 wrote the absence of a checksum.
            if (written != null && !written.equals("<none>")) {
                String lower = written.toLowerCase(Locale.ROOT);
                if (SHA256.matcher(lower).matches()) {
                    checksum = Optional.of(lower);
                } else {
                    problems.add(new LockProblem(path, line, key + ": checksum \"" + written
                            + "\" is not a SHA-256 digest; Cargo cannot verify the download against it"));
                }
            }
            LockedPackage locked = new LockedPackage(name.asText(), version.asText(), source, checksum, line);
            packages.add(locked);
            entries.add(entry);
            byName.computeIfAbsent(locked.name(), k -> new ArrayList<>()).add(locked);
        }

        private List<LockedPackage> resolveAll(LockedPackage from, JsonNode entry) {
            List<LockedPackage> resolved = new ArrayList<>();
            List<String> written = new ArrayList<>();
            for (JsonNode dependency : entry.path("dependencies")) {
                written.add(dependency.asText());
            }
            // A [replace]d entry points at its replacement, which is what gets built.
            if (entry.path("replace").isTextual()) {
                written.add(entry.path("replace").asText());
            }
            for (String reference : written) {
                resolve(from, reference).ifPresent(target -> {
                    if (!resolved.contains(target)) {
                        resolved.add(target);
                    }
                });
            }
            return List.copyOf(resolved);
        }

        private Optional<LockedPackage> resolve(LockedPackage from, String written) {
            Reference reference = Reference.parse(written);
            List<LockedPackage> candidates = byName.getOrDefault(reference.name, List.of()).stream()
                    .filter(p -> reference.version.map(p.version()::equals).orElse(true))
                    .toList();
            if (reference.source.isPresent()) {
                candidates = candidates.stream().filter(p -> sameSource(p.source(), reference.source.get())).toList();
            }
            if (candidates.size() == 1) {
                return Optional.of(candidates.get(0));
            }
            if (candidates.isEmpty() && leftOut.contains(reference.version.map(v -> reference.name + " " + v)
                    .orElse(reference.name))) {
                return Optional.empty();
            }
            String why = candidates.isEmpty() ? "matches no entry of the lock file" : "matches " + candidates.size()
                    + " entries of the lock file";
            problems.add(new LockProblem(path, lineOf('"' + written + '"', from.line()),
                    from.key() + ": dependency \"" + written + "\" " + why));
            return Optional.empty();
        }

        /**
         * Whether an entry's source is the one a reference names. References name a git source
         * without its {@code #commit} (from version 2 on) and a path source not at all.
         */
        private static boolean sameSource(PackageSource source, String referenced) {
            return source.text().equals(referenced) || withoutFragment(source.text()).equals(withoutFragment(referenced));
        }

        private static String withoutFragment(String source) {
            int hash = source.indexOf('#');
            return hash < 0 ? source : source.substring(0, hash);
        }

        /** The 1-based lines of the table headers {@code header} matches, in order. */
        private List<Integer> headerLines(Pattern header) {
            List<Integer> lines = new ArrayList<>();
            Matcher matcher = header.matcher(text);
            for (int i = 0; i < lineStarts.length; i++) {
                int end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length();
                if (matcher.region(lineStarts[i], end).matches()) {
                    lines.add(i + 1);
                }
            }
            return lines;
        }

        /** The line of the first {@code needle} at or after line {@code fromLine} (1-based); that line when absent. */
        private int lineOf(String needle, int fromLine) {
            int start = fromLine <= 0 ? 0 : lineStarts[Math.min(fromLine, lineStarts.length) - 1];
            int at = text.indexOf(needle, start);
            if (at < 0) {
                return Math.max(1, fromLine);
            }
            int line = Arrays.binarySearch(lineStarts, at);
            return line >= 0 ? line + 1 : -line - 1;
        }

        private static int[] lineStarts(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** A reference to an entry as written: {@code name}, {@code name version} or {@code name version (source)}. */
    private record Reference(String name, Optional<String> version, Optional<String> source) {

        static Reference parse(String written) {
            String text = written.strip();
            Optional<String> source = Optional.empty();
            int open = text.indexOf(" (");
            if (open >= 0 && text.endsWith(")")) {
                source = Optional.of(text.substring(open + 2, text.length() - 1));
                text = text.substring(0, open);
            }
            int space = text.indexOf(' ');
            return space < 0 ? new Reference(text, Optional.empty(), source)
                    : new Reference(text.substring(0, space), Optional.of(text.substring(space + 1).strip()), source);
        }
    }
}
