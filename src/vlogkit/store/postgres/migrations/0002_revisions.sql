-- vlogkit team library, schema 2: a revision counter per table, so a desk can keep what it read and ask one cheap
-- question ("did anything change?") instead of reading 100,000 quotes again.
-- The counter row is updated by the statement trigger inside the writing transaction: its row lock orders the
-- writers of a table, so a revision becomes visible only together with the rows written under it.

CREATE TABLE revisions (
    tbl text PRIMARY KEY,
    rev bigint NOT NULL DEFAULT 0
);
INSERT INTO revisions (tbl) VALUES ('vlogs'), ('transcripts'), ('quotes'), ('prompts'), ('activity_log'),
    ('team_settings');

CREATE OR REPLACE FUNCTION vlogkit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE revisions SET rev = rev + 1 WHERE tbl = TG_TABLE_NAME;
    PERFORM pg_notify('vlogkit', TG_TABLE_NAME);
    RETURN NULL;
END
$$;
