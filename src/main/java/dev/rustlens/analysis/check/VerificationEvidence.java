package dev.rustlens.analysis.check;

import dev.rustlens.analysis.cargo.CrateInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One piece of evidence that a crate's code is verified beyond its unit tests, with the file that
 * proves it: Miri, fuzzing, property tests, loom models, compile-fail tests, sanitizers, more than
 * one platform, or coverage measured in CI.
 *
 * @param kind what is verified, and how
 * @param path the repository file that shows it
 * @param detail what in that file shows it, in words
 */
public record VerificationEvidence(Kind kind, String path, String detail) {

    /** The kinds of evidence, each worth credit in the Verification rating. */
    public enum Kind {
        MIRI("Miri runs in CI"),
        FUZZING("fuzz targets"),
        PROPERTY_TESTS("property tests"),
        LOOM("loom models of concurrency"),
        COMPILE_FAIL_TESTS("compile-fail tests"),
        SANITIZERS("sanitizers run in CI"),
        PLATFORMS("CI runs on more than one platform"),
        COVERAGE("test coverage measured in CI");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * A line that runs Miri ({@code cargo miri}, {@code cargo +nightly miri}, {@code cargo-miri}) or
     * installs its component ({@code rustup component add miri}, a {@code components:} list naming
     * it).
     */
    private static final Pattern MIRI = Pattern.compile(
            "\\bcargo\\s+(\\+\\S+\\s+)?miri\\b|\\bcargo-miri\\b|\\bcomponent\\s+add\\b.*\\bmiri\\b|\\bcomponents\\s*:.*\\bmiri\\b");
    /** An xtask's way of running Miri: the word as a string literal, as in {@code .args(["miri", "test"])}. */
    private static final Pattern MIRI_ARGUMENT = Pattern.compile("\"miri\"");
    private static final Pattern SANITIZER = Pattern.compile("-Z\\s*sanitizer=(\\w+)|\\bsanitizer\\s*=\\s*\"?(\\w+)");
    private static final Pattern COVERAGE = Pattern.compile(
            "\\bcargo\\s+(\\+\\S+\\s+)?(llvm-cov|tarpaulin)\\b|\\bgrcov\\b|-C\\s*instrument-coverage|\\bcargo-llvm-cov\\b");
    private static final Pattern RUNNER = Pattern.compile("\\b(ubuntu|windows|macos)-(latest|\\d[\\w.]*)\\b");
    private static final Pattern TARGET = Pattern.compile("--target[ =]([\\w.-]+-[\\w.-]+)");
    private static final Pattern FUZZ_TARGET = Pattern.compile("(^|.*/)fuzz/fuzz_targets/[^/]+\\.rs$");

    /**
     * The evidence for a crate, found in the repository's files: its dev-dependencies, its fuzz
     * folder, and what its CI runs (the configurations and the scripts they call).
     *
     * @param loomModels whether the crate's code has {@code cfg(loom)} items
     */
    static List<VerificationEvidence> find(CrateContext context, boolean loomModels) {
        CrateInfo crate = context.crate();
        String manifest = crate.manifest().path();
        List<VerificationEvidence> evidence = new ArrayList<>();
        Map<String, String> ci = context.ciCommands();
        firstMatch(ci, MIRI, true).or(() -> firstRustArgument(ci))
                .ifPresent(path -> evidence.add(new VerificationEvidence(Kind.MIRI, path, "runs `cargo miri`")));
        fuzzTarget(context).ifPresent(path -> evidence.add(new VerificationEvidence(Kind.FUZZING, path,
                "a cargo-fuzz target of this crate")));
        for (String library : List.of("proptest", "quickcheck", "arbtest", "bolero")) {
            if (crate.manifest().hasDevDependency(library)) {
                evidence.add(new VerificationEvidence(Kind.PROPERTY_TESTS, manifest, "dev-dependency `" + library + "`"));
                break;
            }
        }
        if (crate.manifest().hasDevDependency("loom") || loomModels) {
            evidence.add(new VerificationEvidence(Kind.LOOM, manifest, crate.manifest().hasDevDependency("loom")
                    ? "dev-dependency `loom`" : "`cfg(loom)` code"));
        }
        if (crate.manifest().hasDevDependency("trybuild") || crate.manifest().hasDevDependency("compiletest_rs")) {
            evidence.add(new VerificationEvidence(Kind.COMPILE_FAIL_TESTS, manifest, "dev-dependency `trybuild`"));
        }
        sanitizers(ci).ifPresent(evidence::add);
        platforms(ci).ifPresent(evidence::add);
        firstMatch(ci, COVERAGE, false).ifPresent(path -> evidence.add(new VerificationEvidence(Kind.COVERAGE, path,
                "measures coverage (cargo-llvm-cov, tarpaulin or grcov)")));
        return evidence;
    }

