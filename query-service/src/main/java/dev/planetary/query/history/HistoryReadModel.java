package dev.planetary.query.history;

import dev.planetary.kernel.change.query.FindHistoryQuery;
import dev.planetary.kernel.change.query.HistoryEntry;
import dev.planetary.kernel.target.TargetId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Repository
public class HistoryReadModel {

    private final JdbcClient jdbc;

    public HistoryReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event of one change, in the order it happened. */
    public List<HistoryEntry> ofChange(String changeId) {
        return jdbc.sql("SELECT * FROM change_history WHERE change_id = ? ORDER BY sequence")
                .param(changeId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /**
     * The timeline, newest first, narrowed by object, person, event, kind of change
     * ({@code table-privilege}, {@code create-policy}, ...) and target when given.
     */
    public List<HistoryEntry> timeline(FindHistoryQuery filter) {
        String object = filter.object();
        String person = filter.person();
        String event = filter.event();
        String kind = filter.kind();
        StringBuilder sql = new StringBuilder("SELECT * FROM change_history WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.target() != null) {
            sql.append(" AND target = ?");
            params.add(filter.target().value());
        }
        if (object != null) {
            sql.append(" AND objects @> ARRAY[?]::text[]");
            params.add(object);
        }
        if (person != null) {
            sql.append(" AND (actor = ? OR change_id IN (SELECT change_id FROM change_history WHERE event = 'proposed' AND actor = ?))");
            params.add(person);
            params.add(person);
        }
        if (event != null) {
            sql.append(" AND event = ?");
            params.add(event);
        }
        if (kind != null) {
            // the kind lives in the change summary, another projection of the same events
            sql.append(" AND change_id IN (SELECT change_id FROM change_summary WHERE kind = ?)");
            params.add(kind);
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?");
        params.add(Math.min(Math.max(filter.limit(), 1), 1000));
        params.add(Math.max(filter.offset(), 0));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    private static HistoryEntry map(ResultSet rs) throws SQLException {
        Array objects = rs.getArray("objects");
        return new HistoryEntry(rs.getString("change_id"), rs.getLong("sequence"), rs.getString("event"),
                rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("summary"),
                objects == null ? List.of() : Arrays.asList((String[]) objects.getArray()), TargetId.of(rs.getString("target")));
    }
}
