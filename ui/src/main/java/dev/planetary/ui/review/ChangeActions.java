package dev.planetary.ui.review;

import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.identity.PlanetaryRight;

import java.util.Set;

/**
 * Which actions a person may take on a change, by their rights and the change's state. The UI
 * shows only these; the aggregate and the REST layer refuse the others anyway.
 */
public record ChangeActions(boolean approve, boolean reject, boolean withdraw, boolean revise, boolean unprotect,
                            boolean rollOut) {

    public static ChangeActions of(ChangeView change, String login, Set<PlanetaryRight> rights) {
        boolean open = change.status() == ChangeStatus.PROPOSED;
        boolean own = change.requester().equals(login);
        boolean reviewer = rights.contains(PlanetaryRight.REVIEWER) && !own;
        boolean alreadyApproved = change.approvals().stream().anyMatch(a -> a.reviewer().equals(login));
        boolean requester = rights.contains(PlanetaryRight.REQUESTER) && own;
        // a drifted change goes back to review through a revision, or is withdrawn
        boolean revisable = open || change.status() == ChangeStatus.DRIFTED;
        return new ChangeActions(open && reviewer && !alreadyApproved && change.dryRunStatus() == DryRunStatus.PASSED,
                open && reviewer, revisable && requester, revisable && requester,
                change.status() == ChangeStatus.APPLIED && "protect-table".equals(change.kind())
                        && rights.contains(PlanetaryRight.REQUESTER),
                change.status() == ChangeStatus.APPROVED && change.awaitingRollout() && rights.contains(PlanetaryRight.OPERATOR));
    }
}
