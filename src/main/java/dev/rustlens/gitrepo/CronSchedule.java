package dev.rustlens.gitrepo;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.rustlens.http.BadRequest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A repository's scan schedule: a Quartz cron expression (seconds minutes hours day-of-month month
 * day-of-week [year]), as the scheduler runs it, that fires no more often than a minimum interval.
 */
public final class CronSchedule {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    /** Fires looked at for the shortest interval: enough to see any burst, which runs fire after fire. */
    private static final int FIRES_CHECKED = 200;

    private final ExecutionTime times;

    private CronSchedule(Cron cron) {
        this.times = ExecutionTime.forCron(cron);
    }

    /** Parses a schedule that fires at most once per {@code minimumInterval}; throws with a message otherwise. */
    public static CronSchedule parse(String expression, Duration minimumInterval) {
        CronSchedule schedule = parse(expression);
        Duration shortest = schedule.shortestInterval();
        if (shortest.compareTo(minimumInterval) < 0) {
            throw new BadRequest("the schedule fires as often as every " + seconds(shortest)
                    + ", more often than the minimum of every " + seconds(minimumInterval)
                    + " (rustlens.scan.min-schedule-interval)");
        }
        return schedule;
    }

    /** Parses a schedule stored earlier (already checked when it was set). */
    public static CronSchedule parse(String expression) {
        try {
            Cron cron = QUARTZ.parse(expression.strip());
            cron.validate();
            return new CronSchedule(cron);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("cron is not a valid Quartz cron"
                    + " expression (seconds minutes hours day-of-month month day-of-week [year], e.g. \"0 0 3 * * ?\")", e);
        }
    }

    /** The latest time the schedule fired at or before {@code now}, if it ever did. */
    public Optional<ZonedDateTime> lastFireBefore(ZonedDateTime now) {
        return times.lastExecution(now);
    }

    private Duration shortestInterval() {
        Duration shortest = Duration.ofDays(366 * 400L); // a schedule that never fires twice
        Optional<ZonedDateTime> fire = times.nextExecution(ZonedDateTime.now());
        for (int i = 0; i < FIRES_CHECKED && fire.isPresent(); i++) {
            Optional<ZonedDateTime> next = times.nextExecution(fire.get());
            if (next.isPresent()) {
                Duration gap = Duration.between(fire.get(), next.get());
                shortest = gap.compareTo(shortest) < 0 ? gap : shortest;
            }
            fire = next;
        }
        return shortest;
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() == 1 ? "second" : duration.toSeconds() + " s";
    }
}
