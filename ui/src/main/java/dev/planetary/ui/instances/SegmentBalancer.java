package dev.planetary.ui.instances;

import dev.planetary.ui.persistence.InstanceRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Shares the event processors' segments among the instances alive (Axon 4 without Axon Server never
 * moves a claimed segment: the instance that started first keeps them all). Every few seconds, an
 * instance that holds more than its share of a processor's segments (the segments divided by the
 * instances, rounded up) lets one go; an instance with a free thread claims it within Axon's claim
 * interval. An instance counts once it has been alive for {@code planetary.instances.settle}, so a
 * restart does not move segments back and forth. Alone, an instance holds every segment.
 */
@Component
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final InstanceRegistry instances;
    private final Duration settle;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokens, InstanceRegistry instances,
                           @Value("${planetary.instances.settle:PT15S}") Duration settle) {
        this.processing = processing;
        this.tokens = tokens;
        this.instances = instances;
        this.settle = settle;
    }

    @Scheduled(fixedDelayString = "${planetary.instances.balance-every:PT5S}", initialDelayString = "${planetary.instances.balance-every:PT5S}")
    public void balance() {
        try {
            Instant settledBefore = Instant.now().minus(settle);
            long sharing = instances.alive().stream()
                    .filter(instance -> instance.id().equals(instances.id()) || instance.startedAt().isBefore(settledBefore)).count();
            for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
                if (entry.getValue() instanceof StreamingEventProcessor processor && processor.isRunning()) {
                    releaseBeyondShare(entry.getKey(), processor, Math.max(1, sharing));
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not balance the event processors' segments: {}", e.toString());
        }
    }

    private void releaseBeyondShare(String name, StreamingEventProcessor processor, long sharing) {
        Map<Integer, ?> held = processor.processingStatus();
        if (held.size() <= 1) {
            return; // nothing to share (and no need to ask the token store)
        }
        int segments = tokens.fetchSegments(name).length;
        long share = (segments + sharing - 1) / sharing;
        if (held.size() > share) {
            int segment = held.keySet().iterator().next();
            log.info("processor {}: {} of {} segments held here, {} is the share among {} instances; letting segment {} go",
                    name, held.size(), segments, share, sharing, segment);
            processor.releaseSegment(segment);
        }
    }
}
