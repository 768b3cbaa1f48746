package dev.planetary.ui.audit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import dev.planetary.kernel.audit.AuditTrail;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.audit.AuditLog;
import dev.planetary.ui.support.KaribuIT;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log page: operators only, filters, and before/after with the changed fields marked. */
class AuditViewIT extends KaribuIT {

    @Test
    void an_operator_filters_the_trail_and_sees_what_an_update_changed() {
        TestStack.audit().execute("postgres", """
                INSERT INTO audit.row_change (occurred_at, database_name, schema_name, table_name, operation, session_user_name,
                    old_row, new_row) VALUES
                    (now(), 'app', 'app', 'viewed', 'INSERT', 'karen', NULL, '{"id": 1, "note": "a", "amount": 5}'),
                    (now(), 'app', 'app', 'viewed', 'UPDATE', 'karen', '{"id": 1, "note": "a", "amount": 5}',
                     '{"id": 1, "note": "b", "amount": 5}')""");
        signIn("bob", PlanetaryRight.OPERATOR);
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        _setValue(view.table, "app.viewed");
        @SuppressWarnings("unchecked")
        Select<String> operation = _get(Select.class, s -> s.withLabel("Operation"));
        _setValue(operation, "UPDATE");
        assertThat(_size(view.grid)).isEqualTo(1);
        _setValue(view.from, java.time.LocalDate.now().plusDays(1));
        assertThat(_size(view.grid)).as("nothing from tomorrow on").isZero();
        _setValue(view.from, java.time.LocalDate.now().minusDays(1));
        _setValue(view.to, java.time.LocalDate.now());
        assertThat(_size(view.grid)).isEqualTo(1);
        AuditTrail.Row update = _get(view.grid, 0);
        view.grid.select(update);
        assertThat(_get(H4.class).getText()).contains("UPDATE on app.viewed by karen", "1 field(s) changed");
        @SuppressWarnings("unchecked")
        Grid<String> fields = _find(_get(Div.class, d -> d.withId("audit-comparison")), Grid.class).get(0);
        assertThat(fields.getPartNameGenerator().apply("note")).isEqualTo("changed");
        assertThat(fields.getPartNameGenerator().apply("amount")).isNull();
        assertThat(_get(Div.class, d -> d.withId("audit-health")).getElement().getTextRecursively()).contains("reachable");
    }

    @org.springframework.beans.factory.annotation.Autowired
    AuditLog auditLog;

    @Test
    void a_reviewer_sees_no_audit_log_and_the_server_refuses_its_rows() {
        signIn("carol", PlanetaryRight.REVIEWER);
        UI.getCurrent().navigate("");
        assertThat(_find(com.vaadin.flow.component.sidenav.SideNavItem.class, i -> i.withPredicate(item -> "Audit log".equals(item.getLabel()))))
                .isEmpty();
        assertThatThrownBy(() -> auditLog.rows(TargetId.DEFAULT, new AuditTrail.Filter(null, null, null, null, null, 10)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> auditLog.health(TargetId.DEFAULT)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
