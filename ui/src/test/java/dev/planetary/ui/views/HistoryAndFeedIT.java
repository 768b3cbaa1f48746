package dev.planetary.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.change.query.HistoryEntry;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.review.ChangeDetailView;
import dev.planetary.ui.review.ChangeFeed;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryAndFeedIT extends KaribuIT {

    @Autowired
    private ChangeFeed feed;

    @Test
    void the_history_opens_on_one_object_and_lists_only_its_events() {
        STACK.asOwner("CREATE TABLE app.history_probe (id int)");
        String id = api.propose("alice", """
                {"kind":"row-security","table":{"schema":"app","name":"history_probe"},"action":"ENABLE"}""").path("id").asText();
        signIn("victor", PlanetaryRight.VIEWER);
        UI.getCurrent().navigate("history", QueryParameters.of("object", "app.history_probe"));

        assertThat(_get(TextField.class, t -> t.withLabel("Object")).getValue()).isEqualTo("app.history_probe");
        @SuppressWarnings("unchecked")
        Grid<HistoryEntry> grid = _get(Grid.class);
        // the table was created by hand: its drift may be on the object's timeline too, whenever the watcher reads it
        assertThat(_fetch(grid, 0, 50)).filteredOn(e -> !e.event().equals("drift")).extracting(HistoryEntry::changeId)
                .containsOnly(id);
        assertThat(_fetch(grid, 0, 50)).extracting(HistoryEntry::event).contains("proposed", "dry-run-passed");

        @SuppressWarnings("unchecked")
        Select<String> kind = _get(Select.class, s -> s.withLabel("Kind"));
        _setValue(kind, "create-trigger");
        assertThat(_fetch(grid, 0, 50)).isEmpty();
        _setValue(kind, "row-security");
        assertThat(_fetch(grid, 0, 50)).extracting(HistoryEntry::changeId).containsOnly(id); // drift has no kind
    }

    @Test
    void open_screens_are_told_when_a_change_moves() {
        java.util.Set<String> told = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Runnable stop = feed.listen(moved -> moved.forEach(id -> told.add(id.value())));
        try {
            String id = api.propose("alice", """
                    {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                     "table":{"schema":"app","name":"customer"},"grantee":"app_reader"}""").path("id").asText();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> told.contains(id));
        } finally {
            stop.run();
        }
    }

    @Test
    void a_change_page_is_told_each_new_state_of_its_change() throws Exception {
        String id = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["UPDATE"],
                 "table":{"schema":"app","name":"customer"},"grantee":"app_reader"}""").path("id").asText();
        java.util.List<dev.planetary.kernel.change.ChangeStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable stop = feed.listen(dev.planetary.kernel.change.ChangeId.of(id), change -> seen.add(change.status()));
        try {
            assertThat(api.post("alice", "/api/changes/" + id + "/withdrawal", "{}").status()).isEqualTo(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> seen.contains(dev.planetary.kernel.change.ChangeStatus.WITHDRAWN));
        } finally {
            stop.run();
        }
    }

    @Test
    void a_reviewer_approves_with_a_comment() {
        String id = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["REFERENCES"],
                 "table":{"schema":"app","name":"customer"},"grantee":"app_reader"}""").path("id").asText();
        signIn("carol", PlanetaryRight.REVIEWER);
        UI.getCurrent().navigate(ChangeDetailView.class, ChangeDetailView.parameters(id));
        _setValue(_get(TextField.class, t -> t.withId("approval-comment")), "needed for the reporting FK");
        _click(_get(Button.class, b -> b.withId("approve")));
        assertThat(api.awaitStatus(id, "APPLIED").path("approvals").get(0).path("comment").asText())
                .isEqualTo("needed for the reporting FK");
    }
}
