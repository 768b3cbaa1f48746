package dev.planetary.ui.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.ui.persistence.ControlPlane;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers an API request that failed because Planetary's own database cannot be reached with 503
 * {@code control_plane_unavailable} and Retry-After, wherever it failed: in a controller (also
 * {@link ApiExceptionHandler}), or before one, such as recording a sign-in, which fails closed. Runs
 * before Spring Security, so such a failure is not turned into a redirect to the sign-in page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ControlPlaneGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ControlPlaneGuard.class);

    private final ControlPlane controlPlane;
    private final ObjectMapper json;

    public ControlPlaneGuard(ControlPlane controlPlane, ObjectMapper json) {
        this.controlPlane = controlPlane;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (response.isCommitted() || !controlPlane.isDown(e)) {
                throw e;
            }
            log.warn("{} {}: Planetary's database cannot be reached", request.getMethod(), request.getRequestURI());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, ApiError.CONTROL_PLANE_RETRY_AFTER);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiError.CONTROL_PLANE_UNAVAILABLE);
        }
    }
}
