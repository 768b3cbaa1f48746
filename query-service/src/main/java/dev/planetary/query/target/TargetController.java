package dev.planetary.query.target;

import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.registration.RegistrationQueries.FindTargetRegistrationQuery;
import dev.planetary.kernel.registration.RegistrationQueries.FindTargetRegistrationsQuery;
import dev.planetary.kernel.registration.RegistrationQueries.TargetRegistrationView;
import dev.planetary.kernel.target.TargetView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** The targets Planetary manages and where each stands, for anyone with a Planetary right. */
@RestController
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class TargetController {

    private final TargetOverview overview;
    private final TargetRegistrations registrations;

    public TargetController(TargetOverview overview, TargetRegistrations registrations) {
        this.overview = overview;
        this.registrations = registrations;
    }

    @GetMapping("/api/targets")
    public List<TargetView> targets() {
        return overview.targets();
    }

    /** Every registration of a target at run time, newest first: waiting for review, in use, refused or disabled. */
    @GetMapping("/api/targets/registrations")
    public List<TargetRegistrationView> registrations() {
        return registrations.handle(new FindTargetRegistrationsQuery());
    }

    @GetMapping("/api/targets/registrations/{target}")
    public TargetRegistrationView registration(@PathVariable String target) {
        TargetRegistrationView view = registrations.handle(new FindTargetRegistrationQuery(TargetParameter.parse(target)));
        if (view == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no registration of a target named " + target);
        }
        return view;
    }
}
