package dev.planetary.ui.e2e;

import dev.planetary.ui.support.CronTarget;
import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.ReplicationServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replication page in Chromium on the two Debian servers: the slot at risk called out on top and its bar in
 * the error colour, the publications with a table that would fail, the subscription streaming, and a publication
 * opened to its tables. Screenshots: target/e2e-screenshots/replication-*.png.
 */
class ReplicationE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void chromium() throws Exception {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void servers() {
        CronTarget.ready(api);
        ReplicationServers.ready();
    }

    @Test
    void an_operator_reads_the_slots_publications_subscriptions_and_foreign_servers() throws Exception {
        try (Browser bob = Browser.open(port)) {
            bob.signIn("bob");
            bob.workOn(CronTarget.ID);
            bob.get("/replication");
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("replication-risk-" + ReplicationServers.FORGOTTEN)));
            assertThat(bob.driver.findElement(By.id("replication-slots")).getText()).contains(ReplicationServers.FORGOTTEN, "orders_in",
                    "inactive");
            assertThat(bob.driver.findElement(By.id("replication-subscriptions")).getText()).contains(ReplicationServers.PRICES);
            bob.shot("replication-01-page");

            bob.scrollTo(bob.driver.findElement(By.id("replication-publications")));
            bob.driver.findElement(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + ReplicationServers.LOG + "']")).click();
            bob.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("replication-tables-" + ReplicationServers.LOG)));
            assertThat(bob.driver.findElement(By.id("replication-publications")).getText()).contains("no primary key to identify rows");
            bob.shot("replication-02-publication-tables");

            bob.scrollTo(bob.driver.findElement(By.id("replication-foreign-servers")));
            // the grid may scroll the button out of view: clicked as a script would
            bob.script("arguments[0].click()", bob.driver.findElement(By.id("replication-test-" + ReplicationServers.REACHABLE_SERVER)));
            bob.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("replication-fdw-result"),
                    "Reached foreign server " + ReplicationServers.REACHABLE_SERVER));
            assertThat(bob.driver.findElement(By.tagName("body")).getText()).doesNotContain(ReplicationServers.FDW_PASSWORD);
            bob.shot("replication-03-subscriptions-and-foreign-servers");
        }
    }

    @Test
    void a_requester_opens_the_demo_publication_and_proposes_to_change_it() throws Exception {
        try (Browser alice = Browser.open(port)) {
            alice.signIn("alice");
            alice.get("/replication");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("replication-publications")));
            alice.driver.findElement(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='billing_out']")).click();
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("replication-publications"),
                    "WHERE (status <> 'void'::text)"));
            alice.shot("replication-04-demo-publication");

            alice.driver.findElement(By.id("replication-propose-alter-publication-billing_out")).click();
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("alter-publication-add")));
            assertThat(alice.driver.findElement(By.cssSelector("#alter-publication-name input")).getAttribute("value")).isEqualTo("billing_out");
            alice.shot("replication-05-alter-form");

            alice.get("/propose?kind=create-publication");
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("create-publication-tables")));
            alice.driver.findElement(By.cssSelector("#create-publication-name input")).sendKeys("warehouse_feed");
            alice.shot("replication-06-create-form");
        }
    }
}
