package dev.planetary.query.policy;

import dev.planetary.kernel.policy.PolicyTemplate;
import dev.planetary.kernel.policy.SavedPolicyTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The built-in policy templates and the ones people saved. */
@RestController
@RequestMapping("/api/policy-templates")
public class PolicyTemplateController {

    private final PolicyTemplateStore store;

    public PolicyTemplateController(PolicyTemplateStore store) {
        this.store = store;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
    public Map<String, Object> templates() {
        List<Map<String, String>> builtIn = Arrays.stream(PolicyTemplate.values())
                .map(t -> Map.of("name", t.name(), "label", t.label(), "description", t.description())).toList();
        return Map.of("builtIn", builtIn, "saved", store.all());
    }

    @PostMapping
    @PreAuthorize("hasRole('REQUESTER')")
    @ResponseStatus(HttpStatus.CREATED)
    public SavedPolicyTemplate save(@RequestBody SavedPolicyTemplate template, Authentication user) {
        store.save(template, user.getName());
        return template;
    }
}
