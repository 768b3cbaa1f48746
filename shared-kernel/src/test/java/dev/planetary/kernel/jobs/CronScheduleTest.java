package dev.planetary.kernel.jobs;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronScheduleTest {

    private static final ZonedDateTime WEDNESDAY_NOON = ZonedDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void schedules_are_said_in_words() {
        assertThat(CronSchedule.parse("* * * * *").describe()).isEqualTo("every minute");
        assertThat(CronSchedule.parse("*/5 * * * *").describe()).isEqualTo("every 5 minutes");
        assertThat(CronSchedule.parse("30 3 * * *").describe()).isEqualTo("at 03:30 every day");
        assertThat(CronSchedule.parse("0 0 * * mon,fri").describe()).isEqualTo("at 00:00 on Monday and Friday");
        assertThat(CronSchedule.parse("15 * * * *").describe()).isEqualTo("at minute 15 of every hour");
        assertThat(CronSchedule.parse("0 */6 * * *").describe()).isEqualTo("every 6 hours at minute 0");
        assertThat(CronSchedule.parse("0 2 1 * *").describe()).isEqualTo("at 02:00 on day 1 of the month");
        assertThat(CronSchedule.parse("0 2 1 jan *").describe()).isEqualTo("at 02:00 on day 1 of the month in January");
        assertThat(CronSchedule.parse("@daily").describe()).isEqualTo("at 00:00 every day");
        assertThat(CronSchedule.parse("0 9 * * 1-5").describe()).isEqualTo("at 09:00 on Monday to Friday");
    }

    @Test
    void the_next_runs_are_computed_from_a_moment_in_the_schedules_time_zone() {
        assertThat(CronSchedule.parse("*/15 * * * *").next(WEDNESDAY_NOON, 3)).containsExactly(
                WEDNESDAY_NOON.plusMinutes(15), WEDNESDAY_NOON.plusMinutes(30), WEDNESDAY_NOON.plusMinutes(45));
        assertThat(CronSchedule.parse("0 0 * * 7").next(WEDNESDAY_NOON, 2)).containsExactly(
                ZonedDateTime.of(2026, 12, 6, 0, 0, 0, 0, ZoneOffset.UTC), ZonedDateTime.of(2026, 12, 13, 0, 0, 0, 0, ZoneOffset.UTC));
        // day of month or day of week, as Vixie cron and pg_cron read it
        assertThat(CronSchedule.parse("0 0 10 * sat").next(WEDNESDAY_NOON, 3)).containsExactly(
                ZonedDateTime.of(2026, 12, 5, 0, 0, 0, 0, ZoneOffset.UTC), ZonedDateTime.of(2026, 12, 10, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(2026, 12, 12, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(CronSchedule.parse("0 0 30 feb *").next(WEDNESDAY_NOON, 5)).as("never").isEqualTo(List.of());
        assertThat(CronSchedule.parse("0 12 * * *").next(WEDNESDAY_NOON, 1)).as("after, not at")
                .containsExactly(WEDNESDAY_NOON.plusDays(1));
    }

    @Test
    void a_wrong_schedule_says_which_field_and_why() {
        assertThatThrownBy(() -> CronSchedule.parse("* * * *")).hasMessageContaining("five fields").hasMessageContaining("not 4");
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * *")).hasMessageContaining("the minute field takes 0 to 59, not 61");
        assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *")).hasMessageContaining("hour field takes 0 to 23");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * foo *")).hasMessageContaining("month field has 'foo'");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 5-1 * *")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * * 1,")).hasMessageContaining("empty item");
        assertThatThrownBy(() -> CronSchedule.parse("@reboot")).hasMessageContaining("not a shorthand");
        assertThatThrownBy(() -> CronSchedule.parse("*/0 * * * *")).hasMessageContaining("takes 1 to 59, not 0");
        assertThatThrownBy(() -> CronSchedule.parse("'; DROP TABLE x; -- * * * *")).isInstanceOf(IllegalArgumentException.class);
    }
}
