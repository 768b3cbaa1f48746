package dev.planetary.query.identity;

import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetQueries;
import dev.planetary.query.target.MetadataDatabase;
import dev.planetary.query.target.MetadataTargets;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who holds which Planetary right, read from a target's catalog: membership in its
 * {@code planetary_*} roles. Without a target named, the home target's (where people sign in).
 */
@Component
public class Directory {

    private final MetadataTargets targets;

    public Directory(MetadataTargets targets) {
        this.targets = targets;
    }

    @QueryHandler
    public TargetQueries.TargetRights rights(TargetQueries.FindTargetRightsQuery query) {
        return new TargetQueries.TargetRights(rightsOf(query.target(), query.login()));
    }

    /** The rights of one login role on the home target. */
    public Set<PlanetaryRight> rightsOf(String login) {
        return rightsOf(targets.home().id(), login);
    }

    /** The rights of one login role on a target; a group role that does not exist there grants nothing. */
    public Set<PlanetaryRight> rightsOf(TargetId target, String login) {
        MetadataDatabase metadata = targets.database(target);
        Set<PlanetaryRight> rights = EnumSet.noneOf(PlanetaryRight.class);
        for (PlanetaryRight right : PlanetaryRight.values()) {
            Boolean member = metadata.jdbc().sql("""
                            SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :group)
                                         AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :login)
                                        THEN pg_has_role(:login, :group, 'MEMBER') ELSE false END""")
                    .param("group", right.groupRole())
                    .param("login", login)
                    .query(Boolean.class)
                    .single();
            if (Boolean.TRUE.equals(member)) {
                rights.add(right);
            }
        }
        return rights;
    }

    /** The login roles holding a right (directly or through other roles) on the home target. */
    public List<String> holdersOf(PlanetaryRight right) {
        return holdersOf(targets.home().id(), right);
    }

    /** The login roles holding a right on a target; nobody when the target cannot be read. */
    public List<String> holdersOf(TargetId target, PlanetaryRight right) {
        try {
            return targets.database(target).jdbc().sql("""
                            SELECT r.rolname FROM pg_roles r
                            WHERE r.rolcanlogin
                              AND EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = :group)
                              AND pg_has_role(r.oid, :group, 'MEMBER')
                            ORDER BY r.rolname""")
                    .param("group", right.groupRole())
                    .query(String.class)
                    .list();
        } catch (org.springframework.dao.DataAccessException | dev.planetary.kernel.target.UnknownTargetException e) {
            return List.of(); // a target that cannot be read, or is no longer managed: nobody to tell there
        }
    }
}
