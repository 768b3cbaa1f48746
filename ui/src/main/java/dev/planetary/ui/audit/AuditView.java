package dev.planetary.ui.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.audit.AuditTrail;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.TargetUnreachableException;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The audit log: the one page that shows row data, for operators only (and the server checks
 * again). Filters by table, operation and person; a row shows before and after side by side with
 * the changed fields marked. Above it, the audit server's health.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log · Planetary")
@RolesAllowed("OPERATOR")
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QueryGateway queries;
    final TextField table = new TextField("Table");
    final Select<String> operation = new Select<>();
    final TextField person = new TextField("Session user");
    final com.vaadin.flow.component.datepicker.DatePicker from = new com.vaadin.flow.component.datepicker.DatePicker("From");
    final com.vaadin.flow.component.datepicker.DatePicker to = new com.vaadin.flow.component.datepicker.DatePicker("To (inclusive)");
    final Grid<AuditTrail.Row> grid = new Grid<>();
    final Div comparison = new Div();

    public AuditView(QueryGateway queries) {
        this.queries = queries;
        setSizeFull();
        operation.setLabel("Operation");
        operation.setItems("", "INSERT", "UPDATE", "DELETE");
        operation.setItemLabelGenerator(o -> o.isEmpty() ? "any" : o);
        operation.setValue("");
        for (TextField field : java.util.List.of(table, person)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> refresh());
        }
        operation.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        table.setPlaceholder("app.invoice");

        grid.setId("audit-rows");
        grid.addColumn(r -> WHEN.format(r.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(r -> r.schema() + "." + r.table()).setHeader("Table").setAutoWidth(true);
        grid.addColumn(AuditTrail.Row::operation).setHeader("Operation").setAutoWidth(true);
        grid.addColumn(AuditTrail.Row::sessionUser).setHeader("Session user").setAutoWidth(true);
        grid.addColumn(r -> r.claims() == null ? "" : r.claims()).setHeader("Claims").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("22em");
        grid.asSingleSelect().addValueChangeListener(e -> compare(e.getValue()));
        comparison.setId("audit-comparison");
        comparison.setWidthFull();

        HorizontalLayout filters = new HorizontalLayout(table, operation, person, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Audit log"), health(), filters, grid, comparison);
        refresh();
    }

    private Component health() {
        AuditTrail.Health health = TargetUnreachableException.await(queries.query(new AuditTrail.HealthQuery(CurrentTarget.id()),
                AuditTrail.Health.class));
        Div panel = new Div();
        panel.setId("audit-health");
        panel.addClassName("hint");
        Span state = new Span(health.reachable() ? "● audit server reachable" : "● audit server unreachable");
        state.getStyle().set("color", health.reachable() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)")
                .set("font-weight", "600");
        panel.add(state, new Paragraph((health.reachable() ? "round trip " + health.roundTripMillis() + " ms · last write "
                + (health.lastWrite() == null ? "never" : WHEN.format(health.lastWrite())) : health.problem())
                + " · rows per day: " + (health.rowsPerDay().isEmpty() ? "none" : health.rowsPerDay().entrySet().stream()
                .map(day -> day.getKey() + " " + day.getValue()).collect(java.util.stream.Collectors.joining(", ")))
                + " · retention: " + health.retentionJob()),
                new Paragraph("Audited: " + (health.auditedTables().isEmpty() ? "no table" : String.join(", ", health.auditedTables()))
                        + " · not audited: " + health.unauditedTables().size() + " table(s)"));
        return panel;
    }

    private void refresh() {
        ZoneId zone = ZoneId.systemDefault();
        grid.setItems(queries.query(new AuditTrail.RowsQuery(CurrentTarget.id(), new AuditTrail.Filter(table.getValue(), operation.getValue(), person.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(), 200)),
                ResponseTypes.multipleInstancesOf(AuditTrail.Row.class)).join());
        comparison.removeAll();
    }

    /** Before and after side by side; a field whose value differs is marked on both sides. */
    private void compare(AuditTrail.Row row) {
        comparison.removeAll();
        if (row == null) {
            return;
        }
        JsonNode before = parse(row.before());
        JsonNode after = parse(row.after());
        Set<String> fields = new LinkedHashSet<>();
        for (JsonNode side : java.util.List.of(before, after)) {
            for (Iterator<String> names = side.fieldNames(); names.hasNext(); ) {
                fields.add(names.next());
            }
        }
        Grid<String> sideBySide = new Grid<>();
        sideBySide.addColumn(f -> f).setHeader("Field").setAutoWidth(true);
        sideBySide.addColumn(f -> text(before.get(f))).setHeader("Before").setFlexGrow(1);
        sideBySide.addColumn(f -> text(after.get(f))).setHeader("After").setFlexGrow(1);
        sideBySide.setPartNameGenerator(f -> changed(before, after, f) ? "changed" : null);
        sideBySide.setItems(fields);
        sideBySide.setAllRowsVisible(true);
        sideBySide.addThemeVariants(GridVariant.LUMO_COMPACT);
        long changedCount = fields.stream().filter(f -> changed(before, after, f)).count();
        comparison.add(new H4(row.operation() + " on " + row.schema() + "." + row.table() + " by " + row.sessionUser()
                + " · " + changedCount + " field(s) changed"), sideBySide);
    }

    static boolean changed(JsonNode before, JsonNode after, String field) {
        JsonNode old = before.get(field);
        JsonNode now = after.get(field);
        return old == null ? now != null : !old.equals(now);
    }

    private static String text(JsonNode value) {
        return value == null ? "" : value.isTextual() ? value.asText() : value.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
