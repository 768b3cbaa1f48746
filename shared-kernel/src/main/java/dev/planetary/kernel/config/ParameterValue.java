package dev.planetary.kernel.config;

import dev.planetary.kernel.sql.SqlText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value for a server parameter, checked the way PostgreSQL will check it (type, unit, range, enum
 * values, from {@code pg_settings}) before a change holds it, and put in the form {@code pg_settings.setting}
 * shows it (base unit, {@code on}/{@code off}, the enum's spelling), so the executor can tell whether it is
 * in force. {@code elements} are what the SQL writes: one string constant each.
 */
public record ParameterValue(String type, String setting, List<String> elements) {

    /** The type of a parameter PostgreSQL reads as a list of names it quotes one by one (GUC_LIST_QUOTE). */
    public static final String LIST = "list";
    /** Parameters read as lists whose elements PostgreSQL quotes: {@code SET x = 'a, b'} would be one element. */
    private static final Set<String> QUOTED_LISTS = Set.of("search_path", "temp_tablespaces", "shared_preload_libraries",
            "session_preload_libraries", "local_preload_libraries");
    private static final int MAX_LENGTH = 4096;
    private static final Pattern NUMBER = Pattern.compile("\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z]+)?\\s*");
    private static final Map<String, Long> BYTES = Map.of("B", 1L, "kB", 1024L, "MB", 1024L * 1024, "GB", 1024L * 1024 * 1024,
            "TB", 1024L * 1024 * 1024 * 1024);
    private static final Map<String, Long> MICROSECONDS = Map.of("us", 1L, "ms", 1_000L, "s", 1_000_000L, "min", 60_000_000L,
            "h", 3_600_000_000L, "d", 86_400_000_000L);
    private static final Pattern UNIT = Pattern.compile("(\\d*)([A-Za-z]+)");
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(Map.entry("on", true), Map.entry("off", false),
            Map.entry("true", true), Map.entry("false", false), Map.entry("yes", true), Map.entry("no", false),
            Map.entry("1", true), Map.entry("0", false), Map.entry("t", true), Map.entry("f", false),
            Map.entry("y", true), Map.entry("n", false));

    public ParameterValue {
        elements = List.copyOf(elements);
    }

    /** The value checked against {@code parameter}; an {@link IllegalArgumentException} says, in words, what is wrong. */
    public static ParameterValue of(ConfigParameter parameter, String value) {
        if (value == null || value.isBlank() && !"string".equals(parameter.type())) {
            throw new IllegalArgumentException("give a value for " + parameter.name());
        }
        SqlText.requireSendable(value, "a parameter's value");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a value is at most " + MAX_LENGTH + " characters");
        }
        String text = value.strip();
        return switch (parameter.type()) {
            case "bool" -> bool(parameter, text);
            case "enum" -> enumerated(parameter, text);
            case "integer", "real" -> number(parameter, text);
            default -> QUOTED_LISTS.contains(parameter.name()) ? list(text) : new ParameterValue("string", value, List.of(value));
        };
    }

    /**
     * A value as a configuration file holds it ({@code pg_file_settings.setting}), unchecked, to be written
     * back by an inverse: split into its elements for a quoted list.
     */
    public static List<String> elementsOf(String parameter, String fileValue) {
        return QUOTED_LISTS.contains(parameter) ? list(fileValue).elements() : List.of(fileValue);
    }

    /** The type {@link #holds} compares by: a quoted list is compared element by element. */
    public static String comparedAs(ConfigParameter parameter) {
        return QUOTED_LISTS.contains(parameter.name()) ? LIST : parameter.type();
    }

    /** Whether {@code setting}, as pg_settings shows it, is this value (numbers compared as numbers). */
    public static boolean holds(String type, String expected, String setting) {
        if (setting == null || expected == null) {
            return false;
        }
        return switch (type) {
            case "integer", "real" -> {
                try {
                    yield new BigDecimal(expected.strip()).compareTo(new BigDecimal(setting.strip())) == 0;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case "bool", "enum" -> expected.equalsIgnoreCase(setting);
            case LIST -> list(expected).elements().equals(list(setting).elements());
            default -> expected.equals(setting);
        };
    }

    private static ParameterValue bool(ConfigParameter parameter, String text) {
        Boolean on = BOOLEANS.get(text.toLowerCase(Locale.ROOT));
        if (on == null) {
            throw new IllegalArgumentException(parameter.name() + " is on or off, not " + text);
        }
        return new ParameterValue("bool", on ? "on" : "off", List.of(on ? "on" : "off"));
    }

    private static ParameterValue enumerated(ConfigParameter parameter, String text) {
        return parameter.enumValues().stream().filter(text::equalsIgnoreCase).findFirst()
                .map(value -> new ParameterValue("enum", value, List.of(value)))
                .orElseThrow(() -> new IllegalArgumentException(parameter.name() + " is one of "
                        + String.join(", ", parameter.enumValues()) + ", not " + text));
    }

    private static ParameterValue number(ConfigParameter parameter, String text) {
        Matcher number = NUMBER.matcher(text);
        if (!number.matches()) {
            throw new IllegalArgumentException(parameter.name() + " is a number" + unitHint(parameter) + ", not " + text);
        }
        BigDecimal amount = new BigDecimal(number.group(1));
        if (number.group(2) != null) {
            amount = inBaseUnit(parameter, amount, number.group(2));
        }
        boolean integer = "integer".equals(parameter.type());
        if (integer) {
            amount = amount.setScale(0, java.math.RoundingMode.HALF_EVEN);
        }
        checkRange(parameter, amount);
        String setting = integer ? amount.toBigIntegerExact().toString() : amount.stripTrailingZeros().toPlainString();
        // Written with its unit as typed: PostgreSQL converts it exactly as checked here.
        return new ParameterValue(parameter.type(), setting, List.of(text));
    }

    /** The amount in the parameter's own unit (kB for work_mem, 8kB pages for shared_buffers, ms, s, min). */
    private static BigDecimal inBaseUnit(ConfigParameter parameter, BigDecimal amount, String unit) {
        if (parameter.unit() == null) {
            throw new IllegalArgumentException(parameter.name() + " takes a plain number, without a unit");
        }
        Matcher base = UNIT.matcher(parameter.unit());
        if (!base.matches()) {
            throw new IllegalArgumentException(parameter.name() + " has a unit Planetary does not know: " + parameter.unit());
        }
        long multiple = base.group(1).isEmpty() ? 1 : Long.parseLong(base.group(1));
        Map<String, Long> family = BYTES.containsKey(base.group(2)) ? BYTES : MICROSECONDS;
        Long given = family.get(unit);
        if (given == null) {
            throw new IllegalArgumentException(parameter.name() + " takes " + (family == BYTES ? "B, kB, MB, GB or TB" : "us, ms, s, min, h or d")
                    + " as its unit (case matters), not " + unit);
        }
        BigDecimal perBase = BigDecimal.valueOf(family.get(base.group(2))).multiply(BigDecimal.valueOf(multiple));
        return amount.multiply(BigDecimal.valueOf(given)).divide(perBase, 6, java.math.RoundingMode.HALF_EVEN);
    }

    private static void checkRange(ConfigParameter parameter, BigDecimal amount) {
        if (parameter.min() != null && amount.compareTo(new BigDecimal(parameter.min())) < 0
                || parameter.max() != null && amount.compareTo(new BigDecimal(parameter.max())) > 0) {
            throw new IllegalArgumentException(parameter.name() + " is between " + parameter.min() + " and " + parameter.max()
                    + (parameter.unit() == null ? "" : " (in " + parameter.unit() + ")") + ", not " + amount.stripTrailingZeros().toPlainString());
        }
    }

    private static String unitHint(ConfigParameter parameter) {
        return parameter.unit() == null ? "" : " (in " + parameter.unit() + ", or with a unit such as "
                + (BYTES.keySet().stream().anyMatch(parameter.unit()::endsWith) ? "64MB" : "30s") + ")";
    }

    /** Elements split at commas, spaces and double quotes around each taken off ({@code "$user", public}). */
    private static ParameterValue list(String text) {
        List<String> elements = new ArrayList<>();
        for (String part : text.split(",")) {
            String element = part.strip();
            if (element.length() >= 2 && element.startsWith("\"") && element.endsWith("\"")) {
                element = element.substring(1, element.length() - 1).replace("\"\"", "\"");
            }
            if (!element.isEmpty()) {
                elements.add(element);
            }
        }
        return new ParameterValue(LIST, String.join(", ", elements), elements);
    }
}
