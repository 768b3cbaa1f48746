package dev.planetary.ui.propose.function;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.RowList;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.function.CreateFunctionSpec;
import dev.planetary.kernel.spec.function.FunctionColumn;
import dev.planetary.kernel.spec.function.FunctionLanguage;
import dev.planetary.kernel.spec.function.FunctionParameter;
import dev.planetary.kernel.spec.function.FunctionReturn;
import dev.planetary.kernel.spec.function.FunctionSecurity;
import dev.planetary.kernel.spec.function.FunctionVolatility;
import dev.planetary.kernel.spec.function.ReturnKind;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;
import dev.planetary.ui.views.SqlHighlighter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CREATE [OR REPLACE] FUNCTION: name, parameter rows, what it returns, language, volatility,
 * STRICT, whose rights it runs with and its search_path, a comment, and the body in a monospace
 * editor with its highlighted text beside it (no code-editor component is free in Vaadin 24).
 */
public class CreateFunctionForm extends SpecForm {

    /** What a SECURITY DEFINER function should search: the system catalog, temporary objects last. */
    static final String SAFE_SEARCH_PATH = "pg_catalog, pg_temp";

    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final TextField name = field("name", new TextField("Function name"));
    final RowList<FunctionRows.Parameter> parameters = wide(new RowList<>("Parameters",
            List.of("Name", "Mode", "Type", "Default"), "+ Add parameter",
            "No parameters.", () -> new FunctionRows.Parameter(this::changed), this::changed));
    final Select<ReturnKind> returnKind = field("returns.kind", new Select<>());
    final TextField returnType = field("returns.type", new TextField("Return type"));
    final RowList<FunctionRows.Column> columns = wide(new RowList<>("Columns of the returned rows",
            List.of("Column", "Type"), "+ Add column",
            "No column yet: RETURNS TABLE needs at least one.", () -> new FunctionRows.Column(this::changed), this::changed));
    final RadioButtonGroup<FunctionLanguage> language = field("language", new RadioButtonGroup<>("Language"));
    final RadioButtonGroup<FunctionVolatility> volatility = field("volatility", new RadioButtonGroup<>("Volatility"));
    final RadioButtonGroup<FunctionSecurity> security = field("security", new RadioButtonGroup<>("Runs with the rights of"));
    final TextField searchPath = field("searchPath", new TextField("search_path (schemas, comma-separated)"));
    final Checkbox strict = option("STRICT: returns NULL at once when an argument is NULL");
    final Checkbox replace = option("Replace the function if it exists (CREATE OR REPLACE)");
    final TextField comment = field("comment", new TextField("Comment (optional)"));
    final TextArea body = field("body", new TextArea("Body"));
    final Pre bodyPreview = new Pre();
    private final Div bodyHighlighted = wide(new Div(caption("Body, highlighted"), bodyPreview));
    /** What the form could not carry over from the catalog (settings other than search_path). */
    final Paragraph notes = wide(new Paragraph());

    private final CatalogChoices catalog;
    /** Set while a spec or the catalog fills the form: choosing DEFINER then must not add a search_path. */
    private boolean loading;

