-- Every kind of object the PostgreSQL inspector reads, in two schemas (one with a name that needs quoting), plus
-- objects it must leave out (partitions, extension members, sequences owned by columns, indexes owned by constraints).
CREATE SCHEMA inv_a;
CREATE SCHEMA "Inv B";
CREATE EXTENSION pg_stat_statements SCHEMA inv_a;
-- Roles belong to the cluster, which other test runs share: created once, never dropped.
DO $$
BEGIN
  CREATE ROLE inv_reader_a NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
  CREATE ROLE inv_reader_b NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

CREATE TABLE inv_a.customer (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_customer PRIMARY KEY,
    email varchar(200) NOT NULL,
    "Display Name" text COLLATE "C",
    status text NOT NULL DEFAULT 'active' CONSTRAINT ck_customer_status CHECK (status IN ('active', 'closed')),
    balance numeric(12,2) NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    tags text[] DEFAULT '{}',
    doc jsonb,
    email_lower text GENERATED ALWAYS AS (lower(email)) STORED,
    CONSTRAINT uk_customer_email UNIQUE (email),
    CONSTRAINT ck_customer_balance CHECK (balance >= 0) NOT VALID
);
COMMENT ON TABLE inv_a.customer IS 'A buyer';
COMMENT ON COLUMN inv_a.customer.email IS 'Where receipts go';
COMMENT ON CONSTRAINT uk_customer_email ON inv_a.customer IS 'One account per address';
COMMENT ON CONSTRAINT ck_customer_status ON inv_a.customer IS 'Known states';
ALTER TABLE inv_a.customer DROP COLUMN tags;
ALTER TABLE inv_a.customer ADD COLUMN score integer;

CREATE TABLE inv_a.region (code char(2), country char(2), name text NOT NULL, CONSTRAINT pk_region PRIMARY KEY (country, code));

CREATE TABLE inv_a."order" (
    id uuid DEFAULT gen_random_uuid() CONSTRAINT pk_order PRIMARY KEY,
    customer_id bigint CONSTRAINT fk_order_customer REFERENCES inv_a.customer (id) ON DELETE CASCADE,
    country char(2),
    region char(2),
    total numeric(12,2) NOT NULL CHECK (total > 0),
    placed_on date NOT NULL DEFAULT CURRENT_DATE,
    note text,
    CONSTRAINT fk_order_region FOREIGN KEY (country, region) REFERENCES inv_a.region (country, code) ON DELETE SET NULL (region),
    CONSTRAINT uk_order_note UNIQUE (customer_id, note)
);
COMMENT ON INDEX inv_a.uk_order_note IS 'ignored: the constraint owns it';
CREATE INDEX ix_order_placed ON inv_a."order" (placed_on DESC, customer_id) INCLUDE (total) WHERE note IS NOT NULL;
CREATE INDEX ix_order_note_lower ON inv_a."order" (lower(note) text_pattern_ops);
CREATE INDEX ix_order_expr ON inv_a."order" ((total * 2), (note || '!') DESC NULLS LAST) WHERE total > 10 AND note <> '';
CREATE UNIQUE INDEX ux_order_customer_day ON inv_a."order" (customer_id, placed_on) WHERE customer_id IS NOT NULL;
CREATE INDEX ix_order_hash ON inv_a."order" USING hash (note);
CREATE INDEX ix_order_brin ON inv_a."order" USING brin (placed_on);
COMMENT ON INDEX inv_a.ix_order_placed IS 'Recent orders with a note';

CREATE TABLE inv_a.document (id serial PRIMARY KEY, body jsonb NOT NULL, area box, words tsvector, owner_id bigint REFERENCES inv_a.customer ON DELETE RESTRICT);
CREATE INDEX ix_document_body ON inv_a.document USING gin (body jsonb_path_ops);
CREATE INDEX ix_document_words ON inv_a.document USING gin (words);
CREATE INDEX ix_document_area ON inv_a.document USING gist (area);

CREATE TABLE inv_a.event (id bigint NOT NULL, at timestamptz NOT NULL, kind smallint, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE inv_a.event_2026 PARTITION OF inv_a.event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX ix_event_kind ON inv_a.event (kind);
COMMENT ON TABLE inv_a.event IS 'Partitioned by time';

CREATE TABLE inv_a.tenant_note (id int PRIMARY KEY, tenant_id int NOT NULL, body text);
ALTER TABLE inv_a.tenant_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE inv_a.tenant_note FORCE ROW LEVEL SECURITY;
CREATE POLICY p_tenant ON inv_a.tenant_note USING (tenant_id = current_setting('app.tenant')::int) WITH CHECK (tenant_id > 0);
CREATE POLICY p_readers ON inv_a.tenant_note AS RESTRICTIVE FOR SELECT TO inv_reader_b, inv_reader_a USING (true);
CREATE POLICY p_insert ON inv_a.tenant_note FOR INSERT WITH CHECK (body IS NOT NULL);
COMMENT ON POLICY p_tenant ON inv_a.tenant_note IS 'One tenant at a time';

CREATE TABLE inv_a.empty ();
CREATE TABLE inv_a.system_check (id int, CONSTRAINT ck_system CHECK (tableoid::regclass::text <> 'x' AND id > 0));
CREATE TABLE inv_a.audit_log (id bigserial, at timestamptz DEFAULT clock_timestamp(), what text);
ALTER TABLE inv_a.audit_log ENABLE ROW LEVEL SECURITY;

CREATE SEQUENCE inv_a.invoice_number AS integer INCREMENT 5 START 100 MINVALUE 1 MAXVALUE 1000000 CACHE 10 CYCLE;
CREATE SEQUENCE inv_a.ticket START 1;
CREATE VIEW inv_a.active_customer AS SELECT id, email FROM inv_a.customer WHERE status = 'active';
CREATE MATERIALIZED VIEW inv_a.order_total AS SELECT customer_id, sum(total) AS total FROM inv_a."order" GROUP BY customer_id;

CREATE TABLE "Inv B"."Line Item" (
    "Order Id" uuid NOT NULL REFERENCES inv_a."order" (id),
    "Line" int NOT NULL,
    qty int NOT NULL CONSTRAINT "Qty Positive" CHECK (qty > 0) NO INHERIT,
    "select" text,
    PRIMARY KEY ("Order Id", "Line")
);
CREATE INDEX "Ix Select" ON "Inv B"."Line Item" ("select", "Line" DESC);
CREATE TABLE "Inv B".child (id int PRIMARY KEY, line_order uuid, line_no int, FOREIGN KEY (line_order, line_no) REFERENCES "Inv B"."Line Item" ON DELETE NO ACTION);
CREATE VIEW "Inv B".v AS SELECT 1 AS one;
