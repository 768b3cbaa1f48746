package dev.planetary.query.replication;

import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.replication.Replication;
import dev.planetary.query.identity.TargetAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A target's replication and foreign servers ({@code ?target=}, the default one when none is named), for anyone with a right on it. */
@RestController
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class ReplicationController {

    private final ReplicationReader reader;
    private final TargetAccess access;

    public ReplicationController(ReplicationReader reader, TargetAccess access) {
        this.reader = reader;
        this.access = access;
    }

    @GetMapping("/api/replication")
    public Replication replication(@RequestParam(required = false) String target) {
        return reader.read(access.readable(TargetParameter.parse(target)));
    }
}
