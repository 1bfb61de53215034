package newsdesk.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** POST /api/accounts. Roles and languages default to none. */
public record CreateAccountRequest(
        @NotNull @Pattern(regexp = Usernames.PATTERN, message = Usernames.RULE) String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Size(min = 10, max = 256, message = "must be 10 to 256 characters long") String password,
        List<@NotNull String> roles,
        List<@NotNull String> languages) {

    /** This request as an Idempotency-Key remembers it: everything but the password. */
    public record WithoutPassword(String username, String displayName, List<String> roles, List<String> languages) {
    }

    WithoutPassword withoutPassword() {
        return new WithoutPassword(username, displayName, roles, languages);
    }
}
