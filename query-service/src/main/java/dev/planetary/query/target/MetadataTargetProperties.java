package dev.planetary.query.target;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One target as the query side knows it: the metadata-only connection (it reads the catalog, never
 * a row of user data), and how people see the target: its display name, its environment
 * ({@code dev}, {@code staging}, {@code prod}, ...) and a colour (null: the environment's).
 */
public record MetadataTargetProperties(String url, Credentials metadata, String name, String environment, String colour) {

    @ConstructorBinding
    public MetadataTargetProperties {
        // the canonical constructor is the one configuration binds
    }

    public MetadataTargetProperties(String url, Credentials metadata) {
        this(url, metadata, null, null, null);
    }

    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=********]";
        }
    }
}
