package dev.rustlens.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.http.BadRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedules that fire more often than the minimum interval are refused, however their fires are spread. */
class CronScheduleTest {

    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    @ParameterizedTest
    @ValueSource(strings = {"* * * * * ?", "0 */5 * * * ?", "0 0,1 3 * * ?", "0 * * 29 2 ?", "0 0/10 * ? * MON"})
    void aScheduleFiringMoreOftenThanTheMinimumIsRefused(String cron) {
        BadRequest refused = assertThrows(BadRequest.class,
                () -> CronSchedule.parse(cron, FIFTEEN_MINUTES));
        assertTrue(refused.getMessage().endsWith(", more often than the minimum of every 900 s"
                + " (rustlens.scan.min-schedule-interval)"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 3 * * ?", "0 0/15 * * * ?", "0 30 2 ? * SUN", "0 0 12 1 * ?"})
    void aScheduleFiringNoMoreOftenThanTheMinimumIsAccepted(String cron) {
        CronSchedule.parse(cron, FIFTEEN_MINUTES);
    }

    @Test
    void aBadExpressionIsRefusedWithoutEchoingIt() {
        BadRequest refused = assertThrows(BadRequest.class,
                () -> CronSchedule.parse("every night " + "x".repeat(10_000), FIFTEEN_MINUTES));
        assertEquals("cron is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week"
                + " [year], e.g. \"0 0 3 * * ?\")", refused.getMessage());
    }

    @Test
    void theLastFireBeforeAMomentIsTheOneAStartUpCatchesUp() {
        ZonedDateTime now = ZonedDateTime.of(2026, 3, 10, 9, 30, 0, 0, ZoneOffset.systemDefault());
        assertEquals(Optional.of(now.withHour(3).withMinute(0)), CronSchedule.parse("0 0 3 * * ?").lastFireBefore(now));
    }
}
