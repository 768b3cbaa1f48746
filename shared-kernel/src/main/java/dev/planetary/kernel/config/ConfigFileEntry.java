package dev.planetary.kernel.config;

/**
 * A line of the server's configuration files ({@code pg_file_settings}) that did not take effect:
 * a bad value, an unknown name, or a value that waits for a restart. {@code error} says which.
 */
public record ConfigFileEntry(String file, Integer line, String name, String setting, String error) {
}
