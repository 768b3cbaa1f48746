package dev.planetary.ui.propose.documentation;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.ddl.CommentOn.Target;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.documentation.CommentOnSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;
import dev.planetary.ui.propose.function.DropFunctionForm;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * COMMENT ON: what to document (table, column, view, function, policy, trigger, role, schema),
 * the object picked from the catalog, and the text; an empty text removes the comment.
 */
public class CommentOnForm extends SpecForm {

    private static final Set<Target> ON_RELATION = EnumSet.of(Target.TABLE, Target.COLUMN, Target.VIEW, Target.POLICY, Target.TRIGGER);

    private final CatalogChoices catalog;
    final Select<Target> target = field("target", new Select<>());
    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final ComboBox<String> relation = field("object", new ComboBox<>("Table or view"));
    final ComboBox<Catalog.Function> function = field("function", new ComboBox<>("Function"));
    final ComboBox<String> name = field("name", new ComboBox<>("Name"));
    final TextArea comment = field("comment", new TextArea("Comment (empty removes it)"));

    public CommentOnForm(CatalogChoices catalog) {
        this.catalog = catalog;
        target.setLabel("Comment on");
        target.setItems(Target.values());
        target.setItemLabelGenerator(t -> t.name().toLowerCase());
        schema.setItems(catalog.schemas());
        function.setItems(catalog.functions());
        function.setItemLabelGenerator(Catalog.Function::signature);
        function.setWidth("32em");
        comment.setWidth("36em");
        target.addValueChangeListener(e -> arrange());
        schema.addValueChangeListener(e -> relation.setItems(catalog.relations(e.getValue())));
        relation.addValueChangeListener(e -> offerNames());
        target.setValue(Target.TABLE);
    }

    private void arrange() {
        Target chosen = target.getValue();
        schema.setVisible(chosen != Target.ROLE && chosen != Target.FUNCTION);
        relation.setVisible(ON_RELATION.contains(chosen));
        function.setVisible(chosen == Target.FUNCTION);
        name.setVisible(chosen != Target.TABLE && chosen != Target.VIEW && chosen != Target.FUNCTION);
        name.setLabel(chosen.name().charAt(0) + chosen.name().substring(1).toLowerCase());
        offerNames();
    }

    private void offerNames() {
        List<String> names = switch (target.getValue()) {
            case COLUMN -> catalog.columns(schema.getValue(), relation.getValue());
            case POLICY -> catalog.policies(schema.getValue(), relation.getValue());
            case TRIGGER -> catalog.triggers(schema.getValue(), relation.getValue());
            case ROLE -> catalog.roles();
            case SCHEMA -> catalog.schemas();
            default -> List.of();
        };
        name.setItems(names);
    }

    @Override
    protected ChangeSpec build() {
        Target chosen = target.getValue();
        QualifiedName object = null;
        List<TypeName> types = List.of();
        if (ON_RELATION.contains(chosen)) {
            object = value("object", () -> QualifiedName.of(required("schema", schema.getValue(), "a schema"),
                    required("object", relation.getValue(), "a table or view")));
        } else if (chosen == Target.FUNCTION) {
            Catalog.Function picked = function.getValue();
            if (picked == null) {
                required("function", null, "a function");
            }
            object = QualifiedName.of(picked.schema(), picked.name());
            types = DropFunctionForm.inputTypes(picked).stream().map(TypeName::of).toList();
        }
        Identifier named = name.isVisible() ? value("name", () -> Identifier.of(required("name", name.getValue(), "a name"))) : null;
        return new CommentOnSpec(chosen, object, named, types, comment.getValue(), null);
    }

    @Override
    public void load(ChangeSpec spec) {
        CommentOnSpec s = (CommentOnSpec) spec;
        target.setValue(s.target());
        if (s.target() == Target.FUNCTION) {
            List<String> types = s.argumentTypes().stream().map(TypeName::name).toList();
            function.getListDataView().getItems().filter(f -> f.schema().equals(s.object().schema().name())
                    && f.name().equals(s.object().name().name()) && DropFunctionForm.inputTypes(f).equals(types))
                    .findFirst().ifPresent(function::setValue);
        } else if (s.object() != null) {
            schema.setValue(s.object().schema().name());
            relation.setValue(s.object().name().name());
        }
        if (s.name() != null) {
            name.setValue(s.name().name());
        }
        comment.setValue(s.comment() == null ? "" : s.comment());
    }
}
