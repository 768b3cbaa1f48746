package dev.planetary.command.operations;

import dev.planetary.kernel.health.IndexCandidate;
import dev.planetary.kernel.health.IndexCandidates;
import dev.planetary.kernel.health.NormalisedStatement;
import dev.planetary.kernel.health.PlanPredicates;
import dev.planetary.kernel.sql.Identifier;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Plans the workload's statements on one connection inside the advisor's transaction: each statement
 * in a savepoint, as its role, as a generic plan ({@code plan_cache_mode = force_generic_plan}: the
 * normalised text keeps its $n parameters, so PostgreSQL 15 can only plan it prepared); then, with
 * hypopg, again beside each candidate index imagined by hypopg (a fresh PREPARE, since a cached plan
 * would not see it).
 */
final class WorkloadPlanner {

    private static final String TOP = """
            SELECT s.queryid, s.query, r.rolname AS role, r.rolsuper, pg_has_role(current_user, r.oid, 'USAGE') AS member,
                   s.calls, s.mean_exec_time,
                   (SELECT substr(setting, 13) FROM pg_db_role_setting d, unnest(d.setconfig) setting
                    WHERE d.setrole IN (r.oid, 0) AND d.setdatabase IN (0, s.dbid) AND setting LIKE 'search_path=%'
                    ORDER BY d.setrole <> 0 DESC, d.setdatabase <> 0 DESC LIMIT 1) AS search_path
            FROM {view} s JOIN pg_roles r ON r.oid = s.userid
            WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND s.query ~* '^\\s*(select|with|update|delete)\\M'
              AND s.query !~* '\\m(pg_catalog|information_schema|pg_stat\\w*|pg_class|pg_namespace|pg_attribute|pg_index|pg_roles|pg_proc|pg_locks)\\M'
              AND r.rolname <> current_user
            ORDER BY s.total_exec_time DESC
            LIMIT ?""";
    private static final String TABLE = """
            SELECT array(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
                   array(SELECT array_to_string(array(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                                                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                                                      WHERE k.n <= i.indnkeyatts ORDER BY k.n), chr(31))
                         FROM pg_index i WHERE i.indrelid = c.oid AND i.indisvalid AND NOT 0 = ANY (i.indkey::int2[])) AS leads
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ?""";
    private static final String WRITES = """
            SELECT (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid) AS indexes,
                   coalesce(s.n_tup_ins + s.n_tup_upd - s.n_tup_hot_upd, 0) AS indexed_writes
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
            WHERE n.nspname = ? AND c.relname = ?""";
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");
    private static final String PREFIX = "planetary_advice_";

    record WorkloadStatement(long queryId, String query, String role, boolean superuser, boolean member, String searchPath,
                             long calls, double meanMillis) {
    }

    /** One candidate for one statement: the plan's cost without it and (hypopg) with it, and its estimated size. */
    record Priced(IndexCandidate candidate, double costBefore, Double costAfter, Long estimatedBytes) {
    }

    /** What the table's writes maintain today. */
    record WriteLoad(int indexes, long indexedWrites) {
    }

    /** Why a statement of the workload could not be planned here, in words. */
    static final class NotPlanned extends Exception {
        NotPlanned(WorkloadStatement statement, String why) {
            super("query " + statement.queryId() + " (" + statement.role() + "): " + why);
        }
    }

    private final Connection connection;
    private final String hypopgIn;
    private int prepared;

    WorkloadPlanner(Connection connection, String hypopgIn) {
        this.connection = connection;
        this.hypopgIn = hypopgIn;
    }

    List<WorkloadStatement> topStatements(String statementsIn, int limit) throws SQLException {
        String sql = TOP.replace("{view}", Identifier.of(statementsIn).quoted() + ".pg_stat_statements");
        List<WorkloadStatement> statements = new ArrayList<>();
        try (PreparedStatement top = connection.prepareStatement(sql)) {
            top.setInt(1, limit);
            try (ResultSet rs = top.executeQuery()) {
                while (rs.next()) {
                    statements.add(new WorkloadStatement(rs.getLong("queryid"), rs.getString("query"), rs.getString("role"),
                            rs.getBoolean("rolsuper"), rs.getBoolean("member"), rs.getString("search_path"), rs.getLong("calls"),
                            rs.getDouble("mean_exec_time")));
                }
            }
        }
        return statements;
    }

