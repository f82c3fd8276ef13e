-- vlogkit team library, schema 3: tombstones. A vlog forgotten at one desk (right to be forgotten) can come back at
-- no desk: only its id and content fingerprint are kept - no name, no words, no path. The table only grows.

CREATE TABLE forgotten (
    id          text NOT NULL,
    fingerprint text NOT NULL DEFAULT '',
    "when"      text NOT NULL,
    PRIMARY KEY (id, fingerprint)
);
CREATE INDEX forgotten_by_fingerprint ON forgotten (fingerprint);

INSERT INTO revisions (tbl) VALUES ('forgotten');
CREATE TRIGGER forgotten_changed AFTER INSERT OR UPDATE OR DELETE ON forgotten
    FOR EACH STATEMENT EXECUTE FUNCTION vlogkit_notify();
