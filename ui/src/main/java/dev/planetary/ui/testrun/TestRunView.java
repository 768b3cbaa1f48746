package dev.planetary.ui.testrun;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.testrun.RunTestCommand;
import dev.planetary.kernel.testrun.TestRunRequest.Target;
import dev.planetary.kernel.testrun.TestRunRequest.ViewOperation;
import dev.planetary.kernel.testrun.TestRunRequest;
import dev.planetary.kernel.testrun.TestRunResult;
import dev.planetary.ui.catalog.CatalogReader;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.AccessDeniedException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Try a function or a write through a view as one of the application's roles, with the session
 * claims its policies read, and see what PostgreSQL answers. The call runs in a transaction that is
 * always rolled back; the server checks the person's rights again and records the run in the history.
 */
@Route(value = "test-runs", layout = MainLayout.class)
@PageTitle("Test runner · Planetary")
@RolesAllowed({"REQUESTER", "REVIEWER"})
public class TestRunView extends VerticalLayout implements BeforeEnterObserver {

    static final String TENANT_CLAIM = "app.tenant_id";
    static final String JWT_CLAIMS = "request.jwt.claims";

    private final CommandGateway commands;
    private final CatalogReader catalog;
    final RadioButtonGroup<Target> target = new RadioButtonGroup<>("Call");
    final ComboBox<Catalog.Function> function = new ComboBox<>("Function");
    final ArgumentFields arguments = new ArgumentFields();
    final ComboBox<String> view = new ComboBox<>("View");
    final Select<ViewOperation> operation = new Select<>();
    final KeyValueRows values = new KeyValueRows("Column values (INSERT, UPDATE)", "column", "value (empty is NULL)", List.of());
    final KeyValueRows match = new KeyValueRows("Rows where (SELECT, UPDATE, DELETE)", "column", "value (empty is NULL)", List.of());
    final ComboBox<String> role = new ComboBox<>("Run as role");
    final KeyValueRows claims = new KeyValueRows("Claims (session settings read by policies and functions)", "setting, e.g. app.tenant_id",
            "value (empty is the empty string)", null);
    final Button run = new Button("Run");
    final Paragraph problem = new Paragraph();
    final Div result = new Div();
    private final VerticalLayout functionPart = new VerticalLayout();
    private final VerticalLayout viewPart = new VerticalLayout();

    public TestRunView(CommandGateway commands, CatalogReader catalog) {
        this.commands = commands;
        this.catalog = catalog;
        setMaxWidth("1100px");
        target.setItems(Target.values());
        target.setItemLabelGenerator(t -> t == Target.FUNCTION ? "a function" : "a view");
        target.addValueChangeListener(e -> showTarget());

        // a procedure is CALLed and an aggregate needs rows: the runner SELECTs from plain functions
        function.setItems(catalog.functions(CatalogScope.ALL).stream()
                .filter(f -> f.kind() == Catalog.RoutineKind.FUNCTION).toList());
        function.setItemLabelGenerator(Catalog.Function::signature);
        function.setWidth("36em");
        function.setId("test-function");
        function.addValueChangeListener(e -> arguments.show(e.getValue()));
        functionPart.add(function, arguments);
        functionPart.setPadding(false);

        view.setItems(catalog.views(CatalogScope.ALL).stream().filter(v -> !v.materialized())
                .map(v -> v.schema() + "." + v.name()).toList());
        view.setWidth("24em");
        view.setId("test-view");
        view.addValueChangeListener(e -> viewChosen(e.getValue()));
        operation.setLabel("Operation");
        operation.setItems(ViewOperation.values());
        operation.setValue(ViewOperation.SELECT);
        viewPart.add(new HorizontalLayout(view, operation), values, match);
        viewPart.setPadding(false);

        // superusers bypass every policy: a test as one would prove nothing (the runner refuses them too)
        role.setItems(catalog.roles().stream().filter(r -> !r.builtIn() && !r.superuser())
                .map(Catalog.Role::name).toList());
        role.setId("test-role");
        role.setWidth("24em");
        role.setHelperText("The call runs with this role's privileges and policies, as the application would.");
        claims.add(TENANT_CLAIM, "");
        Button tenant = new Button("+ " + TENANT_CLAIM, e -> claims.put(TENANT_CLAIM, ""));
        Button jwt = new Button("+ " + JWT_CLAIMS, e -> claims.put(JWT_CLAIMS, "{\"sub\": \"user-1\", \"role\": \"authenticated\"}"));
        tenant.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        jwt.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        claims.buttons.add(tenant, jwt);

        values.setId("test-values");
        match.setId("test-match");
        claims.setId("test-claims");
        operation.setId("test-operation");
        run.setId("run-test");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> run());
        problem.setId("test-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        result.setId("test-result");
        result.setWidthFull();
        add(new H2("Test runner"), new Paragraph("Calls run in a transaction that is always rolled back: nothing persists. "
                        + "Each run is recorded in the history."),
                target, functionPart, viewPart, role, claims, run, problem, result);
        target.setValue(Target.FUNCTION);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        List<String> oid = query.getOrDefault("function", List.of());
        if (!oid.isEmpty() && oid.get(0).matches("\\d{1,10}")) {
            long wanted = Long.parseLong(oid.get(0));
            target.setValue(Target.FUNCTION);
            function.getListDataView().getItems().filter(f -> f.oid() == wanted).findFirst().ifPresent(function::setValue);
        }
        List<String> relation = query.getOrDefault("view", List.of());
        if (!relation.isEmpty() && view.getListDataView().contains(relation.get(0))) {
            target.setValue(Target.VIEW);
            view.setValue(relation.get(0));
        }
    }

