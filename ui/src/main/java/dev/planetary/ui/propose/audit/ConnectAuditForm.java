package dev.planetary.ui.propose.audit;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.audit.ConnectAuditSpec;

/**
 * Connects the target to the audit server. The password is never typed here: the form names a
 * credential configured on the Planetary server, which the executor reads when the change runs.
 */
public class ConnectAuditForm extends SpecForm {

    final TextField host = field("host", new TextField("Audit server host"));
    final IntegerField port = field("port", new IntegerField("Port"));
    final TextField database = field("database", new TextField("Database"));
    final TextField remoteUser = field("remoteUser", new TextField("Writer login"));
    final TextField credential = field("credential", new TextField("Credential name"));

    public ConnectAuditForm(CatalogChoices catalog) {
        port.setValue(5432);
        database.setValue("audit");
        remoteUser.setValue("planetary_audit_writer");
        credential.setValue("audit-writer");
        credential.setHelperText("Configured on the server as planetary.credentials.<name>.password; never stored in the change");
        for (TextField text : java.util.List.of(host, database, remoteUser, credential)) {
            text.setValueChangeMode(ValueChangeMode.LAZY);
        }
    }

    @Override
    protected ChangeSpec build() {
        return new ConnectAuditSpec(null, host.getValue(), port.getValue() == null ? 0 : port.getValue(), database.getValue(),
                remoteUser.getValue(), credential.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        ConnectAuditSpec s = (ConnectAuditSpec) spec;
        host.setValue(s.host());
        port.setValue(s.port());
        database.setValue(s.database());
        remoteUser.setValue(s.remoteUser());
        credential.setValue(s.credential());
    }
}
