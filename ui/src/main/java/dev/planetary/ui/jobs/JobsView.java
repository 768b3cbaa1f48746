package dev.planetary.ui.jobs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.change.query.FindHistoryQuery;
import dev.planetary.kernel.change.query.HistoryEntries;
import dev.planetary.kernel.change.query.HistoryEntry;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.jobs.CronJob;
import dev.planetary.kernel.jobs.CronSchedule;
import dev.planetary.kernel.jobs.JobFailedEvent;
import dev.planetary.kernel.jobs.JobRun;
import dev.planetary.kernel.jobs.JobRunsQuery;
import dev.planetary.kernel.jobs.Jobs;
import dev.planetary.kernel.jobs.JobsQuery;
import dev.planetary.kernel.spec.jobs.AlterJobSpec;
import dev.planetary.kernel.spec.jobs.JobTemplates;
import dev.planetary.kernel.spec.jobs.ScheduleJobSpec;
import dev.planetary.kernel.spec.jobs.UnscheduleJobSpec;
import dev.planetary.ui.propose.jobs.ScheduleJobForm;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.TargetUnreachableException;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Operations → Jobs: the target's pg_cron jobs with their schedule in cron syntax and in words, the next
 * runs (in the time zone pg_cron reads schedules in), the SQL, where and as whom it runs, whether it is
 * active and how its last run went; a job opens to its latest runs with their errors. Where pg_cron is
 * missing the page says what to install; requesters schedule and change jobs through reviewed changes.
 */
