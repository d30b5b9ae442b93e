package dev.rustlens.scan;

import dev.rustlens.analysis.diagnostics.CargoDiagnostics;
import dev.rustlens.analysis.diagnostics.Diagnostic;
import dev.rustlens.gitrepo.GitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores the diagnostics uploaded for a commit and applies them at once to the commit's stored
 * scans, which are tracked and judged again; a scan of the commit queued, running or made later
 * gets them when it is stored. One transaction: all of it, or nothing.
 */
@ApplicationScoped
public class DiagnosticUploads {

    private final DiagnosticImports imports;
    private final ScanStore store;

    public DiagnosticUploads(DiagnosticImports imports, ScanStore store) {
        this.imports = imports;
        this.store = store;
    }

    /**
     * What an upload did.
     *
     * @param messages compiler messages read
     * @param diagnostics distinct diagnostics with a lint code in the workspace, kept for the commit
     * @param skipped compiler messages without a lint code or a primary span
     * @param duplicates diagnostics repeated for another target of the same crate
     * @param outsideWorkspace diagnostics in files outside the workspace, not kept
     * @param scans what was applied to each stored scan of the commit
     * @param pendingScans scans of the commit queued or running, which get the diagnostics when stored
     */
    public record Summary(String commit, int messages, int diagnostics, int skipped, int duplicates,
            DiagnosticImports.Unmatched outsideWorkspace, List<DiagnosticImports.Applied> scans, long pendingScans) {
    }

    /** Keeps {@code parsed} as the diagnostics of {@code commit} and applies them to its stored scans. */
    @Transactional
    public Summary store(GitRepository repository, String commit, CargoDiagnostics.Parsed parsed, String uploadedBy) {
        imports.lock(repository.id, commit);
        List<Diagnostic> diagnostics = imports.save(repository.id, commit, parsed.diagnostics(), uploadedBy);
        // A scan whose findings housekeeping removed keeps its counts: lints added to it would replace them.
        List<Scan> scans = Scan.list("repository = ?1 and commitSha = ?2 and status = ?3 and findingsRemovedAt is null"
                + " order by id", repository, commit, Scan.Status.succeeded);
        List<DiagnosticImports.Applied> applied = new ArrayList<>();
        for (Scan scan : scans) {
            applied.add(imports.apply(scan, diagnostics));
        }
        // Tracked once all are applied: two scans of the commit may be compared with each other.
        scans.forEach(store::trackAgain);
        long pending = Scan.count("repository = ?1 and (commitSha = ?2 or requestedCommit = ?2) and status in ?3",
                repository, commit, List.of(Scan.Status.queued, Scan.Status.running));
        return new Summary(commit, parsed.messages(), parsed.diagnostics().size(), parsed.skipped(),
                parsed.duplicates(), new DiagnosticImports.Unmatched(parsed.outsideWorkspace(), parsed.outsideExamples()),
                applied, pending);
    }
}