    private void showTarget() {
        functionPart.setVisible(target.getValue() == Target.FUNCTION);
        viewPart.setVisible(target.getValue() == Target.VIEW);
    }

    private void viewChosen(String qualified) {
        List<String> columns = List.of();
        if (qualified != null) {
            int dot = qualified.indexOf('.');
            columns = catalog.relationOid(qualified.substring(0, dot), qualified.substring(dot + 1))
                    .map(oid -> catalog.columns(CatalogScope.relation(oid)).stream().map(Catalog.Column::name).toList())
                    .orElse(List.of());
        }
        values.choices(columns);
        match.choices(columns);
    }

    TestRunRequest request() {
        Identifier as = role.getValue() == null ? null : Identifier.of(role.getValue());
        Map<String, String> settings = new LinkedHashMap<>();
        // a claim left empty is set to the empty string: current_setting then reads '' rather than failing
        claims.values().forEach((k, v) -> settings.put(k, v == null ? "" : v));
        if (target.getValue() == Target.VIEW) {
            String qualified = view.getValue();
            if (qualified == null) {
                throw new SpecViolation("object", "choose a view");
            }
            int dot = qualified.indexOf('.');
            return new TestRunRequest(Target.VIEW, QualifiedName.of(qualified.substring(0, dot), qualified.substring(dot + 1)),
                    null, null, operation.getValue(), values.values(), match.values(), as, settings);
        }
        Catalog.Function chosen = function.getValue();
        if (chosen == null) {
            throw new SpecViolation("object", "choose a function");
        }
        ArgumentFields.Call call = arguments.call();
        return new TestRunRequest(Target.FUNCTION, QualifiedName.of(chosen.schema(), chosen.name()), call.types(),
                call.values(), null, null, null, as, settings);
    }

    void run() {
        problem.setText("");
        role.setInvalid(false);
        result.removeAll();
        try {
            TestRunResult outcome = commands.sendAndWait(new RunTestCommand(CurrentTarget.id(), request(), CurrentUser.login()));
            result.add(new TestRunResultPanel(outcome, role.getValue()));
        } catch (SpecViolation e) {
            problem.setText(e.getMessage());
            if ("role".equals(e.field())) {
                role.setErrorMessage(e.getMessage());
                role.setInvalid(true);
            }
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        } catch (AccessDeniedException e) {
            problem.setText("Only requesters and reviewers may run tests.");
        }
    }
}
