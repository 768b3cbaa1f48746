package dev.planetary.ui.target;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.ui.review.ChangeDetailView;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.KaribuIT;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Carol reviews on the default target and on staging, and may only read on production (TestStack):
 * the UI follows her rights on the target her session works on, and the header says which they are.
 */
class TargetRightsViewIT extends KaribuIT {

    private String proposeOn(String target, TestStack.SideTarget database, String table) {
        database.asOwner("CREATE TABLE IF NOT EXISTS app." + table + " (id int)");
        Api.Response proposed = api.post("alice", "/api/changes", """
                {"target": "%s", "spec": {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"%s"},"grantee":"app_reader"}}""".formatted(target, table));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.body().path("dryRunStatus").asText()).isEqualTo("PASSED");
        return proposed.body().path("id").asText();
    }

    private List<String> buttons() {
        return _find(Button.class).stream().map(b -> b.getId().orElse("")).filter(id -> !id.isEmpty()).toList();
    }

    @Test
    void a_reviewer_on_staging_who_only_reads_production_is_offered_approval_on_staging_only() {
        String onProduction = proposeOn("production", TestStack.PRODUCTION, "rights_prod");
        String onStaging = proposeOn("staging", TestStack.STAGING, "rights_staging");
        signIn("carol", PlanetaryRight.REVIEWER);

        CurrentTarget.choose(TargetId.of("production"));
        UI.getCurrent().navigate(ChangeDetailView.class, ChangeDetailView.parameters(onProduction));
        assertThat(buttons()).doesNotContain("approve", "reject");
        assertThat(_get(Span.class, s -> s.withId("signed-in-as")).getText()).isEqualTo("carol · viewer");

        CurrentTarget.choose(TargetId.of("staging"));
        UI.getCurrent().navigate(ChangeDetailView.class, ChangeDetailView.parameters(onStaging));
        assertThat(buttons()).contains("approve", "reject");
        assertThat(_get(Span.class, s -> s.withId("signed-in-as")).getText()).isEqualTo("carol · reviewer");
    }
}
