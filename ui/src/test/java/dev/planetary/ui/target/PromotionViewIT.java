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
}
