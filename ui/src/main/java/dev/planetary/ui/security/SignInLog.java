package dev.planetary.ui.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Instant;
import java.util.List;

/**
 * Who signed in, failed, was refused or signed out, when, from where, through the UI or the API.
 * API clients send their password with every request: a sign-in is recorded when it is checked
 * against PostgreSQL (at most once a minute per login, see {@link PostgresAuthenticationProvider}),
 * a failure every time. Never a password.
 */
@Repository
public class SignInLog {

    public enum Outcome { SIGNED_IN, FAILED, THROTTLED, UNREACHABLE, SIGNED_OUT }

    public record Entry(Instant at, String login, String clientAddress, String channel, Outcome outcome) {
    }

    private final JdbcTemplate jdbc;

    public SignInLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String login, String clientAddress, Outcome outcome) {
        jdbc.update("INSERT INTO sign_in (login, client_address, channel, outcome) VALUES (?, ?, ?, ?)",
                login, clientAddress, channel(), outcome.name());
    }

    /** The latest entries, newest first, for one login or everyone. */
    public List<Entry> latest(String login, int limit) {
        return jdbc.query("SELECT at, login, client_address, channel, outcome FROM sign_in WHERE (?::text IS NULL OR login = ?)"
                        + " ORDER BY at DESC, id DESC LIMIT ?",
                (row, n) -> new Entry(row.getTimestamp("at").toInstant(), row.getString("login"), row.getString("client_address"),
                        row.getString("channel"), Outcome.valueOf(row.getString("outcome"))), login, login, limit);
    }

    /** The API's paths, or the UI's sign-in form and pages. */
    private static String channel() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                && servlet.getRequest().getRequestURI().startsWith(servlet.getRequest().getContextPath() + "/api/") ? "API" : "UI";
    }
}
