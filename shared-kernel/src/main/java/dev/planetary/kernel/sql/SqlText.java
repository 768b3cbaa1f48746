package dev.planetary.kernel.sql;

/**
 * What any text must be before it is put into SQL. The driver sends UTF-8: a Java string holding
 * an unpaired UTF-16 surrogate is sent as {@code ?}, so a change meant for one name would create or
 * drop the object called {@code ?}. PostgreSQL refuses NUL in text. Bidirectional overrides and
 * isolates make code display in another order than PostgreSQL reads it (CVE-2021-42574, "Trojan
 * Source"): reviewers must read what runs.
 */
public final class SqlText {

    private SqlText() {
    }

    /** Refuses NUL and text that would not reach PostgreSQL unchanged. */
    public static String requireSendable(String text, String what) {
        int at = text.indexOf('\0');
        if (at >= 0) {
            throw new IllegalArgumentException(what + " cannot contain a NUL character (at " + (at + 1) + ")");
        }
        int surrogate = unpairedSurrogate(text);
        if (surrogate >= 0) {
            throw new IllegalArgumentException(what + " holds an unpaired UTF-16 surrogate (U+"
                    + Integer.toHexString(text.charAt(surrogate)).toUpperCase() + " at " + (surrogate + 1)
                    + "), which is not a character and cannot be sent to PostgreSQL unchanged");
        }
        return text;
    }

    /** {@link #requireSendable} and no bidirectional controls: for names and code that reviewers read. */
    public static String requireReadable(String text, String what) {
        requireSendable(text, what);
        for (int i = 0; i < text.length(); i++) {
            if (isBidiControl(text.charAt(i))) {
                throw new IllegalArgumentException(what + " holds the bidirectional control U+"
                        + Integer.toHexString(text.charAt(i)).toUpperCase() + " (at " + (i + 1)
                        + "), which would show reviewers the text in another order than PostgreSQL reads it");
            }
        }
        return text;
    }

    /** The index of the first surrogate without its partner, or -1. */
    static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** U+202A..U+202E (embeddings, overrides) and U+2066..U+2069 (isolates). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