    private static Optional<String> firstMatch(Map<String, String> texts, Pattern pattern, boolean commandsOnly) {
        for (Map.Entry<String, String> text : texts.entrySet()) {
            if (text.getKey().endsWith(".rs")) {
                continue;
            }
            List<String> lines = commandsOnly ? CiCommands.commandLines(text.getValue()) : text.getValue().lines().toList();
            if (lines.stream().anyMatch(line -> pattern.matcher(line).find())) {
                return Optional.of(pathOf(text.getKey()));
            }
        }
        return Optional.empty();
    }

    /** An xtask that passes {@code "miri"} to cargo, or writes the command in a string. */
    private static Optional<String> firstRustArgument(Map<String, String> texts) {
        return texts.entrySet().stream().filter(text -> text.getKey().endsWith(".rs"))
                .filter(text -> MIRI_ARGUMENT.matcher(text.getValue()).find() || MIRI.matcher(text.getValue()).find())
                .map(Map.Entry::getKey).findFirst();
    }

    /** A Makefile recipe is kept as {@code Makefile#target}: the file is the evidence. */
    private static String pathOf(String key) {
        int recipe = key.indexOf('#');
        return recipe < 0 ? key : key.substring(0, recipe);
    }

    /** A cargo-fuzz target in the crate's folder, or in a fuzz crate that depends on it. */
    private static Optional<String> fuzzTarget(CrateContext context) {
        CrateInfo crate = context.crate();
        String prefix = crate.directory().isEmpty() ? "" : crate.directory() + "/";
        for (String path : context.repositoryPaths()) {
            // Every crate walks every path of the repository: the substring test spares the pattern.
            if (!path.contains("fuzz_targets/") || !FUZZ_TARGET.matcher(path).matches()) {
                continue;
            }
            String fuzzDirectory = path.substring(0, path.indexOf("fuzz_targets/"));
            if (fuzzDirectory.equals(prefix + "fuzz/")) {
                return Optional.of(path);
            }
            Optional<String> fuzzManifest = context.readText(fuzzDirectory + "Cargo.toml");
            if (fuzzManifest.isPresent() && Pattern.compile("(?m)^\\s*\"?" + Pattern.quote(crate.name()) + "\"?\\s*=")
                    .matcher(fuzzManifest.get()).find()) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static Optional<VerificationEvidence> sanitizers(Map<String, String> texts) {
        for (Map.Entry<String, String> text : texts.entrySet()) {
            Matcher sanitizer = SANITIZER.matcher(text.getValue());
            if (sanitizer.find()) {
                String name = sanitizer.group(1) != null ? sanitizer.group(1) : sanitizer.group(2);
                return Optional.of(new VerificationEvidence(Kind.SANITIZERS, pathOf(text.getKey()),
                        "runs the " + name + " sanitizer"));
            }
        }
        return Optional.empty();
    }

    /** Runners of more than one operating system, or builds for more than one target. */
    private static Optional<VerificationEvidence> platforms(Map<String, String> texts) {
        for (Map.Entry<String, String> text : texts.entrySet()) {
            Set<String> systems = new LinkedHashSet<>();
            Matcher runner = RUNNER.matcher(text.getValue());
            while (runner.find()) {
                systems.add(runner.group(1));
            }
            Set<String> targets = new LinkedHashSet<>();
            Matcher target = TARGET.matcher(text.getValue());
            while (target.find()) {
                targets.add(target.group(1));
            }
            if (systems.size() > 1 || targets.size() > 1) {
                Set<String> named = systems.size() > 1 ? systems : targets;
                return Optional.of(new VerificationEvidence(Kind.PLATFORMS, pathOf(text.getKey()),
                        "runs on " + String.join(", ", named)));
            }
        }
        return Optional.empty();
    }
}
