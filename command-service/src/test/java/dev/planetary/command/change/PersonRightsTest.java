package dev.planetary.command.change;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.command.ApproveChangeCommand;
import dev.planetary.kernel.change.command.RecordDryRunCommand;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.ProfileMessages.SaveProfileCommand;
import dev.planetary.kernel.identity.RequiresRight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonRightsTest {

    private static final ChangeId CHANGE = ChangeId.of("3f1c3f0e-3a53-4a59-9a4c-8f4f5d6f7a10");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_marked_command_needs_someone_signed_in_with_its_right_acting_for_themselves() {
        ApproveChangeCommand approval = new ApproveChangeCommand(CHANGE, "bob", null);
        RequiresRight required = ApproveChangeCommand.class.getAnnotation(RequiresRight.class);

        assertThatThrownBy(() -> PersonRights.require(required, approval)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("sign in first");
        signIn("bob", PlanetaryRight.REQUESTER);
        assertThatThrownBy(() -> PersonRights.require(required, approval)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("planetary_reviewer");
        signIn("carol", PlanetaryRight.REVIEWER);
        assertThatThrownBy(() -> PersonRights.require(required, approval)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("carol cannot act for bob");
        signIn("bob", PlanetaryRight.REVIEWER);
        assertThatCode(() -> PersonRights.require(required, approval)).doesNotThrowAnyException();
    }

    @Test
    void saving_a_profile_needs_no_right_but_ones_own_name() {
        RequiresRight required = SaveProfileCommand.class.getAnnotation(RequiresRight.class);
        signIn("dave");
        assertThatCode(() -> PersonRights.require(required, new SaveProfileCommand("dave", "Dave", null))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PersonRights.require(required, new SaveProfileCommand("erin", "Erin", null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void what_planetary_sends_itself_is_not_marked() {
        assertThat(RecordDryRunCommand.class.getAnnotation(RequiresRight.class)).isNull();
    }

    private static void signIn(String login, PlanetaryRight... rights) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(login, null,
                Arrays.stream(rights).map(right -> new SimpleGrantedAuthority(right.authority())).toList()));
    }
}
