package dev.planetary.kernel.spec.view;

import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

/**
 * One column a view shows, and how: as stored, masked, or through {@code function} (a function
 * that takes the column's value). Columns a view leaves out are simply not listed.
 */
public record ViewColumn(Identifier name, Redaction redaction, QualifiedName function) {

    public ViewColumn {
        SpecViolation.required("name", name);
        redaction = redaction == null ? Redaction.NONE : redaction;
        if (redaction == Redaction.FUNCTION && function == null) {
            throw new SpecViolation("function", "choose the function that redacts " + name.name());
        }
        if (redaction != Redaction.FUNCTION && function != null) {
            throw new SpecViolation("function", "a function applies only with the FUNCTION redaction");
        }
    }

    public static ViewColumn plain(String name) {
        return new ViewColumn(Identifier.of(name), Redaction.NONE, null);
    }

    public static ViewColumn redacted(String name, Redaction redaction) {
        return new ViewColumn(Identifier.of(name), redaction, null);
    }

    /** Shown as stored, so a write through the view can set it. */
    public boolean plain() {
        return redaction == Redaction.NONE;
    }
}
