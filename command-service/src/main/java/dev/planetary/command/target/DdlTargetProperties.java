package dev.planetary.command.target;

import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The elevated connection to one target database, used only by the dry-run and the executor
 * (bound for each target by {@link DdlTargetsProperties}).
 * {@code lockTimeout} keeps an apply from queueing behind (and in front of) application traffic;
 * {@code statementTimeout} bounds a runaway statement; {@code stepTimeout} bounds a statement that
 * runs outside a transaction (an index built concurrently), which may rightly take hours;
 * {@code largeTable}: a lock that keeps writers off a table this large is high risk;
 * {@code environment} ({@code dev}, {@code staging}, {@code prod}, ...) chooses the approval rules.
 */
public record DdlTargetProperties(String url, Credentials ddl, Duration lockTimeout, Duration statementTimeout,
                                  Duration stepTimeout, DataSize largeTable, String environment) {

    @ConstructorBinding
    public DdlTargetProperties {
        lockTimeout = lockTimeout == null ? Duration.ofSeconds(5) : lockTimeout;
        statementTimeout = statementTimeout == null ? Duration.ofSeconds(60) : statementTimeout;
        // A concurrent index build on a large table takes as long as it takes: bounded, but generously.
        stepTimeout = stepTimeout == null ? Duration.ofHours(6) : stepTimeout;
        largeTable = largeTable == null ? DataSize.ofMegabytes(100) : largeTable;
    }

    public DdlTargetProperties(String url, Credentials ddl, Duration lockTimeout, Duration statementTimeout) {
        this(url, ddl, lockTimeout, statementTimeout, null, null, null);
    }

    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=********]";
        }
    }
}
