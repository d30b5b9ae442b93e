package dev.rustlens.analysis.check;

import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a crate check sees: the crate, its summed metrics, and the repository's other files. */
public final class CrateContext {

    private final CrateInfo crate;
    private final Metrics metrics;
    private final Set<String> repositoryPaths;
    private final Map<String, String> ciConfigurations;
    private final TextReader reader;
    private final List<String> unlinkedFiles;
    private Map<String, String> ciCommands;
    private List<VerificationEvidence> evidence;
    private final List<Finding> findings = new ArrayList<>();

    /** Reads a repository file's text, when it exists and is small enough. */
    @FunctionalInterface
    public interface TextReader {
        Optional<String> read(String path);
    }

    /**
     * @param repositoryPaths the paths of every file of the repository
     * @param ciConfigurations CI configuration files of the repository (path to text)
     * @param reader reads other repository files
     * @param unlinkedFiles the crate's {@code .rs} files that no target's module tree reaches
     */
    public CrateContext(CrateInfo crate, Metrics metrics, Set<String> repositoryPaths,
            Map<String, String> ciConfigurations, TextReader reader, List<String> unlinkedFiles) {
        this.reader = reader;
        this.unlinkedFiles = List.copyOf(unlinkedFiles);
        this.crate = crate;
        this.metrics = metrics;
        this.repositoryPaths = repositoryPaths;
        this.ciConfigurations = ciConfigurations;
    }

    public CrateInfo crate() {
        return crate;
    }

    public long metric(Metric metric) {
        return metrics.get(metric);
    }

    /** Whether the crate has unsafe code outside tests, macros included. */
    public boolean hasUnsafe() {
        return metric(Metric.UNSAFE_BLOCKS) + metric(Metric.UNSAFE_FUNCTIONS) + metric(Metric.UNSAFE_METHODS)
                + metric(Metric.UNSAFE_IMPLS) + metric(Metric.UNSAFE_TRAITS) + metric(Metric.EXTERN_BLOCKS)
                + metric(Metric.UNSAFE_IN_MACROS) > 0;
    }

    /** The crate's {@code .rs} files that no target's module tree reaches, which rustc never reads. */
    public List<String> unlinkedFiles() {
        return unlinkedFiles;
    }

    /** The evidence that the crate is verified beyond its unit tests ({@link VerificationEvidence}). */
    public List<VerificationEvidence> evidence() {
        if (evidence == null) {
            evidence = List.copyOf(VerificationEvidence.find(this, metric(Metric.LOOM_ITEMS) > 0));
        }
        return evidence;
    }

    /** The paths of every file of the repository. */
    public Set<String> repositoryPaths() {
        return repositoryPaths;
    }

    /** Whether the repository has a file at this exact path. */
    public boolean repositoryHas(String path) {
        return repositoryPaths.contains(path);
    }

    /** The text of a repository file (bounded in size), when it exists. */
    public Optional<String> readText(String path) {
        return reader.read(path);
    }

    /** CI configuration files (GitHub workflows, GitLab CI, ..), path to text. */
    public Map<String, String> ciConfigurations() {
        return ciConfigurations;
    }

    /**
     * What CI runs: the configurations and the repository's scripts, Makefile and justfile
     * recipes, xtask sources and local actions they call ({@link CiCommands}), path to text.
     */
    public Map<String, String> ciCommands() {
        if (ciCommands == null) {
            ciCommands = CiCommands.reachable(ciConfigurations, repositoryPaths, reader::read);
        }
        return ciCommands;
    }

    /** The crate's lib root, else its first binary root. */
    public Optional<String> rootFile() {
        return crate.rootFiles().stream().findFirst();
    }

    /**
     * Reports a crate-level finding at line 1 of {@code path} (its manifest or root file). A
     * {@code rustlens:allow(<id>)} comment on that line suppresses it: there is no line above.
     */
    public void report(Check check, String path, String message) {
        boolean allowed = reader.read(path).flatMap(text -> text.lines().findFirst())
                .map(firstLine -> Suppression.idsAllowedIn(firstLine).contains(check.id())).orElse(false);
        findings.add(new Finding(check.id(), check.info().severity(), path, 1, 1, 1, 1, message, false,
                allowed ? Suppression.COMMENT : Suppression.NONE, check.id() + " " + crate.name()));
    }

    public List<Finding> findings() {
        return findings;
    }
}
