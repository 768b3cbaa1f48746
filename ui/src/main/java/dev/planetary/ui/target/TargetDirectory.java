package dev.planetary.ui.target;

import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetQueries.FindTargetRightsQuery;
import dev.planetary.kernel.target.TargetQueries.FindTargetsQuery;
import dev.planetary.kernel.target.TargetQueries.TargetRights;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.ui.security.CurrentUser;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** The signed-in person's rights on a target other than the home one, read there (null for the home target). */
    public Set<PlanetaryRight> rightsOn(TargetView target) {
        if (target.home()) {
            return null;
        }
        return queries.query(new FindTargetRightsQuery(target.id(), CurrentUser.login()), TargetRights.class).join().rights();
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
