package dev.rustlens.coverage;

import dev.rustlens.database.Columns;
import dev.rustlens.gitrepo.GitMirror;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.Scan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.hibernate.Session;

/**
 * Coverage on new code, as SonarQube has it: of the lines added or changed between a baseline
 * commit and a scan's commit (a git diff of the mirror, whitespace changes ignored), those with
 * coverage data in the commit's report, and those the tests ran.
 */
@ApplicationScoped
public class NewCodeCoverage {

    private final EntityManager entityManager;
    private final GitMirror mirror;

    public NewCodeCoverage(EntityManager entityManager, GitMirror mirror) {
        this.entityManager = entityManager;
        this.mirror = mirror;
    }

    /**
     * New lines with data and those run, or why they cannot be told ({@code problem}: no report
     * for the commit, no history here to diff).
     */
    public record Figures(long lines, long linesRun, String problem) {
    }

    /** The figures of a scan's commit against a baseline commit, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Figures of(Scan scan, String baselineCommit) {
        Optional<Long> report = session().createNativeQuery("""
                select id from coverage_report where repository_id = ?1 and commit_sha = ?2 and mapped
                order by id desc limit 1""", Long.class).setParameter(1, scan.repository.id)
                .setParameter(2, scan.commitSha).getResultStream().findFirst();
        if (report.isEmpty()) {
            return new Figures(0, 0, "no coverage report for commit " + scan.commitSha);
        }
        Optional<Map<String, List<int[]>>> changed;
        try {
            changed = changedLines(scan.repository, baselineCommit, scan.commitSha);
        } catch (IOException e) {
            return new Figures(0, 0, "new code cannot be told: the git mirror could not be read");
        }
        if (changed.isEmpty()) {
            return new Figures(0, 0, "new code cannot be told: no git history of both commits here");
        }
        long lines = 0;
        long run = 0;
        for (Map.Entry<String, List<int[]>> file : changed.get().entrySet()) {
            for (int[] range : file.getValue()) {
                Tuple row = session().createNativeQuery("""
                        select count(l.line) as lines, count(l.line) filter (where l.hits > 0) as run
                        from coverage_file f join coverage_line l on l.file_id = f.id
                        where f.report_id = ?1 and f.repo_path = ?2 and l.line between ?3 and ?4""", Tuple.class)
                        .setParameter(1, report.get()).setParameter(2, file.getKey()).setParameter(3, range[0])
                        .setParameter(4, range[1]).getSingleResult();
                lines += Columns.longOf(row, "lines");
                run += Columns.longOf(row, "run");
            }
        }
        return new Figures(lines, run, null);
    }

    /** New-side line ranges (1-based, inclusive) added or changed per path; empty when a commit is not here. */
    private Optional<Map<String, List<int[]>>> changedLines(GitRepository repository, String from, String to)
            throws IOException {
        if (repository.kind == GitRepository.Kind.archive || !ObjectId.isId(from) || !ObjectId.isId(to)) {
            return Optional.empty();
        }
        Optional<Repository> opened = mirror.open(repository.id, repository.url);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (Repository git = opened.get(); RevWalk walk = new RevWalk(git);
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            RevCommit before;
            RevCommit after;
            try {
                before = walk.parseCommit(ObjectId.fromString(from));
                after = walk.parseCommit(ObjectId.fromString(to));
            } catch (MissingObjectException e) {
                return Optional.empty(); // fetched by another instance, or gone from the remote
            }
            diff.setRepository(git);
            diff.setDiffComparator(RawTextComparator.WS_IGNORE_ALL);
            diff.setDetectRenames(true);
            Map<String, List<int[]>> changed = new LinkedHashMap<>();
            for (DiffEntry entry : diff.scan(before.getTree(), after.getTree())) {
                if (entry.getChangeType() == DiffEntry.ChangeType.DELETE) {
                    continue;
                }
                List<int[]> ranges = new ArrayList<>();
                for (Edit edit : diff.toFileHeader(entry).toEditList()) {
                    if (edit.getEndB() > edit.getBeginB()) {
                        ranges.add(new int[] {edit.getBeginB() + 1, edit.getEndB()});
                    }
                }
                if (!ranges.isEmpty()) {
                    changed.put(entry.getNewPath(), ranges);
                }
            }
            return Optional.of(changed);
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
