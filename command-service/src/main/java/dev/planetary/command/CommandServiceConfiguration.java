package dev.planetary.command;

import dev.planetary.command.change.ApprovalPolicy;
import dev.planetary.command.change.ApprovalRules;
import dev.planetary.command.change.EnvironmentsProperties;
import dev.planetary.command.target.DdlTargets;
import dev.planetary.command.target.DdlTargetsProperties;
import dev.planetary.kernel.change.ChangeId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Supplier;

@Configuration
@EnableConfigurationProperties({DdlTargetsProperties.class, EnvironmentsProperties.class})
public class CommandServiceConfiguration {

    @Bean
    ApprovalRules approvalRules(@Value("${planetary.approval.low-risk:1}") int lowRisk,
                                @Value("${planetary.approval.high-risk:2}") int highRisk,
                                EnvironmentsProperties environments, DdlTargets targets) {
        ApprovalPolicy general = new ApprovalPolicy(lowRisk, highRisk);
        return new ApprovalRules(environments.policies(general), general,
                target -> targets.has(target) ? targets.get(target).settings().environment() : null);
    }

    @Bean(destroyMethod = "close")
    DdlTargets ddlTargets(DdlTargetsProperties properties, org.springframework.core.env.Environment environment) {
        return new DdlTargets(properties.byId(), new dev.planetary.command.target.Credentials(environment));
    }

    @Bean
    dev.planetary.command.registration.ConnectionTester connectionTester(org.springframework.core.env.Environment environment) {
        return new dev.planetary.command.registration.ConnectionTester(
                new dev.planetary.kernel.registration.NamedLogins(environment::getProperty));
    }

    @Bean
    Supplier<ChangeId> changeIds() {
        return ChangeId::random;
    }
}
