package dev.planetary.ui.propose.protect;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;
import dev.planetary.ui.propose.TableForm;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.policy.Claim;
import dev.planetary.kernel.policy.PolicyTemplate;
import dev.planetary.kernel.policy.SavedPolicyTemplate;
import dev.planetary.kernel.spec.protect.AccessView;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.protect.ProtectTableSpec;
import dev.planetary.kernel.spec.view.Redaction;
import dev.planetary.kernel.spec.protect.RowPolicy;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Protect this table": the views that become the only way in (columns, masks, grantees, writes
 * with their validation code) and the row policies, from templates or written by hand. The plan
 * preview shows what the protection replaces (grants, policies) before anyone reviews it.
 */
public class ProtectForm extends TableForm {

    private final CatalogChoices catalog;
    private final VerticalLayout viewsHolder = new VerticalLayout();
    private final List<ProtectViewEditor> views = new ArrayList<>();
    private final VerticalLayout policiesHolder = new VerticalLayout();
    private final List<ProtectPolicyEditor> policies = new ArrayList<>();
    private final Select<TemplateChoice> template = new Select<>();
    private final ComboBox<String> templateColumn = new ComboBox<>("Column");
    private final ComboBox<String> templateEndColumn = new ComboBox<>("Valid until column");
    private final RadioButtonGroup<Claim.Source> claimSource = new RadioButtonGroup<>("Claim from");
    private final TextField claimName = new TextField("Claim");
    private final Paragraph templateProblem = new Paragraph();
    private List<Catalog.Column> columns = List.of();
    private Runnable changed = () -> {
    };

    public ProtectForm(CatalogChoices catalog) {
        super(catalog, "Table");
        this.catalog = catalog;
        table.addValueChangeListener(e -> tableChosen());
        Button addView = new Button("Add a view", e -> addView(false));
        Button addRedacted = new Button("Add a redacted view", e -> addView(true));
        addView.setId("add-view");
        addRedacted.setId("add-redacted-view");
        viewsHolder.setPadding(false);
        policiesHolder.setPadding(false);

        template.setLabel("Policy template");
        template.setWidth("17em");
        refreshTemplates();
        template.setItemLabelGenerator(TemplateChoice::label);
        template.addValueChangeListener(e -> {
            templateEndColumn.setVisible(e.getValue() != null && e.getValue().builtIn() == PolicyTemplate.TIME_BOUNDED);
            boolean claim = e.getValue() != null && needsClaim(e.getValue().builtIn());
            claimSource.setVisible(claim);
            claimName.setVisible(claim);
        });
        templateEndColumn.setVisible(false);
        claimSource.setItems(Claim.Source.values());
        claimSource.setItemLabelGenerator(s -> s == Claim.Source.SETTING ? "Session setting" : "PostgREST JWT");
        claimSource.setValue(Claim.Source.SETTING);
        claimSource.addValueChangeListener(e -> claimName.setValue(e.getValue() == Claim.Source.SETTING ? "app.tenant_id" : "tenant_id"));
        claimName.setValue("app.tenant_id");
        claimName.setHelperText("A setting has a dot (app.tenant_id); a JWT claim is a key (sub, tenant_id)");
        templateProblem.getStyle().set("color", "var(--lumo-error-text-color)");
        Button fromTemplate = new Button("Add policy from template", e -> addFromTemplate());
        fromTemplate.setId("add-policy-from-template");
        Button custom = new Button("Add a custom policy", e -> addPolicy(newPolicyEditor()));
        HorizontalLayout templateRow = new HorizontalLayout(template, templateColumn, templateEndColumn, claimSource, claimName);
        templateRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        templateRow.setWrap(true);

        Paragraph why = new Paragraph("Nobody but the owner keeps access to the table. The views are owned by the owner and"
                + " row security is forced, so the policies apply through every view; they tell callers apart by claims"
                + " (session settings or JWT claims), because inside a view every caller reaches the table as the owner.");
        why.addClassName("hint");
        for (Component full : List.of(new H4("Views: the only way in"), why, viewsHolder,
                new HorizontalLayout(addView, addRedacted), new H4("Row policies"), templateRow, templateProblem,
                new HorizontalLayout(fromTemplate, custom), policiesHolder)) {
            layout.add(full);
            layout.setColspan(full, 2);
        }
    }

