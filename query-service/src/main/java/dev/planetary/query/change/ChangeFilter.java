package dev.planetary.query.change;

import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.plan.RiskLevel;

import java.util.List;

/** What the change list is narrowed to; null fields do not filter. */
public record ChangeFilter(List<ChangeStatus> statuses, String kind, RiskLevel risk, String requester, String object,
                           int limit, int offset) {

    public static final int MAX_LIMIT = 500;

    public ChangeFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
        offset = Math.max(offset, 0);
    }

    public static ChangeFilter all() {
        return new ChangeFilter(null, null, null, null, null, MAX_LIMIT, 0);
    }
}
