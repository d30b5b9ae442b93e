package dev.rustlens.scan;

import static dev.rustlens.database.Columns.longOf;

import dev.rustlens.gitrepo.GitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The scanned branches of a repository: each branch's newest scan, and the deletion of a branch's
 * scans, on request or once the branch has gone a while without one. The default branch is never
 * deleted; the scans of merge-bases stay on their target branch.
 */
@ApplicationScoped
public class Branches {

    private final EntityManager entityManager;

    public Branches(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A scanned branch: its newest scan and what that scan compared it with. */
    public record ScannedBranch(String name, boolean isDefault, String target, String pullRequest, long newestScanId,
            String newestStatus, String commit, String baseCommit, OffsetDateTime lastScannedAt, long scans) {
    }

    /** The scanned branches of a repository, the default one first, then the most recently scanned; empty without it. */
    @Transactional
    public Optional<List<ScannedBranch>> of(long repositoryId) {
        GitRepository repository = GitRepository.findById(repositoryId);
        if (repository == null) {
            return Optional.empty();
        }
        List<Tuple> rows = session().createNativeQuery("""
                select b.branch, b.id, b.status, coalesce(b.commit_sha, b.requested_commit) as commit, b.base_commit,
                       b.target_branch, b.pull_request, b.queued_at, c.scans
                from (select distinct on (branch) * from scan where repository_id = ?1
                      order by branch, id desc) b
                join (select branch, count(*) as scans from scan where repository_id = ?1 group by branch) c
                  on c.branch = b.branch
                order by b.branch = ?2 desc, b.queued_at desc""", Tuple.class)
                .setParameter(1, repositoryId).setParameter(2, repository.defaultBranch).getResultList();
        return Optional.of(rows.stream().map(row -> new ScannedBranch(row.get("branch", String.class),
                row.get("branch", String.class).equals(repository.defaultBranch), row.get("target_branch", String.class),
                row.get("pull_request", String.class), longOf(row, "id"), row.get("status", String.class),
                row.get("commit", String.class), row.get("base_commit", String.class),
                row.get("queued_at", Instant.class).atOffset(ZoneOffset.UTC), longOf(row, "scans"))).toList());
    }

    /** What a deletion found. */
    public enum Deletion {
        DELETED, NO_SUCH_REPOSITORY, NO_SUCH_BRANCH, DEFAULT_BRANCH
    }

    /** Deletes every scan of a branch other than the default one, with its findings, snapshots and verdicts. */
    @Transactional
    public Deletion delete(long repositoryId, String branch) {
        GitRepository repository = GitRepository.findById(repositoryId);
        if (repository == null) {
            return Deletion.NO_SUCH_REPOSITORY;
        }
        if (repository.defaultBranch.equals(branch)) {
            return Deletion.DEFAULT_BRANCH;
        }
        int deleted = session().createNativeMutationQuery("delete from scan where repository_id = ?1 and branch = ?2")
                .setParameter(1, repositoryId).setParameter(2, branch).executeUpdate();
        return deleted == 0 ? Deletion.NO_SUCH_BRANCH : Deletion.DELETED;
    }

    /**
     * Deletes the scans of every branch, other than its repository's default one, that has had no
     * scan queued for {@code after} and none active now.
     *
     * @return how many scans were deleted
     */
    @Transactional
    public int expire(Duration after) {
        return session().createNativeMutationQuery("""
                delete from scan s using repository r
                where r.id = s.repository_id and s.branch <> r.default_branch
                  and (s.repository_id, s.branch) in (
                      select repository_id, branch from scan group by repository_id, branch
                      having max(queued_at) < now() - make_interval(secs => ?1)
                         and not bool_or(status in ('queued', 'running')))""")
                .setParameter(1, after.toSeconds()).executeUpdate();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