    private void tableChosen() {
        columns = catalog.columnDetails(schema.getValue(), table.getValue());
        List<String> names = columns.stream().map(Catalog.Column::name).toList();
        templateColumn.setItems(names);
        templateEndColumn.setItems(names);
        names.stream().filter(n -> n.contains("tenant")).findFirst().ifPresent(templateColumn::setValue);
        names.stream().filter(n -> n.startsWith("valid_to") || n.endsWith("_until")).findFirst().ifPresent(templateEndColumn::setValue);
        views.clear();
        viewsHolder.removeAll();
        if (table.getValue() != null) {
            addView(false);
        }
    }

    private void addView(boolean redacted) {
        if (table.getValue() == null) {
            return;
        }
        String base = table.getValue();
        String name = views.isEmpty() ? base + "_v" : base + (redacted ? "_v_redacted" : "_v" + (views.size() + 1));
        ProtectViewEditor editor = new ProtectViewEditor(name, columns, catalog.grantees(), redacted, this::editorChanged, this::remove);
        catalog.postgrestRole().ifPresent(role -> editor.grantees.setValue(java.util.Set.of(role)));
        views.add(editor);
        viewsHolder.add(editor);
        editorChanged();
    }

    private void addFromTemplate() {
        templateProblem.setText("");
        try {
            TemplateChoice chosen = template.getValue();
            String column = templateColumn.getValue();
            PolicyTemplate.Filled filled;
            if (chosen.saved() != null) {
                filled = chosen.saved().fill(Identifier.of(SpecForm.required("column", column, "the column for {column}")));
            } else {
                TypeName type = columns.stream().filter(c -> c.name().equals(column)).findFirst()
                        .map(c -> safeType(c.type())).orElse(null);
                filled = chosen.builtIn().fill(new PolicyTemplate.Blanks(
                        column == null ? null : Identifier.of(column),
                        templateEndColumn.getValue() == null ? null : Identifier.of(templateEndColumn.getValue()),
                        needsClaim(chosen.builtIn()) ? new Claim(claimSource.getValue(), claimName.getValue()) : null, type));
            }
            ProtectPolicyEditor editor = newPolicyEditor();
            editor.fill(chosen.policyName(), filled);
            addPolicy(editor);
        } catch (IllegalArgumentException | Invalid e) {
            templateProblem.setText(e.getMessage());
        }
    }

    private ProtectPolicyEditor newPolicyEditor() {
        return new ProtectPolicyEditor(this::editorChanged, this::remove, this::saveTemplate);
    }

