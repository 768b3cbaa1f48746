package dev.planetary.command.api;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.health.AcknowledgeFindingCommand;
import dev.planetary.kernel.health.FindingAcknowledgedEvent;
import dev.planetary.kernel.health.LintRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Locale;

/** Reviewers and operators acknowledge a lint finding ({@code ?target=}), saying why it stays. */
@RestController
@RequestMapping("/api/health/acknowledgements")
@PreAuthorize("hasAnyRole('REVIEWER', 'OPERATOR')")
public class FindingAcknowledgementController {

    /** The finding (its rule and object, as {@code GET /api/health/lints} names them) and why it stays. */
    public record AcknowledgementRequest(String rule, String object, String reason) {
    }

    private final CommandGateway commands;

    public FindingAcknowledgementController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public FindingAcknowledgedEvent acknowledge(@RequestBody(required = false) AcknowledgementRequest request,
                                                @RequestParam(required = false) String target, Authentication user) {
        if (request == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "a finding and a reason are required", "rule");
        }
        return commands.sendAndWait(new AcknowledgeFindingCommand(TargetParameter.parse(target), rule(request.rule()), request.object(),
                request.reason(), user.getName()));
    }

    private static LintRule rule(String rule) {
        if (rule == null) {
            return null;
        }
        try {
            return LintRule.valueOf(rule.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "rule must be one of "
                    + Arrays.toString(LintRule.values()), "rule");
        }
    }
}
