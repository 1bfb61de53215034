package newsdesk.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/auth/tokens: sign in and get a bearer token; the name says which device or script holds it. */
public record LoginRequest(@NotNull @Size(max = 64) String username,
                           @NotNull @Size(max = 256) String password,
                           @Size(max = 100) String name) {
}
