package dev.planetary.kernel.jobs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pg_cron schedule: five fields (minute, hour, day of month, month, day of week) as pg_cron's parser
 * (Vixie cron's) reads them: {@code *}, numbers, ranges {@code a-b}, steps {@code *}{@code /n} and {@code a-b/n},
 * lists, month and day names ({@code jan}, {@code mon}), Sunday as 0 or 7, and the {@code @hourly},
 * {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly} shorthands. As in Vixie cron, when
 * both the day of month and the day of week are restricted, a day matching either runs the job.
 * Read it with {@link #parse}, which says in words what is wrong; {@link #describe} says it in words;
 * {@link #next} computes the next runs in the time zone pg_cron uses.
 */
public final class CronSchedule {

    private static final Map<String, String> SHORTHANDS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** How far {@link #next} looks: a schedule such as "30 February" never runs. */
    private static final int SEARCH_DAYS = 366 * 5;

    private final String text;
    private final Field minute;
    private final Field hour;
    private final Field dayOfMonth;
    private final Field month;
    private final Field dayOfWeek;

    private CronSchedule(String text, Field minute, Field hour, Field dayOfMonth, Field month, Field dayOfWeek) {
        this.text = text;
        this.minute = minute;
        this.hour = hour;
        this.dayOfMonth = dayOfMonth;
        this.month = month;
        this.dayOfWeek = dayOfWeek;
    }

    /** One field: the values it allows, and whether it was {@code *} (restricts nothing). */
    private record Field(String name, BitSet values, boolean any, int min, int max) {

        boolean has(int value) {
            return values.get(value);
        }

        List<Integer> list() {
            return values.stream().boxed().toList();
        }
    }

    /** The schedule, or an {@link IllegalArgumentException} saying which field is wrong and why. */
    public static CronSchedule parse(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("a schedule has five fields: minute hour day-of-month month day-of-week");
        }
        String text = schedule.strip().replaceAll("\\s+", " ");
        String expanded = SHORTHANDS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
        if (expanded.startsWith("@")) {
            throw new IllegalArgumentException(text + " is not a shorthand pg_cron knows (@hourly, @daily, @weekly, @monthly, @yearly)");
        }
        String[] parts = expanded.split(" ");
        if (parts.length != 5) {
            throw new IllegalArgumentException("a schedule has five fields (minute hour day-of-month month day-of-week), not "
                    + parts.length + ": " + text);
        }
        Field dow = field("day of week", parts[4], 0, 7, DAYS);
        if (dow.values().get(7)) { // Sunday is 0 or 7
            dow.values().clear(7);
            dow.values().set(0);
        }
        return new CronSchedule(text, field("minute", parts[0], 0, 59, null), field("hour", parts[1], 0, 23, null),
                field("day of month", parts[2], 1, 31, null), field("month", parts[3], 1, 12, MONTHS), dow);
    }

    public String text() {
        return text;
    }

    /** The next {@code count} times it runs after {@code after} (exclusive), in {@code after}'s time zone. */
    public List<ZonedDateTime> next(ZonedDateTime after, int count) {
        List<ZonedDateTime> runs = new ArrayList<>();
        ZonedDateTime day = after.truncatedTo(ChronoUnit.DAYS);
        for (int d = 0; d <= SEARCH_DAYS && runs.size() < count; d++, day = day.plusDays(1)) {
            LocalDate date = day.toLocalDate();
            if (!runsOn(date)) {
                continue;
            }
            for (int h : hour.list()) {
                for (int m : minute.list()) {
                    ZonedDateTime run = date.atTime(h, m).atZone(after.getZone());
                    if (run.isAfter(after) && runs.size() < count) {
                        runs.add(run);
                    }
                }
            }
        }
        return runs;
    }

    private boolean runsOn(LocalDate date) {
        if (!month.has(date.getMonthValue())) {
            return false;
        }
        boolean domMatches = dayOfMonth.has(date.getDayOfMonth());
        boolean dowMatches = dayOfWeek.has(date.getDayOfWeek().getValue() % 7);
        if (!dayOfMonth.any() && !dayOfWeek.any()) {
            return domMatches || dowMatches;
        }
        return domMatches && dowMatches;
    }

    /** The schedule in words: "every 5 minutes", "at 03:30 every day", "at 00:00 on Monday and Friday". */
    public String describe() {
        String time = describeTime();
        String days = describeDays();
        String months = month.any() ? "" : " in " + names(month.list(), m -> java.time.Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        return time + days + months;
    }

    private String describeTime() {
        Integer minuteStep = step(minute);
        if (minute.any()) {
            return hour.any() ? "every minute" : "every minute during hour " + numbers(hour.list());
        }
        if (minuteStep != null && minuteStep > 1 && hour.any()) {
            return "every " + minuteStep + " minutes";
        }
        if (hour.any()) {
            return minute.list().size() == 1 ? "at minute " + minute.list().get(0) + " of every hour"
                    : "at minutes " + numbers(minute.list()) + " of every hour";
        }
        if (hourlyStep()) {
            return "every " + step(hour) + " hours at minute " + minute.list().get(0);
        }
        if (hour.list().size() * minute.list().size() <= 6) {
            List<String> times = new ArrayList<>();
            for (int h : hour.list()) {
                for (int m : minute.list()) {
                    times.add(String.format(Locale.ROOT, "%02d:%02d", h, m));
                }
            }
            return "at " + join(times);
        }
        return "at minutes " + numbers(minute.list()) + " of hours " + numbers(hour.list());
    }

    private String describeDays() {
        boolean periodic = minute.any() || hour.any() || hourlyStep();
        String weekdays = names(dayOfWeek.list(), d -> DayOfWeek.of(d == 0 ? 7 : d).getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        if (dayOfMonth.any() && dayOfWeek.any()) {
            return periodic ? "" : " every day";
        }
        if (dayOfMonth.any()) {
            return " on " + weekdays;
        }
        String monthDays = " on day " + numbers(dayOfMonth.list()) + " of the month";
        return dayOfWeek.any() ? monthDays : monthDays + " and on " + weekdays; // either day runs it
    }

    private boolean hourlyStep() {
        Integer hourStep = step(hour);
        return hourStep != null && hourStep > 1 && minute.list().size() == 1;
    }

    /** The step of a field written as an even progression from its first value (0, 15, 30, 45: 15), or null. */
    private static Integer step(Field field) {
        List<Integer> values = field.list();
        if (values.size() < 2 || values.get(0) != field.min()) {
            return null;
        }
        int step = values.get(1) - values.get(0);
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) - values.get(i - 1) != step) {
                return null;
            }
        }
        return values.get(values.size() - 1) + step > field.max() ? step : null;
    }

    private static String numbers(List<Integer> values) {
        return join(values.stream().map(String::valueOf).toList());
    }

    /** Names, a run of three or more consecutive values said as "Monday to Friday". */
    private static String names(List<Integer> values, java.util.function.IntFunction<String> name) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); ) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(name.apply(values.get(i)) + " to " + name.apply(values.get(j)));
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(name.apply(values.get(k)));
                }
            }
            i = j + 1;
        }
        return join(parts);
    }

    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Field field(String name, String text, int min, int max, List<String> names) {
        BitSet values = new BitSet();
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("the " + name + " field has an empty item: " + text);
            }
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(name, item.substring(slash + 1), 1, max, null);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max == 7 ? 6 : max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException("the " + name + " field has a range that is not a-b: " + item);
                }
                from = number(name, ends[0], min, max, names);
                to = number(name, ends[1], min, max, names);
                if (from > to) {
                    throw new IllegalArgumentException("the " + name + " field has a range that ends before it starts: " + item);
                }
            } else {
                from = number(name, range, min, max, names);
                to = slash >= 0 ? (max == 7 ? 6 : max) : from;
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return new Field(name, values, text.equals("*"), min, max == 7 ? 6 : max);
    }

    private static int number(String name, String text, int min, int max, List<String> names) {
        if (names != null) {
            int index = names.indexOf(text.toLowerCase(Locale.ROOT));
            if (index >= 0) {
                return names == MONTHS ? index + 1 : index;
            }
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException("the " + name + " field takes " + min + " to " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + name + " field has " + (text.isEmpty() ? "nothing" : "'" + text + "'")
                    + " where a number" + (names == null ? "" : " or a name (" + names.get(0) + ", " + names.get(1) + ", ...)") + " goes");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
