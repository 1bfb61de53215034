-- One counter bumped by every transaction that changes what readers see (with its outbox row). The row
-- lock orders those transactions, so the value a reader sees covers exactly the committed changes: feed
-- caches on every instance compare it per request and never serve a feed older than a finished publish.
CREATE TABLE publication_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint  NOT NULL
);

INSERT INTO publication_version (singleton, version) VALUES (true, 0);

-- Atom tombstones read the newest withdrawals of a language; without this they scan every edition.
CREATE INDEX editions_withdrawn ON editions (language, updated_at DESC) WHERE state = 'WITHDRAWN';
