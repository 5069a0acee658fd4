-- Side-by-side health bench (issue 16), PostgreSQL: run after the integration fixture
-- (tests/DbArchitect.Integration.Tests/Health/pg-health-fixture.sql) in the scratch database health-side-by-side.ps1
-- creates and drops. Adds issue 16's faults and controls; roles are named bench_hcpg_* and dropped by the script.
-- Each fault is listed with its expected finding in faults.tsv.

-- UNUSED_INDEX over the default 10 MB threshold (the fixture's 20,000 rows give a 0.5 MB index; distinct values, so
-- b-tree deduplication does not shrink it)
INSERT INTO app.fault_unused SELECT g, g FROM generate_series(20001, 600000) g;

-- Issue 16 ---------------------------------------------------------------------------------------------------------
CREATE TABLE app.ok_money (id int PRIMARY KEY, unit_price numeric(12,2), weight_kg double precision, latitude real);
CREATE TABLE app.fault_money (id int PRIMARY KEY, unit_price double precision, total_amount real);
CREATE TABLE app.ok_events (id int, day date, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
CREATE TABLE app.ok_events_2025 PARTITION OF app.ok_events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE app.ok_events_default PARTITION OF app.ok_events DEFAULT;
INSERT INTO app.ok_events SELECT g, date '2025-01-01' + g % 300 FROM generate_series(1, 500) g;
CREATE TABLE app.fault_events (id int, day date, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
CREATE TABLE app.fault_events_2025 PARTITION OF app.fault_events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE app.fault_events_default PARTITION OF app.fault_events DEFAULT;
INSERT INTO app.fault_events SELECT g, date '2026-01-01' + g % 300 FROM generate_series(1, 500) g;
CREATE TABLE app.ok_growth (id serial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO app.ok_growth SELECT g, now() - make_interval(days => 101 - g) FROM generate_series(1, 100) g;
SELECT setval('app.ok_growth_id_seq', 100);
CREATE TABLE app.fault_growth (id serial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO app.fault_growth SELECT 1000000000 + g * 1000000, now() - make_interval(hours => 100 - g) FROM generate_series(0, 99) g;
SELECT setval('app.fault_growth_id_seq', 1099000000);
CREATE ROLE bench_hcpg_nopass LOGIN;
CREATE ROLE bench_hcpg_super LOGIN SUPERUSER PASSWORD 'Xq7-long-secret';
CREATE ROLE bench_hcpg_ok LOGIN PASSWORD 'Xq7-long-secret' VALID UNTIL '2100-01-01';
CREATE ROLE bench_hcpg_group NOLOGIN;
SET password_encryption = 'md5';
CREATE ROLE bench_hcpg_md5 LOGIN PASSWORD 'Xq7-long-secret';
RESET password_encryption;

-- An extension version with a published CVE (EXTENSION_CVE): adminpack 1.0 leaves pg_logfile_rotate() to PUBLIC
-- (CVE-2018-1115, fixed by its 1.1 script); pg_partman 4.7.2 is past its CVE-2021-33204 fix: the control.
CREATE EXTENSION adminpack VERSION '1.0';
CREATE SCHEMA ok_partman;
CREATE EXTENSION pg_partman SCHEMA ok_partman;