    /** The statement's candidates, each priced when hypopg is there; nothing of it outlives the savepoint. */
    List<Priced> price(WorkloadStatement statement) throws NotPlanned, SQLException {
        if (statement.query().contains(";")) {
            throw new NotPlanned(statement, "its text holds a semicolon, and Planetary plans one statement at a time");
        }
        if (statement.superuser()) {
            throw new NotPlanned(statement, "it ran as a superuser, and Planetary plans a statement only as the role that ran it, "
                    + "never with a superuser's rights");
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            if (!statement.member()) {
                execute("GRANT " + Identifier.of(statement.role()).quoted() + " TO CURRENT_USER");
            }
            String plan = explainAs(statement);
            double before = PlanPredicates.totalCost(plan);
            List<Priced> prices = new ArrayList<>();
            for (PlanPredicates.Scan scan : PlanPredicates.of(plan)) {
                if (scan.schema() == null || SYSTEM_SCHEMAS.contains(scan.schema())) {
                    continue;
                }
                for (IndexCandidate candidate : candidates(scan)) {
                    prices.add(hypopgIn == null ? new Priced(candidate, before, null, null) : imagine(statement, candidate, before));
                }
            }
            return prices;
        } catch (SQLException e) {
            throw new NotPlanned(statement, e.getMessage());
        } finally {
            connection.rollback(savepoint);
        }
    }

    private Priced imagine(WorkloadStatement statement, IndexCandidate candidate, double before) throws SQLException {
        execute("SET LOCAL ROLE NONE");
        long index;
        try (PreparedStatement create = connection.prepareStatement(
                "SELECT indexrelid FROM " + hypopg("hypopg_create_index") + "(?)")) {
            create.setString(1, candidate.hypotheticalSql());
            try (ResultSet rs = create.executeQuery()) {
                rs.next();
                index = rs.getLong(1);
            }
        }
        try {
            double after = PlanPredicates.totalCost(explainAs(statement));
            execute("SET LOCAL ROLE NONE");
            return new Priced(candidate, before, after, single("SELECT " + hypopg("hypopg_relation_size") + "(" + index + ")"));
        } finally {
            execute("SET LOCAL ROLE NONE");
            execute("SELECT " + hypopg("hypopg_reset") + "()");
        }
    }

    /** EXPLAIN of the statement's generic plan, as its role with its search_path. */
    private String explainAs(WorkloadStatement statement) throws SQLException {
        execute("SET LOCAL ROLE " + Identifier.of(statement.role()).quoted());
        try (PreparedStatement path = connection.prepareStatement("SELECT set_config('search_path', ?, true)")) {
            path.setString(1, statement.searchPath() == null ? "\"$user\", public" : statement.searchPath());
            path.execute();
        }
        execute("SET LOCAL plan_cache_mode = force_generic_plan");
        String name = PREFIX + (++prepared);
        // one statement (no semicolon, checked), sent as it was recorded: its $n stay parameters
        execute("PREPARE " + name + " AS " + NormalisedStatement.preparable(statement.query()));
        int parameters;
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT coalesce(cardinality(parameter_types), 0) FROM pg_prepared_statements WHERE name = ?")) {
            count.setString(1, name);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                parameters = rs.getInt(1);
            }
        }
        String nulls = String.join(", ", Collections.nCopies(parameters, "NULL"));
        String plan;
        try (Statement explain = connection.createStatement();
             ResultSet rs = explain.executeQuery("EXPLAIN (VERBOSE, FORMAT JSON) EXECUTE " + name + (parameters == 0 ? "" : "(" + nulls + ")"))) {
            rs.next();
            plan = rs.getString(1);
        }
        execute("DEALLOCATE " + name);
        return plan;
    }

    private List<IndexCandidate> candidates(PlanPredicates.Scan scan) throws SQLException {
        try (PreparedStatement table = connection.prepareStatement(TABLE)) {
            table.setString(1, scan.schema());
            table.setString(2, scan.table());
            try (ResultSet rs = table.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                Set<String> columns = Set.copyOf(strings(rs.getArray("columns")));
                List<List<String>> leads = strings(rs.getArray("leads")).stream()
                        .map(lead -> List.of(lead.split(String.valueOf((char) 31)))).toList();
                return IndexCandidates.of(scan, columns, leads);
            }
        }
    }

    WriteLoad writeLoad(IndexCandidate candidate) throws SQLException {
        try (PreparedStatement writes = connection.prepareStatement(WRITES)) {
            writes.setString(1, candidate.schema());
            writes.setString(2, candidate.table());
            try (ResultSet rs = writes.executeQuery()) {
                return rs.next() ? new WriteLoad(rs.getInt("indexes"), rs.getLong("indexed_writes")) : new WriteLoad(0, 0);
            }
        }
    }

    /**
     * Prepared statements and hypothetical indexes belong to the session, not the transaction: once the
     * transaction is rolled back, whatever a failure left behind is dropped before the connection goes
     * back to the pool.
     */
    void forget() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement left = connection.prepareStatement(
                "SELECT name FROM pg_prepared_statements WHERE name LIKE 'planetary\\_advice\\_%'"); ResultSet rs = left.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            execute("DEALLOCATE " + Identifier.of(name).quoted());
        }
        if (hypopgIn != null) {
            execute("SELECT " + hypopg("hypopg_reset") + "()");
        }
        connection.rollback();
    }

    private String hypopg(String function) {
        return Identifier.of(hypopgIn).quoted() + "." + function;
    }

    private Long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
