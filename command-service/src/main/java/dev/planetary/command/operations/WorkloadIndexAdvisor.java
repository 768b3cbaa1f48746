package dev.planetary.command.operations;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.health.AdvisedStatement;
import dev.planetary.kernel.health.HealthQueries.IndexAdviceQuery;
import dev.planetary.kernel.health.IndexAdvice;
import dev.planetary.kernel.health.IndexAdviceReport;
import dev.planetary.kernel.health.IndexCandidate;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Index advice from the workload. The top statements of pg_stat_statements are planned here, on the
 * executor's login, because a plan needs the privileges of the statement (the metadata login has
 * none on tables): each one as the role that ran it, with that role's search_path, so planning
 * evaluates nothing with more rights than its author had. EXPLAIN without ANALYZE reads no row; the
 * one transaction has short timeouts and is always rolled back. Candidates come from the generic
 * plans' sequential scans ({@link WorkloadPlanner}); with hypopg on the target each is priced by
 * planning the statement again beside a hypothetical index.
 */
@Service
public class WorkloadIndexAdvisor {

    static final int STATEMENTS = 20;
    static final String PRICING = "Install hypopg to price these candidates: the Debian package postgresql-15-hypopg on the "
            + "server, then CREATE EXTENSION hypopg in the database (a reviewed change). Without it they are ranked by the "
            + "planner cost of the statements they would serve.";
    private static final String READINESS = """
            SELECT (SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
                    WHERE x.extname = 'pg_stat_statements') AS statements_in,
                   (SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
                    WHERE x.extname = 'hypopg') AS hypopg_in,
                   current_database() AS database""";

    private final DdlTargets targets;

    public WorkloadIndexAdvisor(DdlTargets targets) {
        this.targets = targets;
    }

    @QueryHandler
    public IndexAdviceReport handle(IndexAdviceQuery query) {
        return advise(query.target());
    }

    public IndexAdviceReport advise(TargetId target) {
        try (Connection connection = targets.get(target).database().connection()) {
            connection.setAutoCommit(false);
            WorkloadPlanner planner = null;
            try {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET LOCAL statement_timeout = 5000; SET LOCAL lock_timeout = 100");
                }
                Readiness ready = readiness(connection);
                if (ready.statementsIn() == null) {
                    return IndexAdviceReport.unavailable("pg_stat_statements is not installed in " + ready.database()
                            + ": load it (shared_preload_libraries) and install the extension; the advice reads the workload from it");
                }
                planner = new WorkloadPlanner(connection, ready.hypopgIn());
                return advise(connection, planner, ready);
            } finally {
                connection.rollback();
                if (planner != null) {
                    planner.forget();
                }
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("index advice", null, e);
        }
    }

    private IndexAdviceReport advise(Connection connection, WorkloadPlanner planner, Readiness ready) throws SQLException {
        Map<IndexCandidate, List<AdvisedStatement>> served = new LinkedHashMap<>();
        Map<IndexCandidate, Long> sizes = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        int planned = 0;
        for (WorkloadPlanner.WorkloadStatement statement : planner.topStatements(ready.statementsIn(), STATEMENTS)) {
            try {
                List<WorkloadPlanner.Priced> prices = planner.price(statement);
                planned++;
                for (WorkloadPlanner.Priced price : prices) {
                    served.computeIfAbsent(price.candidate(), c -> new ArrayList<>()).add(new AdvisedStatement(statement.queryId(),
                            statement.query(), statement.role(), statement.calls(), statement.meanMillis(), price.costBefore(),
                            price.costAfter()));
                    if (price.estimatedBytes() != null) {
                        sizes.merge(price.candidate(), price.estimatedBytes(), Math::max);
                    }
                }
            } catch (WorkloadPlanner.NotPlanned e) {
                skipped.add(e.getMessage());
            }
        }
        List<IndexAdvice> advice = new ArrayList<>();
        for (Map.Entry<IndexCandidate, List<AdvisedStatement>> each : served.entrySet()) {
            WorkloadPlanner.WriteLoad writes = planner.writeLoad(each.getKey());
            advice.add(new IndexAdvice(each.getKey(), each.getValue(), sizes.get(each.getKey()), writes.indexes(),
                    writes.indexedWrites(), false));
        }
        return IndexAdviceReport.of(advice, planned, skipped, ready.hypopgIn() == null ? PRICING : null);
    }

    private static Readiness readiness(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READINESS); ResultSet rs = read.executeQuery()) {
            rs.next();
            return new Readiness(rs.getString("statements_in"), rs.getString("hypopg_in"), rs.getString("database"));
        }
    }

    private record Readiness(String statementsIn, String hypopgIn, String database) {
    }
}
