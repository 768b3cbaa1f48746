package dev.planetary.ui.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.jobs.CronJob;
import dev.planetary.kernel.jobs.JobRun;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.testsupport.DebianPostgres;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.CronTarget;
import dev.planetary.ui.support.KaribuIT;
import dev.planetary.ui.support.TestStack;
import dev.planetary.ui.target.CurrentTarget;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pg_cron jobs on a real pg_cron (Debian's PostgreSQL 15 with postgresql-15-cron, registered as target
 * "cron" at run time): a job scheduled through an approved change runs within two minutes and its run is
 * listed, a failing job's error is listed with its run, disabling and unscheduling are changes with their
 * inverse, an invalid cron expression is a 400 naming the field, and the jobs page shows it all.
 */
class JobsIT extends KaribuIT {

    private static final String TARGET = CronTarget.ID;

    @BeforeEach
    void cronTarget() {
        CronTarget.ready(api);
    }

    @Test
    void a_job_scheduled_through_an_approved_change_runs_within_two_minutes_and_its_run_is_listed() throws Exception {
        String id = CronTarget.tickChange();
        JsonNode job = job("tick");
        assertThat(job.path("username").asText()).isEqualTo("planetary_ddl");
        assertThat(job.path("database").asText()).isEqualTo(DebianPostgres.CRON_DATABASE);
        assertThat(job.path("active").asBoolean()).isTrue();
        JsonNode run = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2))
                .until(() -> api.get("victor", "/api/jobs/runs?target=" + TARGET + "&job=" + job.path("id").asLong()).body(),
                        runs -> StreamSupport.stream(runs.spliterator(), false).anyMatch(r -> r.path("status").asText().equals("succeeded")))
                .get(0);
        assertThat(run.path("message").asText()).isEqualTo("INSERT 0 1");
        assertThat(job("tick").path("recent").toString()).contains("succeeded");
        assertThat(job("tick").path("lastRun").path("status").asText()).isIn("succeeded", "starting", "running");
        assertThat(CronTarget.count("SELECT count(*) FROM app.job_tick")).isPositive();
        assertThat(api.get("victor", "/api/changes/" + id).body().path("risk").asText()).isEqualTo("HIGH");
    }

    @Test
    void a_job_is_disabled_and_unscheduled_through_changes_each_with_its_inverse() {
        // a job of its own: "tick" and "divide" keep running for the other tests
        applied("""
                {"kind": "schedule-job", "name": "weekly", "schedule": "0 4 * * sun", "command": "ANALYZE app.job_tick"}""");
        assertThat(job("weekly").path("active").asBoolean()).isTrue();
        String disabled = applied("{\"kind\": \"alter-job\", \"name\": \"weekly\", \"active\": false}");
        assertThat(job("weekly").path("active").asBoolean()).isFalse();
        assertThat(inverse(disabled)).endsWith("active := true)");
        String unscheduled = applied("{\"kind\": \"unschedule-job\", \"name\": \"weekly\"}");
        assertThat(api.get("victor", "/api/jobs?target=" + TARGET).body().path("jobs").findValuesAsText("name")).doesNotContain("weekly");
        JsonNode undo = api.get("victor", "/api/changes/" + unscheduled).body().path("plan").path("inverse");
        assertThat(undo.get(0).path("sql").asText()).isEqualTo("SELECT cron.schedule(E'weekly', E'0 4 * * sun', E'ANALYZE app.job_tick')");
        assertThat(undo.get(1).path("sql").asText()).as("it was disabled: scheduled again, then disabled").endsWith("active := false)");
    }

    @Test
    void a_failing_jobs_error_is_listed_with_its_run_and_shown_on_the_jobs_page() {
        long jobId = job("divide").path("id").asLong();
        JsonNode failed = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2))
                .until(() -> api.get("victor", "/api/jobs/runs?target=" + TARGET + "&failed=true").body(),
                        runs -> StreamSupport.stream(runs.spliterator(), false).anyMatch(r -> r.path("jobId").asLong() == jobId));
        assertThat(failed.get(0).path("message").asText()).contains("division by zero");

        signIn("victor", PlanetaryRight.VIEWER);
        CurrentTarget.choose(TargetId.of(TARGET));
        UI.getCurrent().navigate(JobsView.class);
        assertThat(_get(Span.class, s -> s.withId("jobs-summary")).getText()).contains("failed their last run", "schedules in GMT");
        Grid<CronJob> grid = jobsGrid();
        assertThat(grid.getGenericDataView().getItems().map(CronJob::name)).contains("divide");
        assertThat(grid.getGenericDataView().getItems().filter(j -> "divide".equals(j.name())).findFirst().orElseThrow()
                .scheduleInWords()).isEqualTo("every minute");
    }

    @Test
    void an_invalid_cron_expression_is_a_400_naming_the_field_and_the_default_target_says_what_to_install() {
        Response bad = api.post("alice", "/api/changes", """
                {"target": "cron", "spec": {"kind": "schedule-job", "name": "bad", "schedule": "61 * * * *", "command": "SELECT 1"}}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("field").asText()).isEqualTo("spec.schedule");
        assertThat(bad.body().toString()).contains("the minute field takes 0 to 59, not 61");
        JsonNode demo = api.get("victor", "/api/jobs").body();
        assertThat(demo.path("problem").asText()).contains("pg_cron is not installed", "postgresql-15-cron", "shared_preload_libraries");

        signIn("victor", PlanetaryRight.VIEWER);
        UI.getCurrent().navigate(JobsView.class);
        assertThat(_get(Div.class, d -> d.withId("jobs-problem")).getText()).contains("CREATE EXTENSION pg_cron");
    }

    @Test
    void run_now_is_an_operators_action_recorded_with_why_and_what_ran_and_its_outcome() {
        String path = "/api/jobs/divide/run?target=" + TARGET;
        Response noReason = api.post("bob", path, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
        assertThat(api.post("alice", path, "{\"reason\": \"curious\"}").status()).as("requesters do not run jobs").isEqualTo(403);
        Response unknown = api.post("bob", "/api/jobs/nowhere/run?target=" + TARGET, "{\"reason\": \"curious\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("field").asText()).isEqualTo("job");

        Response started = api.post("bob", path, "{\"reason\": \"see the error for myself\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String runId = started.body().path("runId").asText();
        assertThat(started.body().path("command").asText()).isEqualTo("SELECT 1 / 0");
        JsonNode failed = await().atMost(Duration.ofSeconds(30)).until(() -> history("divide", "job-run-failed", runId), h -> !h.isMissingNode());
        assertThat(failed.path("summary").asText()).contains("started by bob failed", "division by zero");
        JsonNode asked = history("divide", "job-run-started", runId);
        assertThat(asked.path("actor").asText()).isEqualTo("bob");
        assertThat(asked.path("summary").asText()).contains("Why: see the error for myself", "It runs: SELECT 1 / 0");

        String tick = api.post("bob", "/api/jobs/tick/run?target=" + TARGET, "{\"reason\": \"fill the table\"}").body().path("runId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> history("tick", "job-run-succeeded", tick), h -> !h.isMissingNode());

        // on the page: operators have "Run now" under a job, viewers do not; the job lists what Planetary recorded
        signIn("bob", PlanetaryRight.REVIEWER, PlanetaryRight.OPERATOR);
        CurrentTarget.choose(TargetId.of(TARGET));
        UI.getCurrent().navigate(JobsView.class);
        Component operators = openDetails("tick");
        _get(operators, Button.class, b -> b.withId("jobs-run-now"));
        assertThat(_get(operators, Div.class, d -> d.withId("job-history")).getElement().getTextRecursively()).contains("job-run-succeeded",
                "fill the table");
        signIn("victor", PlanetaryRight.VIEWER);
        CurrentTarget.choose(TargetId.of(TARGET));
        UI.getCurrent().navigate(JobsView.class);
        _assertNone(openDetails("tick"), Button.class, b -> b.withId("jobs-run-now"));
    }

    @Test
    void a_job_that_starts_failing_mails_the_targets_operators_once_and_the_history_keeps_each_failure() throws Exception {
        // "divide" fails every minute since the cron target was set up, after bob (an operator there) gave his address
        String subject = "[Planetary] Job divide failed on " + TARGET;
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TestStack.mails(subject), found -> !found.isEmpty());
        assertThat(Arrays.stream(mails.get(0).getRecipients(Message.RecipientType.TO)).map(Object::toString)).contains("bob@example.test");
        assertThat(GreenMailUtil.getBody(mails.get(0))).contains("division by zero", "once it has succeeded");
        // the failures after the first are kept in the history, and mail no one again
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2))
                .until(() -> api.get("victor", "/api/history?target=" + TARGET + "&object=divide&event=job-failed").body().size() >= 2);
        assertThat(TestStack.mails(subject)).hasSize(1);
    }

    @Test
    void the_run_history_is_narrowed_by_status_and_job() {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2))
                .until(() -> api.get("victor", "/api/jobs/runs?target=" + TARGET + "&status=failed").body().size() > 0);
        Response bad = api.get("victor", "/api/jobs/runs?target=" + TARGET + "&status=exploded");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("field").asText()).isEqualTo("status");
        assertThat(api.get("victor", "/api/jobs/runs?target=" + TARGET + "&since=yesterday").status()).isEqualTo(400);

        signIn("victor", PlanetaryRight.VIEWER);
        CurrentTarget.choose(TargetId.of(TARGET));
        UI.getCurrent().navigate(JobsView.class);
        _get(TabSheet.class, t -> t.withId("jobs-tabs")).setSelectedIndex(1);
        @SuppressWarnings("unchecked")
        Select<String> status = _get(Select.class, s -> s.withId("runs-status"));
        status.setValue("failed");
        @SuppressWarnings("unchecked")
        Grid<JobRun> runs = _get(Grid.class, g -> g.withId("runs-grid"));
        assertThat(runs.getGenericDataView().getItems()).isNotEmpty().allMatch(JobRun::failed);
        @SuppressWarnings("unchecked")
        ComboBox<CronJob> job = _get(ComboBox.class, c -> c.withId("runs-job"));
        CronJob tick = job.getGenericDataView().getItems().filter(j -> "tick".equals(j.name())).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).pollInSameThread().until(() -> {
            job.setValue(null);
            job.setValue(tick);
            status.setValue("succeeded");
            return runs.getGenericDataView().getItems().findAny().isPresent();
        });
        assertThat(runs.getGenericDataView().getItems()).allMatch(r -> r.jobId() == tick.id() && r.succeeded());
    }

    private JsonNode history(String job, String event, String runId) {
        return StreamSupport.stream(api.get("victor", "/api/history?target=" + TARGET + "&object=" + job + "&event=" + event).body()
                .spliterator(), false).filter(h -> runId.equals(h.path("changeId").asText())).findFirst()
                .orElse(MissingNode.getInstance());
    }

    /** The details under a job, as the grid renders them when the row is opened. */
    private static Component openDetails(String name) {
        Grid<CronJob> grid = jobsGrid();
        CronJob job = grid.getGenericDataView().getItems().filter(j -> name.equals(j.name())).findFirst().orElseThrow();
        grid.setDetailsVisible(job, true);
        return GridKt._getItemDetailsComponent(grid, job);
    }

    @SuppressWarnings("unchecked")
    private static Grid<CronJob> jobsGrid() {
        return _get(Grid.class, g -> g.withId("jobs-grid"));
    }

    private String applied(String spec) {
        return CronTarget.applied(api, spec);
    }

    private JsonNode job(String name) {
        return StreamSupport.stream(api.get("victor", "/api/jobs?target=" + TARGET).body().path("jobs").spliterator(), false)
                .filter(j -> name.equals(j.path("name").asText())).findFirst().orElseThrow();
    }

    private String inverse(String id) {
        return api.get("victor", "/api/changes/" + id).body().path("plan").path("inverse").get(0).path("sql").asText();
    }
}
