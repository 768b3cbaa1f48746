package dev.planetary.query.change;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeNotFoundException;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.query.ChangeFilter;
import dev.planetary.kernel.change.query.FindHistoryQuery;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.HistoryEntry;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.query.history.HistoryReadModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reading changes and their history: anyone with a Planetary right may. */
@RestController
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class ChangeQueryController {

    private final ChangeReadModel changes;
    private final HistoryReadModel history;

    public ChangeQueryController(ChangeReadModel changes, HistoryReadModel history) {
        this.changes = changes;
        this.history = history;
    }

    /** {@code status} takes one or more statuses separated by commas, e.g. {@code PROPOSED,APPROVED}. */
    @GetMapping("/api/changes")
    public List<ChangeView> list(@RequestParam(required = false) String status,
                                 @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) String risk,
                                 @RequestParam(required = false) String requester,
                                 @RequestParam(required = false) String object,
                                 @RequestParam(required = false) String target,
                                 @RequestParam(defaultValue = "50") int limit,
                                 @RequestParam(defaultValue = "0") int offset) {
        return changes.list(new ChangeFilter(statuses(status), kind, risk(risk), requester, object, limit, offset)
                .on(TargetParameter.parse(target)));
    }

    @GetMapping("/api/changes/{id}")
    public ChangeView get(@PathVariable String id) {
        return changes.find(ChangeId.of(id)).orElseThrow(() -> new ChangeNotFoundException(id));
    }

    /** Where the change has been: the change first proposed and each promotion of it to another target, oldest first. */
    @GetMapping("/api/changes/{id}/promotions")
    public List<ChangeView> promotions(@PathVariable String id) {
        List<ChangeView> chain = changes.promotions(ChangeId.of(id));
        if (chain.isEmpty()) {
            throw new ChangeNotFoundException(id);
        }
        return chain;
    }

    @GetMapping("/api/changes/{id}/history")
    public List<HistoryEntry> historyOf(@PathVariable String id) {
        List<HistoryEntry> entries = history.ofChange(id);
        if (entries.isEmpty()) {
            throw new ChangeNotFoundException(id);
        }
        return entries;
    }

    /** The change-history timeline, newest first; {@code person} matches actors and requesters. */
    @GetMapping("/api/history")
    public List<HistoryEntry> timeline(@RequestParam(required = false) String object,
                                       @RequestParam(required = false) String person,
                                       @RequestParam(required = false) String event,
                                       @RequestParam(required = false) String kind,
                                       @RequestParam(required = false) String target,
                                       @RequestParam(defaultValue = "100") int limit,
                                       @RequestParam(defaultValue = "0") int offset) {
        return history.timeline(new FindHistoryQuery(null, object, person, event, kind, limit, offset,
                TargetParameter.parse(target)));
    }

    private static List<ChangeStatus> statuses(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).map(s -> {
            try {
                return ChangeStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "unknown status '" + s + "'; one of "
                        + Arrays.toString(ChangeStatus.values()), "status");
            }
        }).toList();
    }

    private static RiskLevel risk(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RiskLevel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "unknown risk '" + value + "'; LOW or HIGH", "risk");
        }
    }
}
