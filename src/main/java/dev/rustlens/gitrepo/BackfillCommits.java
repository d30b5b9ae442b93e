package dev.rustlens.gitrepo;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Picks the past commits of a branch that a history backfill scans, along the branch's
 * first-parent line (the commits the branch itself went through, not those of merged branches).
 */
public final class BackfillCommits {

    private BackfillCommits() {
    }

    /** How far back, and how densely, to go. */
    public sealed interface Selection {
    }

    /** The newest {@code count} commits. */
    public record Last(int count) implements Selection {
    }

    /** The newest commit of each week or month (UTC) since a day. */
    public record Every(Period period, LocalDate since) implements Selection {
    }

    /** A calendar period of {@link Every}. */
    public enum Period {
        week, month;

        LocalDate start(Instant time) {
            LocalDate day = time.atOffset(ZoneOffset.UTC).toLocalDate();
            return this == week ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
        }
    }

    /** A chosen commit and its committer time. */
    public record Commit(String sha, Instant committedAt) {
    }

    /** The chosen commits, oldest first, so they are scanned in the order they were made. */
    public static List<Commit> select(Repository repository, ObjectId head, Selection selection) throws IOException {
        List<Commit> chosen = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(head));
            Set<LocalDate> periodsTaken = new HashSet<>();
            for (RevCommit commit : walk) {
                Instant time = commit.getCommitterIdent().getWhenAsInstant();
                switch (selection) {
                    case Last last -> {
                        if (chosen.size() == last.count()) {
                            return oldestFirst(chosen);
                        }
                        chosen.add(new Commit(commit.name(), time));
                    }
                    case Every every -> {
                        if (time.isBefore(every.since().atStartOfDay(ZoneOffset.UTC).toInstant())) {
                            return oldestFirst(chosen);
                        }
                        // First-parent history is newest first, so the first commit seen in a
                        // period is its newest.
                        if (periodsTaken.add(every.period().start(time))) {
                            chosen.add(new Commit(commit.name(), time));
                        }
                    }
                }
            }
        }
        return oldestFirst(chosen);
    }

    private static List<Commit> oldestFirst(List<Commit> newestFirst) {
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
