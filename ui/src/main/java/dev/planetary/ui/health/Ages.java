package dev.planetary.ui.health;

import java.time.Duration;
import java.time.Instant;

/** How long ago something happened, as people say it: "42 s", "7 min", "3 h 10 min", "12 days". */
final class Ages {

    private Ages() {
    }

    static String since(Instant at, Instant now) {
        if (at == null) {
            return "never";
        }
        Duration age = Duration.between(at, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        long seconds = age.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            long minutes = seconds / 60 % 60;
            return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        long days = seconds / 86_400;
        return days + (days == 1 ? " day" : " days");
    }

    /** Large counts with thin separators: 1 234 567. */
    static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value).replace(',', '\u202f');
    }
}
