package newsdesk.session;

import newsdesk.platform.Role;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who is signed in to the desk, in which interface language, and the CSRF token the page must send as
 * {@code X-CSRF-Token} with every write (null when the caller used a bearer token, which needs none).
 */
public record DeskSession(UUID accountId, String username, String displayName, Set<Role> roles,
                          List<String> languages, String language, String csrfToken,
                          long idleMinutes) {
}