    public CreateFunctionForm(CatalogChoices catalog) {
        this.catalog = catalog;
        schema.setItems(catalog.schemas());
        schema.setId("function-schema");
        name.setId("function-name");
        name.setValueChangeMode(ValueChangeMode.LAZY);
        returnKind.setLabel("Returns");
        returnKind.setItems(ReturnKind.values());
        returnKind.setItemLabelGenerator(CreateFunctionForm::returnLabel);
        returnKind.setValue(ReturnKind.SCALAR);
        returnKind.addValueChangeListener(e -> showReturn());
        returnType.setPlaceholder("e.g. numeric, text, bigint[]");
        returnType.setValueChangeMode(ValueChangeMode.LAZY);
        List<FunctionLanguage> languages = new ArrayList<>(List.of(FunctionLanguage.PLPGSQL, FunctionLanguage.SQL));
        // plpython3u is offered only where the target has it (CREATE EXTENSION plpython3u, by a superuser).
        if (catalog.extensionInstalled("plpython3u")) {
            languages.add(FunctionLanguage.PLPYTHON3U);
        }
        language.setItems(languages);
        language.setItemLabelGenerator(FunctionLanguage::sql);
        language.setValue(FunctionLanguage.PLPGSQL);
        volatility.setItems(FunctionVolatility.values());
        volatility.setValue(FunctionVolatility.VOLATILE);
        security.setItems(FunctionSecurity.values());
        security.setItemLabelGenerator(s -> s == FunctionSecurity.INVOKER ? "caller (INVOKER)" : "owner (DEFINER)");
        security.setValue(FunctionSecurity.INVOKER);
        security.addValueChangeListener(e -> {
            if (!loading && e.getValue() == FunctionSecurity.DEFINER && searchPath.getValue().isBlank()) {
                searchPath.setValue(SAFE_SEARCH_PATH);
            }
        });
        security.setId("function-security");
        searchPath.setId("function-search-path");
        searchPath.setValueChangeMode(ValueChangeMode.LAZY);
        searchPath.setHelperText("Fixed for every call; SECURITY DEFINER functions need one: " + SAFE_SEARCH_PATH);
        comment.setValueChangeMode(ValueChangeMode.LAZY);
        body.setId("function-body");
        body.addClassName("sql-editor");
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.setMinHeight("12em");
        body.setPlaceholder("BEGIN\n    RETURN ...;\nEND");
        body.setHelperText("Runs as written, inside a dollar quote; the dry-run compiles it.");
        body.addValueChangeListener(e -> highlightBody());
        bodyPreview.addClassName("sql");
        bodyPreview.setId("function-body-preview");
        notes.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-secondary-text-color))");
        notes.setVisible(false);
        layout.setColspan(body, 2);
        layout.setColspan(comment, 2);
        showReturn();
        highlightBody();
    }

    private <C extends com.vaadin.flow.component.Component> C wide(C component) {
        layout.add(component);
        layout.setColspan(component, 2);
        return component;
    }

    private static Span caption(String text) {
        Span caption = new Span(text);
        caption.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        return caption;
    }

    static String returnLabel(ReturnKind kind) {
        return switch (kind) {
            case SCALAR -> "one value";
            case SETOF -> "a set of values (SETOF)";
            case TABLE -> "rows of columns (TABLE)";
            case TRIGGER -> "trigger";
            case VOID -> "nothing (void)";
        };
    }

    private void showReturn() {
        ReturnKind kind = returnKind.getValue();
        returnType.setVisible(kind != null && kind.takesType());
        columns.setVisible(kind == ReturnKind.TABLE);
        if (kind == ReturnKind.TABLE && columns.rows().isEmpty()) {
            columns.add();
        }
    }

    private void highlightBody() {
        String text = body.getValue();
        bodyHighlighted.setVisible(text != null && !text.isBlank());
        bodyPreview.getElement().setProperty("innerHTML", text == null ? "" : SqlHighlighter.html(text));
    }

    @Override
    protected ChangeSpec build() {
        String schemaName = required("schema", schema.getValue(), "a schema");
        QualifiedName function = value("name", () -> QualifiedName.of(schemaName, required("name", name.getValue(), "a name").strip()));
        List<FunctionParameter> parameterList = new ArrayList<>();
        List<FunctionRows.Parameter> rows = parameters.rows();
        for (int i = 0; i < rows.size(); i++) {
            parameterList.add(rows.get(i).parameter(i));
        }
        ReturnKind kind = returnKind.getValue();
        if (kind == null) {
            throw new Invalid("returns.kind", "choose what the function returns");
        }
        FunctionReturn returns = switch (kind) {
            case SCALAR -> FunctionReturn.scalar(returnType());
            case SETOF -> FunctionReturn.setOf(returnType());
            case TABLE -> {
                List<FunctionColumn> columnList = new ArrayList<>();
                List<FunctionRows.Column> columnRows = columns.rows();
                for (int i = 0; i < columnRows.size(); i++) {
                    columnList.add(columnRows.get(i).column(i));
                }
                yield FunctionReturn.table(columnList);
            }
            case TRIGGER -> FunctionReturn.trigger();
            case VOID -> FunctionReturn.nothing();
        };
        List<Identifier> path = value("searchPath", () -> searchPath(searchPath.getValue()));
        return new CreateFunctionSpec(function, parameterList, returns, language.getValue(), volatility.getValue(),
                strict.getValue(), security.getValue(), path, replace.getValue(), body.getValue(), comment.getValue());
    }

    private TypeName returnType() {
        return value("returns.type", () -> TypeName.of(required("returns.type", returnType.getValue(), "the type it returns")));
    }

    /** {@code pg_catalog, pg_temp} or {@code "$user", public}: names separated by commas, quotes optional. */
    static List<Identifier> searchPath(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).map(part -> {
            if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
                part = part.substring(1, part.length() - 1).replace("\"\"", "\"");
            }
            return Identifier.of(part);
        }).toList();
    }

    @Override
    public void clearErrors() {
        super.clearErrors();
        parameters.clearErrors();
        columns.clearErrors();
    }

    @Override
    public void showError(Invalid invalid) {
        String field = invalid.field();
        if (field != null && field.startsWith("parameters[")
                && parameters.showError(field.substring("parameters".length()), invalid.getMessage())) {
            return;
        }
        if (field != null && field.startsWith("returns.columns[")
                && columns.showError(field.substring("returns.columns".length()), invalid.getMessage())) {
            return;
        }
        super.showError(invalid);
    }

    @Override
    public void load(ChangeSpec spec) {
        loading = true;
        try {
            fill((CreateFunctionSpec) spec);
        } finally {
            loading = false;
        }
    }

    private void fill(CreateFunctionSpec s) {
        notes.setVisible(false);
        schema.setValue(s.name().schema().name());
        name.setValue(s.name().name().name());
        parameters.clear();
        s.parameters().forEach(p -> parameters.add().load(p));
        columns.clear();
        returnKind.setValue(s.returns().kind());
        returnType.setValue(s.returns().type() == null ? "" : s.returns().type().name());
        if (s.returns().kind() == ReturnKind.TABLE) {
            columns.clear();
            s.returns().columns().forEach(c -> columns.add().load(c.name().name(), c.type().name()));
        }
        language.setValue(s.language());
        volatility.setValue(s.volatility());
        strict.setValue(s.strict());
        searchPath.setValue(String.join(", ", s.searchPath().stream().map(Identifier::name).toList()));
        security.setValue(s.security());
        replace.setValue(s.replace());
        comment.setValue(s.comment() == null ? "" : s.comment());
        body.setValue(s.body());
        showReturn();
    }

    /** Starts from the function's current definition, to replace it ("Replace" on the functions page). */
    @Override
    public void preselectFunction(long oid) {
        catalog.function(oid).ifPresent(f -> {
            loading = true;
            try {
                CatalogFunctionDraft.fill(this, f);
            } finally {
                loading = false;
            }
            showReturn();
        });
    }
}
