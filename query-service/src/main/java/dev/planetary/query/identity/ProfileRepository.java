package dev.planetary.query.identity;

import dev.planetary.kernel.identity.Profile;
import dev.planetary.kernel.identity.ProfileMessages.FindProfileQuery;
import dev.planetary.kernel.identity.ProfileMessages.SaveProfileCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Repository
public class ProfileRepository {

    private final JdbcClient jdbc;

    public ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<Profile> find(FindProfileQuery query) {
        return find(query.login());
    }

    @CommandHandler
    public void save(SaveProfileCommand command) {
        save(new Profile(command.login(), command.displayName(), command.email()));
    }

    public Optional<Profile> find(String login) {
        return jdbc.sql("SELECT login, display_name, email FROM person_profile WHERE login = ?")
                .param(login)
                .query((rs, n) -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public void save(Profile profile) {
        jdbc.sql("""
                        INSERT INTO person_profile (login, display_name, email, updated_at) VALUES (?, ?, ?, now())
                        ON CONFLICT (login) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,
                            updated_at = now()""")
                .params(profile.login(), profile.displayName(), profile.email())
                .update();
    }

    /** The e-mail addresses of these logins, for those who gave one. */
    public List<String> emailsOf(Collection<String> logins) {
        if (logins.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT email FROM person_profile WHERE login = ANY(?) AND email IS NOT NULL AND email <> '' ORDER BY login")
                .param(logins.toArray(String[]::new))
                .query(String.class)
                .list();
    }
}
