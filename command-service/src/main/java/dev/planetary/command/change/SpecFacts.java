package dev.planetary.command.change;

import dev.planetary.kernel.catalog.FindTableFactsQuery;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.CreateViewSpec;
import dev.planetary.kernel.spec.ProtectTableSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.TableFacts;
import dev.planetary.kernel.spec.UnprotectTableSpec;
import dev.planetary.kernel.sql.QualifiedName;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Fills in what a spec needs from the world before it is recorded: a protection or a view gets the
 * catalog's facts about its table (whatever a client sent is replaced), an unprotect gets the
 * protection it undoes, as that change recorded it. Other kinds are complete as they are.
 */
@Component
public class SpecFacts {

    private final QueryGateway queries;

    public SpecFacts(QueryGateway queries) {
        this.queries = queries;
    }

    public ChangeSpec complete(ChangeSpec spec) {
        if (spec instanceof ProtectTableSpec protect) {
            return protect.withFacts(facts(protect.table(), "table"));
        }
        if (spec instanceof CreateViewSpec view) {
            return view.withFacts(facts(view.source(), "source"));
        }
        if (spec instanceof UnprotectTableSpec unprotect) {
            return unprotect.withProtection(protection(unprotect.protectedBy()));
        }
        return spec;
    }

    private TableFacts facts(QualifiedName table, String field) {
        Optional<TableFacts> facts = queries.query(new FindTableFactsQuery(table),
                ResponseTypes.optionalInstanceOf(TableFacts.class)).join();
        return facts.orElseThrow(() -> new SpecViolation(field, "there is no table " + table.display()));
    }

    private ProtectTableSpec protection(String changeId) {
        ChangeView change;
        try {
            change = queries.query(new FindChangeQuery(ChangeId.of(changeId), 0), ChangeView.class).join();
        } catch (CompletionException | IllegalArgumentException e) {
            throw new SpecViolation("protectedBy", "there is no change " + changeId);
        }
        if (change == null || !(change.spec() instanceof ProtectTableSpec protection)) {
            throw new SpecViolation("protectedBy", "change " + changeId + " is not a protection of a table");
        }
        if (change.status() != ChangeStatus.APPLIED) {
            throw new SpecViolation("protectedBy", "change " + changeId + " is " + change.status().name().toLowerCase()
                    + ", not applied: there is nothing to undo");
        }
        return protection;
    }
}
