package dev.planetary.query.health;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.health.CacheHitRatio;
import dev.planetary.kernel.health.ConnectionSummary;
import dev.planetary.kernel.health.QueryStatistics;
import dev.planetary.kernel.health.SessionActivity;
import dev.planetary.kernel.health.TableHealth;
import dev.planetary.kernel.health.WaitGraph;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.identity.TargetAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * The live state of a target ({@code ?target=}, the default one when none is named) from its statistics
 * views, for anyone with a Planetary right. Each answer is read with short timeouts: a target that is
 * slow or locked answers 503 rather than holding the request.
 */
@RestController
@RequestMapping("/api/health")
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class HealthController {

    static final int MAX_QUERIES = 500;

    private final HealthReader reader;
    private final TargetAccess access;

    public HealthController(HealthReader reader, TargetAccess access) {
        this.reader = reader;
        this.access = access;
    }

    @GetMapping("/tables")
    public List<TableHealth> tables(@RequestParam(required = false) String target) {
        return reader.tables(on(target));
    }

    @GetMapping("/connections")
    public ConnectionSummary connections(@RequestParam(required = false) String target) {
        return reader.connections(on(target));
    }

    @GetMapping("/cache")
    public CacheHitRatio cache(@RequestParam(required = false) String target) {
        return reader.cacheHitRatio(on(target));
    }

    @GetMapping("/sessions")
    public List<SessionActivity> sessions(@RequestParam(required = false) String target) {
        return reader.sessions(on(target));
    }

    /** Who blocks whom: the roots (blocking, not waiting) with the sessions waiting for them, and every wait. */
    @GetMapping("/locks")
    public WaitGraph locks(@RequestParam(required = false) String target) {
        return WaitGraph.of(reader.sessions(on(target)));
    }

    @GetMapping("/queries")
    public QueryStatistics queries(@RequestParam(required = false) String target,
                                   @RequestParam(defaultValue = "total_time") String order,
                                   @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_QUERIES) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "limit must be between 1 and " + MAX_QUERIES, "limit");
        }
        return reader.topQueries(on(target), order(order), limit);
    }

    private static QueryStatistics.Order order(String order) {
        try {
            return QueryStatistics.Order.valueOf(order.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID,
                    "order must be one of total_time, calls, mean_time, rows", "order");
        }
    }

    private TargetId on(String target) {
        return access.readable(TargetParameter.parse(target));
    }
}
