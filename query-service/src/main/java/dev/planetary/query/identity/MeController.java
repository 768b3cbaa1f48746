package dev.planetary.query.identity;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.identity.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/** The signed-in person: rights, and the profile used for notifications. */
@RestController
public class MeController {

    /** Deliberately loose: one @, no spaces, a dot in the domain. The mail server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ProfileRepository profiles;

    public MeController(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    public record Me(String login, List<String> rights, String displayName, String email) {
    }

    public record ProfileUpdate(String displayName, String email) {
    }

    @GetMapping("/api/me")
    public Me me(Authentication user) {
        Profile profile = profiles.find(user.getName()).orElse(new Profile(user.getName(), null, null));
        List<String> rights = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        return new Me(user.getName(), rights, profile.displayName(), profile.email());
    }

    @PutMapping("/api/me/profile")
    public Me update(@RequestBody ProfileUpdate update, Authentication user) {
        String email = update.email() == null || update.email().isBlank() ? null : update.email().strip();
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "'" + email + "' is not an e-mail address", "email");
        }
        String name = update.displayName() == null || update.displayName().isBlank() ? null : update.displayName().strip();
        if (name != null && name.length() > 200) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "a display name is at most 200 characters", "displayName");
        }
        profiles.save(new Profile(user.getName(), name, email));
        return me(user);
    }
}
