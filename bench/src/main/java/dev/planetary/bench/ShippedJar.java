package dev.planetary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The application as it ships: the ui module's jar ({@code -Djar=} for another), found from the
 * repository root (the benchmarks) or from the bench module (its tests).
 */
final class ShippedJar {

    private ShippedJar() {
    }

    static Path find() throws IOException {
        String given = System.getProperty("jar");
        if (given != null) {
            return Path.of(given);
        }
        Path target = Files.isDirectory(Path.of("ui", "target")) ? Path.of("ui", "target") : Path.of("..", "ui", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("ui-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ui jar in " + target.toAbsolutePath()
                            + ": run mvn -q install -DskipTests first"));
        }
    }
}
