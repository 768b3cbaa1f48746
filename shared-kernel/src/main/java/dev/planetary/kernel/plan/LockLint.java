package dev.planetary.kernel.plan;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Review notes on the locks a dry-run took: a lock that keeps writers out (stronger than SHARE
 * UPDATE EXCLUSIVE) on a table that is large or in use is high risk, with what to do instead.
 */
public final class LockLint {

    public static final String RULE = "heavy-lock";

    private LockLint() {
    }

    public static List<LintFinding> findings(Plan plan, List<LockPreview> locks, long largeTableBytes) {
        List<LintFinding> findings = new ArrayList<>();
        for (LockPreview lock : locks) {
            boolean busy = lock.sessions() > 0;
            boolean large = lock.sizeBytes() >= largeTableBytes;
            if (!lock.onTable() || !lock.blocksWrites() || !(busy || large)) {
                continue;
            }
            String sql = lock.statement() >= 1 && lock.statement() <= plan.statements().size()
                    ? plan.statements().get(lock.statement() - 1).sql() : "";
            findings.add(LintFinding.warning(RULE, "takes " + LockPreview.spoken(lock.mode()) + " on " + lock.relation() + " ("
                    + size(lock.sizeBytes()) + ", " + lock.sessions() + (lock.sessions() == 1 ? " session" : " sessions")
                    + " using it now): " + advice(sql)));
        }
        return findings;
    }

    static String advice(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CREATE INDEX") || upper.startsWith("CREATE UNIQUE INDEX")) {
            return "build the index CONCURRENTLY instead (writes go on meanwhile)";
        }
        if (upper.startsWith("REINDEX")) {
            return "REINDEX CONCURRENTLY instead";
        }
        if (upper.contains("ADD CONSTRAINT") && (upper.contains("CHECK") || upper.contains("FOREIGN KEY"))) {
            return "add the constraint NOT VALID, then VALIDATE CONSTRAINT in a second change (which takes only SHARE UPDATE EXCLUSIVE)";
        }
        return "writers wait for the whole apply: apply it at a quiet time, and keep the executor's short lock_timeout so it gives up"
                + " rather than queue in front of traffic (retry after)";
    }

    /** 2.1 GB, 340 MB, 12 kB. */
    public static String size(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, value >= 10 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
