package dev.planetary.command.change;

import dev.planetary.kernel.target.TargetId;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The approval policy of each target, by its environment ({@code planetary.environments.<name>}):
 * production may ask two approvals for everything and leave the apply to an operator, development
 * one approval and an apply at once. A target without an environment, or in one without rules,
 * follows the general policy ({@code planetary.approval.*}).
 */
public class ApprovalRules {

    private final Map<String, ApprovalPolicy> byEnvironment;
    private final ApprovalPolicy otherwise;
    private final Function<TargetId, String> environmentOf;

    public ApprovalRules(Map<String, ApprovalPolicy> byEnvironment, ApprovalPolicy otherwise,
                         Function<TargetId, String> environmentOf) {
        this.byEnvironment = byEnvironment.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        this.otherwise = otherwise;
        this.environmentOf = environmentOf;
    }

    /** One policy for every target (tests, and set-ups without environments). */
    public static ApprovalRules everywhere(ApprovalPolicy policy) {
        return new ApprovalRules(Map.of(), policy, target -> null);
    }

    public ApprovalPolicy forTarget(TargetId target) {
        String environment = environmentOf(target);
        return environment == null ? otherwise : byEnvironment.getOrDefault(environment.toLowerCase(Locale.ROOT), otherwise);
    }

    /** The target's environment as configured now (null: none). */
    public String environmentOf(TargetId target) {
        return environmentOf.apply(target);
    }
}
