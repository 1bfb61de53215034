package newsdesk.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** PATCH /api/accounts/{id}: only the members present change. */
public record UpdateAccountRequest(
        @Size(min = 1, max = 200) String displayName,
        @Size(min = 10, max = 256, message = "must be 10 to 256 characters long") String password,
        List<@NotNull String> roles,
        List<@NotNull String> languages,
        Boolean active) {
}
