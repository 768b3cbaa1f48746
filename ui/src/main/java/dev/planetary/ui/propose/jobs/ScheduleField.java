package dev.planetary.ui.propose.jobs;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.jobs.CronSchedule;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cron expression builder: common schedules to start from, the expression itself (checked as it is
 * typed, the wrong field named), and under it the schedule in words with its next five runs in GMT, the
 * time zone pg_cron 1.4 reads schedules in.
 */
final class ScheduleField {

    /** Starting points, in words, with their expression. */
    private static final Map<String, String> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("Every minute", "* * * * *");
        PRESETS.put("Every 5 minutes", "*/5 * * * *");
        PRESETS.put("Every 15 minutes", "*/15 * * * *");
        PRESETS.put("Every hour", "0 * * * *");
        PRESETS.put("Every day at 03:00", "0 3 * * *");
        PRESETS.put("Weekdays at 07:00", "0 7 * * 1-5");
        PRESETS.put("Sundays at 02:00", "0 2 * * 0");
        PRESETS.put("First day of the month at 04:00", "0 4 1 * *");
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

    final ComboBox<String> presets = new ComboBox<>("Start from");
    final Div preview = new Div();
    private final TextField expression;

    ScheduleField(TextField expression, String idPrefix) {
        this.expression = expression;
        expression.setValueChangeMode(ValueChangeMode.LAZY);
        expression.setPlaceholder("minute hour day-of-month month day-of-week");
        expression.setId(idPrefix + "-schedule");
        presets.setItems(PRESETS.keySet());
        presets.setId(idPrefix + "-preset");
        presets.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                expression.setValue(PRESETS.get(e.getValue()));
            }
        });
        preview.setId(idPrefix + "-schedule-preview");
        preview.addClassName("health-note");
        expression.addValueChangeListener(e -> show());
    }

    /** Says the schedule in words with its next runs, or why it is not one. */
    private void show() {
        preview.removeAll();
        String text = expression.getValue();
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            CronSchedule schedule = CronSchedule.parse(text);
            List<ZonedDateTime> next = schedule.next(ZonedDateTime.now(ZoneOffset.UTC), 5);
            preview.add(new Div(new Span("Runs " + schedule.describe() + ". Next (GMT): "
                    + (next.isEmpty() ? "never" : String.join(" · ", next.stream().map(WHEN::format).toList())))));
        } catch (IllegalArgumentException e) {
            preview.add(new Span(e.getMessage()));
        }
    }
}
