package dev.rustlens.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History backfill's choice of commits, on real JGit histories. */
@Tag("fast")
public class BackfillCommitsTest {

    /** Five commits: two in the week of Monday 5 January 2026, one a week later, two in February. */
    public static final List<Instant> TIMES = List.of(
            Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-01-06T09:00:00Z"),
            Instant.parse("2026-01-13T09:00:00Z"), Instant.parse("2026-02-02T09:00:00Z"),
            Instant.parse("2026-02-20T09:00:00Z"));

    /** A repository with a commit at each of {@link #TIMES}; commit i holds i unsafe blocks. */
    public static List<RevCommit> history(Git git) throws Exception {
        List<RevCommit> commits = new ArrayList<>();
        for (int i = 1; i <= TIMES.size(); i++) {
            commits.add(TestRepositories.commitAt(git, Map.of(
                    "Cargo.toml", "[package]\nname = \"history\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                    "src/lib.rs", "pub fn f(p: *const u8) -> u8 {\n" + "    unsafe { *p };\n".repeat(i) + "    0\n}\n"),
                    "commit " + i, TIMES.get(i - 1)));
        }
        return commits;
    }

    @Test
    void picksTheLastCommitsOldestFirst(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            List<RevCommit> commits = history(git);
            assertEquals(shas(commits.subList(2, 5)), select(git, new BackfillCommits.Last(3)));
            assertEquals(shas(commits), select(git, new BackfillCommits.Last(50)));
        }
    }

    @Test
    void picksTheNewestCommitOfEachPeriodSinceADay(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            List<RevCommit> c = history(git);
            LocalDate start = LocalDate.parse("2026-01-01");
            assertEquals(shas(List.of(c.get(1), c.get(2), c.get(3), c.get(4))),
                    select(git, new BackfillCommits.Every(BackfillCommits.Period.week, start)));
            assertEquals(shas(List.of(c.get(2), c.get(4))),
                    select(git, new BackfillCommits.Every(BackfillCommits.Period.month, start)));
            assertEquals(shas(List.of(c.get(2), c.get(3), c.get(4))),
                    select(git, new BackfillCommits.Every(BackfillCommits.Period.week, LocalDate.parse("2026-01-10"))));
            assertEquals(List.of(), select(git, new BackfillCommits.Every(BackfillCommits.Period.month,
                    LocalDate.parse("2026-03-01"))));
        }
    }

    private static List<String> select(Git git, BackfillCommits.Selection selection) throws Exception {
        return BackfillCommits.select(git.getRepository(), git.getRepository().resolve("HEAD"), selection).stream()
                .map(BackfillCommits.Commit::sha).toList();
    }

    private static List<String> shas(List<RevCommit> commits) {
        return commits.stream().map(RevCommit::name).toList();
    }
}
