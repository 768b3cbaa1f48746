package dev.planetary.ui.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.planetary.kernel.change.ChangeNotFoundException;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.spec.ChangeKinds;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.target.TargetNotAnswering;
import dev.planetary.kernel.target.UnknownTargetException;
import dev.planetary.ui.persistence.ControlPlane;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Turns every failure of an API request into {@link ApiError} JSON with a stable code:
 * 400 bad input (naming the field), 403 not allowed, 404 unknown id, 409 wrong state.
 * Messages are the domain's own words; stack traces never leave the server.
 */
@RestControllerAdvice(basePackages = "dev.planetary")
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ControlPlane controlPlane;

    public ApiExceptionHandler(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    @ExceptionHandler(ChangeRuleViolation.class)
    ResponseEntity<ApiError> rule(ChangeRuleViolation e) {
        HttpStatus status = switch (e.code()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case SELF_REVIEW, NOT_REQUESTER -> HttpStatus.FORBIDDEN;
            case WRONG_STATE, DRY_RUN_NOT_PASSED, ALREADY_APPROVED, CONNECTION_TEST_NOT_PASSED, NAME_TAKEN -> HttpStatus.CONFLICT;
        };
        String code = e.code() == ChangeRuleViolation.Code.INVALID ? "invalid_request" : e.code().name().toLowerCase();
        return ResponseEntity.status(status).body(new ApiError(code, e.getMessage(), e.field()));
    }

    /** A request that reads well but breaks a rule found later (a spec against the catalog's facts, a taken name). */
    @ExceptionHandler(SpecViolation.class)
    ResponseEntity<ApiError> spec(SpecViolation e) {
        return ResponseEntity.badRequest().body(new ApiError("invalid_spec", e.getMessage(), e.field()));
    }

    /** Two commands on one change at the same moment from two instances: the later one is refused whole. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ApiError> concurrent(ConcurrencyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("concurrent_update",
                "someone changed this at the same moment: read it again, then retry"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && mapping.getPath().isEmpty() && !(rootCause(mapping) instanceof SpecViolation)) {
            // the body itself: empty, or not an object
            return ResponseEntity.badRequest().body(ApiError.of("invalid_json", "the request body must be a JSON object"));
        }
        if (cause instanceof JsonMappingException mapping) {
            String path = path(mapping);
            Throwable root = rootCause(mapping);
            String message;
            if (root instanceof SpecViolation violation) {
                path = path.isEmpty() ? violation.field() : path + "." + violation.field();
                message = violation.getMessage();
            } else if (mapping instanceof InvalidTypeIdException) {
                message = "unknown kind of change; one of " + kinds();
            } else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                message = "'" + format.getValue() + "' is not one of " + Arrays.toString(format.getTargetType().getEnumConstants());
            } else if (mapping instanceof UnrecognizedPropertyException unknown) {
                message = "unknown field '" + unknown.getPropertyName() + "'";
            } else if (root instanceof IllegalArgumentException) {
                message = root.getMessage();
            } else {
                message = "this value cannot be read here";
            }
            return ResponseEntity.badRequest().body(new ApiError("invalid_spec", message, path.isEmpty() ? null : path));
        }
        return ResponseEntity.badRequest().body(ApiError.of("invalid_json", "the request body is not valid JSON"));
    }

    @ExceptionHandler({AggregateNotFoundException.class, ChangeNotFoundException.class})
    ResponseEntity<ApiError> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("not_found", e instanceof ChangeNotFoundException
                ? e.getMessage() : "no change with this id"));
    }

    /** A target Planetary does not manage, named in a parameter or a body: the field says where. */
    @ExceptionHandler(UnknownTargetException.class)
    ResponseEntity<ApiError> unknownTarget(UnknownTargetException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("unknown_target", e.getMessage(), "target"));
    }

    /** A target's server did not answer (down, refusing connections, or too slow to open one): the others still do. */
    @ExceptionHandler(org.springframework.dao.DataAccessResourceFailureException.class)
    ResponseEntity<ApiError> unreachable(org.springframework.dao.DataAccessResourceFailureException e) {
        if (controlPlane.isDown(e)) {
            return controlPlaneDown(e);
        }
        log.warn("a target could not be reached: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiError.of("target_unreachable",
                "the target database could not be reached; GET /api/targets shows each target's health"));
    }

    /**
     * A target too busy to answer a monitoring question in time (a statement timeout, or a lock not granted
     * at once): the page or client asks again later; nothing waits behind the lock.
     */
    @ExceptionHandler({org.springframework.dao.QueryTimeoutException.class, org.springframework.dao.PessimisticLockingFailureException.class})
    ResponseEntity<ApiError> busy(org.springframework.dao.DataAccessException e) {
        log.info("a target was too busy to answer: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(ApiError.of("target_busy",
                "the target did not answer in time (" + e.getMostSpecificCause().getMessage() + "); ask again in a few seconds"));
    }

    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    ResponseEntity<ApiError> status(org.springframework.web.server.ResponseStatusException e) {
        String code = e.getStatusCode().value() == 404 ? "not_found" : "error_" + e.getStatusCode().value();
        return ResponseEntity.status(e.getStatusCode()).body(ApiError.of(code, e.getReason()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        if (e instanceof TargetNotAnswering unreadable) {
            // refused all the same, but for the target being down, not for a missing right
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiError.of("target_unreachable", unreadable.getMessage()));
        }
        // Planetary's own refusals say which right is missing, and on which target; Spring's say only "Access Denied".
        String message = e.getMessage() == null || e.getMessage().equals("Access Denied")
                ? "your Planetary rights do not allow this" : e.getMessage();
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("forbidden", message));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        String field = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return ResponseEntity.badRequest().body(new ApiError("invalid_request", "bad value for " + field, field));
    }

    /** The buses wrap what a handler threw; answer for the original. */
    @ExceptionHandler({CommandExecutionException.class, QueryExecutionException.class, CompletionException.class,
            ExecutionException.class})
    ResponseEntity<ApiError> wrapped(Exception e) {
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause instanceof ChangeRuleViolation violation) {
                return rule(violation);
            }
            if (cause instanceof AccessDeniedException denied) {
                return denied(denied);
            }
            if (cause instanceof ConcurrencyException concurrent) {
                return concurrent(concurrent);
            }
            if (cause instanceof UnknownTargetException unknown) {
                return unknownTarget(unknown);
            }
            if (cause instanceof org.springframework.dao.DataAccessResourceFailureException failure) {
                return unreachable(failure);
            }
            if (cause instanceof org.springframework.dao.QueryTimeoutException
                    || cause instanceof org.springframework.dao.PessimisticLockingFailureException) {
                return busy((org.springframework.dao.DataAccessException) cause);
            }
            if (cause instanceof ChangeNotFoundException || cause instanceof AggregateNotFoundException) {
                return notFound((RuntimeException) cause);
            }
            cause = cause.getCause();
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (controlPlane.isDown(e)) {
            return controlPlaneDown(e);
        }
        log.error("request failed", e);
        return ResponseEntity.internalServerError().body(ApiError.of("internal_error",
                "Planetary could not finish this request; the server log has the details"));
    }

    private static ResponseEntity<ApiError> controlPlaneDown(Exception e) {
        log.warn("Planetary's database cannot be reached: {}", rootCause(e).getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, ApiError.CONTROL_PLANE_RETRY_AFTER)
                .body(ApiError.CONTROL_PLANE_UNAVAILABLE);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String kinds() {
        return String.join(", ", ChangeKinds.names());
    }
}
