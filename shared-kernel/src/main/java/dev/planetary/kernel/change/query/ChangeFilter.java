package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.target.TargetId;

import java.util.List;

/** What the change list is narrowed to; null fields do not filter (a null target: every target). */
public record ChangeFilter(List<ChangeStatus> statuses, String kind, RiskLevel risk, String requester, String object,
                           int limit, int offset, Order order, TargetId target) {

    /** Orders the list can be sorted by (the read model says how each is written in SQL). */
    public enum Order { NEWEST, OLDEST, RISK, TITLE }

    public ChangeFilter(List<ChangeStatus> statuses, String kind, RiskLevel risk, String requester, String object,
                        int limit, int offset) {
        this(statuses, kind, risk, requester, object, limit, offset, Order.NEWEST, null);
    }

    public ChangeFilter(List<ChangeStatus> statuses, String kind, RiskLevel risk, String requester, String object,
                        int limit, int offset, Order order) {
        this(statuses, kind, risk, requester, object, limit, offset, order, null);
    }

    /** The same filter, narrowed to one target's changes (null: every target's). */
    public ChangeFilter on(TargetId target) {
        return new ChangeFilter(statuses, kind, risk, requester, object, limit, offset, order, target);
    }

    public static final int MAX_LIMIT = 500;

    public ChangeFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
        offset = Math.max(offset, 0);
        order = order == null ? Order.NEWEST : order;
    }

    public static ChangeFilter all() {
        return new ChangeFilter(null, null, null, null, null, MAX_LIMIT, 0);
    }
}
