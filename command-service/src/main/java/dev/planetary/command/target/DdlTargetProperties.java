package dev.planetary.command.target;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The elevated connection to the target database, used only by the dry-run and the executor.
 * {@code lockTimeout} keeps an apply from queueing behind (and in front of) application traffic;
 * {@code statementTimeout} bounds a runaway statement.
 */
@ConfigurationProperties("planetary.target")
public record DdlTargetProperties(String url, Credentials ddl, Duration lockTimeout, Duration statementTimeout) {

    public DdlTargetProperties {
        lockTimeout = lockTimeout == null ? Duration.ofSeconds(5) : lockTimeout;
        statementTimeout = statementTimeout == null ? Duration.ofSeconds(60) : statementTimeout;
    }

    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=********]";
        }
    }
}
