package dev.planetary.kernel.replication;

import java.util.List;

/**
 * A foreign server as Planetary read it when its drop was proposed ({@code exists} false: none of that name): its
 * wrapper and options, its user mappings (the local role, {@code public} for PUBLIC, with the remote user), whether
 * they can be created again as they were ({@code restorable}: none holds a password, none hides its options from the
 * metadata login), and how many foreign tables use it.
 */
public record ForeignServerFacts(boolean exists, String wrapper, List<String> options, List<Mapping> mappings, boolean restorable,
                                 int foreignTables) {

    public static final ForeignServerFacts NONE = new ForeignServerFacts(false, null, List.of(), List.of(), true, 0);

    public ForeignServerFacts {
        options = List.copyOf(options);
        mappings = List.copyOf(mappings);
    }

    /** A user mapping: the local role ({@code public} for PUBLIC) and the remote user, if one is set. */
    public record Mapping(String role, String remoteUser) {
    }
}
