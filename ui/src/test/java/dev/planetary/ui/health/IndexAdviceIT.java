package dev.planetary.ui.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.stream.StreamSupport;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Advice from a real workload on the embedded target (which has no hypopg: the candidates come
 * unpriced, with what to install; the priced path is WorkloadIndexAdvisorIT's, on Debian's server):
 * karen looks up visits by patient; the advice names the column, and "Propose this index" opens the
 * create-index form filled in, whose change applies. Once the index exists it is advised no more.
 */
class IndexAdviceIT extends KaribuIT {

    @BeforeAll
    static void workload() throws Exception {
        STACK.asOwner("CREATE SCHEMA adv_probe",
                "CREATE TABLE adv_probe.visit (id int PRIMARY KEY, patient int NOT NULL, ward text, seen_at timestamptz)",
                "INSERT INTO adv_probe.visit SELECT g, g % 3000, 'w' || g % 12, now() - g * interval '1 minute' FROM generate_series(1, 30000) g",
                "GRANT USAGE ON SCHEMA adv_probe TO karen", "GRANT SELECT ON adv_probe.visit TO karen", "ANALYZE adv_probe.visit");
        try (Connection karen = STACK.targetAs("karen", "demo-karen");
             PreparedStatement byPatient = karen.prepareStatement("SELECT ward, seen_at FROM adv_probe.visit WHERE patient = ?")) {
            for (int patient = 1; patient <= 6; patient++) {
                byPatient.setInt(1, patient);
                byPatient.executeQuery().close();
            }
        }
    }

    @Test
    void the_workload_advises_an_index_and_proposing_it_from_the_page_applies_it() {
        JsonNode report = api.get("victor", "/api/health/indexes/advice").body();
        assertThat(report.path("pricing").asText()).contains("postgresql-15-hypopg");
        JsonNode advice = visitAdvice(report);
        assertThat(advice).as(report.toString()).isNotNull();
        assertThat(advice.path("candidate").path("columns").toString()).isEqualTo("[\"patient\"]");
        assertThat(advice.path("statements").path(0).path("role").asText()).isEqualTo("karen");
        assertThat(advice.path("statements").path(0).path("calls").asLong()).isGreaterThanOrEqualTo(6);

        signIn("alice", PlanetaryRight.REQUESTER);
        UI.getCurrent().navigate(IndexesView.class);
        _get(TabSheet.class, t -> t.withId("indexes-tabs")).setSelectedIndex(1);
        assertThat(_get(Div.class, d -> d.withId("advice-pricing")).getText()).contains("CREATE EXTENSION hypopg");
        _click(_get(Button.class, b -> b.withId("propose-visit_patient_idx")));

        assertThat(_get(TextField.class, t -> t.withId("index-keys")).getValue()).isEqualTo("patient");
        assertThat(_get(TextField.class, t -> t.withId("index-name")).getValue()).isEqualTo("visit_patient_idx");
        _click(_get(Button.class, b -> b.withId("propose")));
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).startsWith("changes/");
        String id = path.substring("changes/".length());
        api.approve("bob", id);
        api.approve("carol", id);
        JsonNode change = api.await(id, c -> c.path("status").asText().matches("APPLIED|FAILED"));
        assertThat(change.path("status").asText()).as(change.toString()).isEqualTo("APPLIED");

        assertThat(visitAdvice(api.get("victor", "/api/health/indexes/advice").body())).as("advised no more").isNull();
    }

    private static JsonNode visitAdvice(JsonNode report) {
        return StreamSupport.stream(report.path("advice").spliterator(), false)
                .filter(a -> a.path("candidate").path("schema").asText().equals("adv_probe")
                        && a.path("candidate").path("table").asText().equals("visit")
                        && a.path("candidate").path("columns").path(0).asText().equals("patient"))
                .findFirst().orElse(null);
    }
}
