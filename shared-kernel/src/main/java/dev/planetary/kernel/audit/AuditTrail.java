package dev.planetary.kernel.audit;

import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The audit trail over the query bus: the one place Planetary shows row data, for operators only. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** One audited write, with the row before and after as JSON text. */
    public record Row(long id, Instant at, String schema, String table, String operation, String sessionUser,
                      String claims, String before, String after) {
    }

    public record Filter(String table, String operation, String person, Instant from, Instant to, int limit) {
        public Filter {
            limit = limit <= 0 || limit > 500 ? 200 : limit;
        }
    }

    /** Reachable, round trip, last write, rows per day (last 7 days), retention job, tables audited or not. */
    public record Health(boolean reachable, String problem, long roundTripMillis, Instant lastWrite,
                         Map<String, Long> rowsPerDay, String retentionJob, List<String> auditedTables,
                         List<String> unauditedTables) {
    }

    /** Answered with the {@link Row}s written on the target that the filter selects, newest first. */
    @RequiresRight(PlanetaryRight.OPERATOR)
    public record RowsQuery(TargetId target, Filter filter) {
    }

    /** Answered with the audit server's {@link Health}, and which of the target's tables are audited. */
    @RequiresRight(PlanetaryRight.OPERATOR)
    public record HealthQuery(TargetId target) {
    }
}
