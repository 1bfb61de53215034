package newsdesk.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/desk/session: the same account's username and password as for API tokens. */
public record SignInRequest(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 256) String password) {
}
