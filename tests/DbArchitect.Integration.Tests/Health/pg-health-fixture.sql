-- Health check proof (issue 7): healthy control objects (ok_*, closed_schema) next to planted faults (fault_*,
-- open_schema) in a scratch PostgreSQL 15 database. Run by PostgresHealthFixture statement by statement; the
-- statements that cannot run in a transaction block (VACUUM, CREATE INDEX CONCURRENTLY) are run on their own there.
-- pgstattuple lets TABLE_BLOAT measure instead of estimate under -Deep.
CREATE EXTENSION IF NOT EXISTS pgstattuple;
CREATE SCHEMA app;
CREATE SCHEMA closed_schema;

-- Healthy controls ------------------------------------------------------------------------------------------------
CREATE TABLE app.ok_parent (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE app.ok_child (
  id int PRIMARY KEY,
  parent_id int NOT NULL CONSTRAINT ok_child_parent_fk REFERENCES app.ok_parent (id),
  note text CONSTRAINT ok_child_note_check CHECK (note <> ''));
CREATE INDEX ok_child_parent_idx ON app.ok_child (parent_id);
CREATE INDEX ok_child_note_idx ON app.ok_child (note);
CREATE TABLE app.ok_used (id int PRIMARY KEY, v int NOT NULL);
CREATE INDEX ok_used_v_idx ON app.ok_used (v);
CREATE TABLE app.ok_serial (id serial PRIMARY KEY, v int);
CREATE FUNCTION app.ok_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER ok_child_touch BEFORE UPDATE ON app.ok_child FOR EACH ROW EXECUTE FUNCTION app.ok_touch();
CREATE FUNCTION app.ok_definer() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = app, pg_temp AS $$ SELECT 1 $$;
INSERT INTO app.ok_parent SELECT g, 'p' || g FROM generate_series(1, 10) g;
INSERT INTO app.ok_child SELECT g, 1 + g % 10, 'n' || g FROM generate_series(1, 10) g;
INSERT INTO app.ok_used SELECT g, g % 500 FROM generate_series(1, 20000) g;
INSERT INTO app.ok_serial (v) SELECT g FROM generate_series(1, 10) g;
-- A bigint column fed by a bigint sequence through its default, far from its maximum
CREATE SEQUENCE app.ok_seq_default_seq AS bigint;
CREATE TABLE app.ok_seq_default (id bigint PRIMARY KEY DEFAULT nextval('app.ok_seq_default_seq'), v int);
SELECT setval('app.ok_seq_default_seq', 2000000000);

-- Planted faults --------------------------------------------------------------------------------------------------
-- FK_WITHOUT_INDEX
CREATE TABLE app.fault_child (id int PRIMARY KEY, parent_id int CONSTRAINT fault_child_parent_fk REFERENCES app.ok_parent (id));
-- TABLE_WITHOUT_PK, NOT_VALID_CONSTRAINT
CREATE TABLE app.fault_nopk (a int, b text);
ALTER TABLE app.fault_nopk ADD CONSTRAINT fault_nopk_a_check CHECK (a > 0) NOT VALID;
-- DUPLICATE_INDEX (fault_dup_v_b repeats fault_dup_v_a)
CREATE TABLE app.fault_dup (id int PRIMARY KEY, v int);
CREATE INDEX fault_dup_v_a ON app.fault_dup (v);
CREATE INDEX fault_dup_v_b ON app.fault_dup (v);
-- REDUNDANT_INDEX (fault_prefix_a leads fault_prefix_ab)
CREATE TABLE app.fault_prefix (id int PRIMARY KEY, a int, b int);
CREATE INDEX fault_prefix_a ON app.fault_prefix (a);
CREATE INDEX fault_prefix_ab ON app.fault_prefix (a, b);
-- SECURITY_DEFINER_SEARCH_PATH
CREATE FUNCTION app.fault_definer() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$;
-- PUBLIC_CREATE_ON_SCHEMA
CREATE SCHEMA open_schema;
GRANT CREATE ON SCHEMA open_schema TO PUBLIC;
-- DISABLED_TRIGGER
CREATE TABLE app.fault_trg (id int PRIMARY KEY);
CREATE TRIGGER fault_trg_audit BEFORE UPDATE ON app.fault_trg FOR EACH ROW EXECUTE FUNCTION app.ok_touch();
ALTER TABLE app.fault_trg DISABLE TRIGGER fault_trg_audit;
-- INVALID_INDEX (the failing CREATE UNIQUE INDEX CONCURRENTLY runs separately)
CREATE TABLE app.fault_invalid (id int PRIMARY KEY, v int);
INSERT INTO app.fault_invalid VALUES (1, 7), (2, 7);
-- SEQUENCE_NEAR_MAX: an integer serial column whose sequence is at 2.1e9 of 2,147,483,647
CREATE TABLE app.fault_seq (id serial PRIMARY KEY, v int);
SELECT setval('app.fault_seq_id_seq', 2100000000);
-- SEQUENCE_NEAR_MAX through a default only: a bigint sequence the int4 column does not own, at 93 % of 2,147,483,647
CREATE SEQUENCE app.fault_seq_default_seq AS bigint;
CREATE TABLE app.fault_seq_default (id int PRIMARY KEY DEFAULT nextval('app.fault_seq_default_seq'), v int);
SELECT setval('app.fault_seq_default_seq', 2000000000);
-- NEVER_ANALYZED (10 rows stay under autovacuum's analyze threshold of 50)
CREATE TABLE app.fault_never_analyzed (id int PRIMARY KEY);
INSERT INTO app.fault_never_analyzed SELECT generate_series(1, 10);
-- AUTOVACUUM_DISABLED
CREATE TABLE app.fault_no_autovac (id int PRIMARY KEY) WITH (autovacuum_enabled = false);
-- UNUSED_INDEX (never scanned; the test lowers the size threshold to 0.1 MB)
CREATE TABLE app.fault_unused (id int PRIMARY KEY, v int NOT NULL);
INSERT INTO app.fault_unused SELECT g, g % 700 FROM generate_series(1, 20000) g;
CREATE INDEX fault_unused_v_idx ON app.fault_unused (v);
-- DEAD_TUPLES, NEVER_VACUUMED (autovacuum off so nothing cleans them before the check runs)
CREATE TABLE app.fault_dead (id int PRIMARY KEY, v int) WITH (autovacuum_enabled = false);
INSERT INTO app.fault_dead SELECT g, g FROM generate_series(1, 10000) g;
DELETE FROM app.fault_dead WHERE id <= 6000;
-- FK_TYPE_MISMATCH (bigint referencing integer; indexed, so only the type is wrong)
CREATE TABLE app.fault_typed (id int PRIMARY KEY, parent_id bigint CONSTRAINT fault_typed_parent_fk REFERENCES app.ok_parent (id));
CREATE INDEX fault_typed_parent_idx ON app.fault_typed (parent_id);
-- UNLOGGED_TABLE
CREATE UNLOGGED TABLE app.fault_unlogged (id int PRIMARY KEY);
-- TABLE_BLOAT, INDEX_BLOAT: nine rows in ten deleted across every page, then vacuumed (space free but not returned)
CREATE TABLE app.fault_bloat (id int PRIMARY KEY, pad text NOT NULL);
INSERT INTO app.fault_bloat SELECT g, repeat('x', 120) FROM generate_series(1, 60000) g;
DELETE FROM app.fault_bloat WHERE id % 10 <> 0;
-- STALE_STATISTICS: analyzed at 2,000 rows, then 1,500 more inserted (autovacuum off so it is not re-analyzed first)
CREATE TABLE app.fault_stale (id int PRIMARY KEY) WITH (autovacuum_enabled = false);
INSERT INTO app.fault_stale SELECT generate_series(1, 2000);
-- BLOCKED_SESSIONS, IDLE_IN_TRANSACTION, LONG_RUNNING_TRANSACTION, ORPHANED_PREPARED_TRANSACTION use these two tables
CREATE TABLE app.fault_lock (id int PRIMARY KEY);
CREATE TABLE app.fault_prepared (id int PRIMARY KEY);
