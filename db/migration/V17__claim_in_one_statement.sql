-- Issue 11: claim-next in one statement. The statement locks the translator's account row (FOR NO KEY UPDATE,
-- which FK checks' KEY SHARE locks do not conflict with) so one translator's claims queue behind each other
-- across instances, and then counts their live claims with this function. It must be VOLATILE: PostgreSQL
-- gives a volatile function a fresh snapshot for each query it runs, taken when it runs, i.e. after the row
-- lock was granted, so it sees the claim the previous lock holder committed meanwhile. A count written in
-- the statement itself would use the statement's snapshot, taken before it waited, and two concurrent
-- claims could both see room under the cap. PL/pgSQL rather than SQL: it keeps the query's plan per
-- connection instead of planning it on every call.
CREATE FUNCTION live_claims(holder uuid, at timestamptz) RETURNS integer
    LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
    RETURN (SELECT count(*)::integer FROM tasks
             WHERE state = 'CLAIMED' AND holder_id = holder AND lease_expires_at > at);
END
$$;
