package dev.planetary.ui.propose.jobs;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.RoutineCall;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.jobs.JobTemplates;
import dev.planetary.kernel.spec.jobs.ScheduleJobSpec;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/**
 * A new pg_cron job: its name, its schedule (from a common one or written, checked and previewed with its
 * next runs), the SQL it runs (written, or a call of a function picked from the catalog, shown verbatim to
 * reviewers), and whether it starts active.
 */
public class ScheduleJobForm extends SpecForm {

    /** The template of the job that purges pg_cron's run history. */
    public static final String PURGE_RUNS = "purge-job-runs";

    final TextField name = field("name", new TextField("Job name"));
    final TextField schedule = field("schedule", new TextField("Schedule (cron)"));
    final TextArea command = field("command", new TextArea("SQL the job runs"));
    final Checkbox active;
    /** Writes a call of a function or procedure of the catalog into the SQL, to fill in. */
    final ComboBox<Catalog.Function> calls = new ComboBox<>("Or call a function");
    private final ScheduleField builder;

    public ScheduleJobForm(CatalogChoices catalog) {
        name.setId("schedule-job-name");
        builder = new ScheduleField(schedule, "schedule-job");
        layout.addComponentAtIndex(1, builder.presets);
        layout.addComponentAtIndex(3, builder.preview); // under the schedule it previews
        layout.setColspan(builder.preview, 2);
        command.setId("schedule-job-command");
        command.setPlaceholder("CALL app.purge_expired_sessions()");
        command.addClassName("sql-editor");
        layout.setColspan(command, 2);
        calls.setId("schedule-job-call");
        calls.setClearButtonVisible(true);
        calls.setPlaceholder("pick one: its call goes into the SQL");
        calls.setItems(catalog.functions().stream().filter(f -> RoutineCall.standalone(f).isPresent()).toList());
        calls.setItemLabelGenerator(Catalog.Function::signature);
        calls.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                RoutineCall.standalone(e.getValue()).ifPresent(command::setValue);
            }
        });
        layout.addComponentAtIndex(layout.getElement().indexOfChild(command.getElement()), calls);
        layout.setColspan(calls, 2);
        active = option("Active from the start");
        active.setValue(true);
    }

    /** {@code purge-job-runs}: the job that keeps pg_cron's run history to two weeks. */
    @Override
    public void preselectTemplate(String template) {
        if (PURGE_RUNS.equals(template)) {
            load(JobTemplates.purgeRunHistory(JobTemplates.PURGE_RUNS_DAYS));
        }
    }

    @Override
    protected ChangeSpec build() {
        return new ScheduleJobSpec(required("name", name.getValue(), "a name"), required("schedule", schedule.getValue(), "a schedule"),
                required("command", command.getValue(), "the SQL it runs"), active.getValue(), null);
    }

    @Override
    public void load(ChangeSpec spec) {
        ScheduleJobSpec s = (ScheduleJobSpec) spec;
        name.setValue(s.name());
        schedule.setValue(s.schedule());
        command.setValue(s.command());
        active.setValue(s.active());
    }
}
