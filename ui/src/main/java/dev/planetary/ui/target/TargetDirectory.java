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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The targets as the UI shows them, asked of the query side (never read by the UI itself). */
@Component
public class TargetDirectory {

    private final QueryGateway queries;
    private final List<String> promotionPath;

    /** {@code promotionPath}: the environments in the order changes travel through them (planetary.promotion-path). */
    public TargetDirectory(QueryGateway queries,
                           @Value("${planetary.promotion-path:dev,test,staging,prod}") List<String> promotionPath) {
        this.queries = queries;
        this.promotionPath = promotionPath.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Targets in the order a change from {@code environment} would be promoted to them: the later
     * environments of the promotion path, nearest first, then the others (earlier ones, and those the
     * path does not name).
     */
    public List<TargetView> inPromotionOrder(List<TargetView> targets, String environment) {
        int from = step(environment);
        return targets.stream().sorted(Comparator.comparingInt((TargetView t) -> later(step(t.environment()), from) ? 0 : 1)
                .thenComparingInt(t -> step(t.environment()))).toList();
    }

    private boolean later(int step, int from) {
        return step > from && step < promotionPath.size();
    }

    /** Where an environment is on the promotion path (one the path does not name: after all of it). */
    private int step(String environment) {
        int index = environment == null ? -1 : promotionPath.indexOf(environment.toLowerCase(Locale.ROOT));
        return index < 0 ? promotionPath.size() : index;
    }

    /** The environments to offer for a new target: those of the promotion path, then any other a target is in. */
    public List<String> environments(List<TargetView> targets) {
        java.util.LinkedHashSet<String> known = new java.util.LinkedHashSet<>(promotionPath);
        targets.stream().map(TargetView::environment).filter(java.util.Objects::nonNull).forEach(known::add);
        return List.copyOf(known);
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
