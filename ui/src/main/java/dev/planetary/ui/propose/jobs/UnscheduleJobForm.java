package dev.planetary.ui.propose.jobs;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.jobs.UnscheduleJobSpec;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/** Unschedules a job (its run history stays); the inverse schedules it again. */
public class UnscheduleJobForm extends SpecForm {

    final ComboBox<String> name = field("name", new ComboBox<>("Job"));

    public UnscheduleJobForm(CatalogChoices catalog) {
        name.setItems(catalog.jobNames());
        name.setId("unschedule-job-name");
    }

    @Override
    protected ChangeSpec build() {
        return new UnscheduleJobSpec(required("name", name.getValue(), "a job"), null);
    }

    @Override
    public void preselectJob(String job) {
        name.setValue(job);
    }

    @Override
    public void load(ChangeSpec spec) {
        name.setValue(((UnscheduleJobSpec) spec).name());
    }
}
