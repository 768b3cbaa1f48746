package dev.planetary.ui.health;

import dev.planetary.kernel.health.AcknowledgeFindingCommand;
import dev.planetary.kernel.health.BloatReport;
import dev.planetary.kernel.health.CacheHitRatio;
import dev.planetary.kernel.health.FindingAcknowledgedEvent;
import dev.planetary.kernel.health.HealthHistory;
import dev.planetary.kernel.health.HealthQueries;
import dev.planetary.kernel.health.IndexAdviceReport;
import dev.planetary.kernel.health.IndexReport;
import dev.planetary.kernel.health.LintReport;
import dev.planetary.kernel.health.LintRule;
import dev.planetary.kernel.health.LiveActivity;
import dev.planetary.kernel.health.MeasuredBloat;
import dev.planetary.kernel.health.QueryStatistics;
import dev.planetary.kernel.health.SessionSignal;
import dev.planetary.kernel.health.SessionSignalledEvent;
import dev.planetary.kernel.health.SignalSessionCommand;
import dev.planetary.kernel.health.TableHealth;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.TargetUnreachableException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/** The health page's questions on the query bus, and the operator's signals on the command bus, for the session's target. */
@Component
public class HealthData {

    private final QueryGateway queries;
    private final CommandGateway commands;

    public HealthData(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    public List<TableHealth> tables() {
        return TargetUnreachableException.await(queries.query(new HealthQueries.TableHealthQuery(CurrentTarget.id()),
                ResponseTypes.multipleInstancesOf(TableHealth.class)));
    }

    /** The sessions and their summary, from one read of pg_stat_activity. */
    public LiveActivity liveActivity() {
        return TargetUnreachableException.await(queries.query(new HealthQueries.LiveActivityQuery(CurrentTarget.id()),
                LiveActivity.class));
    }

    public CacheHitRatio cacheHitRatio() {
        return TargetUnreachableException.await(queries.query(new HealthQueries.CacheHitQuery(CurrentTarget.id()),
                CacheHitRatio.class));
    }

    public LintReport lints() {
        return TargetUnreachableException.await(queries.query(new HealthQueries.LintQuery(CurrentTarget.id()), LintReport.class));
    }

    public FindingAcknowledgedEvent acknowledge(LintRule rule, String object, String reason) {
        return commands.sendAndWait(new AcknowledgeFindingCommand(CurrentTarget.id(), rule, object, reason, CurrentUser.login()));
    }

    public HealthHistory history(int hours) {
        return TargetUnreachableException.await(queries.query(new HealthQueries.HealthHistoryQuery(CurrentTarget.id(), hours),
                HealthHistory.class));
    }

    public BloatReport bloat() {
        return TargetUnreachableException.await(queries.query(new HealthQueries.BloatQuery(CurrentTarget.id()), BloatReport.class));
    }

    public java.util.Optional<MeasuredBloat> measure(String schema, String name) {
        return TargetUnreachableException.await(queries.query(new HealthQueries.MeasureBloatQuery(CurrentTarget.id(), schema, name),
                ResponseTypes.optionalInstanceOf(MeasuredBloat.class)));
    }

    public IndexReport indexReport() {
        return TargetUnreachableException.await(queries.query(new HealthQueries.IndexReportQuery(CurrentTarget.id()), IndexReport.class));
    }

    /** Planned on the command side, as each statement's role; takes a moment on a busy workload. */
    public IndexAdviceReport indexAdvice() {
        return TargetUnreachableException.await(queries.query(new HealthQueries.IndexAdviceQuery(CurrentTarget.id()),
                IndexAdviceReport.class));
    }

    public QueryStatistics topQueries(QueryStatistics.Order order, int limit) {
        return TargetUnreachableException.await(queries.query(new HealthQueries.TopQueriesQuery(CurrentTarget.id(), order, limit),
                QueryStatistics.class));
    }

    public SessionSignalledEvent signal(int pid, SessionSignal signal, String reason) {
        return commands.sendAndWait(new SignalSessionCommand(CurrentTarget.id(), pid, signal, reason, CurrentUser.login()));
    }
}
