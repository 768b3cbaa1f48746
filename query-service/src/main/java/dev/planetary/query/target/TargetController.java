package dev.planetary.query.target;

import dev.planetary.kernel.target.TargetView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The targets Planetary manages and where each stands, for anyone with a Planetary right. */
@RestController
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class TargetController {

    private final TargetOverview overview;

    public TargetController(TargetOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/api/targets")
    public List<TargetView> targets() {
        return overview.targets();
    }
}
