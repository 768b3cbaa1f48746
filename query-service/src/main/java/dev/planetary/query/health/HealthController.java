package dev.planetary.query.health;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.health.BloatReport;
import dev.planetary.kernel.health.CacheHitRatio;
import dev.planetary.kernel.health.ConnectionSummary;
import dev.planetary.kernel.health.HealthHistory;
import dev.planetary.kernel.health.IndexReport;
import dev.planetary.kernel.health.LintReport;
import dev.planetary.kernel.health.MeasuredBloat;
import dev.planetary.kernel.health.QueryStatistics;
import dev.planetary.kernel.health.SessionActivity;
import dev.planetary.kernel.health.TableHealth;
import dev.planetary.kernel.health.WaitGraph;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.identity.TargetAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
    private final BloatReader bloat;
    private final HealthHistoryReader history;
    private final LintReader lints;
    private final TargetAccess access;

    public HealthController(HealthReader reader, BloatReader bloat, HealthHistoryReader history, LintReader lints, TargetAccess access) {
        this.reader = reader;
        this.bloat = bloat;
        this.history = history;
        this.lints = lints;
        this.access = access;
    }

    /** The lint pass over the live catalog: every finding with its level, object, fix and acknowledgement. */
    @GetMapping("/lints")
    public LintReport lints(@RequestParam(required = false) String target) {
        return lints.lint(on(target));
    }

    /** The figures sampled every minute over the last {@code hours} (1 to 336), with the changes applied meanwhile. */
    @GetMapping("/history")
    public HealthHistory history(@RequestParam(required = false) String target, @RequestParam(defaultValue = "24") int hours) {
        if (hours < 1 || hours > HealthHistoryReader.MAX_HOURS) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "hours must be between 1 and " + HealthHistoryReader.MAX_HOURS,
                    "hours");
        }
        return history.history(on(target), hours);
    }

    /** Every table's and btree index's bloat, estimated from the planner's statistics (never from rows). */
    @GetMapping("/bloat")
    public BloatReport bloat(@RequestParam(required = false) String target) {
        return bloat.estimates(on(target));
    }

    /** One table or btree index measured with pgstattuple (it reads the relation's pages; up to 25 s). */
    @GetMapping("/bloat/{schema}/{name}")
    public MeasuredBloat measure(@PathVariable String schema, @PathVariable String name, @RequestParam(required = false) String target) {
        return bloat.measure(on(target), schema, name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no table or index " + schema + "." + name));
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

    /** Every index with its scans, and the invalid, duplicate, covered and unused ones with the change that fixes each. */
    @GetMapping("/indexes")
    public IndexReport indexes(@RequestParam(required = false) String target) {
        return reader.indexReport(on(target));
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
