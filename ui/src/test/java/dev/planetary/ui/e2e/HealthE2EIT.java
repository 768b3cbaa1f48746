package dev.planetary.ui.e2e;

import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.Sessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The health page in Chromium as Bob (operator) sees it while one session holds a lock two others wait
 * for: the overview's figures, the tables, the top statements, the wait graph drawn, and a cancel that
 * says why. Screenshots: target/e2e-screenshots/health-*.png.
 */
class HealthE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void workload() throws Exception {
        Browser.assumeInstalled();
        STACK.asOwner("CREATE SCHEMA IF NOT EXISTS e2e_health", "GRANT USAGE ON SCHEMA e2e_health TO alice, dave, carol",
                "CREATE TABLE IF NOT EXISTS e2e_health.reading (id int PRIMARY KEY, value numeric)",
                "GRANT ALL ON e2e_health.reading TO alice, dave, carol",
                "INSERT INTO e2e_health.reading SELECT g, g FROM generate_series(1, 20000) g ON CONFLICT DO NOTHING",
                "DELETE FROM e2e_health.reading WHERE id % 3 = 0",
                "CREATE INDEX IF NOT EXISTS reading_value_unused ON e2e_health.reading (value)");
        try (Connection connection = STACK.target(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < 30; i++) {
                statement.execute("SELECT avg(value) FROM e2e_health.reading WHERE id BETWEEN " + i + " AND " + (i + 500));
            }
        }
    }

    @Test
    void an_operator_sees_the_wait_graph_and_cancels_the_waiting_query() throws Exception {
        try (Connection holder = STACK.targetAs("alice", "demo-alice");
             Connection waiter = STACK.targetAs("dave", "demo-dave");
             Connection second = STACK.targetAs("carol", "demo-carol");
             Browser bob = Browser.open(port)) {
            holder.setClientInfo("ApplicationName", "invoice-batch");
            waiter.setClientInfo("ApplicationName", "postgrest");
            second.setClientInfo("ApplicationName", "report-job");
            int waiterPid = Sessions.pid(waiter);
            holder.setAutoCommit(false);
            Sessions.execute(holder, "UPDATE e2e_health.reading SET value = value + 1 WHERE id = 1");
            Sessions.execute(holder, "LOCK TABLE e2e_health.reading IN SHARE ROW EXCLUSIVE MODE");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> Sessions.execute(waiter,
                    "UPDATE e2e_health.reading SET value = 0 WHERE id = 1"));
            CompletableFuture<Void> alsoWaiting = CompletableFuture.runAsync(() -> Sessions.execute(second,
                    "SELECT id FROM e2e_health.reading WHERE id = 1 FOR UPDATE"));

            bob.signIn("bob");
            bob.get("/health");
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("health-cache")));
            bob.shot("health-01-overview");
            assertThat(bob.driver.findElement(By.id("health-connections")).getText()).contains("connections used");

            tab(bob, "Tables");
            WebElement filter = bob.waiting(Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#health-tables-filter input")));
            filter.sendKeys("e2e_health");
            bob.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("health-tables-summary"), "1 of"));
            bob.shot("health-02-tables");

            tab(bob, "Queries");
            bob.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("health-queries")));
            bob.shot("health-03-queries");

            tab(bob, "Locks");
            // the page reads again every ten seconds: wait for the picture of both waits
            bob.waiting(Duration.ofSeconds(40)).until(driver -> driver.findElements(By.cssSelector("#lock-tree .wait-node")).size() >= 3);
            bob.shot("health-04-lock-tree");
            assertThat(bob.driver.findElement(By.id("lock-tree")).getText()).contains("invoice-batch", "blocks 2 sessions");

            WebElement cancel = bob.driver.findElement(By.id("cancel-" + waiterPid));
            bob.scrollTo(cancel);
            cancel.click();
            WebElement reason = bob.waiting(Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#signal-reason textarea")));
            reason.sendKeys("holds up the invoice batch; PostgREST retries");
            bob.shot("health-05-cancel-dialog");
            bob.driver.findElement(By.id("signal-confirm")).click();
            assertThatThrownBy(waiting::join).isInstanceOf(CompletionException.class).hasMessageContaining("canceling statement");
            bob.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-notification-card")));
            bob.shot("health-06-cancelled");
            holder.rollback();
            alsoWaiting.join();
        }
    }

    @Test
    void a_requester_reads_the_index_advice_and_opens_the_create_index_form_filled_in() throws Exception {
        // a schema of their own: the other tests count e2e_health's tables and indexes
        STACK.asOwner("CREATE SCHEMA IF NOT EXISTS e2e_advice", "GRANT USAGE ON SCHEMA e2e_advice TO alice",
                "CREATE TABLE IF NOT EXISTS e2e_advice.booking (id int PRIMARY KEY, guest int, nights int, arrived date)",
                "GRANT SELECT ON e2e_advice.booking TO alice",
                "INSERT INTO e2e_advice.booking SELECT g, g % 2000, 1 + g % 9, DATE '2026-01-01' + g % 330 FROM generate_series(1, 40000) g"
                        + " ON CONFLICT DO NOTHING", "ANALYZE e2e_advice.booking");
        try (Connection app = STACK.targetAs("alice", "demo-alice");
             java.sql.PreparedStatement stays = app.prepareStatement(
                     "SELECT nights FROM e2e_advice.booking WHERE guest = ? AND arrived > DATE '2026-03-01'")) {
            for (int guest = 1; guest <= 8; guest++) {
                stays.setInt(1, guest);
                stays.executeQuery().close();
            }
        }
        try (Browser alice = Browser.open(port)) {
            alice.signIn("alice");
            alice.get("/indexes");
            WebElement tab = alice.waiting(Duration.ofSeconds(30)).until(
                    ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[contains(., 'Advice')]")));
            tab.click();
            assertThat(api.get("victor", "/api/health/indexes/advice").body().toString()).contains("\"table\":\"booking\"");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("index-advice"),
                    "e2e_advice.booking (guest)"));
            alice.shot("health-15-index-advice");
            WebElement propose = alice.driver.findElement(By.id("propose-booking_guest_idx"));
            alice.scrollTo(propose);
            propose.click();
            alice.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("kind=create-index"));
            // the card showed the same SQL: what counts is the form's own preview, beside its filled-in fields
            alice.waiting(Duration.ofSeconds(20)).until(driver -> driver.findElement(By.tagName("body")).getText()
                    .contains("CREATE INDEX CONCURRENTLY \"booking_guest_idx\" ON \"e2e_advice\".\"booking\""));
            assertThat(alice.driver.findElement(By.cssSelector("#index-keys input")).getAttribute("value")).isEqualTo("guest");
            alice.shot("health-16-create-index-from-advice");
        }
    }

    @Test
    void a_change_s_page_shows_the_statements_on_its_table_before_and_after_the_apply() throws Exception {
        STACK.asOwner("CREATE SCHEMA IF NOT EXISTS e2e_advice", "GRANT USAGE ON SCHEMA e2e_advice TO alice",
                "CREATE TABLE IF NOT EXISTS e2e_advice.parcel (id int PRIMARY KEY, depot int, weight numeric)",
                "GRANT SELECT ON e2e_advice.parcel TO alice",
                "INSERT INTO e2e_advice.parcel SELECT g, g % 800, g % 40 FROM generate_series(1, 120000) g ON CONFLICT DO NOTHING",
                "ANALYZE e2e_advice.parcel");
        parcels(6);
        String id = api.propose("alice", """
                {"kind": "create-index", "table": {"schema": "e2e_advice", "name": "parcel"}, "name": "parcel_depot_idx",
                 "keys": [{"column": "depot"}]}""").path("id").asText();
        api.approve("bob", id);
        api.approve("carol", id);
        assertThat(api.await(id, c -> c.path("status").asText().matches("APPLIED|FAILED")).path("status").asText()).isEqualTo("APPLIED");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("victor", "/api/changes/" + id + "/statements")
                .body().path("statements").size() > 0);
        parcels(9);
        try (Browser victor = Browser.open(port)) {
            victor.signIn("victor");
            victor.get("/changes/" + id);
            WebElement impact = victor.waiting(Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("statement-impact-grid")));
            victor.scrollTo(impact);
            victor.waiting(Duration.ofSeconds(10)).until(driver -> driver.findElement(By.tagName("body")).getText().contains("parcel"));
            assertThat(victor.driver.findElements(By.cssSelector("[data-direction='faster']"))).isNotEmpty();
            victor.shot("health-17-change-statements-before-after");
        }
    }

    private static void parcels(int times) throws Exception {
        try (Connection app = STACK.targetAs("alice", "demo-alice");
             java.sql.PreparedStatement weigh = app.prepareStatement("SELECT sum(weight) FROM e2e_advice.parcel WHERE depot = ?")) {
            for (int depot = 1; depot <= times; depot++) {
                weigh.setInt(1, depot);
                weigh.executeQuery().close();
            }
        }
    }

    @Test
    void a_requester_sees_the_unused_index_and_proposes_its_drop_in_one_click() throws Exception {
        try (Browser alice = Browser.open(port)) {
            alice.signIn("alice");
            alice.get("/indexes");
            WebElement filter = alice.waiting(Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#indexes-filter input")));
            filter.sendKeys("e2e_health");
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("indexes-summary"), "2 of"));
            alice.shot("health-07-indexes");
            WebElement fix = alice.driver.findElement(By.id("fix-reading_value_unused"));
            alice.scrollTo(fix);
            fix.click();
            // the SQL preview is highlighted word by word: read it as the person sees it
            alice.waiting(Duration.ofSeconds(20)).until(driver -> driver.findElement(By.tagName("body")).getText()
                    .contains("DROP INDEX CONCURRENTLY \"e2e_health\".\"reading_value_unused\""));
            assertThat(alice.driver.getCurrentUrl()).contains("/propose", "kind=drop-index");
            alice.shot("health-08-drop-proposed-from-the-index-manager");

            // the maintenance kinds' forms, opened on a table as the health pages open them
            alice.get("/propose?kind=vacuum&schema=e2e_health&table=reading");
            alice.waiting(Duration.ofSeconds(20)).until(driver -> driver.findElement(By.tagName("body")).getText()
                    .contains("VACUUM (ANALYZE) \"e2e_health\".\"reading\""));
            alice.shot("health-12-vacuum-form");
            alice.get("/propose?kind=table-storage&schema=e2e_health&table=reading");
            WebElement fillfactor = alice.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#storage-fillfactor input")));
            fillfactor.sendKeys("80");
            fillfactor.sendKeys(org.openqa.selenium.Keys.TAB);
            alice.waiting(Duration.ofSeconds(20)).until(driver -> driver.findElement(By.tagName("body")).getText()
                    .contains("SET (fillfactor = 80)"));
            alice.shot("health-13-table-storage-form");

            // a table's maintenance from the health page's Tables tab
            alice.get("/health");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("health-cache")));
            tab(alice, "Tables");
            WebElement tables = alice.waiting(Duration.ofSeconds(20)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#health-tables-filter input")));
            tables.sendKeys("e2e_health");
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("health-tables-summary"), "1 of"));
            alice.shot("health-14-tables-with-maintenance");
            alice.driver.findElement(By.xpath("//a[contains(@class, 'table-action') and contains(., 'Analyze')]")).click();
            alice.waiting(Duration.ofSeconds(20)).until(driver -> driver.findElement(By.tagName("body")).getText()
                    .contains("ANALYZE \"e2e_health\".\"reading\""));
        }
    }

    @Test
    void the_charts_over_time_mark_an_applied_change() throws Exception {
        api.applied("alice", "bob", """
                {"kind": "table-privilege", "action": "GRANT", "privileges": ["SELECT"],
                 "table": {"schema": "e2e_health", "name": "reading"}, "grantee": "karen"}""");
        // a few samples after the change (every 3 s in tests), so its line falls inside the charts
        try (Connection connection = STACK.target(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < 200; i++) {
                statement.execute("SELECT count(*) FROM e2e_health.reading WHERE id > " + i);
            }
        }
        try (Browser victor = Browser.open(port)) {
            victor.signIn("victor");
            victor.get("/health");
            victor.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("health-cache")));
            tab(victor, "Over time");
            String marks = "const el = document.getElementById('chart-connections');"
                    + " if (!el || !window.echarts || !echarts.getInstanceByDom(el)) { return -1; }"
                    + " const option = echarts.getInstanceByDom(el).getOption();"
                    + " const line = option.series[0].markLine; const marks = Array.isArray(line) ? line[0] : line;"
                    + " return option.series[0].data.length >= 3 && marks && marks.data ? marks.data.length : -1;";
            victor.waiting(Duration.ofSeconds(60)).until(driver -> {
                if (victor.script(marks) instanceof Number count && count.intValue() > 0) {
                    return true;
                }
                victor.driver.findElement(By.id("health-refresh")).click(); // too few samples yet: read again
                return false;
            });
            victor.shot("health-09-over-time");

            tab(victor, "Lints");
            victor.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("lint-count-warning")));
            assertThat(victor.driver.findElement(By.id("lints")).getText()).isNotBlank();
            victor.shot("health-10-lints");

            tab(victor, "Bloat");
            victor.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("bloat-summary"), "relations"));
            victor.driver.findElement(By.xpath("//vaadin-checkbox[contains(., 'Show every relation')]")).click();
            victor.waiting(Duration.ofSeconds(10)).until(driver -> {
                String shown = driver.findElement(By.id("bloat-summary")).getText();
                return !shown.startsWith("0 of");
            });
            victor.shot("health-11-bloat");
        }
    }

    private static void tab(Browser browser, String label) {
        browser.driver.findElement(By.xpath("//vaadin-tab[contains(., '" + label + "')]")).click();
    }
}
