package dev.planetary.kernel.registration;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The logins a registered target names, read from Planetary's configuration at the moment a
 * connection is opened ({@code planetary.credentials.<name>.username} and {@code .password}): the
 * secret never enters an event, a page or the read models.
 */
public final class NamedLogins {

    /** A login and its secret; {@link #toString()} hides the secret. */
    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[username=" + username + ", password=********]";
        }
    }

    private final UnaryOperator<String> properties;

    /** {@code properties}: a configuration property by its name, null when it is not set. */
    public NamedLogins(UnaryOperator<String> properties) {
        this.properties = properties;
    }

    /** The named login, or empty when its username or password is not configured. */
    public Optional<Login> login(String name) {
        String username = properties.apply("planetary.credentials." + name + ".username");
        String password = properties.apply("planetary.credentials." + name + ".password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Login(username, password));
    }

    /** Why {@link #login} is empty, in words for the connection test. */
    public static String missing(String name) {
        return "no credential '" + name + "' is configured: set planetary.credentials." + name + ".username and .password";
    }
}
