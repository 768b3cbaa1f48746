package dev.planetary.ui.propose.jobs;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.jobs.AlterJobSpec;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/** A change to a job: a new schedule, new SQL, enabled or disabled; blank fields stay as they are. */
public class AlterJobForm extends SpecForm {

    static final String UNCHANGED = "unchanged";
    static final String ENABLE = "enable";
    static final String DISABLE = "disable";

    final ComboBox<String> name = field("name", new ComboBox<>("Job"));
    final Select<String> activity = field("active", new Select<>());
    final TextField schedule = field("schedule", new TextField("New schedule (blank: unchanged)"));
    final TextArea command = field("command", new TextArea("New SQL (blank: unchanged)"));
    private final ScheduleField builder;

    public AlterJobForm(CatalogChoices catalog) {
        name.setItems(catalog.jobNames());
        name.setId("alter-job-name");
        activity.setLabel("Enabled");
        activity.setItems(UNCHANGED, ENABLE, DISABLE);
        activity.setValue(UNCHANGED);
        activity.setId("alter-job-active");
        builder = new ScheduleField(schedule, "alter-job");
        layout.addComponentAtIndex(2, builder.presets);
        layout.addComponentAtIndex(4, builder.preview); // under the schedule it previews
        layout.setColspan(builder.preview, 2);
        command.setId("alter-job-command");
        command.addClassName("sql-editor");
        layout.setColspan(command, 2);
    }

    @Override
    protected ChangeSpec build() {
        Boolean active = switch (activity.getValue() == null ? UNCHANGED : activity.getValue()) {
            case ENABLE -> true;
            case DISABLE -> false;
            default -> null;
        };
        return new AlterJobSpec(required("name", name.getValue(), "a job"), blankAsNull(schedule.getValue()),
                blankAsNull(command.getValue()), active, null);
    }

    @Override
    public void preselectJob(String job) {
        name.setValue(job);
    }

    @Override
    public void load(ChangeSpec spec) {
        AlterJobSpec s = (AlterJobSpec) spec;
        name.setValue(s.name());
        schedule.setValue(s.schedule() == null ? "" : s.schedule());
        command.setValue(s.command() == null ? "" : s.command());
        activity.setValue(s.active() == null ? UNCHANGED : s.active() ? ENABLE : DISABLE);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
