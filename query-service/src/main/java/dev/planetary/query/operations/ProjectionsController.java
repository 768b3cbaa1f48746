package dev.planetary.query.operations;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.query.change.CaughtUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Planetary's own event processors, for operators: how far each has read the event store, and a
 * rebuild of a projection from it (after a fix to a projection, or to measure one). Only projections
 * that may be replayed can be rebuilt; the dry-runs, the executor's saga and the notifications act on
 * the world and never run twice.
 */
@RestController
@RequestMapping("/api/operations/projections")
public class ProjectionsController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionsController.class);

    /**
     * One processor: its segments, whether all have reached the end of the event store (after a
     * rebuild: the rebuild is done), and the lowest position a segment has read.
     */
    public record Projection(String name, int segments, boolean caughtUp, long position, boolean rebuildable) {
    }

    /** {@code events}: the position of the event store's head. */
    public record Projections(long events, List<Projection> projections) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionsController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'VIEWER')")
    public Projections list() {
        List<Projection> projections = processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(entry -> describe(entry.getKey(), (StreamingEventProcessor) entry.getValue()))
                .sorted(Comparator.comparing(Projection::name)).toList();
        return new Projections(position(eventStore.createHeadToken()), projections);
    }

    @PostMapping("/{name}/rebuild")
    @PreAuthorize("hasRole('OPERATOR')")
    public Projection rebuild(@PathVariable String name, Authentication operator) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "no projection named " + name));
        if (!processor.supportsReset()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.WRONG_STATE, name + " acts on the world (it is not a projection"
                    + " of the events): it is never replayed");
        }
        log.info("{} rebuilds the {} projection from the event store", operator.getName(), name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return describe(name, processor);
    }

    private static Projection describe(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        long position = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(current -> current.orElse(-1)).min().orElse(-1);
        return new Projection(name, status.size(), CaughtUp.caughtUp(status), position, processor.supportsReset());
    }

    private static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }
}
