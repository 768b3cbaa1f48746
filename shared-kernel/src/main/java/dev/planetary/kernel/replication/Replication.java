package dev.planetary.kernel.replication;

import java.time.Instant;
import java.util.List;

/**
 * What a target replicates and to whom, read from the catalog and the statistics views (never a row, never a
 * connection string): its publications with each table's row filter, column list and replica identity; its
 * subscriptions with their workers' progress; its replication slots with the WAL they hold back; the senders
 * streaming to subscribers and standbys; and its foreign servers with their user mappings (whether a password
 * is set, never the password). {@code walLevel} is the server's; logical replication needs {@code logical}.
 * {@code maxSlotWalKeepSizeBytes} is null when slots may hold WAL without limit (-1); {@code slotRiskBytes} is the WAL an
 * inactive slot may hold before Planetary flags it.
 */
public record Replication(String walLevel, Long maxSlotWalKeepSizeBytes, long slotRiskBytes, List<Publication> publications,
                          List<Subscription> subscriptions, List<Slot> slots, List<Sender> senders,
                          List<ForeignServer> foreignServers) {

    public Replication {
        publications = List.copyOf(publications);
        subscriptions = List.copyOf(subscriptions);
        slots = List.copyOf(slots);
        senders = List.copyOf(senders);
        foreignServers = List.copyOf(foreignServers);
    }

    /** The slots flagged at risk. */
    public List<Slot> slotsAtRisk() {
        return slots.stream().filter(slot -> slot.risk() != null).toList();
    }

    /**
     * A publication: the operations it publishes ({@code insert}, {@code update}, {@code delete},
     * {@code truncate}), whether it publishes every table ({@code FOR ALL TABLES}) and partitions through their
     * root, and the tables it publishes.
     */
    public record Publication(String name, String owner, boolean allTables, List<String> operations, boolean viaRoot,
                              List<PublishedTable> tables) {

        public Publication {
            operations = List.copyOf(operations);
            tables = List.copyOf(tables);
        }

        public boolean publishes(String operation) {
            return operations.contains(operation);
        }

        /** The tables whose UPDATE or DELETE would fail on the publisher. */
        public long tablesWithProblems() {
            return tables.stream().filter(table -> table.problem() != null).count();
        }
    }

    /**
     * A published table: its row filter ({@code WHERE}, null for every row), its column list (null for every
     * column), its replica identity with the columns it names, and what is wrong with it for this publication
     * ({@link ReplicaIdentity#problem}), null when nothing is.
     */
    public record PublishedTable(String schema, String name, String rowFilter, List<String> columns,
                                 ReplicaIdentity identity, String problem) {

        public PublishedTable {
            columns = columns == null ? null : List.copyOf(columns);
        }
    }

    /**
     * A subscription on this database: whether it is enabled, what it subscribes to, its slot on the publisher,
     * its tables by synchronisation state, and its apply worker's progress ({@code worker} null: no worker
     * runs, it is disabled or failing to connect).
     */
    public record Subscription(String name, String owner, boolean enabled, List<String> publications, String slot,
                               int tablesReady, int tablesSyncing, Worker worker) {

        public Subscription {
            publications = List.copyOf(publications);
        }

        /** In words: what a DBA asks first. */
        public String state() {
            if (!enabled) {
                return "disabled";
            }
            if (worker == null) {
                return "not running";
            }
            return tablesSyncing > 0 ? "copying tables" : "streaming";
        }
    }

    /**
     * A subscription's apply worker, from {@code pg_stat_subscription}: the last WAL received, when the last
     * message was sent and received, and the delay between the two ({@code lagMillis}), the lag the
     * publisher's changes reach the subscriber with.
     */
    public record Worker(Integer pid, String receivedLsn, String latestEndLsn, Instant lastMessageSent,
                         Instant lastMessageReceived, Instant latestEnd, Long lagMillis) {
    }

    /**
     * A replication slot: {@code type} physical or logical, its plugin and database (logical), whether a
     * connection uses it, {@code walStatus} as PostgreSQL says it (reserved, extended, unreserved, lost), the
     * WAL it holds back ({@code retainedBytes}), how much more may be written before it loses what it needs
     * ({@code safeWalSizeBytes}, null without a limit), the age of the oldest transaction it holds back
     * ({@code xminAge}), and why it is at risk ({@link SlotRisk}), null when it is not.
     */
    public record Slot(String name, String type, String plugin, String database, boolean active, boolean temporary,
                       String walStatus, Long retainedBytes, Long safeWalSizeBytes, Long xminAge, String risk) {
    }

    /** A connection streaming WAL from this server ({@code pg_stat_replication}): a subscriber or a standby. */
    public record Sender(String application, String clientAddress, String state, String syncState, Long behindBytes,
                         Long replayLagMillis) {
    }

    /** A foreign server with its wrapper, its options (host, port, dbname; no secret is a server option) and user mappings. */
    public record ForeignServer(String name, String wrapper, String owner, List<String> options, List<UserMapping> mappings) {

        public ForeignServer {
            options = List.copyOf(options);
            mappings = List.copyOf(mappings);
        }
    }

    /**
     * A user mapping: the local role ({@code public} for everyone), the remote user and whether a password is set
     * (both null when PostgreSQL keeps the mapping's options from the metadata login). The password itself is never
     * read out.
     */
    public record UserMapping(String localRole, String remoteUser, Boolean password) {
    }
}