@Route(value = "jobs", layout = MainLayout.class)
@PageTitle("Jobs · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class JobsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter RAN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss");

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ZoneId zone;
    private Grid<CronJob> jobsGrid;

    public JobsView(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
        setSizeFull();
        Jobs jobs = TargetUnreachableException.await(queries.query(new JobsQuery(CurrentTarget.id()), Jobs.class));
        zone = zone(jobs.timeZone());
        HorizontalLayout heading = new HorizontalLayout(new H2("Scheduled jobs"));
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (jobs.problem() == null && CurrentUser.has(PlanetaryRight.REQUESTER)) {
            heading.add(propose("Schedule a job", ScheduleJobSpec.KIND, Map.of()));
            if (jobs.jobs().stream().noneMatch(job -> JobTemplates.PURGE_RUNS_NAME.equals(job.name()))) {
                Button retention = propose("Keep " + JobTemplates.PURGE_RUNS_DAYS + " days of run history", ScheduleJobSpec.KIND,
                        Map.of("template", ScheduleJobForm.PURGE_RUNS));
                retention.setId("jobs-propose-retention");
                retention.setIcon(VaadinIcon.CALENDAR_CLOCK.create());
                retention.getElement().setAttribute("title", "pg_cron keeps every run's details forever: a nightly job deletes the older ones");
                heading.add(retention);
            }
        }
        add(heading);
        if (jobs.problem() != null) {
            add(callout(jobs.problem(), "jobs-problem"));
            return;
        }
        if (jobs.partial() != null) {
            Div partial = new Div(jobs.partial());
            partial.setId("jobs-partial");
            partial.addClassName("health-note");
            add(partial);
        }
        Span summary = new Span(jobs.jobs().size() + " jobs · " + jobs.jobs().stream().filter(CronJob::active).count() + " active · "
                + jobs.jobs().stream().filter(j -> j.lastRun() != null && j.lastRun().failed()).count() + " failed their last run"
                + " · schedules in " + jobs.timeZone());
        summary.setId("jobs-summary");
        summary.addClassName("health-note");
        add(summary);
        if (jobs.jobs().isEmpty()) {
            add(callout("No jobs yet. A job runs SQL on a schedule in this database: propose one, and it runs once it is approved.",
                    "jobs-empty"));
            return;
        }
        Grid<CronJob> grid = grid(jobs.jobs());
        jobsGrid = grid;
        TabSheet tabs = new TabSheet();
        tabs.setId("jobs-tabs");
        tabs.add("Jobs", grid);
        tabs.add("Run history", new RunHistoryPanel(queries, jobs.jobs()));
        tabs.setSizeFull();
        add(tabs);
        expand(tabs);
    }

    /** A job's name, or "job 7" for one pg_cron holds without a name. */
    static String name(CronJob job) {
        return JobFailedEvent.display(job.name(), job.id());
    }

    private Grid<CronJob> grid(List<CronJob> jobs) {
        Grid<CronJob> grid = new Grid<>(CronJob.class, false);
        grid.setId("jobs-grid");
        grid.addColumn(JobsView::name).setHeader("Job").setAutoWidth(true).setSortable(true);
        grid.addColumn(new ComponentRenderer<>(JobsView::schedule)).setHeader("Schedule").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::nextRuns)).setHeader("Next runs (" + zone.getId() + ")").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(JobsView::lastRun)).setHeader("Last run").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(JobsView::recentRuns)).setHeader("Latest runs").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(job -> code(job.command()))).setHeader("SQL").setFlexGrow(2).setWidth("14em");
        grid.addColumn(job -> job.username() + " in " + job.database()).setHeader("Runs as").setAutoWidth(true);
        grid.setItems(jobs);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        return grid;
    }

    private static Component schedule(CronJob job) {
        Span cron = code(job.schedule());
        Span words = new Span(job.scheduleInWords());
        words.addClassName("health-note");
        Div cell = new Div(cron, new Span(" "), words);
        if (!job.active()) {
            Span off = new Span("disabled");
            off.getElement().getThemeList().add("badge small contrast");
            cell.addComponentAsFirst(off);
            cell.addComponentAtIndex(1, new Span(" "));
        }
        return cell;
    }

    private Component nextRuns(CronJob job) {
        if (!job.active()) {
            return new Span("—");
        }
        try {
            ZonedDateTime now = ZonedDateTime.now(zone);
            List<ZonedDateTime> next = CronSchedule.parse(job.schedule()).next(now, 3);
            // today's runs by their time only; later ones with their day
            return new Span(next.isEmpty() ? "never" : String.join(" · ", next.stream()
                    .map(run -> (run.toLocalDate().equals(now.toLocalDate()) ? TODAY : WHEN).format(run)).toList()));
        } catch (IllegalArgumentException e) {
            return new Span(job.schedule());
        }
    }

    private static Component lastRun(CronJob job) {
        JobRun run = job.lastRun();
        if (run == null) {
            Span never = new Span("not run yet");
            never.addClassName("health-note");
            return never;
        }
        Span status = new Span(run.status());
        status.getElement().getThemeList().add("badge small " + (run.failed() ? "error" : run.succeeded() ? "success" : "contrast"));
        Span when = new Span(" " + (run.start() == null ? "" : RAN.format(run.start().atZone(ZoneId.systemDefault())))
                + (run.duration() == null ? "" : " · " + millis(run.duration())));
        when.addClassName("health-note");
        return new Div(status, when);
    }

    /** The latest runs as a strip of squares, oldest to newest: green succeeded, red failed, grey still running. */
    private static Component recentRuns(CronJob job) {
        Div strip = new Div();
        strip.addClassName("job-runs-strip");
        List<String> oldestFirst = new java.util.ArrayList<>(job.recent());
        java.util.Collections.reverse(oldestFirst);
        for (String status : oldestFirst) {
            Span square = new Span();
            square.addClassName("job-run-square");
            square.addClassName("failed".equals(status) ? "job-run-failed" : "succeeded".equals(status) ? "job-run-succeeded" : "job-run-other");
            square.getElement().setAttribute("title", status);
            strip.add(square);
        }
        return strip;
    }

    /**
     * A job's latest runs, with each failure's error, and what Planetary did with it (its changes, runs started
     * from here, failures and missed runs reported); for requesters its change forms, for operators "Run now".
     */
    private Component details(CronJob job) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        HorizontalLayout actions = new HorizontalLayout();
        if (CurrentUser.has(PlanetaryRight.REQUESTER) && job.name() != null) {
            actions.add(propose(job.active() ? "Disable or change" : "Enable or change", AlterJobSpec.KIND,
                    Map.of("job", job.name())), propose("Unschedule", UnscheduleJobSpec.KIND, Map.of("job", job.name())));
        }
        if (CurrentUser.has(PlanetaryRight.OPERATOR) && job.name() != null) {
            // once started, the job's details show the start at once, and its outcome when reopened
            Button run = new Button("Run now", VaadinIcon.PLAY.create(), e -> new RunNowDialog(commands, job,
                    () -> jobsGrid.getDataProvider().refreshItem(job)).open());
            run.addThemeVariants(ButtonVariant.LUMO_SMALL);
            run.setId("jobs-run-now");
            actions.add(run);
        }
        if (actions.getComponentCount() > 0) {
            box.add(actions);
        }
        List<JobRun> runs = queries.query(new JobRunsQuery(CurrentTarget.id(), job.id(), null, null, 20),
                ResponseTypes.multipleInstancesOf(JobRun.class)).join();
        box.add(new H4(runs.isEmpty() ? "No runs yet" : "Latest runs"));
        for (JobRun run : runs) {
            Span status = new Span(run.status());
            status.getElement().getThemeList().add("badge small " + (run.failed() ? "error" : run.succeeded() ? "success" : "contrast"));
            Div line = new Div(status, new Span(" " + (run.start() == null ? "" : RAN.format(run.start().atZone(ZoneId.systemDefault())))
                    + (run.duration() == null ? "" : " · " + millis(run.duration())) + (run.message() == null ? "" : " · " + run.message())));
            line.addClassName("job-run");
            box.add(line);
        }
        if (job.name() != null) {
            box.add(planetaryHistory(job.name()));
        }
        return box;
    }

    /** What Planetary recorded of the job: runs started from here and their outcome, failures and missed runs, its applied changes. */
    private Component planetaryHistory(String job) {
        List<HistoryEntry> entries = queries.query(new FindHistoryQuery(null, job, null, null, null, 50, 0, CurrentTarget.id()),
                        HistoryEntries.class).join().entries().stream()
                .filter(entry -> entry.event().startsWith("job-") || "applied".equals(entry.event())).limit(12).toList();
        Div section = new Div(new H4(entries.isEmpty() ? "Nothing recorded in Planetary yet" : "Recorded in Planetary"));
        section.setId("job-history");
        for (HistoryEntry entry : entries) {
            Span event = new Span(entry.event());
            event.getElement().getThemeList().add("badge small " + (entry.event().endsWith("failed") || "job-late".equals(entry.event())
                    ? "error" : entry.event().endsWith("succeeded") || "applied".equals(entry.event()) ? "success" : "contrast"));
            Span meta = new Span(" " + RAN.format(entry.at().atZone(ZoneId.systemDefault())) + " · " + entry.actor() + " · ");
            meta.addClassName("health-note");
            Div line = new Div(event, meta, new Span(entry.summary()));
            line.addClassName("job-run");
            section.add(line);
        }
        return section;
    }

    private static Button propose(String label, String kind, Map<String, String> parameters) {
        Map<String, String> query = new java.util.HashMap<>(parameters);
        query.put("kind", kind);
        Button button = new Button(label, (ScheduleJobSpec.KIND.equals(kind) ? VaadinIcon.PLUS : UnscheduleJobSpec.KIND.equals(kind)
                ? VaadinIcon.TRASH : VaadinIcon.EDIT).create(), e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate("propose", QueryParameters.simple(query))));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId("jobs-propose-" + kind);
        return button;
    }

    static String millis(Duration duration) {
        long ms = duration.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static Span code(String text) {
        Span code = new Span(text);
        code.addClassName("config-code");
        code.getElement().setAttribute("title", text == null ? "" : text);
        return code;
    }

    private static Div callout(String text, String id) {
        Div callout = new Div(text);
        callout.addClassName("health-callout");
        callout.setId(id);
        return callout;
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of("GMT".equals(name) ? "GMT" : name);
        } catch (RuntimeException e) {
            return ZoneId.of("GMT");
        }
    }
}
