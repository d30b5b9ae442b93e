package dev.rustlens.analysis.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of one {@code Cargo.toml} that rustlens reads, parsed with a real TOML parser. */
public final class CargoManifest {

    private static final TomlMapper TOML = new TomlMapper();

    private final String path;
    private final JsonNode root;
    /** The manifest's text, to find the lines of its entries; empty for a stand-in. */
    private final String text;
    /** Why the file itself could not be read, for a stand-in; null for a manifest read from its file. */
    private final String readError;

    private CargoManifest(String path, JsonNode root, String text, String readError) {
        this.path = path;
        this.root = root;
        this.text = text;
        this.readError = readError;
    }

    /**
     * A stand-in for a member's manifest that does not parse: a package named after its
     * directory with Cargo's defaults, so that the rest of the workspace, and this crate's code,
     * are still read.
     */
    public static CargoManifest standIn(String path, String readError) {
        String directory = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String name = directory.substring(directory.lastIndexOf('/') + 1);
        com.fasterxml.jackson.databind.node.ObjectNode root = TOML.createObjectNode();
        root.putObject("package").put("name", name.isEmpty() ? "unnamed" : name);
        return new CargoManifest(path, root, "", readError);
    }

    /** Why the manifest's own file could not be read, for a stand-in. */
    public Optional<String> readError() {
        return Optional.ofNullable(readError);
    }

    /**
     * Sets up the TOML parser: in a fresh JVM, loading Jackson takes a fifth of a second, which
     * an analyzer spends beside other start-up work instead of before its first manifest.
     */
    public static void prepare() {
        try {
            parse("Cargo.toml", "[package]\nname = \"prepare\"\n".getBytes(StandardCharsets.UTF_8));
        } catch (ManifestException e) {
            throw new IllegalStateException("the TOML parser cannot read a minimal manifest", e);
        }
    }

    /** Parses the manifest at repository path {@code path}. */
    public static CargoManifest parse(String path, byte[] content) throws ManifestException {
        try {
            JsonNode root = TOML.readTree(content);
            if (root == null || !root.isObject()) {
                throw new ManifestException(path, path + ": not a TOML table");
            }
            CargoManifest manifest = new CargoManifest(path, root, new String(content, StandardCharsets.UTF_8), null);
            if (manifest.isPackage() && manifest.packageName().isEmpty()) {
                throw new ManifestException(path, path + ": [package] has no name");
            }
            return manifest;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new ManifestException(path, path + ": invalid TOML: " + reason, e);
        }
    }

    /** Repository path of this manifest. */
    public String path() {
        return path;
    }

    /** Directory of this manifest, repository-relative; empty for the repository root. */
    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public boolean isPackage() {
        return root.has("package");
    }

    public boolean isWorkspace() {
        return root.has("workspace");
    }

    public Optional<String> packageName() {
        return text(root.path("package").path("name"));
    }

    /** The package version; a version inherited from the workspace reads from there. */
    public Optional<String> packageVersion(Optional<CargoManifest> workspace) {
        return inherited("version", workspace);
    }

    public Optional<String> edition(Optional<CargoManifest> workspace) {
        return inherited("edition", workspace);
    }

    private Optional<String> inherited(String key, Optional<CargoManifest> workspace) {
        JsonNode value = root.path("package").path(key);
        if (value.path("workspace").asBoolean(false)) {
            return workspace.flatMap(w -> text(w.root.path("workspace").path("package").path(key)));
        }
        return text(value);
    }

    /** {@code [workspace] members} globs. */
    public List<String> workspaceMembers() {
        return strings(root.path("workspace").path("members"));
    }

    /** {@code [workspace] exclude} paths. */
    public List<String> workspaceExclude() {
        return strings(root.path("workspace").path("exclude"));
    }

    /** The build script path: {@code package.build}, or empty when set to false. */
    public Optional<String> buildScript() {
        JsonNode build = root.path("package").path("build");
        if (build.isBoolean()) {
            return build.asBoolean() ? Optional.of("build.rs") : Optional.empty();
        }
        return Optional.of(text(build).orElse("build.rs"));
    }

    /** {@code [lib] path}, when declared. */
    public Optional<String> libPath() {
        return text(root.path("lib").path("path"));
    }

    /** Paths declared by {@code [[bin]]}, {@code [[test]]}, {@code [[bench]]} or {@code [[example]]}. */
    public List<String> targetPaths(String kind) {
        List<String> paths = new ArrayList<>();
        for (JsonNode target : root.path(kind)) {
            text(target.path("path")).ifPresent(paths::add);
        }
        return paths;
    }

    /** Names of the {@code [[bin]]}, {@code [[test]]}, .. targets that give no path: Cargo finds them by name. */
    public List<String> targetNamesWithoutPath(String kind) {
        List<String> names = new ArrayList<>();
        for (JsonNode target : root.path(kind)) {
            if (target.path("path").isMissingNode()) {
                text(target.path("name")).ifPresent(names::add);
            }
        }
        return names;
    }

    /**
     * Whether Cargo finds targets of a kind ({@code bin}, {@code test}, {@code bench},
     * {@code example}) by their place in the tree: {@code autobins = false} and the like turn it off.
     */
    public boolean autoDiscovers(String kind) {
        return root.path("package").path("auto" + kind + "s").asBoolean(true);
    }

    public boolean hasDevDependency(String name) {
        return hasDependency(root.path("dev-dependencies"), name);
    }

