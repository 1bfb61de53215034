package newsdesk.platform;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** How a database error becomes the API's problem: the client's fault, a conflict, or the server's condition. */
class DatabaseErrorsTest {

    @Test
    void aFullDiskOrAnyLackOfResourcesIsATemporary503NotA500() {
        for (String state : new String[] {"53100", "53200", "53300", "53400"}) {
            RuntimeException problem = Jdbc.translate(new SQLException("could not extend file", state), null);
            NewsdeskException known = assertInstanceOf(NewsdeskException.class, problem);
            assertEquals(ErrorCode.DATABASE_OUT_OF_RESOURCES, known.code(), state);
            assertEquals(503, known.code().status());
            assertEquals("/problems/database-out-of-resources", known.code().type());
        }
    }

    @Test
    void aLostConnectionIsUnavailableAndABrokenTableRuleIsTheClients() {
        assertEquals(ErrorCode.DATABASE_UNAVAILABLE,
                ((NewsdeskException) Jdbc.translate(new SQLException("gone", "08006"), null)).code());
        assertEquals(ErrorCode.VALIDATION_FAILED,
                ((NewsdeskException) Jdbc.translate(new SQLException("too long", "22001"), null)).code());
        assertInstanceOf(Conflict.class, Jdbc.translate(new SQLException("duplicate", "23505"), "taken"));
        assertEquals(ErrorCode.INTERNAL,
                ((NewsdeskException) Jdbc.translate(new SQLException("syntax", "42601"), null)).code());
    }
}
