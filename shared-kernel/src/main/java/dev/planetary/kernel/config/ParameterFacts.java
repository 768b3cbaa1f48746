package dev.planetary.kernel.config;

import java.util.Objects;

/**
 * A server parameter as Planetary read it when a change to it was proposed: its row of {@code pg_settings}
 * (type, unit, range, what changing it takes) and what {@code postgresql.auto.conf} held for it
 * ({@code fileValue}, null when nothing), which the inverse writes back. {@code fileReadable} is false when
 * the metadata login may not read {@code pg_file_settings}: then nothing is known about the file.
 */
public record ParameterFacts(ConfigParameter parameter, String fileValue, boolean fileReadable) {

    public ParameterFacts {
        Objects.requireNonNull(parameter, "parameter");
        if (!fileReadable && fileValue != null) {
            throw new IllegalArgumentException("a file value that could not be read");
        }
    }
}