    /** Saves a policy as a template; the template column, where it appears quoted, becomes the {column} blank. */
    private void saveTemplate(ProtectPolicyEditor editor) {
        String column = templateColumn.getValue();
        java.util.function.UnaryOperator<String> blank = sql -> sql == null || sql.isBlank() || column == null ? sql
                : sql.replace(Identifier.of(column).quoted(), SavedPolicyTemplate.BLANK);
        try {
            SavedPolicyTemplate saved = new SavedPolicyTemplate(editor.name.getValue(), "saved from a protection of "
                    + schema.getValue() + "." + table.getValue(), editor.command.getValue(), editor.mode.getValue(),
                    blank.apply(editor.using.getValue()), blank.apply(editor.withCheck.getValue()));
            catalog.saveTemplate(saved, dev.planetary.ui.security.CurrentUser.login());
            refreshTemplates();
            com.vaadin.flow.component.notification.Notification.show("Saved template " + saved.name(), 3000,
                    com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
        } catch (IllegalArgumentException e) {
            templateProblem.setText(e.getMessage());
        }
    }

    private void refreshTemplates() {
        List<TemplateChoice> choices = new ArrayList<>();
        for (PolicyTemplate builtIn : PolicyTemplate.values()) {
            choices.add(new TemplateChoice(builtIn, null));
        }
        catalog.savedTemplates().forEach(saved -> choices.add(new TemplateChoice(null, saved)));
        template.setItems(choices);
        template.setValue(choices.get(1));
    }

    /** A built-in template or a saved one. */
    record TemplateChoice(PolicyTemplate builtIn, SavedPolicyTemplate saved) {
        String label() {
            return builtIn != null ? builtIn.label() : saved.name() + " (saved)";
        }

        String policyName() {
            return builtIn != null ? builtIn.name().toLowerCase(Locale.ROOT) : saved.name().replaceAll("[^A-Za-z0-9_]+", "_");
        }
    }

    private static boolean needsClaim(PolicyTemplate template) {
        return template == PolicyTemplate.TENANT_ISOLATION || template == PolicyTemplate.USER_OWNS_ROW;
    }

    /** The cast in a template needs a type name as written; PostgreSQL's spelling of odd types is left uncast. */
    private static TypeName safeType(String type) {
        try {
            return TypeName.of(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void addPolicy(ProtectPolicyEditor editor) {
        policies.add(editor);
        policiesHolder.add(editor);
        editorChanged();
    }

    private void remove(Component editor) {
        views.remove(editor);
        policies.remove(editor);
        viewsHolder.remove(editor);
        policiesHolder.remove(editor);
        changed.run();
    }

    /** Editors added after the form was wired report their changes here. */
    private void editorChanged() {
        changed.run();
    }

    @Override
    public void onChange(Runnable listener) {
        super.onChange(listener);
        this.changed = listener;
    }

    @Override
    protected ChangeSpec build() {
        var relation = relation();
        List<AccessView> accessViews = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            accessViews.add(views.get(i).view("views[" + i + "]"));
        }
        List<RowPolicy> rowPolicies = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            rowPolicies.add(policies.get(i).policy("policies[" + i + "]"));
        }
        return new ProtectTableSpec(relation, accessViews, rowPolicies, null);
    }

    @Override
    public void showError(Invalid invalid) {
        super.showError(invalid);
        views.forEach(v -> v.showError(invalid, views.indexOf(v)));
        policies.forEach(p -> p.showError(invalid, policies.indexOf(p)));
    }

    @Override
    public void clearErrors() {
        super.clearErrors();
        views.forEach(ProtectViewEditor::clearErrors);
        policies.forEach(ProtectPolicyEditor::clearErrors);
    }

    @Override
    public void load(ChangeSpec spec) {
        ProtectTableSpec protection = (ProtectTableSpec) spec;
        preselect(protection.table());
        views.clear();
        viewsHolder.removeAll();
        for (AccessView view : protection.views()) {
            ProtectViewEditor editor = new ProtectViewEditor(view.name().name(), columns, catalog.grantees(), false,
                    this::editorChanged, this::remove);
            editor.load(view);
            views.add(editor);
            viewsHolder.add(editor);
        }
        policies.clear();
        policiesHolder.removeAll();
        for (RowPolicy policy : protection.policies()) {
            ProtectPolicyEditor editor = newPolicyEditor();
            editor.load(policy);
            addPolicy(editor);
        }
    }


    static void styleCode(com.vaadin.flow.component.textfield.TextArea area) {
        area.addClassName("sql");
        area.addClassName("code-editor");
        area.setValueChangeMode(ValueChangeMode.LAZY);
        area.setWidthFull();
    }

    static Button removeButton(Runnable remove) {
        Button button = new Button("Remove", e -> remove.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return button;
    }
}
