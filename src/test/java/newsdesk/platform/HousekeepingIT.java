package newsdesk.platform;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tables that would otherwise grow with time alone: old idempotency keys, relayed outbox rows and dead tokens
 * are deleted by the housekeeping job (every second on the suite's server); what is still needed stays.
 */
@ExtendWith(NewsdeskServer.class)
class HousekeepingIT {

    private final Desk desk;

    HousekeepingIT(Desk desk) {
        this.desk = desk;
    }

    @Test
    void whatIsNoLongerNeededIsDeletedAndWhatIsStillNeededStays() throws Exception {
        Desk.Person editor = desk.newEditor();
        TestDatabase db = desk.database();
        String key = "INSERT INTO idempotency_keys (account_id, scope, key, request_hash, created_at)"
                + " VALUES (?::uuid, 'housekeeping-test', ?, '\\x00', now() - ?::interval)";
        db.sql(key, editor.id(), "old", "25 hours");
        db.sql(key, editor.id(), "fresh", "23 hours");
        String outbox = "INSERT INTO outbox (topic, article_id, language, created_at, processed_at)"
                + " VALUES ('housekeeping-test', gen_random_uuid(), ?, now() - interval '3 days', now() - ?::interval)";
        db.sql(outbox, "old", "25 hours");
        db.sql(outbox, "fresh", "23 hours");
        String token = "INSERT INTO api_tokens (id, account_id, token_hash, name, created_at, expires_at, revoked_at)"
                + " VALUES (gen_random_uuid(), ?::uuid, sha256(gen_random_uuid()::text::bytea), ?, now() - interval '90 days',"
                + " now() - ?::interval, now() - ?::interval)";
        db.sql(token, editor.id(), "expired long ago", "31 days", null);
        db.sql(token, editor.id(), "revoked long ago", "-1 day", "31 days");
        db.sql(token, editor.id(), "expired lately", "29 days", null);
        db.sql(token, editor.id(), "revoked lately", "-1 day", "29 days");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count(db, "SELECT count(*) FROM idempotency_keys WHERE scope = 'housekeeping-test'") > 1
                || count(db, "SELECT count(*) FROM outbox WHERE topic = 'housekeeping-test'") > 1
                || count(db, "SELECT count(*) FROM api_tokens WHERE name LIKE '% long ago' AND account_id = ?::uuid", editor.id()) > 0) {
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(200);
        }

        assertEquals(java.util.List.of("fresh"),
                db.strings("SELECT key FROM idempotency_keys WHERE scope = 'housekeeping-test'"));
        assertEquals(java.util.List.of("fresh"),
                db.strings("SELECT language FROM outbox WHERE topic = 'housekeeping-test'"));
        assertEquals(java.util.List.of("expired lately", "revoked lately"), db.strings(
                "SELECT name FROM api_tokens WHERE account_id = ?::uuid AND name LIKE '% lately' ORDER BY name", editor.id()));
        // The editor's own token (live) is untouched.
        desk.as(editor).get("/api/me").then().statusCode(200);
    }

    private static long count(TestDatabase db, String sql, Object... params) {
        return ((Number) db.value(sql, params)).longValue();
    }
}
