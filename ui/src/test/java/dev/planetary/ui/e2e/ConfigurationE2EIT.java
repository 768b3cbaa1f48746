package dev.planetary.ui.e2e;

import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration page in Chromium as a viewer sees it: the tree of categories, a search, and only
 * what differs from the default; the defaults a role sets. Screenshots: target/e2e-screenshots/config-*.png.
 */
class ConfigurationE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void chromium() throws Exception {
        Browser.assumeInstalled();
        STACK.asOwner("ALTER ROLE karen SET work_mem = '16MB'");
    }

    @AfterAll
    static void putBack() {
        STACK.asOwner("ALTER ROLE karen RESET work_mem");
    }

    @Test
    void a_viewer_reads_the_configuration_by_category_and_searches_it() throws Exception {
        try (Browser victor = Browser.open(port)) {
            victor.signIn("victor");
            victor.get("/configuration");
            victor.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-parameters"),
                    "Autovacuum"));
            victor.shot("config-01-by-category");

            WebElement search = victor.driver.findElement(By.cssSelector("#config-search input"));
            search.sendKeys("work_mem");
            // work_mem itself, and the parameters whose name or description names it
            victor.waiting(Duration.ofSeconds(10)).until(driver -> Integer.parseInt(
                    driver.findElement(By.id("config-shown")).getText().replace(" shown", "")) < 10);
            assertThat(victor.driver.findElement(By.id("config-parameters")).getText()).contains("maintenance_work_mem", "a SET in the session");
            victor.shot("config-02-search");

            search.clear();
            search.sendKeys(" ");
            victor.driver.findElement(By.cssSelector("#config-changed-only input")).click();
            String differ = victor.driver.findElement(By.id("config-summary")).getText().replaceAll(".* · (\\d+) differ.*", "$1");
            victor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-shown"),
                    differ + " shown"));
            victor.shot("config-03-changed-from-default");

            victor.driver.findElement(By.xpath("//vaadin-tab[contains(., 'Per role and database')]")).click();
            victor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-role-settings"),
                    "role karen, in every database"));
            victor.shot("config-04-per-role-and-database");
        }
    }
}
