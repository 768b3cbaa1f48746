package dev.planetary.ui.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.request.RequestKey;
import dev.planetary.ui.persistence.IdempotentRequestStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;

/**
 * {@code Idempotency-Key} on every POST of the API: the first request with a key runs and its
 * answer is kept ({@link IdempotentRequestStore}); the same request with the same key gets that
 * answer again (marked {@code Idempotency-Replayed: true}) and stores nothing; another request
 * with the key is refused (422 {@code idempotency_key_reused}), and one sent while the first is
 * still being served waits its turn (409 {@code idempotency_key_in_flight}). Keys belong to the
 * signed-in person, so it runs after authentication. A server error is not kept: the request may
 * be retried. The key also travels with the commands the request sends ({@link RequestKey}), which
 * covers an instance that dies between the effect and the kept answer.
 */
@Component
public class IdempotentRequests extends OncePerRequestFilter {

    public static final String REPLAYED = "Idempotency-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    private final IdempotentRequestStore store;
    private final ObjectMapper json;

    public IdempotentRequests(IdempotentRequestStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getHeader(RequestKey.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal person = request.getUserPrincipal();
        if (person == null) {
            chain.doFilter(request, response); // refused by security before any handler runs
            return;
        }
        String clientKey = request.getHeader(RequestKey.HEADER);
        if (!RequestKey.valid(clientKey)) {
            refuse(response, 400, new ApiError("invalid_request", "an " + RequestKey.HEADER + " is 1 to " + RequestKey.MAX_LENGTH
                    + " visible ASCII characters (a UUID does)", RequestKey.HEADER));
            return;
        }
        RequestKey key = RequestKey.of(person.getName(), clientKey);
        byte[] body = request.getInputStream().readAllBytes();
        // Planetary's database down: the claim fails, nothing is stored, and ControlPlaneGuard answers 503.
        IdempotentRequestStore.Claim claim = store.claim(key, hash(request, body));
        if (claim instanceof IdempotentRequestStore.Owned) {
            serve(key, new CachedBody(request, body), response, chain);
        } else if (claim instanceof IdempotentRequestStore.Answered answered) {
            replay(answered, response);
        } else if (claim instanceof IdempotentRequestStore.Mismatched) {
            refuse(response, 422, new ApiError("idempotency_key_reused", "this " + RequestKey.HEADER
                    + " was sent with another request: use a new key for a new request", RequestKey.HEADER));
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(response, 409, new ApiError("idempotency_key_in_flight", "the first request with this " + RequestKey.HEADER
                    + " is still being served: retry in a moment", RequestKey.HEADER));
        }
    }

    private void serve(RequestKey key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            request.setAttribute(RequestKey.class.getName(), key);
            chain.doFilter(request, answer);
        } catch (ServletException | IOException | RuntimeException e) {
            release(key);
            throw e;
        }
        if (answer.getStatus() >= 500) {
            release(key);
        } else {
            try {
                store.answer(key, answer.getStatus(), answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
                        answer.getContentAsByteArray());
            } catch (RuntimeException e) {
                // Planetary's database went away after the request took effect: the client still gets its answer,
                // and a retry with the key (once the lease lapses) is answered the same by the request's own key.
                log.warn("could not keep the answer to {}: {}", key, e.toString());
            }
        }
        answer.copyBodyToResponse();
    }

    /** Best effort: a lease that cannot be given back (Planetary's database is down) lapses by itself. */
    private void release(RequestKey key) {
        try {
            store.release(key);
        } catch (RuntimeException e) {
            log.warn("could not release the claim on {}: {}", key, e.toString());
        }
    }

    private static void replay(IdempotentRequestStore.Answered answered, HttpServletResponse response) throws IOException {
        response.setStatus(answered.status());
        response.setHeader(REPLAYED, "true");
        if (answered.contentType() != null) {
            response.setContentType(answered.contentType());
        }
        if (answered.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answered.location());
        }
        if (answered.body() != null) {
            response.getOutputStream().write(answered.body());
        }
    }

    private void refuse(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The request with its body read once (to be hashed) and served again to the handler. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
