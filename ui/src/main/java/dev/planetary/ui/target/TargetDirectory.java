package dev.planetary.ui.target;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetQueries.FindTargetsQuery;
import dev.planetary.kernel.target.TargetView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The targets as the UI shows them, asked of the query side (never read by the UI itself). */
@Component
public class TargetDirectory {

    private final QueryGateway queries;

    public TargetDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    public List<TargetView> all() {
        return queries.query(new FindTargetsQuery(), ResponseTypes.multipleInstancesOf(TargetView.class)).join();
    }

    /** The session's target; chosen for it (the home target) the first time it is asked. */
    public TargetView current() {
        List<TargetView> targets = all();
        TargetId chosen = CurrentTarget.chosen().orElse(null);
        Optional<TargetView> current = targets.stream().filter(t -> t.id().equals(chosen)).findFirst();
        TargetView target = current.orElseGet(() -> targets.stream().filter(TargetView::home).findFirst()
                .orElse(targets.get(0)));
        CurrentTarget.choose(target.id());
        return target;
    }
}
