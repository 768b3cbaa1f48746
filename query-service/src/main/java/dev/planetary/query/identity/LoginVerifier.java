package dev.planetary.query.identity;

import dev.planetary.query.target.MetadataTargets;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Checks a person's PostgreSQL login by opening (and closing) a connection to the target as them.
 * PostgreSQL itself decides: the password, pg_hba.conf, LOGIN, VALID UNTIL, CONNECT privilege.
 */
@Component
public class LoginVerifier {

    public enum Result { VALID, INVALID, UNREACHABLE }

    private final MetadataTargets targets;

    public LoginVerifier(MetadataTargets targets) {
        this.targets = targets;
    }

    public Result verify(String login, String password) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            return Result.INVALID;
        }
        Properties properties = new Properties();
        properties.setProperty("user", login);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "planetary-sign-in");
        try (Connection ignored = DriverManager.getConnection(targets.home().database().url(), properties)) {
            return Result.VALID;
        } catch (SQLException e) {
            // Class 28 is "invalid authorization specification": a wrong password, no such role, no LOGIN.
            String state = e.getSQLState();
            // 42501: the role may not CONNECT to this database.
            boolean refused = state != null && (state.startsWith("28") || state.equals("42501"));
            return refused ? Result.INVALID : Result.UNREACHABLE;
        }
    }
}
