package dev.planetary.ui.target;

import dev.planetary.kernel.target.TargetHealth;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The targets a change is promoted to are offered along the promotion path: the next environment first. */
class PromotionOrderTest {

    private static TargetView target(String id, String environment) {
        return new TargetView(TargetId.of(id), id, environment, null, false, TargetHealth.unknown(), 0, 0, false);
    }

    private final TargetDirectory directory = new TargetDirectory(null, List.of("dev", " QA ", "staging", "prod"));
    private final List<TargetView> targets = List.of(target("eu-prod", "Prod"), target("sandbox", "sandbox"),
            target("dev-2", "dev"), target("qa", "qa"), target("staging", "staging"));

    @Test
    void from_qa_the_later_environments_come_first_nearest_first_then_the_others() {
        assertThat(directory.inPromotionOrder(targets, "qa")).extracting(t -> t.id().value())
                .containsExactly("staging", "eu-prod", "dev-2", "qa", "sandbox");
    }

    @Test
    void from_an_environment_the_path_does_not_name_the_order_is_the_path_s() {
        assertThat(directory.inPromotionOrder(targets, "sandbox")).extracting(t -> t.id().value())
                .containsExactly("dev-2", "qa", "staging", "eu-prod", "sandbox");
    }
}
