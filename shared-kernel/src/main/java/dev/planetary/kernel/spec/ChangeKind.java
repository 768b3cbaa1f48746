package dev.planetary.kernel.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of change, as declared in {@link ChangeKinds}: its stable name (the JSON {@code kind}),
 * its spec type, how the propose menu shows it, whether people propose it from that menu (drift
 * kinds start from the drift they answer), what it reads from the world at proposal, and the extension
 * it needs on the target ({@code extension}, null for none: pg_cron for jobs), without which its proposal is
 * refused. Its documented example is {@code examples/<name>.json} beside this class.
 */
public record ChangeKind<S extends ChangeSpec>(String name, Class<S> specType, String label, KindGroup group,
                                               boolean proposable, FactsCompleter<S> facts, String extension) {

    private static final Pattern NAME = Pattern.compile("[a-z]+(-[a-z]+)*");

    public ChangeKind {
        Objects.requireNonNull(specType, "specType");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(facts, "facts");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a kind's name is lower-case words joined by '-': " + name);
        }
    }

    public ChangeKind(String name, Class<S> specType, String label, KindGroup group, boolean proposable, FactsCompleter<S> facts) {
        this(name, specType, label, group, proposable, facts, null);
    }

    /** Fills in the facts of a spec of this kind. */
    public S complete(ChangeSpec spec, ProposalFacts world) {
        return facts.complete(specType.cast(spec), world);
    }

    /** The documented example spec, as JSON: what {@code GET /api/kinds} serves and the contract tests run. */
    public String example() {
        try (InputStream in = ChangeKind.class.getResourceAsStream("examples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("kind " + name + " has no examples/" + name + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
