package dev.planetary.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.review.ReviewQueueView;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class ReviseAndQueueViewIT extends KaribuIT {

    @Test
    void a_requester_revises_a_change_whose_dry_run_failed() {
        String id = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"not_there"},"grantee":"karen"}""").path("id").asText();
        signIn("alice", PlanetaryRight.REQUESTER);
        UI.getCurrent().navigate("propose", QueryParameters.of("revise", id));

        @SuppressWarnings("unchecked")
        ComboBox<String> table = _get(ComboBox.class, c -> c.withLabel("Table or view"));
        assertThat(_get(TextField.class, t -> t.withLabel("Title (optional)")).getValue()).contains("not_there");
        _setValue(table, "customer");
        _click(_get(Button.class, b -> b.withId("propose")));

        // The read model follows the events asynchronously: wait for the revision's dry-run outcome.
        var revised = api.await(id, c -> c.path("revision").asInt() == 2 && !"PENDING".equals(c.path("dryRunStatus").asText()));
        assertThat(revised.path("revision").asInt()).isEqualTo(2);
        assertThat(revised.path("dryRunStatus").asText()).isEqualTo("PASSED");
        assertThat(revised.path("plan").path("statements").get(0).path("sql").asText()).contains("\"customer\"");
    }

    @Test
    void the_queue_filters_by_object_and_risk() {
        STACK.asOwner("CREATE TABLE app.queue_probe (id int)", "GRANT SELECT ON app.queue_probe TO karen");
        String low = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["INSERT"],
                 "table":{"schema":"app","name":"queue_probe"},"grantee":"karen"}""").path("id").asText();
        String high = api.propose("alice", """
                {"kind":"table-privilege","action":"REVOKE","privileges":["SELECT"],
                 "table":{"schema":"app","name":"queue_probe"},"grantee":"karen"}""").path("id").asText();
        signIn("victor", PlanetaryRight.VIEWER);
        UI.getCurrent().navigate(ReviewQueueView.class);
        @SuppressWarnings("unchecked")
        Grid<ChangeView> grid = _get(Grid.class);

        _setValue(_get(TextField.class, t -> t.withLabel("Object")), "app.queue_probe");
        assertThat(ids(grid)).containsExactlyInAnyOrder(low, high);

        @SuppressWarnings("unchecked")
        Select<String> risk = _get(Select.class, s -> s.withLabel("Risk"));
        _setValue(risk, "HIGH");
        assertThat(ids(grid)).containsExactly(high);
    }

    private static List<String> ids(Grid<ChangeView> grid) {
        return _fetch(grid, 0, 100).stream().map(ChangeView::id).toList();
    }
}
