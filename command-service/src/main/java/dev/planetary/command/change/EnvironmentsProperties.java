package dev.planetary.command.change;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** {@code planetary.environments.<name>.*}: each environment's approval counts and rollout. */
@ConfigurationProperties("planetary")
public record EnvironmentsProperties(Map<String, EnvironmentRules> environments) {

    public EnvironmentsProperties {
        environments = environments == null ? Map.of() : environments;
    }

    /** Unset counts take the general policy's. */
    public record EnvironmentRules(Integer lowRiskApprovals, Integer highRiskApprovals, ApprovalPolicy.Rollout rollout) {

        ApprovalPolicy over(ApprovalPolicy general) {
            return new ApprovalPolicy(lowRiskApprovals == null ? general.lowRiskApprovals() : lowRiskApprovals,
                    highRiskApprovals == null ? general.highRiskApprovals() : highRiskApprovals, rollout);
        }
    }

    public Map<String, ApprovalPolicy> policies(ApprovalPolicy general) {
        return environments.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().over(general)));
    }
}
