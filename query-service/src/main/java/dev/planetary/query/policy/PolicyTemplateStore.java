package dev.planetary.query.policy;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.policy.PolicyTemplateMessages.FindSavedTemplatesQuery;
import dev.planetary.kernel.policy.PolicyTemplateMessages.SaveTemplateCommand;
import dev.planetary.kernel.policy.SavedPolicyTemplate;
import dev.planetary.kernel.spec.SpecViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Row-policy templates saved for reuse, in Planetary's own database. A component, not a
 * repository: Spring would translate its refusals into data-access exceptions.
 */
@Component
public class PolicyTemplateStore {

    private final JdbcClient jdbc;

    public PolicyTemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<SavedPolicyTemplate> all(FindSavedTemplatesQuery query) {
        return all();
    }

    @CommandHandler
    public void save(SaveTemplateCommand command) {
        save(command.template(), command.by());
    }

    public List<SavedPolicyTemplate> all() {
        return jdbc.sql("SELECT name, description, command, mode, using_sql, check_sql FROM policy_template ORDER BY name")
                .query((rs, n) -> new SavedPolicyTemplate(rs.getString(1), rs.getString(2),
                        PolicyCommand.valueOf(rs.getString(3)), PolicyMode.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Saves a new template; a name already taken is refused rather than overwritten. */
    @PreAuthorize("hasRole('REQUESTER')")
    public void save(SavedPolicyTemplate template, String by) {
        int inserted = jdbc.sql("""
                        INSERT INTO policy_template (name, description, command, mode, using_sql, check_sql, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING""")
                .params(template.name(), template.description(), template.command().name(), template.mode().name(),
                        template.using(), template.withCheck(), by)
                .update();
        if (inserted == 0) {
            throw new SpecViolation("name", "a template named '" + template.name() + "' exists already");
        }
    }
}
