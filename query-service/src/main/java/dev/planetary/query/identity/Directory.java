package dev.planetary.query.identity;

import dev.planetary.kernel.identity.PlanetaryRight;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Who holds which Planetary right, read from the target's catalog. */
@Component
public class Directory {

    private final MetadataDatabase metadata;

    public Directory(MetadataDatabase metadata) {
        this.metadata = metadata;
    }

    /** The rights of one login role; a group role that does not exist grants nothing. */
    public Set<PlanetaryRight> rightsOf(String login) {
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

    /** The login roles holding a right (directly or through other roles). */
    public List<String> holdersOf(PlanetaryRight right) {
        return metadata.jdbc().sql("""
                        SELECT r.rolname FROM pg_roles r
                        WHERE r.rolcanlogin
                          AND EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = :group)
                          AND pg_has_role(r.oid, :group, 'MEMBER')
                        ORDER BY r.rolname""")
                .param("group", right.groupRole())
                .query(String.class)
                .list();
    }
}
