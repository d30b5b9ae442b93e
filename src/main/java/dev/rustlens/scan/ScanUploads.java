package dev.rustlens.scan;

import dev.rustlens.analysis.check.Check;
import dev.rustlens.gitrepo.GitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stores the command-line scanner's uploads as scans of a commit and branch: checked whole first,
 * then stored, tracked, scored and judged by the gate as a scan run here is, in one transaction.
 */
@ApplicationScoped
public class ScanUploads {

    private final ScanStore store;
    private final AnalysisEngine engine;

    public ScanUploads(ScanStore store, AnalysisEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    /**
     * Stores an upload as a succeeded scan of {@code repository} and returns its id.
     *
     * @throws dev.rustlens.http.BadRequest naming what is wrong; then nothing is stored
     */
    @Transactional
    public long store(GitRepository repository, ScanUpload upload) {
        Set<String> checkIds = engine.catalogue().checks().stream().map(Check::id).collect(Collectors.toSet());
        String version = engine.catalogue().analyzerVersion();
        List<StoredCrates.StoredCrate> crates = upload.storedCrates(version, checkIds);
        OffsetDateTime now = OffsetDateTime.now();
        // One active scan of a commit per branch is a database fact (V14): say so rather than fail on it.
        Scan.findActiveOfCommit(repository, upload.branch(), upload.commit()).ifPresent(active -> {
            throw new ClientErrorException("scan " + active.id + " of commit " + upload.commit() + " on branch "
                    + upload.branch() + " is " + active.status + " on the server: wait for it, or upload again after it",
                    Response.Status.CONFLICT);
        });
        // The scan is created running and ended in this transaction: no worker ever sees it.
        Scan scan = new Scan();
        scan.repository = repository;
        scan.branch = upload.branch();
        scan.requestedCommit = upload.commit();
        scan.trigger = Scan.Trigger.api;
        scan.status = Scan.Status.running;
        scan.worker = "upload-" + UUID.randomUUID();
        scan.queuedAt = now;
        scan.startedAt = now;
        scan.attempt = 1;
        scan.persist();
        store.succeed(scan.id, scan.worker, upload.commit(), upload.committedAt() == null ? now : upload.committedAt(),
                new ScanStore.Results(crates, upload.problems(), upload.files(), 0, List.of()),
                FileResultStore.ScanCache.none(), version, List.copyOf(upload.coreModules()),
                new ScanPhases(scan.id, System::nanoTime));
        return scan.id;
    }
}
