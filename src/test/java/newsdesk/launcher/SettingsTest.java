package newsdesk.launcher;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("NEWSDESK_DB_URL", Settings.environmentName("newsdesk.db.url"));
        assertEquals("NEWSDESK_DB_CONNECT_TIMEOUT_SECONDS", Settings.environmentName("newsdesk.db.connect.timeout.seconds"));
    }

    @Test
    void aSystemPropertyWinsOverTheDefault() {
        System.setProperty("newsdesk.http.port", "9999");
        try {
            assertEquals(9999, new Settings().integer("newsdesk.http.port"));
        } finally {
            System.clearProperty("newsdesk.http.port");
        }
        assertTrue(new Settings().get("newsdesk.db.url").isEmpty(), "an empty default means unset");
    }

    @Test
    void passwordsInJdbcUrlsAreNeverPrinted() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                Migrations.withoutSecrets("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"));
    }
}
