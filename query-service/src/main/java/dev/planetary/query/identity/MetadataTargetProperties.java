package dev.planetary.query.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The metadata-only connection to the target: it reads the catalog, never a row of user data. */
@ConfigurationProperties("planetary.target")
public record MetadataTargetProperties(String url, Credentials metadata) {

    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=********]";
        }
    }
}
