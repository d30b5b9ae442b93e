package dev.rustlens.gate;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.scan.TriageInForce;
import dev.rustlens.text.Echo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * The triage marks of findings (table {@code finding_triage}): each change rescores the
 * repository's newest scans and judges their gate again in the same transaction.
 */
@ApplicationScoped
public class TriageStore {

    private final EntityManager entityManager;
    private final GateService gates;

    public TriageStore(EntityManager entityManager, GateService gates) {
        this.entityManager = entityManager;
        this.gates = gates;
    }

    /**
     * A mark to set on the finding with {@code fingerprint}; {@code expiresAt} null for a mark that
     * never expires. The API and the findings page send the same fields, so they are checked here.
     *
     * @throws BadRequest when the fingerprint or reason is missing or the status is not one of {@link #STATUSES}
     */
    public record NewMark(String fingerprint, String status, String reason, String markedBy, OffsetDateTime expiresAt) {

        /** What a mark says of a finding. */
        public static final List<String> STATUSES = List.of("accepted", "false_positive");

        public NewMark {
            if (fingerprint == null || fingerprint.isBlank()) {
                throw new BadRequest("fingerprint is required: which finding to mark");
            }
            Choices.require("status", status, STATUSES);
            if (reason == null || reason.isBlank()) {
                throw new BadRequest("a reason is required: say why the finding is accepted or wrong");
            }
            reason = reason.strip();
        }
    }

    /** A mark. */
    public record TriageMark(String fingerprint, String status, String reason, String markedBy, OffsetDateTime markedAt,
            OffsetDateTime expiresAt, boolean active) {
    }

    /**
     * Sets (or replaces) the mark of a finding of the repository.
     *
     * @throws NotFoundException when no scan of the repository has a finding with that fingerprint
     */
    @Transactional
    public TriageMark mark(GitRepository repository, NewMark mark) {
        markAll(repository, List.of(mark));
        return marks(repository.id).stream().filter(stored -> stored.fingerprint().equals(mark.fingerprint()))
                .findFirst().orElseThrow();
    }

    /**
     * Sets (or replaces) the marks of several findings of the repository at once, rescoring once;
     * none is set when one fingerprint is unknown.
     *
     * @throws NotFoundException when no scan of the repository has a finding with one of the fingerprints
     */
    @Transactional
    public void markAll(GitRepository repository, List<NewMark> marks) {
        for (NewMark mark : marks) {
            store(repository, mark);
        }
        gates.refresh(repository);
    }

    private void store(GitRepository repository, NewMark mark) {
        boolean known = !session().createNativeQuery("""
                select 1 from finding f join scan s on s.id = f.scan_id
                where s.repository_id = ?1 and f.fingerprint = ?2 limit 1""", Integer.class)
                .setParameter(1, repository.id).setParameter(2, mark.fingerprint()).getResultList().isEmpty();
        if (!known) {
            throw new NotFoundException("no finding with fingerprint " + Echo.quoted(mark.fingerprint())
                    + " in repository " + repository.name);
        }
        session().createNativeMutationQuery("""
                insert into finding_triage (repository_id, fingerprint, status, reason, marked_by, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (repository_id, fingerprint) do update set status = excluded.status,
                    reason = excluded.reason, marked_by = excluded.marked_by, marked_at = now(),
                    expires_at = excluded.expires_at""")
                .setParameter(1, repository.id).setParameter(2, mark.fingerprint()).setParameter(3, mark.status())
                .setParameter(4, mark.reason()).setParameter(5, mark.markedBy()).setParameter(6, mark.expiresAt())
                .executeUpdate();
    }

    /** A repository's marks, newest first. */
    @Transactional
    public List<TriageMark> marks(long repositoryId) {
        return session().createNativeQuery("""
                select fingerprint, status, reason, marked_by, marked_at, expires_at, %s as active
                from finding_triage t where repository_id = ?1 order by marked_at desc, fingerprint"""
                .formatted(TriageInForce.of("t")), Tuple.class)
                .setParameter(1, repositoryId).getResultList().stream()
                .map(row -> new TriageMark(row.get("fingerprint", String.class), row.get("status", String.class),
                        row.get("reason", String.class), row.get("marked_by", String.class),
                        utc(row.get("marked_at", Instant.class)), utc(row.get("expires_at", Instant.class)),
                        row.get("active", Boolean.class)))
                .toList();
    }

    /** Removes a mark, so that the finding counts again; false when the finding was not marked. */
    @Transactional
    public boolean unmark(GitRepository repository, String fingerprint) {
        int removed = session().createNativeMutationQuery(
                "delete from finding_triage where repository_id = ?1 and fingerprint = ?2")
                .setParameter(1, repository.id).setParameter(2, fingerprint).executeUpdate();
        if (removed == 0) {
            return false;
        }
        gates.refresh(repository);
        return true;
    }

    /** Native queries give timestamptz columns as instants. */
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Repositories with a mark that has expired since the verdict on one of their newest scans
     * (one per branch) was stored: their stored scores and verdicts still count the mark.
     */
    @Transactional
    public List<Long> repositoriesWithLapsedMarks() {
        return session().createNativeQuery("""
                select distinct t.repository_id from finding_triage t
                where t.expires_at <= now() and exists (
                    select 1 from gate_result g
                    join (%s) newest on newest.id = g.scan_id
                    where g.evaluated_at < t.expires_at)
                order by t.repository_id""".formatted(GateService.newestScanOfEachBranch("t.repository_id")),
                Long.class).getResultList();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
