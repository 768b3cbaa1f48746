package dev.planetary.ui.security;

import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.query.identity.Directory;
import dev.planetary.query.identity.LoginVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs people in with their PostgreSQL login on the target database, and gives them the
 * Planetary rights their roles are members of. A successful check is remembered for a short time
 * (as a salted hash, never the password) so that API clients sending Basic credentials on every
 * request do not open a database connection each time. Attempts that are checked are throttled
 * ({@link SignInThrottle}) and recorded ({@link SignInLog}).
 */
@Component
public class PostgresAuthenticationProvider implements AuthenticationProvider {

    private final LoginVerifier verifier;
    private final SignInThrottle throttle;
    private final SignInLog signIns;
    private final Directory directory;
    private final Clock clock;
    private final Duration remember;
    private final byte[] salt = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(byte[] hash, List<SimpleGrantedAuthority> authorities, Instant until) {
    }

    public PostgresAuthenticationProvider(LoginVerifier verifier, Directory directory, Clock clock,
                                          @Value("${planetary.security.remember-login:PT60S}") Duration remember,
                                          SignInThrottle throttle, SignInLog signIns) {
        this.throttle = throttle;
        this.signIns = signIns;
        this.verifier = verifier;
        this.directory = directory;
        this.clock = clock;
        this.remember = remember;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        byte[] hash = hash(login, password);
        Remembered known = remembered.get(login);
        if (known != null && known.until().isAfter(clock.instant()) && MessageDigest.isEqual(known.hash(), hash)) {
            return UsernamePasswordAuthenticationToken.authenticated(login, null, known.authorities());
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.waitFor(login, address);
        if (wait.isPresent()) {
            signIns.record(login, address, SignInLog.Outcome.THROTTLED);
            throw new SignInThrottledException(wait.get());
        }
        switch (verifier.verify(login, password)) {
            case INVALID -> {
                throttle.failed(login, address);
                signIns.record(login, address, SignInLog.Outcome.FAILED);
                throw new BadCredentialsException("wrong login or password");
            }
            case UNREACHABLE -> {
                signIns.record(login, address, SignInLog.Outcome.UNREACHABLE);
                throw new AuthenticationServiceException("the target database cannot be reached to check the login");
            }
            case VALID -> {
                throttle.succeeded(login);
                signIns.record(login, address, SignInLog.Outcome.SIGNED_IN);
            }
        }
        List<SimpleGrantedAuthority> authorities = directory.rightsOf(login).stream()
                .map(PlanetaryRight::authority).map(SimpleGrantedAuthority::new).toList();
        remembered.put(login, new Remembered(hash, authorities, clock.instant().plus(remember)));
        return UsernamePasswordAuthenticationToken.authenticated(login, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] hash(String login, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(login.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
