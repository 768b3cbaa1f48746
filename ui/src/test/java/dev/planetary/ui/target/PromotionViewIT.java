package dev.planetary.ui.target;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.ui.review.ChangeDetailView;
import dev.planetary.ui.support.KaribuIT;
import dev.planetary.ui.support.TestStack;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A requester promotes an applied change from its page: the new change opens, with the chain of targets above it. */
class PromotionViewIT extends KaribuIT {

    @Autowired
    private QueryGateway queries;

    @Test
    void an_applied_change_is_promoted_to_staging_from_its_page() {
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.promoted_in_ui (id int)");
        TestStack.STAGING.asOwner("CREATE TABLE IF NOT EXISTS app.promoted_in_ui (id int)");
        String onDev = api.applied("alice", "bob", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"promoted_in_ui"},"grantee":"app_reader"}""");

        signIn("alice", PlanetaryRight.REQUESTER);
        UI.getCurrent().navigate(ChangeDetailView.class, ChangeDetailView.parameters(onDev));
        @SuppressWarnings("unchecked")
        Select<TargetView> target = _get(Select.class, s -> s.withId("promote-target"));
        assertThat(target.getListDataView().getItems().map(t -> t.id().value()))
                .as("every target but the one it is applied on").doesNotContain("default").contains("staging", "production");
        assertThat(target.getValue().id().value()).as("the next environment is offered first").isEqualTo("staging");
        target.setValue(target.getListDataView().getItems().filter(t -> t.id().value().equals("staging")).findFirst().orElseThrow());
        _click(_get(Button.class, b -> b.withId("promote")));

        String shown = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(shown).startsWith("changes/").isNotEqualTo("changes/" + onDev);
        ChangeView promoted = queries.query(new FindChangeQuery(ChangeId.of(shown.substring("changes/".length()))),
                ChangeView.class).join();
        assertThat(promoted.target().value()).isEqualTo("staging");
        assertThat(promoted.promotedFrom()).isEqualTo(onDev);
        assertThat(_get(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class, l -> l.withId("promotion-chain"))
                .getElement().getTextRecursively()).contains("default").contains("staging").contains("applied");
        assertThat(_find(Button.class, b -> b.withId("promote"))).as("a proposed change is not promoted").isEmpty();
    }

    @Test
    void applied_changes_chosen_in_the_queue_are_promoted_together_in_the_order_they_were_applied() {
        for (String table : java.util.List.of("queue_first", "queue_second")) {
            STACK.asOwner("CREATE TABLE IF NOT EXISTS app." + table + " (id int)");
            TestStack.STAGING.asOwner("CREATE TABLE IF NOT EXISTS app." + table + " (id int)");
        }
        String first = api.applied("alice", "bob", grant("queue_first"));
        String second = api.applied("alice", "bob", grant("queue_second"));

        signIn("alice", PlanetaryRight.REQUESTER);
        CurrentTarget.choose(dev.planetary.kernel.target.TargetId.DEFAULT);
        UI.getCurrent().navigate(dev.planetary.ui.review.ReviewQueueView.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.MultiSelectComboBox<dev.planetary.kernel.change.ChangeStatus> status =
                _get(com.vaadin.flow.component.combobox.MultiSelectComboBox.class, c -> c.withLabel("Status"));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<ChangeView> grid = _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(_find(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class, l -> l.withId("batch-promotion")))
                .as("offered only where applied changes are listed").isEmpty();
        status.setValue(java.util.Set.of(dev.planetary.kernel.change.ChangeStatus.APPLIED));
        assertThat(_get(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class, l -> l.withId("batch-promotion")).isVisible())
                .isTrue();
        grid.getLazyDataView().getItems().filter(c -> c.id().equals(second) || c.id().equals(first)).forEach(grid::select);
        @SuppressWarnings("unchecked")
        Select<TargetView> target = _get(Select.class, s -> s.withId("batch-promote-target"));
        assertThat(target.getValue().id().value()).isEqualTo("staging");
        _click(_get(Button.class, b -> b.withId("batch-promote")));

        java.util.List<ChangeView> promoted = queries.query(new dev.planetary.kernel.change.query.FindChangesQuery(
                        dev.planetary.kernel.change.query.ChangeFilter.all().on(dev.planetary.kernel.target.TargetId.of("staging"))),
                dev.planetary.kernel.change.query.ChangeList.class).join().changes().stream()
                .filter(c -> first.equals(c.promotedFrom()) || second.equals(c.promotedFrom())).toList();
        assertThat(promoted).hasSize(2);
        ChangeView fromSecond = promoted.stream().filter(c -> second.equals(c.promotedFrom())).findFirst().orElseThrow();
        ChangeView fromFirst = promoted.stream().filter(c -> first.equals(c.promotedFrom())).findFirst().orElseThrow();
        assertThat(fromSecond.appliesAfter()).as("the second waits for the first").isEqualTo(fromFirst.id());
        assertThat(CurrentTarget.id().value()).as("the queue moves to staging, where they wait for review").isEqualTo("staging");
    }

    private static String grant(String table) {
        return """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"%s"},"grantee":"app_reader"}""".formatted(table);
    }
}
