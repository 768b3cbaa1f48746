package dev.planetary.query.change;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a projection has read the event stream to its end at least once since this instance
 * started. Recovery asks the read model which changes were cut short; right after a start the
 * projection may still be replaying what happened before the stop, and an answer from it then
 * would miss exactly the changes to recover.
 */
@Component
public class CaughtUp {

    private static final Logger log = LoggerFactory.getLogger(CaughtUp.class);
    /** How long a start may take to claim a segment here before the projection counts as another instance's. */
    private static final Duration UNCLAIMED_GRACE = Duration.ofSeconds(3);

    private final EventProcessingConfiguration processing;

    public CaughtUp(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Waits until the processor of {@code group} has caught up (true), or {@code atMost} has passed (false). */
    public boolean await(String group, Duration atMost) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(group, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return true; // a subscribing processor is never behind
        }
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        while (!caughtUp(processor.get().processingStatus())) {
            if (processor.get().processingStatus().isEmpty() && System.nanoTime() - started > UNCLAIMED_GRACE.toNanos()) {
                // Another instance holds every segment (several instances share them): it keeps the read model,
                // and this one cannot see how far it is. Waiting would only time out.
                log.debug("the {} projection runs on another instance: answering from it as it is", group);
                return true;
            }
            if (System.nanoTime() > deadline) {
                log.warn("the {} projection has not caught up after {}: answering from it as it is", group, atMost);
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Every segment claimed here has reached the end of the event store at least once (none claimed: no). */
    public static boolean caughtUp(Map<Integer, EventTrackerStatus> segments) {
        return !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }
}
