package dev.planetary.ui.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The sign-in record, for operators and auditors: {@code GET /api/sign-ins?login=&limit=}. */
@RestController
@RequestMapping("/api/sign-ins")
public class SignInController {

    private final SignInLog log;

    public SignInController(SignInLog log) {
        this.log = log;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'VIEWER')")
    public List<SignInLog.Entry> latest(@RequestParam(required = false) String login,
                                        @RequestParam(defaultValue = "100") int limit) {
        return log.latest(login == null || login.isBlank() ? null : login, Math.max(1, Math.min(limit, 1000)));
    }
}
