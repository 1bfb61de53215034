package newsdesk.account;

import java.time.Instant;
import java.util.UUID;

/** A new token: the secret is in this response and nowhere else, ever. */
public record IssuedToken(UUID id, String name, String token, Instant expiresAt) {
}
