package dev.planetary.ui.catalog;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.planetary.kernel.policy.Claim;
import dev.planetary.kernel.policy.ClaimUse;
import dev.planetary.kernel.policy.PolicyTemplateMessages.FindClaimUsesQuery;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.TargetUnreachableException;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.List;

/**
 * The claims row policies read, and how an application or PostgREST supplies them. A policy that
 * reads a claim nobody sets shows no rows; this page is where that mismatch is found.
 */
@Route(value = "catalog/claims", layout = MainLayout.class)
@PageTitle("Claims · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class ClaimsView extends VerticalLayout {

    public ClaimsView(QueryGateway queries) {
        setSizeFull();
        List<ClaimUse> uses = TargetUnreachableException.await(queries.query(new FindClaimUsesQuery(CurrentTarget.id()),
                ResponseTypes.multipleInstancesOf(ClaimUse.class)));
        Grid<ClaimUse> grid = new Grid<>();
        grid.setId("claims");
        grid.addColumn(u -> u.claim().source() == Claim.Source.SETTING ? "setting" : "JWT claim").setHeader("Kind").setAutoWidth(true);
        grid.addColumn(u -> u.claim().name()).setHeader("Claim").setAutoWidth(true);
        grid.addColumn(u -> u.claim().source() == Claim.Source.SETTING
                ? "SET " + u.claim().name() + " = '…'  (or set_config('" + u.claim().name() + "', '…', true))"
                : "PostgREST: the verified JWT's \"" + u.claim().name() + "\" claim").setHeader("Set by").setFlexGrow(2);
        grid.addColumn(u -> u.schema() + "." + u.table()).setHeader("Table").setAutoWidth(true);
        grid.addColumn(ClaimUse::policy).setHeader("Policy").setAutoWidth(true);
        grid.setItems(uses);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TablePage.class,
                new RouteParameters(java.util.Map.of("schema", e.getItem().schema(), "name", e.getItem().table())))));
        grid.setAllRowsVisible(true);

        Paragraph summary = new Paragraph(uses.isEmpty() ? "No row policy reads a claim yet."
                : uses.stream().map(u -> u.claim()).distinct().count() + " claim(s) read by "
                + uses.stream().map(u -> u.schema() + "." + u.table() + "." + u.policy()).distinct().count() + " policy(ies).");
        add(new H2("Claims"), summary, grid, new H3("How a JWT claim becomes a policy's input"), new Html("""
                <div class="hint">
                <p>PostgREST verifies the request's JWT, switches to the role in its <code>role</code> claim and puts
                every claim, as JSON, in the transaction setting <code>request.jwt.claims</code>. A policy reads one with
                <code>current_setting('request.jwt.claims', true)::jsonb -&gt;&gt; 'tenant_id'</code>.</p>
                <p>Applications that connect directly set their own settings per transaction:
                <code>SELECT set_config('app.tenant_id', 'acme', true)</code> (a custom setting needs a dot in its name).
                <code>current_setting(name, true)</code> gives NULL when the setting was never set, and
                <code>nullif(…, '')</code> treats a reset setting the same way, so a request without the claim sees no rows.</p>
                <p>Through a protected table's views, <code>current_user</code> is the views' owner for every caller:
                claims, not roles, are how policies tell callers apart there.</p>
                </div>"""));
    }
}
