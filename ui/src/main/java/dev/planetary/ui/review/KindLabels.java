package dev.planetary.ui.review;

import dev.planetary.kernel.spec.ChangeKind;
import dev.planetary.kernel.spec.ChangeKinds;

/** How filters show a kind: its label from the registry; anything else (such as "any") as it is. */
final class KindLabels {

    private KindLabels() {
    }

    static String label(String kind) {
        return ChangeKinds.named(kind).map(ChangeKind::label).orElse(kind);
    }
}
