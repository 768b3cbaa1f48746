package dev.planetary.ui.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import dev.planetary.ui.web.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Two ways in, one identity: the REST API takes HTTP Basic with a PostgreSQL login (stateless, JSON
 * errors), the Vaadin UI a sign-in form with the same login. Rights are checked again on every
 * endpoint ({@code @PreAuthorize}), whatever the UI shows.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfiguration extends VaadinWebSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, PostgresAuthenticationProvider provider, ObjectMapper json) throws Exception {
        return http.securityMatcher("/api/**")
                // Its own manager, with no parent: a failed attempt is checked (and counted) once, not again by the global one.
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(SecurityConfiguration::apiRights)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof SignInThrottledException throttled) {
                        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                        write(response, json, HttpStatus.TOO_MANY_REQUESTS, ApiError.of("sign_in_throttled", throttled.getMessage()));
                    } else {
                        write(response, json, HttpStatus.UNAUTHORIZED, ApiError.of("unauthenticated",
                                "sign in with your PostgreSQL login (HTTP Basic)"));
                    }
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, ApiError.of("forbidden", "your Planetary rights do not allow this"))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies, no session: nothing for a cross-site request to ride on
                .build();
    }

    /**
     * Who may call what, checked on the path before any body is read, so a person without the right
     * gets 403 whatever they send (not a 400 about their input). The services check again
     * ({@code @PreAuthorize}), and the buses again for the target a command is for; AuthorizationMatrixIT
     * holds the whole table.
     */
    private static void apiRights(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        String requester = "REQUESTER";
        String reviewer = "REVIEWER";
        String operator = "OPERATOR";
        String viewer = "VIEWER";
        api.requestMatchers(HttpMethod.POST, "/api/changes", "/api/changes/*/revisions", "/api/changes/*/withdrawal",
                        "/api/changes/*/promotions", "/api/changes/promotions", "/api/changes/alike", "/api/policy-templates").hasRole(requester)
                .requestMatchers(HttpMethod.POST, "/api/changes/*/approvals", "/api/changes/*/rejections").hasRole(reviewer)
                .requestMatchers(HttpMethod.POST, "/api/changes/*/rollout").hasRole(operator)
                .requestMatchers(HttpMethod.POST, "/api/test-runs").hasAnyRole(requester, reviewer)
                .requestMatchers(HttpMethod.POST, "/api/targets/registrations/*/approval", "/api/targets/registrations/*/rejection",
                        "/api/health/acknowledgements")
                .hasAnyRole(reviewer, operator)
                .requestMatchers(HttpMethod.POST, "/api/targets", "/api/targets/registrations/*/connection-test",
                        "/api/targets/registrations/*/disable", "/api/audit/preparation", "/api/operations/projections/*/rebuild",
                        "/api/health/sessions/*/cancel", "/api/health/sessions/*/terminate", "/api/jobs/*/run",
                        "/api/replication/foreign-servers/*/test")
                .hasRole(operator)
                .requestMatchers("/api/audit/**").hasRole(operator)
                .requestMatchers(HttpMethod.GET, "/api/sign-ins", "/api/operations/**").hasAnyRole(viewer, operator)
                .requestMatchers("/api/me", "/api/me/**", "/api/kinds").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(viewer, requester, reviewer, operator)
                .anyRequest().denyAll();
    }

    @Bean
    @Order(2)
    SecurityFilterChain openEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * What the UI's pages may load and who may frame them: only Planetary itself. Vaadin's client
     * engine needs inline styles and {@code eval}; pictures may be data URIs; push and the UI's
     * requests go to the same origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private final SignInLog signIns;

    public SecurityConfiguration(SignInLog signIns) {
        this.signIns = signIns;
    }

    @Override
    protected void addLogoutHandlers(Consumer<LogoutHandler> handlers) {
        handlers.accept((request, response, authentication) -> {
            if (authentication != null) {
                signIns.record(authentication.getName(), request.getRemoteAddr(), SignInLog.Outcome.SIGNED_OUT);
            }
        });
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(new AntPathRequestMatcher("/images/**"),
                new AntPathRequestMatcher("/planetary.css")).permitAll());
        super.configure(http);
        setLoginView(http, LoginView.class);
    }

    static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, ApiError error) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }
}
