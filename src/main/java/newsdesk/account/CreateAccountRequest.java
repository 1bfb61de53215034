package newsdesk.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** POST /api/accounts. Roles and languages default to none. */
public record CreateAccountRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
                message = "use 1 to 64 letters, digits, dots, dashes or underscores") String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Size(min = 10, max = 256, message = "must be 10 to 256 characters long") String password,
        List<@NotNull String> roles,
        List<@NotNull String> languages) {
}
