package dev.planetary.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.review.ChangeDetailView;
import dev.planetary.ui.support.GrantingEventTrigger;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class ChangeDetailViewIT extends KaribuIT {

    private String proposeGrant() {
        return api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"customer"},"grantee":"app_reader"}""").path("id").asText();
    }

    private List<String> buttons() {
        return _find(Button.class).stream().map(b -> b.getId().orElse(""))
                .filter(id -> !id.isEmpty() && !id.equals("dark-mode") && !id.equals("sign-out")).toList(); // the header's
    }

    private void open(String id) {
        UI.getCurrent().navigate(ChangeDetailView.class, ChangeDetailView.parameters(id));
    }

    @Test
    void a_passed_dry_run_lists_what_it_changed_in_the_catalog() {
        String id = api.propose("alice", """
                {"kind":"create-policy","table":{"schema":"app","name":"customer"},"name":"listed on the page","using":"true"}""")
                .path("id").asText();
        signIn("bob", PlanetaryRight.REVIEWER);
        open(id);
        assertThat(_get(Div.class, d -> d.withId("dry-run-changes")).getElement().getTextRecursively())
                .contains("It changed, in the catalog:").contains("policy \"app\".\"customer\".\"listed on the page\"");
    }

    @Test
    void an_open_change_page_shows_the_change_moving_without_being_reloaded() {
        String id = proposeGrant();
        signIn("bob", PlanetaryRight.REVIEWER);
        open(id);
        assertThat(_get(Span.class, s -> s.withId("change-status")).getText()).isEqualTo("proposed");

        assertThat(api.post("alice", "/api/changes/" + id + "/withdrawal", "{}").status()).isEqualTo(200);
        // The page is told by its subscription once the projection has committed; pushes run on the UI queue.
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
            assertThat(_get(Span.class, s -> s.withId("change-status")).getText()).isEqualTo("withdrawn");
        });
    }

    @Test
    void a_dry_run_refused_by_the_catalog_guard_says_so_and_what_changed() throws Exception {
        GrantingEventTrigger.during(STACK, () -> {
            String id = api.propose("alice", """
                    {"kind":"create-policy","table":{"schema":"app","name":"invoice"},"name":"guarded_page","using":"true"}""")
                    .path("id").asText();
            signIn("bob", PlanetaryRight.REVIEWER);
            open(id);
            assertThat(_get(VerticalLayout.class, v -> v.withId("failure")).getElement().getTextRecursively())
                    .contains("Planetary's catalog guard: the plan changed undeclared objects: privileges on \"app\".\"invoice\"")
                    .contains("Do not approve it");
            assertThat(_get(Div.class, d -> d.withId("dry-run-changes")).getElement().getTextRecursively())
                    .contains("policy \"app\".\"invoice\".\"guarded_page\"").contains("privileges on \"app\".\"invoice\"");
        });
    }

    @Test
    void a_reviewer_may_approve_and_reject_but_not_withdraw() {
        String id = proposeGrant();
        signIn("bob", PlanetaryRight.REVIEWER, PlanetaryRight.OPERATOR);
        open(id);
        assertThat(buttons()).containsExactlyInAnyOrder("approve", "reject");
        assertThat(_get(Span.class, s -> s.withId("change-status")).getText()).isEqualTo("proposed");
    }

    @Test
    void the_requester_may_withdraw_but_never_approve_their_own_change() {
        String id = proposeGrant();
        signIn("alice", PlanetaryRight.REQUESTER);
        open(id);
        assertThat(buttons()).containsExactlyInAnyOrder("revise", "withdraw");
    }

    @Test
    void a_viewer_sees_no_action() {
        String id = proposeGrant();
        signIn("victor", PlanetaryRight.VIEWER);
        open(id);
        assertThat(buttons()).isEmpty();
    }

    @Test
    void approving_from_the_detail_applies_the_change() {
        String id = proposeGrant();
        signIn("carol", PlanetaryRight.REVIEWER);
        open(id);
        _click(_get(Button.class, b -> b.withId("approve")));
        assertThat(api.awaitStatus(id, "APPLIED").path("approvals").get(0).path("reviewer").asText()).isEqualTo("carol");
    }

    @Test
    void a_rejection_without_reason_shows_the_field_error_and_rejects_nothing() {
        String id = proposeGrant();
        signIn("bob", PlanetaryRight.REVIEWER);
        open(id);
        _click(_get(Button.class, b -> b.withId("reject")));
        _click(_get(Button.class, b -> b.withId("confirm-rejection")));
        TextArea reason = _get(TextArea.class, t -> t.withId("rejection-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(api.get("victor", "/api/changes/" + id).body().path("status").asText()).isEqualTo("PROPOSED");

        _setValue(reason, "use the reporting role instead");
        _click(_get(Button.class, b -> b.withId("confirm-rejection")));
        assertThat(api.awaitStatus(id, "REJECTED").path("rejection").path("reason").asText()).isEqualTo("use the reporting role instead");
    }
}
