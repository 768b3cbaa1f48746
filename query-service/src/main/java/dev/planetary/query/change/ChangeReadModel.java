package dev.planetary.query.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.change.query.ChangeFilter;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads {@code change_summary}. */
@Repository
public class ChangeReadModel {

    private static final TypeReference<List<ChangeView.Approval>> APPROVALS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ChangeReadModel(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ChangeView> find(ChangeId changeId) {
        return jdbc.sql("SELECT * FROM change_summary WHERE change_id = ?")
                .param(changeId.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    public List<ChangeView> list(ChangeFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM change_summary WHERE true");
        List<Object> params = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND status = ANY(?)");
            params.add(filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.target() != null) {
            sql.append(" AND target = ?");
            params.add(filter.target().value());
        }
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(filter.kind());
        }
        if (filter.risk() != null) {
            sql.append(" AND risk = ?");
            params.add(filter.risk().name());
        }
        if (filter.requester() != null) {
            sql.append(" AND requester = ?");
            params.add(filter.requester());
        }
        if (filter.object() != null) {
            sql.append(" AND objects @> ARRAY[?]::text[]");
            params.add(filter.object());
        }
        sql.append(" ORDER BY ").append(orderBy(filter.order())).append(" LIMIT ? OFFSET ?");
        params.add(filter.limit());
        params.add(filter.offset());
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    /** The change's whole chain of promotions: the change first proposed, and every promotion of it, oldest first. */
    public List<ChangeView> promotions(ChangeId changeId) {
        return jdbc.sql("""
                        WITH RECURSIVE up AS (
                            SELECT change_id, promoted_from, 0 AS depth FROM change_summary WHERE change_id = :id
                            UNION ALL
                            SELECT c.change_id, c.promoted_from, up.depth + 1
                            FROM change_summary c JOIN up ON c.change_id = up.promoted_from WHERE up.depth < 100),
                        root AS (SELECT change_id FROM up ORDER BY depth DESC LIMIT 1),
                        down AS (
                            SELECT change_id, 0 AS depth FROM root
                            UNION ALL
                            SELECT c.change_id, down.depth + 1
                            FROM change_summary c JOIN down ON c.promoted_from = down.change_id WHERE down.depth < 100)
                        SELECT s.* FROM change_summary s JOIN down USING (change_id) ORDER BY s.proposed_at, s.change_id""")
                .param("id", changeId.value())
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Approved changes to be applied only after {@code changeId}. */
    public List<ChangeId> waitingAfter(ChangeId changeId) {
        return jdbc.sql("SELECT change_id FROM change_summary WHERE applies_after = ? AND status = 'APPROVED' ORDER BY proposed_at")
                .param(changeId.value())
                .query((rs, n) -> ChangeId.of(rs.getString(1)))
                .list();
    }

    /** Approved or applying changes with no event since {@code quietSince}. */
    public List<ChangeId> awaitingApply(Instant quietSince) {
        return jdbc.sql("SELECT change_id FROM change_summary WHERE status IN ('APPROVED', 'APPLYING') AND NOT awaiting_rollout"
                        + " AND updated_at <= ? ORDER BY updated_at")
                .param(Timestamp.from(quietSince))
                .query((rs, n) -> ChangeId.of(rs.getString(1)))
                .list();
    }

    public List<ChangeId> awaitingDryRun(Instant quietSince) {
        return jdbc.sql("SELECT change_id FROM change_summary WHERE status = 'PROPOSED' AND dry_run_status = 'PENDING'"
                        + " AND updated_at <= ? ORDER BY updated_at")
                .param(Timestamp.from(quietSince))
                .query((rs, n) -> ChangeId.of(rs.getString(1)))
                .list();
    }

    private ChangeView map(ResultSet rs) throws SQLException {
        return new ChangeView(
                rs.getString("change_id"),
                TargetId.of(rs.getString("target")),
                rs.getString("environment"),
                rs.getString("promoted_from"),
                rs.getString("applies_after"),
                rs.getString("title"),
                rs.getString("kind"),
                rs.getString("summary"),
                rs.getString("requester"),
                ChangeStatus.valueOf(rs.getString("status")),
                RiskLevel.valueOf(rs.getString("risk")),
                rs.getInt("revision"),
                rs.getInt("required_approvals"),
                rs.getBoolean("awaiting_rollout"),
                read(rs.getString("approvals"), APPROVALS),
                DryRunStatus.valueOf(rs.getString("dry_run_status")),
                read(rs.getString("dry_run"), DryRunOutcome.class),
                read(rs.getString("rejection"), ChangeView.Decision.class),
                read(rs.getString("withdrawal"), ChangeView.Decision.class),
                read(rs.getString("failure"), SqlError.class),
                rs.getString("failure_note"),
                read(rs.getString("waiting"), ChangeView.Waiting.class),
                steps(rs.getString("steps")),
                read(rs.getString("spec"), ChangeSpec.class),
                read(rs.getString("plan"), Plan.class),
                strings(rs.getArray("objects")),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    /** The steps by number, in order. */
    private List<ChangeView.StepView> steps(String value) {
        java.util.Map<String, ChangeView.StepView> byNumber = read(value, STEPS);
        return byNumber == null ? List.of() : byNumber.values().stream()
                .sorted(java.util.Comparator.comparingInt(ChangeView.StepView::number)).toList();
    }

    private static final TypeReference<java.util.Map<String, ChangeView.StepView>> STEPS = new TypeReference<>() {
    };

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return value == null ? null : json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " in change_summary", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return value == null ? null : json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable value in change_summary", e);
        }
    }

    /** Each order as a constant of SQL, never built from input. */
    private static String orderBy(ChangeFilter.Order order) {
        return switch (order) {
            case NEWEST -> "proposed_at DESC, change_id";
            case OLDEST -> "proposed_at ASC, change_id";
            case RISK -> "risk = 'HIGH' DESC, proposed_at ASC, change_id";
            case TITLE -> "title, change_id";
        };
    }
}
