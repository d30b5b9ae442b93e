package dev.rustlens.scan;

import dev.rustlens.analysis.TestCode;
import dev.rustlens.analysis.TestSpan;
import dev.rustlens.analysis.UnsafeSite;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.check.Suppression;
import dev.rustlens.analysis.check.VerificationEvidence;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.database.StorableText;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.scan.StoredCrates.StoredCrate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A scan's results as the command-line scanner uploads them (docs/api.md): the crates as a scan
 * stores them, their findings fingerprinted, with no source text. Versioned by {@link #FORMAT},
 * and checked whole before anything is stored.
 *
 * @param format {@value #FORMAT}
 * @param commit the commit scanned, 40 or 64 hexadecimal digits
 * @param branch the branch it is the scan of
 * @param committedAt when it was committed; the upload's time when absent
 * @param analyzerVersion the analyzer that made the results, which must be the server's
 * @param coreModules the core modules the analysis was given
 * @param files files analysed
 * @param problems what the analysis left out, in words
 * @param crates every crate
 */
public record ScanUpload(String format, String commit, String branch, OffsetDateTime committedAt,
        String analyzerVersion, List<String> coreModules, Integer files, List<String> problems,
        List<UploadedCrate> crates) {

    /** The version of this shape. */
    public static final String FORMAT = "rustlens-upload/1";

    /**
     * One crate as uploaded: {@link StoredCrate}'s fields, enums and metrics by name; {@code
     * testCode} may be left out (its lints then count as test code by cargo's target kinds alone).
     */
    public record UploadedCrate(String name, String path, String version, String edition, Map<String, Long> metrics,
            List<VerificationEvidence> evidence, List<UploadedUnsafeSite> unsafeSites, UploadedTestCode testCode,
            List<UploadedFinding> findings) {
    }

    /** Where a crate's test code is, as uploaded: {@link TestCode}'s fields. */
    public record UploadedTestCode(List<String> files, Map<String, List<TestSpan>> spans) {
    }

    /** One finding as uploaded, with its fingerprint and without its line of code. */
    public record UploadedFinding(String checkId, String severity, String path, Integer line, Integer column,
            Integer endLine, Integer endColumn, String message, Boolean inTestCode, String suppression,
            String fingerprint) {
    }

    /** One unsafe site as uploaded. */
    public record UploadedUnsafeSite(String kind, String path, Integer line, Integer column, Boolean inTestCode) {
    }

    /** The upload of {@code crates}, as the command-line scanner sends it. */
    public static ScanUpload of(String commit, String branch, OffsetDateTime committedAt, String analyzerVersion,
            List<String> coreModules, int files, List<String> problems, List<StoredCrate> crates) {
        return new ScanUpload(FORMAT, commit, branch, committedAt, analyzerVersion, coreModules, files,
                problems.stream().map(StorableText::of).toList(), crates.stream().map(ScanUpload::uploaded).toList());
    }

    /**
     * One crate for the upload, its text as the server stores it: the server refuses U+0000 in
     * a request, and would have replaced it in what it analysed itself.
     */
    private static UploadedCrate uploaded(StoredCrate crate) {
        List<UploadedFinding> findings = new ArrayList<>(crate.findings().size());
        for (int i = 0; i < crate.findings().size(); i++) {
            Finding finding = crate.findings().get(i);
            findings.add(new UploadedFinding(finding.checkId(), finding.severity().name(), finding.path(), finding.line(),
                    finding.column(), finding.endLine(), finding.endColumn(), finding.message(), finding.inTestCode(),
                    finding.suppression().name(), crate.fingerprints().get(i)));
        }
        return new UploadedCrate(crate.name(), StorableText.of(crate.directory()),
                StorableText.of(crate.version().orElse(null)), StorableText.of(crate.edition().orElse(null)),
                crate.metrics().asMap(), crate.evidence().stream().map(evidence -> new VerificationEvidence(evidence.kind(),
                        StorableText.of(evidence.path()), StorableText.of(evidence.detail()))).toList(),
                crate.unsafeSites().stream().map(site -> new UploadedUnsafeSite(site.kind().name(),
                        StorableText.of(site.path()), site.line(), site.column(), site.inTestCode())).toList(),
                crate.testCode().map(testCode -> new UploadedTestCode(List.copyOf(testCode.files()), testCode.spans()))
                        .orElse(null), findings);
    }

    /**
     * The crates as a scan stores them.
     *
     * @param serverAnalyzerVersion the server's analyzer version, which the upload's must be
     * @param checkIds the server's check ids
     * @throws BadRequest naming the first thing wrong
     */
    public List<StoredCrate> storedCrates(String serverAnalyzerVersion, Set<String> checkIds) {
        if (!FORMAT.equals(format)) {
            throw new BadRequest("\"format\" must be \"" + FORMAT + "\", not " + quoted(format));
        }
        if (commit == null || !commit.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw new BadRequest("\"commit\" must be a full commit id (40 or 64 hexadecimal digits), not " + quoted(commit));
        }
        if (branch == null || branch.isBlank() || branch.length() > 255) {
            throw new BadRequest("\"branch\" is required: the branch the commit is the scan of");
        }
        if (!serverAnalyzerVersion.equals(analyzerVersion)) {
            throw new BadRequest("\"analyzerVersion\" " + quoted(analyzerVersion) + " is not this server's ("
                    + serverAnalyzerVersion + "): scan with the rustlens release the server runs");
        }
        if (coreModules == null || coreModules.contains(null) || files == null || files < 0 || problems == null
                || problems.contains(null)) {
            throw new BadRequest("\"coreModules\" and \"problems\" (lists of text) and \"files\" (>= 0) are required");
        }
        if (crates == null || crates.contains(null)) {
            throw new BadRequest("\"crates\" is required: a list of crates");
        }
        Set<String> names = new HashSet<>();
        List<StoredCrate> stored = new ArrayList<>(crates.size());
        for (int i = 0; i < crates.size(); i++) {
            UploadedCrate crate = crates.get(i);
            String where = "crates[" + i + "]";
            if (crate.name() == null || crate.name().isBlank() || !names.add(crate.name())) {
                throw new BadRequest(where + ".name is required and unique within the upload");
            }
            stored.add(stored(crate, where, checkIds));
        }
        return stored;
    }

    private static StoredCrate stored(UploadedCrate crate, String where, Set<String> checkIds) {
        if (crate.path() == null || crate.metrics() == null || crate.evidence() == null || crate.unsafeSites() == null
                || crate.findings() == null) {
            throw new BadRequest(where + " needs \"path\", \"metrics\", \"evidence\", \"unsafeSites\" and \"findings\"");
        }
        Set<String> known = Arrays.stream(Metric.values()).map(Metric::key).collect(Collectors.toSet());
        for (Map.Entry<String, Long> metric : crate.metrics().entrySet()) {
            if (!known.contains(metric.getKey()) || metric.getValue() == null || metric.getValue() < 0) {
                throw new BadRequest(where + ".metrics." + metric.getKey() + ": not a metric, or not a count >= 0");
            }
        }
        for (VerificationEvidence evidence : crate.evidence()) {
            if (evidence == null || evidence.kind() == null || evidence.path() == null || evidence.detail() == null) {
                throw new BadRequest(where + ".evidence needs \"kind\", \"path\" and \"detail\" in every entry");
            }
        }
        List<UnsafeSite> sites = new ArrayList<>(crate.unsafeSites().size());
        for (int i = 0; i < crate.unsafeSites().size(); i++) {
            UploadedUnsafeSite site = crate.unsafeSites().get(i);
            String at = where + ".unsafeSites[" + i + "]";
            if (site == null || site.path() == null || site.inTestCode() == null) {
                throw new BadRequest(at + " needs \"kind\", \"path\", \"line\", \"column\" and \"inTestCode\"");
            }
            sites.add(new UnsafeSite(Choices.require(at + ".kind", site.kind(), UnsafeSite.Kind.class, Enum::name), site.path(),
                    position(site.line(), at + ".line"), position(site.column(), at + ".column"), site.inTestCode()));
        }
        List<Finding> findings = new ArrayList<>(crate.findings().size());
        List<String> fingerprints = new ArrayList<>(crate.findings().size());
        for (int i = 0; i < crate.findings().size(); i++) {
            UploadedFinding finding = crate.findings().get(i);
            String at = where + ".findings[" + i + "]";
            if (finding == null || finding.path() == null || finding.message() == null || finding.inTestCode() == null) {
                throw new BadRequest(at + " needs \"checkId\", \"severity\", \"path\", \"line\", \"column\", \"endLine\","
                        + " \"endColumn\", \"message\", \"inTestCode\", \"suppression\" and \"fingerprint\"");
            }
            if (!checkIds.contains(finding.checkId())) {
                throw new BadRequest(at + ".checkId " + quoted(finding.checkId()) + " is not a check of this server");
            }
            if (finding.fingerprint() == null || !finding.fingerprint().matches("[0-9a-f]{32}")) {
                throw new BadRequest(at + ".fingerprint must be 32 hexadecimal digits");
            }
            // The line of code stays on the runner: the fingerprint that was made from it is uploaded instead.
            findings.add(new Finding(finding.checkId(), Choices.require(at + ".severity", finding.severity(), Severity.class, Enum::name),
                    finding.path(), position(finding.line(), at + ".line"), position(finding.column(), at + ".column"),
                    position(finding.endLine(), at + ".endLine"), position(finding.endColumn(), at + ".endColumn"),
                    finding.message(), finding.inTestCode(),
                    Choices.require(at + ".suppression", finding.suppression(), Suppression.class, Enum::name), null));
            fingerprints.add(finding.fingerprint());
        }
        return new StoredCrate(crate.name(), crate.path(), Optional.ofNullable(crate.version()),
                Optional.ofNullable(crate.edition()), Metrics.fromMap(crate.metrics()), List.copyOf(crate.evidence()),
                sites, Optional.ofNullable(crate.testCode()).map(testCode -> checked(testCode, where + ".testCode")),
                findings, fingerprints);
    }

    /** Test code as uploaded, checked: files named, spans in 1-based lines and columns, none ending before it starts. */
    private static TestCode checked(UploadedTestCode testCode, String where) {
        if (testCode.files() == null || testCode.spans() == null || testCode.files().contains(null)) {
            throw new BadRequest(where + " needs \"files\" (a list of paths) and \"spans\" (spans by path)");
        }
        testCode.spans().forEach((path, spans) -> {
            if (spans == null || spans.stream().anyMatch(span -> span == null || span.line() < 1 || span.column() < 1
                    || span.endLine() < span.line() || span.endColumn() < 1)) {
                throw new BadRequest(where + ".spans." + path + ": every span needs \"line\", \"column\", \"endLine\""
                        + " and \"endColumn\", whole numbers from 1, and cannot end before its first line");
            }
        });
        return new TestCode(Set.copyOf(testCode.files()), testCode.spans());
    }

    private static int position(Integer value, String where) {
        if (value == null || value < 0) {
            throw new BadRequest(where + " must be a whole number >= 0");
        }
        return value;
    }


    private static String quoted(String text) {
        return text == null ? "nothing" : "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
    }
}
