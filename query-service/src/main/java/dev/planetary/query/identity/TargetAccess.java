package dev.planetary.query.identity;

import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.target.MetadataTargets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The query API's check of a person's rights on a target other than the home one (where the rights
 * read at sign-in, checked by {@code @PreAuthorize}, count): any Planetary right on that target lets
 * them read it. The buses check the same for the UI ({@code PersonRights}).
 */
@Component
public class TargetAccess {

    private final MetadataTargets targets;
    private final Directory directory;

    public TargetAccess(MetadataTargets targets, Directory directory) {
        this.targets = targets;
        this.directory = directory;
    }

    /** The named target (the home one when none is named), once the signed-in person may read it. */
    public TargetId readable(TargetId target) {
        TargetId id = targets.get(target).id();
        if (!id.equals(targets.home().id())) {
            String login = SecurityContextHolder.getContext().getAuthentication().getName();
            Set<PlanetaryRight> rights = directory.rightsOf(id, login); // an unreachable target: 503 target_unreachable
            if (rights.isEmpty()) {
                throw new AccessDeniedException(login + " holds no Planetary right on " + id);
            }
        }
        return id;
    }
}
