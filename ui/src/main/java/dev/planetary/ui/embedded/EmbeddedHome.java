package dev.planetary.ui.embedded;

import dev.planetary.embedded.EmbeddedServers;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The directory where the embedded default keeps its servers' data, and the file that lets it find
 * them again: their ports and passwords and the properties they were wired in with, readable only by
 * the user. The file is written last on a first start, so a directory without it (a first start cut
 * short) is started afresh. A lock on the directory keeps a second Planetary from sharing it.
 */
final class EmbeddedHome implements AutoCloseable {

    /** The directory, {@code ~/.planetary/data} unless given. */
    static final String DATA_DIR = "planetary.embedded.data-dir";
    /** {@code true}: throw away what the directory holds and start as on a first start. */
    static final String FRESH = "planetary.embedded.fresh";
    static final String STATE_FILE = "planetary-embedded.properties";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedHome(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".planetary", "data");
    }

    /**
     * Takes the directory for this process; with {@code fresh}, or when a first start there was
     * cut short, empties it first (stopping any server a killed Planetary left running on it).
     */
    static EmbeddedHome open(Path directory, boolean fresh, String... serverNames) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        FileChannel channel = FileChannel.open(absolute.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // this JVM holds it already
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another Planetary is using " + absolute + "; stop it, or give this one a directory"
                    + " of its own (" + DATA_DIR + ")");
        }
        EmbeddedHome home = new EmbeddedHome(absolute, channel, lock);
        for (String server : serverNames) {
            EmbeddedServers.stopOrphan(home.serverDirectory(server));
        }
        if (fresh || !home.kept()) {
            home.empty();
        }
        return home;
    }

    Path directory() {
        return directory;
    }

    Path serverDirectory(String name) {
        return directory.resolve(name);
    }

    /** Whether a first start completed here: its servers and demo data are there to be used again. */
    boolean kept() {
        return Files.exists(directory.resolve(STATE_FILE));
    }

    Map<String, String> readState() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(directory.resolve(STATE_FILE))) {
            properties.load(reader);
        }
        Map<String, String> state = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> state.put(name, properties.getProperty(name)));
        return state;
    }

    /** Written owner-only from the start, then moved into place: it holds passwords. */
    void writeState(Map<String, String> state) throws IOException {
        Properties properties = new Properties();
        properties.putAll(state);
        Path partial = directory.resolve(STATE_FILE + ".partial");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial); // not a POSIX file system: the directory's own permissions apply
        }
        try (Writer writer = Files.newBufferedWriter(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
            properties.store(writer, "Planetary's embedded servers: ports, passwords and wiring. Keep private.");
        }
        Files.move(partial, directory.resolve(STATE_FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void empty() throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.filter(path -> !path.getFileName().toString().equals(".lock")).toList()) {
                delete(entry);
            }
        }
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (FileSystemException e) {
                    throw new IOException("could not empty " + tree + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
