package dev.planetary.ui.e2e;

import dev.planetary.ui.support.CronTarget;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs page in Chromium on the pg_cron target: the jobs with their schedule in words, next runs and last
 * run; a failed run's error; the schedule form's builder with its preview of the next runs; and the page of a
 * target without pg_cron. Screenshots: target/e2e-screenshots/jobs-*.png.
 */
class JobsE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void chromium() throws Exception {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void cronTarget() {
        CronTarget.ready(api);
    }

    @Test
    void a_requester_reads_the_jobs_and_their_runs_and_schedules_one_with_the_builder() throws Exception {
        try (Browser alice = Browser.open(port)) {
            alice.signIn("alice");
            alice.get("/jobs");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("jobs-problem")));
            alice.shot("jobs-01-no-pg-cron");

            alice.workOn(CronTarget.ID);
            // the failing job's first run: within two minutes of its scheduling
            try {
                alice.waiting(Duration.ofSeconds(150)).pollingEvery(Duration.ofSeconds(3)).until(driver -> {
                    alice.get("/jobs");
                    return alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("jobs-summary")))
                            .getText().contains("1 failed their last run");
                });
            } catch (RuntimeException e) {
                alice.shot("jobs-failed");
                throw e;
            }
            assertThat(alice.driver.findElement(By.id("jobs-grid")).getText()).contains("divide", "tick", "every minute");
            alice.shot("jobs-02-list");

            alice.driver.findElement(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='divide']")).click();
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs-grid"),
                    "division by zero"));
            alice.shot("jobs-03-failed-run");

            alice.driver.findElement(By.id("jobs-propose-schedule-job")).click();
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-job-name")));
            alice.driver.findElement(By.cssSelector("#schedule-job-name input")).sendKeys("nightly-analyze");
            WebElement schedule = alice.driver.findElement(By.cssSelector("#schedule-job-schedule input"));
            schedule.sendKeys("0 3 * * 1-5");
            // the SQL is committed when the field is left, as a reviewer-facing text area is
            alice.driver.findElement(By.cssSelector("#schedule-job-command textarea")).sendKeys("ANALYZE app.invoice", Keys.TAB);
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("schedule-job-schedule-preview"), "Runs at 03:00 on Monday to Friday"));
            try {
                alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-preview"),
                        "cron.schedule"));
            } catch (RuntimeException e) {
                alice.shot("jobs-failed-form");
                throw e;
            }
            alice.shot("jobs-04-schedule-form");
        }
    }

    @Test
    void an_operator_runs_a_job_now_saying_why_and_reads_the_run_history() throws Exception {
        try (Browser bob = Browser.open(port)) {
            bob.signIn("bob");
            bob.workOn(CronTarget.ID);
            bob.get("/jobs");
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-grid-cell-content[normalize-space(.)='tick']"))).click();
            bob.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("jobs-run-now"))).click();
            bob.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#run-now-reason textarea")))
                    .sendKeys("the tick table looked stale");
            bob.shot("jobs-05-run-now");
            bob.driver.findElement(By.id("run-now-confirm")).click();
            bob.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-history"),
                    "the tick table looked stale"));
            bob.shot("jobs-06-run-recorded");

            bob.driver.findElement(By.xpath("//vaadin-tab[normalize-space(.)='Run history']")).click();
            bob.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs-grid"), "INSERT 0 1"));
            assertThat(bob.driver.findElement(By.id("runs-count")).getText()).contains("runs");
            bob.shot("jobs-07-run-history");
        }
    }
}
