package dev.planetary.query.audit;

import dev.planetary.kernel.audit.AuditTrail;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.query.identity.TargetAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Operator actions on the audit server. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private final AuditPreparation preparation;
    private final AuditLog log;
    private final TargetAccess access;

    public AuditController(AuditPreparation preparation, AuditLog log, TargetAccess access) {
        this.preparation = preparation;
        this.log = log;
        this.access = access;
    }

    /**
     * Audited writes on the target ({@code ?target=}, the default one when none is named), newest first
     * (operators only: the one place Planetary shows row data).
     */
    @GetMapping("/rows")
    public List<AuditTrail.Row> rows(@RequestParam(required = false) String table, @RequestParam(required = false) String operation,
                                   @RequestParam(required = false) String person, @RequestParam(required = false) Instant from,
                                   @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "200") int limit,
                                   @RequestParam(required = false) String target) {
        return log.rows(access.readable(TargetParameter.parse(target)), new AuditTrail.Filter(table, operation, person, from, to, limit));
    }

    /** The audit server's state, and which tables of the target ({@code ?target=}, the default one when none is named) are audited. */
    @GetMapping("/health")
    public AuditTrail.Health health(@RequestParam(required = false) String target) {
        return log.health(access.readable(TargetParameter.parse(target)));
    }

    /** Prepares the audit server (idempotent): schema, append-only tables, the insert-only writer. */
    @PostMapping("/preparation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void prepare() {
        preparation.prepare();
    }
}
