package dev.planetary.ui.propose;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A form for one kind of change. Fields are registered under the spec's field names, so a rule the
 * spec breaks ({@link SpecViolation#field()}) lands on the right field as an error message.
 */
public abstract class SpecForm {

    /** A spec that cannot be built, naming the form field at fault. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    protected final FormLayout layout = new FormLayout();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final java.util.List<Checkbox> options = new java.util.ArrayList<>();
    private final java.util.List<Runnable> listeners = new java.util.ArrayList<>();

    public Component component() {
        return layout;
    }

    /** Builds the spec from the fields, or throws {@link Invalid} naming the field at fault. */
    public final ChangeSpec spec() {
        try {
            return build();
        } catch (SpecViolation e) {
            throw new Invalid(e.field(), e.getMessage());
        }
    }

    protected abstract ChangeSpec build();

    protected <C extends Component & HasValidation & HasValue<?, ?>> C field(String name, C component) {
        fields.put(name, component);
        layout.add(component);
        return component;
    }

    /** A yes/no option (grant option, admin option): on the form and in its change listeners, never at fault. */
    protected Checkbox option(String label) {
        Checkbox option = new Checkbox(label);
        options.add(option);
        layout.add(option);
        return option;
    }

    /** Converts one field's value; a value that is not acceptable is reported on that field. */
    public static <T> T value(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (SpecViolation e) {
            throw new Invalid(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, e.getMessage());
        }
    }

    public static String required(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new Invalid(field, "choose " + what);
        }
        return value;
    }

    /** Fills the form from a spec of its kind, to revise a change. */
    public abstract void load(ChangeSpec spec);

    /** Starts the form on one table (a "propose a change" link from the catalog); forms without a table ignore it. */
    public void preselect(String schema, String table) {
        // no table on this form
    }

    /** Starts the form on one index (a fix offered by the index manager); forms about no index ignore it. */
    public void preselectIndex(String schema, String index) {
        // no index on this form
    }

    /** Starts the form with an index's name and keys (advice from the index manager); forms that build no index ignore it. */
    public void suggestIndex(String name, String keys) {
        // no index built by this form
    }

    /** Starts the form on one function, by oid (a link from the functions page); forms about no function ignore it. */
    public void preselectFunction(long oid) {
        // no function on this form
    }

    /** Starts the form on one server parameter (a link from the configuration page); forms about no parameter ignore it. */
    public void preselectParameter(String name) {
        // no parameter on this form
    }

    /** Starts the form on one pg_cron job, by name (a link from the jobs page); forms about no job ignore it. */
    public void preselectJob(String name) {
        // no job on this form
    }

    /** Starts the form on one publication, by name (a link from the replication page); forms about no publication ignore it. */
    public void preselectPublication(String name) {
        // no publication on this form
    }

    /** Starts the form on one replication slot, by name (a link from the replication page); forms about no slot ignore it. */
    public void preselectSlot(String name) {
        // no slot on this form
    }

    /** Starts the form on one foreign server, by name (a link from the replication page); forms about no server ignore it. */
    public void preselectForeignServer(String name) {
        // no foreign server on this form
    }

    /** Fills the form from a named template of its kind ({@code ?template=}). */
    public void preselectTemplate(String template) {
        // no templates on this form
    }

    public void clearErrors() {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    public void showError(Invalid invalid) {
        HasValidation field = fields.get(invalid.field());
        if (field != null) {
            field.setErrorMessage(invalid.getMessage());
            field.setInvalid(true);
        }
    }

    public void onChange(Runnable listener) {
        for (HasValidation field : fields.values()) {
            ((HasValue<?, ?>) field).addValueChangeListener(e -> listener.run());
        }
        options.forEach(option -> option.addValueChangeListener(e -> listener.run()));
        listeners.add(listener);
    }

    /** Tells the listeners something changed that no registered field reports (a row added or removed, a row's field). */
    protected void changed() {
        listeners.forEach(Runnable::run);
    }
}
