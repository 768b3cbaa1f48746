package dev.planetary.query.audit;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator actions on the audit server. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private final AuditPreparation preparation;

    public AuditController(AuditPreparation preparation) {
        this.preparation = preparation;
    }

    /** Prepares the audit server (idempotent): schema, append-only tables, the insert-only writer. */
    @PostMapping("/preparation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void prepare() {
        preparation.prepare();
    }
}
