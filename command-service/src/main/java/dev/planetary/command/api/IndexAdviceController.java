package dev.planetary.command.api;

import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.health.HealthQueries.IndexAdviceQuery;
import dev.planetary.kernel.health.IndexAdviceReport;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Index advice from a target's workload ({@code ?target=}): candidates from the top statements' plans,
 * priced with hypopg when the target has it. Sent through the query bus, which checks the right on
 * the target named.
 */
@RestController
@RequestMapping("/api/health/indexes/advice")
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class IndexAdviceController {

    private final QueryGateway queries;

    public IndexAdviceController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public IndexAdviceReport advice(@RequestParam(required = false) String target) {
        return queries.query(new IndexAdviceQuery(TargetParameter.parse(target)), IndexAdviceReport.class).join();
    }
}
