package dev.planetary.query.health;

import dev.planetary.kernel.health.BloatReport;
import dev.planetary.kernel.health.CacheHitRatio;
import dev.planetary.kernel.health.HealthHistory;
import dev.planetary.kernel.health.HealthQueries.BloatQuery;
import dev.planetary.kernel.health.HealthQueries.CacheHitQuery;
import dev.planetary.kernel.health.HealthQueries.HealthHistoryQuery;
import dev.planetary.kernel.health.HealthQueries.IndexReportQuery;
import dev.planetary.kernel.health.HealthQueries.LintQuery;
import dev.planetary.kernel.health.HealthQueries.LiveActivityQuery;
import dev.planetary.kernel.health.HealthQueries.MeasureBloatQuery;
import dev.planetary.kernel.health.HealthQueries.TableHealthQuery;
import dev.planetary.kernel.health.HealthQueries.TopQueriesQuery;
import dev.planetary.kernel.health.IndexReport;
import dev.planetary.kernel.health.LintReport;
import dev.planetary.kernel.health.LiveActivity;
import dev.planetary.kernel.health.MeasuredBloat;
import dev.planetary.kernel.health.QueryStatistics;
import dev.planetary.kernel.health.TableHealth;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers the health page's questions ({@code HealthQueries}) from the named target. */
@Component
public class HealthHandlers {

    private final HealthReader reader;
    private final BloatReader bloat;
    private final HealthHistoryReader history;
    private final LintReader lints;

    public HealthHandlers(HealthReader reader, BloatReader bloat, HealthHistoryReader history, LintReader lints) {
        this.reader = reader;
        this.bloat = bloat;
        this.history = history;
        this.lints = lints;
    }

    @QueryHandler
    public LintReport lint(LintQuery query) {
        return lints.lint(query.target());
    }

    @QueryHandler
    public HealthHistory history(HealthHistoryQuery query) {
        return history.history(query.target(), Math.max(1, Math.min(HealthHistoryReader.MAX_HOURS, query.hours())));
    }

    @QueryHandler
    public BloatReport bloat(BloatQuery query) {
        return bloat.estimates(query.target());
    }

    @QueryHandler
    public Optional<MeasuredBloat> measure(MeasureBloatQuery query) {
        return bloat.measure(query.target(), query.schema(), query.name());
    }

    @QueryHandler
    public List<TableHealth> tables(TableHealthQuery query) {
        return reader.tables(query.target());
    }

    @QueryHandler
    public CacheHitRatio cacheHitRatio(CacheHitQuery query) {
        return reader.cacheHitRatio(query.target());
    }

    @QueryHandler
    public LiveActivity live(LiveActivityQuery query) {
        return reader.liveActivity(query.target());
    }

    @QueryHandler
    public IndexReport indexes(IndexReportQuery query) {
        return reader.indexReport(query.target());
    }

    @QueryHandler
    public QueryStatistics topQueries(TopQueriesQuery query) {
        return reader.topQueries(query.target(), query.order(), query.limit());
    }
}
