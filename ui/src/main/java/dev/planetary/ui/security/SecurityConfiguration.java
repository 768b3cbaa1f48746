package dev.planetary.ui.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.ui.web.ApiError;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

import java.io.IOException;

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
                .authenticationProvider(provider)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        write(response, json, HttpStatus.UNAUTHORIZED, ApiError.of("unauthenticated",
                                "sign in with your PostgreSQL login (HTTP Basic)"))))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, ApiError.of("forbidden", "your Planetary rights do not allow this"))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies, no session: nothing for a cross-site request to ride on
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain openEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
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
