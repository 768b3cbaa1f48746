package dev.planetary.kernel.request;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One request of one person, as the client names it (the API's {@code Idempotency-Key}, a form's
 * submit in the UI): sent again, it must not take effect twice. It travels with the commands the
 * request sends, in their metadata: changes a request creates get identities derived from it, and
 * an aggregate ignores a person's command whose key it has handled before. The value is a digest of
 * the person and the client's key, so neither is repeated in events and one person cannot collide
 * with another's keys.
 */
public record RequestKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final String META = "requestKey";
    /** What a client may send: visible ASCII, as HTTP headers carry it, and no longer than this. */
    public static final int MAX_LENGTH = 255;

    public RequestKey {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a request key is a SHA-256 digest in hex");
        }
    }

    /** The key of {@code person}'s request named {@code clientKey}; the client's key must be {@link #valid}. */
    public static RequestKey of(String person, String clientKey) {
        if (!valid(clientKey)) {
            throw new IllegalArgumentException("an idempotency key is 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
        return new RequestKey(sha256(person + "\n" + clientKey));
    }

    /** A key for one submit of a form: a new one each time the form is opened. */
    public static RequestKey fresh(String person) {
        return of(person, UUID.randomUUID().toString());
    }

    public static boolean valid(String clientKey) {
        return clientKey != null && !clientKey.isEmpty() && clientKey.length() <= MAX_LENGTH
                && clientKey.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    public static Optional<RequestKey> in(Message<?> message) {
        return in(message.getMetaData());
    }

    public static Optional<RequestKey> in(Map<String, ?> metaData) {
        return metaData.get(META) instanceof String text ? Optional.of(new RequestKey(text)) : Optional.empty();
    }

    /** {@code command}, to be sent with this key. */
    public <C> CommandMessage<C> on(C command) {
        return GenericCommandMessage.<C>asCommandMessage(command).andMetaData(metaData());
    }

    public Map<String, String> metaData() {
        return Map.of(META, value);
    }

    /** The identity of the {@code n}th thing of {@code kind} this request creates: the same on every retry. */
    public String derivedId(String kind, int n) {
        return UUID.nameUUIDFromBytes((kind + "\n" + value + "\n" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
