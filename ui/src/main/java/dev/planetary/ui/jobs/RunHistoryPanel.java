package dev.planetary.ui.jobs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.planetary.kernel.jobs.CronJob;
import dev.planetary.kernel.jobs.JobFailedEvent;
import dev.planetary.kernel.jobs.JobRun;
import dev.planetary.kernel.jobs.JobRunsQuery;
import dev.planetary.ui.target.CurrentTarget;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every job's runs, newest first, narrowed by job, status and how far back: what a DBA reads after "the
 * nightly job failed" (each failure's error on its line), from pg_cron's own run history.
 */
class RunHistoryPanel extends VerticalLayout {

    static final String ANY = "any";
    private static final int LIMIT = 200;
    private static final DateTimeFormatter RAN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss").withZone(ZoneId.systemDefault());
    /** How far back, in the order offered. */
    private static final Map<String, Duration> WINDOWS = windows();

    private final QueryGateway queries;
    private final Map<Long, CronJob> jobs;
    final ComboBox<CronJob> job = new ComboBox<>("Job");
    final Select<String> status = new Select<>();
    final Select<String> window = new Select<>();
    final Grid<JobRun> grid = new Grid<>(JobRun.class, false);
    private final Span count = new Span();

    RunHistoryPanel(QueryGateway queries, List<CronJob> jobs) {
        this.queries = queries;
        this.jobs = jobs.stream().collect(Collectors.toMap(CronJob::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        setPadding(false);
        setSizeFull();
        job.setItems(jobs);
        job.setItemLabelGenerator(JobsView::name);
        job.setClearButtonVisible(true);
        job.setPlaceholder("every job");
        job.setId("runs-job");
        status.setLabel("Status");
        List<String> statuses = new java.util.ArrayList<>(List.of(ANY));
        statuses.addAll(JobRun.STATUSES);
        status.setItems(statuses);
        status.setValue(ANY);
        status.setId("runs-status");
        window.setLabel("Started");
        window.setItems(WINDOWS.keySet());
        window.setValue("in the last day");
        window.setId("runs-window");
        count.addClassName("health-note");
        count.setId("runs-count");
        HorizontalLayout filters = new HorizontalLayout(job, status, window, count);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        grid.setId("runs-grid");
        grid.addColumn(run -> name(run.jobId())).setHeader("Job").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(RunHistoryPanel::status)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(run -> run.start() == null ? "" : RAN.format(run.start())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(run -> run.duration() == null ? "" : JobsView.millis(run.duration())).setHeader("Took").setAutoWidth(true);
        grid.addColumn(JobRun::message).setHeader("What the server said").setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPartNameGenerator(run -> run.failed() ? "failed-run" : null);
        grid.setSizeFull();
        job.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        window.addValueChangeListener(e -> refresh());
        add(filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    void refresh() {
        Duration back = WINDOWS.get(window.getValue());
        List<JobRun> runs = queries.query(new JobRunsQuery(CurrentTarget.id(), job.getValue() == null ? null : job.getValue().id(),
                ANY.equals(status.getValue()) ? null : status.getValue(), back == null ? null : Clock.systemUTC().instant().minus(back),
                LIMIT), ResponseTypes.multipleInstancesOf(JobRun.class)).join();
        grid.setItems(runs);
        long failed = runs.stream().filter(JobRun::failed).count();
        count.setText(runs.size() == LIMIT ? "the latest " + LIMIT + " runs" : runs.size() + " runs" + (failed == 0 ? "" : " · " + failed + " failed"));
    }

    private String name(long jobId) {
        CronJob known = jobs.get(jobId);
        return known == null ? JobFailedEvent.display(null, jobId) : JobsView.name(known);
    }

    static Component status(JobRun run) {
        Span status = new Span(run.status());
        status.getElement().getThemeList().add("badge small " + (run.failed() ? "error" : run.succeeded() ? "success" : "contrast"));
        return status;
    }

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("in the last hour", Duration.ofHours(1));
        windows.put("in the last day", Duration.ofDays(1));
        windows.put("in the last week", Duration.ofDays(7));
        windows.put("at any time", null);
        return windows;
    }
}
