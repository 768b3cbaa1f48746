package dev.planetary.query.health;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeNotFoundException;
import dev.planetary.kernel.health.HealthQueries.ChangeStatementsQuery;
import dev.planetary.kernel.health.StatementImpact;
import dev.planetary.query.change.ChangeReadModel;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statements on what a change touched, before and after its apply. Sent through the query bus,
 * which checks the right on the change's target: the answer holds that target's statement texts.
 */
@RestController
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class ChangeStatementsController {

    private final ChangeReadModel changes;
    private final QueryGateway queries;

    public ChangeStatementsController(ChangeReadModel changes, QueryGateway queries) {
        this.changes = changes;
        this.queries = queries;
    }

    @GetMapping("/api/changes/{id}/statements")
    public StatementImpact statements(@PathVariable String id) {
        ChangeId changeId = ChangeId.of(id);
        if (changes.find(changeId).isEmpty()) {
            throw new ChangeNotFoundException(id);
        }
        return queries.query(new ChangeStatementsQuery(changeId), StatementImpact.class).join();
    }
}
