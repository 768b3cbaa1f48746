package dev.planetary.query.config;

import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.config.Configuration;
import dev.planetary.query.identity.TargetAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A target's configuration ({@code ?target=}, the default one when none is named), for anyone with a right on it. */
@RestController
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class ConfigurationController {

    private final ConfigurationReader reader;
    private final TargetAccess access;

    public ConfigurationController(ConfigurationReader reader, TargetAccess access) {
        this.reader = reader;
        this.access = access;
    }

    @GetMapping("/api/config")
    public Configuration configuration(@RequestParam(required = false) String target) {
        return reader.read(access.readable(TargetParameter.parse(target)));
    }
}
