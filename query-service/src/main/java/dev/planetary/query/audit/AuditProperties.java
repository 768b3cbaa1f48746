package dev.planetary.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The forensic audit server: a PostgreSQL server of its own, so the trail survives whatever
 * happens to the target. {@code owner} prepares it (and is the only role that may ever remove an
 * audit row); {@code writer} can only insert. Without a URL, auditing is off.
 */
@ConfigurationProperties("planetary.audit")
public record AuditProperties(String url, Credentials owner, Credentials writer, java.time.Duration retention) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public AuditProperties {
        retention = retention == null ? java.time.Duration.ofDays(400) : retention;
    }

    public AuditProperties(String url, Credentials owner, Credentials writer) {
        this(url, owner, writer, null);
    }

    public boolean enabled() {
        return url != null && !url.isBlank() && owner != null && writer != null;
    }

    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=********]";
        }
    }
}
