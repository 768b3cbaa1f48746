package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.SqlLiteral;

import java.util.regex.Pattern;

/**
 * Dropping a replication slot: a function call PostgreSQL does not undo with the transaction, so the dry-run
 * rehearses it with a check instead (the slot is there, unused, and the login may drop it).
 */
public final class ReplicationSlotDdl {

    /** PostgreSQL's rule for slot names: lower-case letters, digits and underscores, at most 63. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,63}");

    private ReplicationSlotDdl() {
    }

    public static String requireName(String slot) {
        if (slot == null || !NAME.matcher(slot).matches()) {
            throw new IllegalArgumentException("a replication slot's name is lower-case letters, digits and underscores (at most 63): "
                    + slot);
        }
        return slot;
    }

    public static String drop(String slot) {
        return "SELECT pg_catalog.pg_drop_replication_slot(" + SqlLiteral.string(requireName(slot)) + ")";
    }

    /** Fails, saying why, where the drop would: no such slot, a connection uses it, the login lacks REPLICATION. */
    public static String rehearsal(String slot) {
        String name = SqlLiteral.string(requireName(slot));
        return "DO $rehearsal$ BEGIN"
                + " IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_replication_slots WHERE slot_name = " + name + ") THEN"
                + " RAISE EXCEPTION 'there is no replication slot %', " + name + "; END IF;"
                + " IF EXISTS (SELECT 1 FROM pg_catalog.pg_replication_slots WHERE slot_name = " + name + " AND active) THEN"
                + " RAISE EXCEPTION 'replication slot % is in use: stop its consumer first', " + name + "; END IF;"
                + " IF NOT (SELECT rolreplication OR rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN"
                + " RAISE EXCEPTION 'dropping a slot needs the REPLICATION attribute, which % lacks', current_user; END IF;"
                + " END $rehearsal$";
    }
}