    private static boolean hasDependency(JsonNode table, String name) {
        if (table.has(name)) {
            return true;
        }
        // A renamed dependency: `foo = { package = "name", ... }`.
        for (JsonNode dependency : table) {
            if (name.equals(dependency.path("package").asText(null))) {
                return true;
            }
        }
        return false;
    }

    /** The tables a manifest declares dependencies in, each with the spellings Cargo reads (the first wins). */
    public enum Section {
        /** {@code [dependencies]}. */
        NORMAL(List.of("dependencies")),
        /** {@code [build-dependencies]}, once also {@code [build_dependencies]}. */
        BUILD(List.of("build-dependencies", "build_dependencies")),
        /** {@code [dev-dependencies]}, once also {@code [dev_dependencies]}. */
        DEV(List.of("dev-dependencies", "dev_dependencies"));

        private final List<String> spellings;

        Section(List<String> spellings) {
            this.spellings = spellings;
        }

        /** The table names Cargo reads for this section, the current one first. */
        public List<String> spellings() {
            return spellings;
        }
    }

    /**
     * One dependency a manifest declares.
     *
     * @param key the key it is declared under, the name the code uses for it
     * @param name the package it names: a renamed dependency's {@code package}, else the key
     * @param section the table it is declared in
     * @param requirement the version requirement as written; {@code "*"} when none is written (a
     *     path or git dependency without a version)
     * @param optional whether it is {@code optional = true}, pulled in by a feature
     * @param target the {@code cfg(…)} or target triple of a {@code [target.…]} table
     * @param path its {@code path}, as written (relative to the workspace manifest when inherited)
     * @param git its {@code git} repository URL
     * @param line the 1-based line of its key or of its own {@code [dependencies.key]} header; 1
     *     when the text does not show it (a stand-in manifest)
     * @param problem why Cargo would refuse the entry, when it would: {@code workspace = true} for
     *     a dependency the workspace does not declare
     */
    public record Dependency(String key, String name, Section section, String requirement, boolean optional,
            Optional<String> target, Optional<String> path, Optional<String> git, int line, Optional<String> problem) {
    }

    /**
     * Every dependency this manifest declares: {@code [dependencies]}, {@code [build-dependencies]}
     * and {@code [dev-dependencies]} (or their underscore spellings), then the same tables under
     * each {@code [target.…]}, each in the order written. An entry with {@code workspace = true}
     * takes its requirement, package, path and git from the workspace's
     * {@code [workspace.dependencies]}; its own {@code optional} stays. An entry that is neither a
     * string nor a table is not a dependency Cargo reads and is left out.
     */
    public List<Dependency> dependencies(Optional<CargoManifest> workspace) {
        ManifestLines lines = ManifestLines.scan(text);
        List<Dependency> found = new ArrayList<>();
        for (Section section : Section.values()) {
            addSection(found, root, section, Optional.empty(), workspace, lines);
        }
        for (Map.Entry<String, JsonNode> target : root.path("target").properties()) {
            for (Section section : Section.values()) {
                addSection(found, target.getValue(), section, Optional.of(target.getKey()), workspace, lines);
            }
        }
        return List.copyOf(found);
    }

    private void addSection(List<Dependency> found, JsonNode parent, Section section, Optional<String> target,
            Optional<CargoManifest> workspace, ManifestLines lines) {
        String spelling = section.spellings().stream().filter(parent::has).findFirst().orElse(null);
        if (spelling == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : parent.path(spelling).properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            int line = Math.max(1, lines.line(target.orElse(""), spelling, key));
            if (value.isTextual()) {
                found.add(new Dependency(key, key, section, value.asText(), false, target, Optional.empty(),
                        Optional.empty(), line, Optional.empty()));
            } else if (value.isObject()) {
                boolean inherits = value.path("workspace").asBoolean(false);
                JsonNode declared = inherits ? workspaceDependency(workspace, key) : value;
                Optional<String> problem = inherits && declared.isMissingNode()
                        ? Optional.of("`" + key + "` says `workspace = true` but the workspace's "
                                + "[workspace.dependencies] does not declare it")
                        : Optional.empty();
                String name = text(value.path("package")).or(() -> text(declared.path("package"))).orElse(key);
                found.add(new Dependency(key, name, section, text(declared.path("version")).orElse("*"),
                        value.path("optional").asBoolean(false), target, text(declared.path("path")),
                        text(declared.path("git")), line, problem));
            }
        }
    }

    /** A {@code [workspace.dependencies]} entry as a table ({@code foo = "1"} reads as {@code version = "1"}). */
    private static JsonNode workspaceDependency(Optional<CargoManifest> workspace, String key) {
        JsonNode entry = workspace.map(w -> w.root.path("workspace").path("dependencies").path(key))
                .orElse(MissingNode.getInstance());
        return entry.isTextual() ? TOML.createObjectNode().put("version", entry.asText()) : entry;
    }

    /**
     * The lints table that applies to this package: its own {@code [lints]}, or the
     * workspace's {@code [workspace.lints]} when it says {@code workspace = true}.
     */
    public JsonNode lints(Optional<CargoManifest> workspace) {
        JsonNode lints = root.path("lints");
        if (lints.path("workspace").asBoolean(false)) {
            return workspace.map(w -> w.root.path("workspace").path("lints")).orElse(MissingNode.getInstance());
        }
        return lints;
    }

    /** {@code [package.metadata.rustlens] core-modules}: the modules allowed to hold unsafe code. */
    public List<String> coreModules() {
        return strings(root.path("package").path("metadata").path("rustlens").path("core-modules"));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        return values;
    }
}
