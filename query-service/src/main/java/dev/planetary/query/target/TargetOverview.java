package dev.planetary.query.target;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetQueries.FindTargetsQuery;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.query.target.MetadataTargets.MetadataTarget;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each target stands: its last health check, its open changes and its recent drift. Two
 * grouped reads of the control plane's read models whatever the number of targets; no target is
 * asked anything while the page waits.
 */
@Component
public class TargetOverview {

    static final Duration RECENT_DRIFT = Duration.ofDays(7);

    private final MetadataTargets targets;
    private final TargetHealthChecks health;
    private final JdbcClient control;
    private final Clock clock;

    public TargetOverview(MetadataTargets targets, TargetHealthChecks health, JdbcClient control, Clock clock) {
        this.targets = targets;
        this.health = health;
        this.control = control;
        this.clock = clock;
    }

    @QueryHandler
    public List<TargetView> targets(FindTargetsQuery query) {
        return targets();
    }

    public List<TargetView> targets() {
        Map<String, Long> open = counts("""
                SELECT target, count(*) FROM change_summary
                WHERE status IN ('PROPOSED', 'APPROVED', 'APPLYING', 'DRIFTED') GROUP BY target""", Map.of());
        Map<String, Long> drift = counts("""
                SELECT target, count(*) FROM change_history
                WHERE event = 'drift' AND occurred_at >= :since GROUP BY target""",
                Map.of("since", Timestamp.from(clock.instant().minus(RECENT_DRIFT))));
        TargetId home = targets.home().id();
        return targets.all().stream().map(target -> view(target, home, open, drift)).toList();
    }

    private TargetView view(MetadataTarget target, TargetId home, Map<String, Long> open, Map<String, Long> drift) {
        MetadataTargetProperties settings = target.settings();
        String id = target.id().value();
        return new TargetView(target.id(), settings.name() == null ? id : settings.name(), settings.environment(),
                settings.colour(), target.id().equals(home), health.of(target.id()), open.getOrDefault(id, 0L),
                drift.getOrDefault(id, 0L), !targets.isConfigured(target.id()));
    }

    private Map<String, Long> counts(String sql, Map<String, Object> parameters) {
        Map<String, Long> counts = new HashMap<>();
        control.sql(sql).params(parameters).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
