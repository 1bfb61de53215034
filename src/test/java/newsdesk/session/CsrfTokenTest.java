package newsdesk.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSRF token a desk session's page must send: fixed per session, unguessable from another's. */
class CsrfTokenTest {

    @Test
    void eachSessionHasItsOwnStableToken() {
        String token = SessionService.csrfToken("nd_secret-one");
        assertEquals(token, SessionService.csrfToken("nd_secret-one"));
        assertNotEquals(token, SessionService.csrfToken("nd_secret-two"));
        assertFalse(token.contains("secret"), "the token does not reveal the cookie's secret");
    }

    @Test
    void onlyTheSessionsOwnTokenMatches() {
        String token = SessionService.csrfToken("nd_secret-one");
        assertTrue(SessionService.csrfMatches("nd_secret-one", token));
        assertFalse(SessionService.csrfMatches("nd_secret-one", null));
        assertFalse(SessionService.csrfMatches("nd_secret-one", ""));
        assertFalse(SessionService.csrfMatches("nd_secret-one", token.substring(1)));
        assertFalse(SessionService.csrfMatches("nd_secret-two", token));
        assertFalse(SessionService.csrfMatches("nd_secret-one", "nd_secret-one"), "the secret itself is no token");
    }
}
