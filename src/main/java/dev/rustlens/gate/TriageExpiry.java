package dev.rustlens.gate;

import dev.rustlens.gitrepo.RepositoryService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * When a triage mark expires, the finding counts again: the repository's newest scans are rescored
 * and judged again, so the stored grade and verdict (home page, repository list, badges) say what
 * the gate endpoints, which judge as of now, say. Checked every minute; instances that run it at
 * the same time store the same result.
 */
@ApplicationScoped
public class TriageExpiry {

    private static final Logger LOG = Logger.getLogger(TriageExpiry.class);

    private final TriageStore triage;
    private final RepositoryService repositories;
    private final GateService gates;

    public TriageExpiry(TriageStore triage, RepositoryService repositories, GateService gates) {
        this.triage = triage;
        this.repositories = repositories;
        this.gates = gates;
    }

    /** Refreshes every repository with a mark that lapsed since its newest verdicts were stored. */
    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refreshLapsed() {
        for (long id : triage.repositoriesWithLapsedMarks()) {
            repositories.find(id).ifPresent(repository -> {
                LOG.infof("repository %d: a triage mark expired; rescoring and judging its newest scans again", id);
                gates.refresh(repository);
            });
        }
    }
}
