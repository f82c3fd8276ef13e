-- vlogkit team library, schema 1.
-- Each vlog, quote and transcript keeps its full domain record as JSONB (`doc`: what `to_dict()` writes, so consent
-- records, approvals and provenance travel whole); the columns beside it are what SQL needs to find, order and
-- constrain rows. Every change fires NOTIFY vlogkit '<table>' at commit, so other desks refresh.

CREATE TABLE vlogs (
    id              text PRIMARY KEY,
    fingerprint     text NOT NULL UNIQUE,
    media_key       text,                     -- ab/cdef....mp4 under the shared media root; NULL = a path
    created         text NOT NULL DEFAULT '',
    consent_scope   text NOT NULL DEFAULT 'none' CHECK (consent_scope IN ('none', 'internal', 'external')),
    consent_expires text NOT NULL DEFAULT '',
    doc             jsonb NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE transcripts (
    vlog_id    text PRIMARY KEY REFERENCES vlogs (id) ON DELETE CASCADE,
    cache_key  text NOT NULL DEFAULT '',
    doc        jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- No foreign key to vlogs: a colleague's quote may come from a vlog that is not in this library.
CREATE TABLE quotes (
    id         text PRIMARY KEY,
    vlog_id    text NOT NULL,
    start_ms   integer NOT NULL CHECK (start_ms >= 0),
    end_ms     integer NOT NULL CHECK (end_ms > start_ms),
    status     text NOT NULL,
    created    text NOT NULL DEFAULT '',
    doc        jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quotes_by_vlog ON quotes (vlog_id, start_ms);
CREATE INDEX quotes_by_created ON quotes (created DESC, id DESC);

CREATE TABLE prompts (
    id       text PRIMARY KEY,
    text     text NOT NULL UNIQUE,
    position integer NOT NULL
);

-- Who did what: exports, consent changes, approvals, imports, forgets. Append-only.
CREATE TABLE activity_log (
    seq       bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    "when"    text NOT NULL,
    kind      text NOT NULL,
    vlog_ids  text[] NOT NULL DEFAULT '{}',
    outputs   text[] NOT NULL DEFAULT '{}',
    audience  text NOT NULL DEFAULT '',
    username  text NOT NULL,
    detail    text NOT NULL DEFAULT ''
);
CREATE INDEX activity_log_by_vlog ON activity_log USING gin (vlog_ids);

CREATE TABLE team_settings (
    key        text PRIMARY KEY,
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION vlogkit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('vlogkit', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER vlogs_changed AFTER INSERT OR UPDATE OR DELETE ON vlogs
    FOR EACH STATEMENT EXECUTE FUNCTION vlogkit_notify();
CREATE TRIGGER transcripts_changed AFTER INSERT OR UPDATE OR DELETE ON transcripts
    FOR EACH STATEMENT EXECUTE FUNCTION vlogkit_notify();
CREATE TRIGGER quotes_changed AFTER INSERT OR UPDATE OR DELETE ON quotes
    FOR EACH STATEMENT EXECUTE FUNCTION vlogkit_notify();
CREATE TRIGGER prompts_changed AFTER INSERT OR UPDATE OR DELETE ON prompts
    FOR EACH STATEMENT EXECUTE FUNCTION vlogkit_notify();
CREATE TRIGGER activity_log_changed AFTER INSERT ON activity_log
    FOR EACH STATEMENT EXECUTE FUNCTION vlogkit_notify();
CREATE TRIGGER team_settings_changed AFTER INSERT OR UPDATE OR DELETE ON team_settings
    FOR EACH STATEMENT EXECUTE FUNCTION vlogkit_notify();
