package dev.planetary.ui.e2e;

import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog pages and the audit log, which now read through query messages on the query bus,
 * opened in Chromium: each shows what the demo target holds (screenshots
 * target/e2e-screenshots/cat-*.png).
 */
class CatalogPagesE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void browser() throws Exception {
        Browser.assumeInstalled();
        // a policy reading a claim, on a table of this test's own, so the claims page has a row to show
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.e2e_claims (id int, tenant_id text)",
                "DROP POLICY IF EXISTS e2e_claims_tenant ON app.e2e_claims",
                "CREATE POLICY e2e_claims_tenant ON app.e2e_claims USING (tenant_id = current_setting('app.tenant_id', true))");
    }

    @Test
    void every_catalog_page_shows_the_demo_targets_objects() throws Exception {
        // page → what only a real answer from the target's catalog can put on it
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/catalog", "app");
        pages.put("/catalog/tables/app/invoice", "card_number");
        pages.put("/catalog/roles", "app_reader");
        pages.put("/catalog/roles/alice", "planetary_requester");
        pages.put("/catalog/privileges", "rawdDxt"); // the owner holds every privilege on the demo tables
        pages.put("/catalog/functions", "invoice_total");
        pages.put("/catalog/claims", "e2e_claims_tenant");
        pages.put("/audit", "audit server reachable");
        try (Browser operator = Browser.open(port)) {
            operator.signIn("bob");
            int n = 1;
            for (Map.Entry<String, String> page : pages.entrySet()) {
                operator.get(page.getKey());
                operator.waiting(Duration.ofSeconds(30)).until(
                        ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), page.getValue()));
                operator.shot(String.format("cat-%02d%s", n++, page.getKey().replace('/', '-')));
            }
        }
    }
}
