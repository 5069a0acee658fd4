-- The index advisor benchmark's shop: tables with only their keys, filled with generated data.
-- psql -v scale=1 -f shop-schema.sql   (scale 1: 50,000 customers, 10,000 products, 300,000 orders, ~900,000 items)
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT setseed(0.42);

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE customer (
    id          bigint PRIMARY KEY,
    email       text NOT NULL,
    full_name   text NOT NULL,
    country     text NOT NULL,
    status      text NOT NULL,
    loyalty     integer NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE category (
    id        integer PRIMARY KEY,
    name      text NOT NULL,
    parent_id integer REFERENCES category (id)
);

CREATE TABLE product (
    id          bigint PRIMARY KEY,
    sku         text NOT NULL,
    name        text NOT NULL,
    category_id integer NOT NULL REFERENCES category (id),
    price       numeric(12, 2) NOT NULL,
    status      text NOT NULL,
    attrs       jsonb NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customer (id),
    status      text NOT NULL,
    channel     text NOT NULL,
    total       numeric(12, 2) NOT NULL,
    created_at  timestamptz NOT NULL,
    shipped_at  timestamptz
);

CREATE TABLE order_item (
    order_id   bigint NOT NULL REFERENCES orders (id),
    line       integer NOT NULL,
    product_id bigint NOT NULL REFERENCES product (id),
    quantity   integer NOT NULL,
    unit_price numeric(12, 2) NOT NULL,
    PRIMARY KEY (order_id, line)
);

CREATE TABLE review (
    id          bigint PRIMARY KEY,
    product_id  bigint NOT NULL REFERENCES product (id),
    customer_id bigint NOT NULL REFERENCES customer (id),
    rating      integer NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL
);

INSERT INTO category SELECT g, 'category ' || g, CASE WHEN g > 20 THEN 1 + g % 20 END FROM generate_series(1, 200) g;

INSERT INTO customer
SELECT g, 'user' || g || '@' || (ARRAY['mail.com', 'shop.org', 'example.net'])[1 + g % 3],
       'Customer ' || md5(g::text), (ARRAY['DE', 'FR', 'US', 'GB', 'NL', 'PL', 'IT', 'ES'])[1 + (g * 7) % 8],
       CASE WHEN g % 97 = 0 THEN 'closed' WHEN g % 41 = 0 THEN 'suspended' ELSE 'active' END,
       (g * 13) % 5000, timestamptz '2020-01-01' + (g * interval '45 minutes')
FROM generate_series(1, (50000 * :scale)::int) g;

INSERT INTO product
SELECT g, 'SKU-' || lpad(g::text, 8, '0'), (ARRAY['red', 'blue', 'green', 'black', 'white'])[1 + g % 5] || ' ' || (ARRAY['shirt', 'lamp', 'chair', 'phone case', 'mug', 'desk'])[1 + g % 6] || ' ' || g,
       1 + g % 200, round((5 + (g * 37) % 500)::numeric, 2), CASE WHEN g % 10 = 0 THEN 'discontinued' ELSE 'active' END,
       jsonb_build_object('color', (ARRAY['red', 'blue', 'green'])[1 + g % 3], 'size', (ARRAY['S', 'M', 'L', 'XL'])[1 + g % 4]),
       timestamptz '2019-01-01' + (g * interval '3 hours')
FROM generate_series(1, (10000 * :scale)::int) g;

INSERT INTO orders
SELECT g, 1 + (hashint4(g) & 2147483647) % (50000 * :scale)::int,
       CASE WHEN g % 50 = 0 THEN 'pending' WHEN g % 23 = 0 THEN 'cancelled' WHEN g > (300000 * :scale)::int * 0.9 THEN 'paid' ELSE 'shipped' END,
       (ARRAY['web', 'app', 'store'])[1 + g % 3], round((10 + (g * 31) % 990)::numeric, 2),
       timestamptz '2021-01-01' + (g * interval '5 minutes'),
       CASE WHEN g % 50 <> 0 AND g % 23 <> 0 AND g <= (300000 * :scale)::int * 0.9 THEN timestamptz '2021-01-02' + (g * interval '5 minutes') END
FROM generate_series(1, (300000 * :scale)::int) g;

INSERT INTO order_item
SELECT o, l, 1 + (hashint4(o * 3 + l) & 2147483647) % (10000 * :scale)::int, 1 + (o + l) % 4, round((5 + (o * l) % 300)::numeric, 2)
FROM generate_series(1, (300000 * :scale)::int) o, generate_series(1, 1 + o % 5) l;

INSERT INTO review
SELECT g, 1 + (hashint4(g * 5) & 2147483647) % (10000 * :scale)::int, 1 + (hashint4(g * 11) & 2147483647) % (50000 * :scale)::int,
       1 + g % 5, 'review text ' || md5(g::text), timestamptz '2021-06-01' + (g * interval '15 minutes')
FROM generate_series(1, (100000 * :scale)::int) g;

ANALYZE;
