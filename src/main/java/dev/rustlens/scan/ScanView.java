package dev.rustlens.scan;

import dev.rustlens.http.PageCursor;
import dev.rustlens.scoring.Rating;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A scan as the API shows it, a summary of a bounded size: status, commit, timings, counts, and
 * once it succeeded its crates with their scores, ratings, counts and metrics; its findings, the
 * findings it fixed and its unsafe sites are paged lists at its {@code links}. A branch scan with a
 * target names it, its pull request and its merge-base ({@code baseCommit}), which its findings are
 * compared with.
 */
public record ScanView(
        long id,
        long repositoryId,
        String branch,
        String targetBranch,
        String pullRequest,
        String baseCommit,
        String commit,
        OffsetDateTime committedAt,
        String trigger,
        String status,
        String error,
        int attempt,
        OffsetDateTime queuedAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Long durationMillis,
        Integer filesTotal,
        Integer filesDone,
        Integer filesAnalyzed,
        Integer filesReused,
        String analyzerVersion,
        Long previousScanId,
        Integer findingsNew,
        Integer findingsFixed,
        Integer score,
        String grade,
        List<CrateView> crates,
        Links links) {

    /**
     * Where the rest of a scan is, paged: its findings (new or unchanged), the findings of the
     * previous scan of the branch that it fixed, its unsafe sites, its crates' scores and metrics,
     * and its gate verdict.
     */
    public record Links(String findings, String fixedFindings, String unsafeSites, String crates, String gate) {
        static Links of(long scanId) {
            String scan = "/api/v1/scans/" + scanId;
            return new Links(scan + "/findings", scan + "/fixed-findings", scan + "/unsafe-sites", scan + "/crates",
                    scan + "/gate");
        }
    }

    /** One crate of a scan, with its safety score, the ratings that explain it and its counts. */
    public record CrateView(
            long crateId,
            String name,
            String path,
            String version,
            String edition,
            Integer score,
            String grade,
            List<Rating> ratings,
            int files,
            int codeLines,
            int unsafeBlocks,
            int unsafeFunctions,
            int unsafeMethods,
            int unsafeImpls,
            int unsafeTraits,
            int externBlocks,
            int unsafeInMacros,
            int findingCount,
            Map<String, Long> metrics) {
    }

    /**
     * One finding; {@code tracking} is {@code new} or {@code unchanged} against the previous scan,
     * or {@code fixed} in a scan's list of findings that are gone; {@code alsoReportedBy} are the
     * imported lints that reported its site too (docs/diagnostics.md).
     */
    public record FindingView(String checkId, String severity, String path, int line, int column, int endLine,
            int endColumn, String message, boolean inTestCode, String suppression, String fingerprint,
            String tracking, List<String> alsoReportedBy) {
    }

    /** One unsafe site of a crate. */
    public record UnsafeSiteView(String crate, String kind, String path, int line, int column, boolean inTestCode) {
    }

    /** A page of a scan's unsafe sites; {@code nextCursor}, opaque, is null on the last page. */
    public record UnsafeSitePage(long scanId, int limit, String nextCursor, List<UnsafeSiteView> unsafeSites)
            implements PageCursor.Page {
    }

    /** A page of the findings a scan fixed; {@code nextCursor}, opaque, is null on the last page. */
    public record FixedFindingPage(long scanId, Long previousScanId, int limit, String nextCursor,
            List<FindingView> findings) implements PageCursor.Page {
    }

    /** The scan without its crates (while queued, or in lists). */
    public static ScanView summary(Scan scan) {
        return of(scan, List.of());
    }

    static ScanView of(Scan scan, List<CrateView> crates) {
        Long duration = scan.startedAt != null && scan.finishedAt != null
                ? Duration.between(scan.startedAt, scan.finishedAt).toMillis() : null;
        // A queued backfill scan shows the commit it will analyse.
        String commit = scan.commitSha != null ? scan.commitSha : scan.requestedCommit;
        return new ScanView(scan.id, scan.repository.id, scan.branch, scan.targetBranch, scan.pullRequest,
                scan.baseCommit, commit, scan.committedAt, scan.trigger.name(),
                scan.status.name(), scan.error, scan.attempt, scan.queuedAt, scan.startedAt, scan.finishedAt, duration,
                scan.filesTotal, scan.filesDone, scan.filesAnalyzed, scan.filesReused, scan.analyzerVersion,
                scan.previousScanId, scan.findingsNew, scan.findingsFixed, scan.score, scan.grade, crates, Links.of(scan.id));
    }
}
