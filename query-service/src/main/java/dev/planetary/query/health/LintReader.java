package dev.planetary.query.health;

import dev.planetary.kernel.health.HealthFinding;
import dev.planetary.kernel.health.IndexFinding;
import dev.planetary.kernel.health.LintReport;
import dev.planetary.kernel.health.LintRule;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.CatalogSql;
import dev.planetary.query.target.MetadataTargets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lint pass over a target's live catalog: one query per rule ({@code health/lints/*.sql}) on the
 * metadata connection, the index rules from the index advisor, and the acknowledgements from the control
 * plane laid over them. A rule that needs what the target lacks is skipped with the reason.
 */
@Component
public class LintReader {

    private static final Map<LintRule, String> QUERIES = new EnumMap<>(LintRule.class);
    private static final String NO_SEQUENCE_USAGE = "planetary.sequence_usage() is not installed on this target: a superuser runs"
            + " monitoring.sql (ui/src/main/resources/demo/) once";

    static {
        for (LintRule rule : LintRule.values()) {
            if (rule != LintRule.DUPLICATE_INDEX && rule != LintRule.UNUSED_INDEX) {
                QUERIES.put(rule, CatalogSql.resource("/health/lints/" + rule.name().toLowerCase(Locale.ROOT) + ".sql"));
            }
        }
    }

    private final MetadataTargets targets;
    private final HealthReader health;
    private final JdbcClient control;

    public LintReader(MetadataTargets targets, HealthReader health, JdbcClient control) {
        this.targets = targets;
        this.health = health;
        this.control = control;
    }

    public LintReport lint(TargetId named) {
        TargetId target = targets.get(named).id();
        long started = System.nanoTime();
        Map<LintRule, String> skipped = new EnumMap<>(LintRule.class);
        List<HealthFinding> findings = MonitoringSession.read(targets.database(target), jdbc -> catalogFindings(jdbc, skipped));
        for (IndexFinding index : health.indexReport(target).findings()) {
            LintRule rule = switch (index.kind()) {
                case DUPLICATE, COVERED -> LintRule.DUPLICATE_INDEX;
                case UNUSED -> LintRule.UNUSED_INDEX;
                case INVALID -> null; // the index manager offers its rebuild
            };
            if (rule != null) {
                findings.add(new HealthFinding(rule, index.index().schema(), index.index().name(), index.index().qualifiedName(),
                        index.reason(), Map.of("kind", "drop-index", "schema", index.index().schema(), "index", index.index().name()), null));
            }
        }
        Map<String, HealthFinding.Acknowledgement> acknowledged = acknowledgements(target);
        List<HealthFinding> marked = findings.stream()
                .map(f -> f.acknowledgedBy(acknowledged.get(f.rule().name() + " " + f.object()))).toList();
        return new LintReport(marked, skipped, (System.nanoTime() - started) / 1_000_000);
    }

    private static List<HealthFinding> catalogFindings(JdbcClient jdbc, Map<LintRule, String> skipped) {
        List<HealthFinding> findings = new ArrayList<>();
        boolean sequenceUsage = jdbc.sql("SELECT to_regprocedure('planetary.sequence_usage()') IS NOT NULL").query(Boolean.class).single();
        QUERIES.forEach((rule, sql) -> {
            if (rule == LintRule.SEQUENCE_NEAR_LIMIT && !sequenceUsage) {
                skipped.put(rule, NO_SEQUENCE_USAGE);
                return;
            }
            findings.addAll(jdbc.sql(sql).query((rs, row) -> finding(rule, rs)).list());
        });
        return findings;
    }

    private static HealthFinding finding(LintRule rule, ResultSet rs) throws SQLException {
        String schema = rs.getString("schema");
        String name = rs.getString("name");
        Map<String, String> fix = new LinkedHashMap<>();
        if (rule.fixKind() != null) {
            fix.put("kind", rule.fixKind());
            if (rule == LintRule.SECURITY_DEFINER_SEARCH_PATH) {
                fix.put("function", rs.getString("columns"));
            } else {
                fix.put("schema", schema);
                fix.put("table", name);
            }
        }
        return new HealthFinding(rule, schema, name, rs.getString("object"), rs.getString("detail"), fix, null);
    }

    private Map<String, HealthFinding.Acknowledgement> acknowledgements(TargetId target) {
        Map<String, HealthFinding.Acknowledgement> byKey = new LinkedHashMap<>();
        control.sql("SELECT rule, object, reason, acknowledged_by, acknowledged_at FROM lint_acknowledgement WHERE target = :target")
                .param("target", target.toString())
                .query(rs -> {
                    byKey.put(rs.getString("rule") + " " + rs.getString("object"), new HealthFinding.Acknowledgement(
                            rs.getString("acknowledged_by"), rs.getTimestamp("acknowledged_at").toInstant(), rs.getString("reason")));
                });
        return byKey;
    }
}
