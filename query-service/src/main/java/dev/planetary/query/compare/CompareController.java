package dev.planetary.query.compare;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.compare.CompareMessages.TargetComparison;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.identity.TargetAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What differs between two targets, and the changes that would make the second like the first. */
@RestController
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class CompareController {

    private final TargetComparisons comparisons;
    private final TargetAccess access;

    public CompareController(TargetComparisons comparisons, TargetAccess access) {
        this.comparisons = comparisons;
        this.access = access;
    }

    /** {@code like}: the reference target (A); {@code target}: the one compared with it (B). */
    @GetMapping("/api/targets/compare")
    public TargetComparison compare(@RequestParam(required = false) String like, @RequestParam(required = false) String target) {
        return comparisons.compare(access.readable(required(like, "like")), access.readable(required(target, "target")));
    }

    private static TargetId required(String value, String field) {
        TargetId target = TargetParameter.parse(value);
        if (target == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the " + field + " target", field);
        }
        return target;
    }
}
