-- The index advisor benchmark's workload: 34 statement templates over shop-schema.sql, weights in calls per minute.
-- Parameters ($1 …) are typed by the server; constants that matter (status values) are literals.

-- weight: 600
SELECT id, full_name, status FROM customer WHERE lower(email) = lower($1);
-- weight: 300
SELECT id, status, total, created_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20;
-- weight: 200
SELECT o.id, o.total, o.created_at FROM orders o WHERE o.customer_id = $1 AND o.status = 'shipped' ORDER BY o.created_at DESC LIMIT 10;
-- weight: 250
SELECT * FROM orders WHERE id = $1;
-- weight: 250
SELECT line, product_id, quantity, unit_price FROM order_item WHERE order_id = $1 ORDER BY line;
-- weight: 40
SELECT id, customer_id, total FROM orders WHERE status = 'pending' ORDER BY created_at LIMIT 100;
-- weight: 20
SELECT count(*) FROM orders WHERE status = 'pending' AND created_at < $1;
-- weight: 30
SELECT id, total FROM orders WHERE created_at >= $1 AND created_at < $2;
-- weight: 5
SELECT date_trunc('day', created_at) AS day, sum(total) FROM orders WHERE created_at >= $1 AND created_at < $2 GROUP BY 1 ORDER BY 1;
-- weight: 150
SELECT id, name, price FROM product WHERE category_id = $1 AND status = 'active' ORDER BY price LIMIT 50;
-- weight: 100
SELECT id, name, price FROM product WHERE category_id = $1 ORDER BY name LIMIT 50;
-- weight: 200
SELECT id, name, price FROM product WHERE sku = $1;
-- weight: 60
SELECT id, name FROM product WHERE name LIKE 'red shirt%' ORDER BY name LIMIT 20;
-- weight: 30
SELECT id, name FROM product WHERE name LIKE '%lamp 12%';
-- weight: 20
SELECT id, name FROM product WHERE attrs @> '{"color": "red", "size": "XL"}';
-- weight: 80
SELECT id, rating, created_at FROM review WHERE product_id = $1 ORDER BY created_at DESC LIMIT 10;
-- weight: 40
SELECT avg(rating), count(*) FROM review WHERE product_id = $1;
-- weight: 30
SELECT id, product_id, rating FROM review WHERE customer_id = $1 ORDER BY created_at DESC;
-- weight: 50
SELECT c.full_name, o.id, o.total FROM orders o JOIN customer c ON c.id = o.customer_id WHERE o.created_at >= $1 AND o.created_at < $2 AND o.status = 'paid';
-- weight: 100
SELECT p.name, oi.quantity, oi.unit_price FROM order_item oi JOIN product p ON p.id = oi.product_id WHERE oi.order_id = $1;
-- weight: 10
SELECT oi.product_id, sum(oi.quantity) FROM order_item oi JOIN orders o ON o.id = oi.order_id WHERE o.created_at >= $1 AND o.created_at < $2 GROUP BY oi.product_id ORDER BY 2 DESC LIMIT 10;
-- weight: 15
SELECT count(*) FROM order_item WHERE product_id = $1;
-- weight: 20
SELECT id, email FROM customer WHERE country = $1 AND created_at >= $2 ORDER BY created_at LIMIT 100;
-- weight: 10
SELECT id, email FROM customer WHERE status = 'suspended';
-- weight: 25
SELECT id, total FROM orders WHERE customer_id IN ($1, $2, $3, $4, $5);
-- weight: 15
SELECT id, name, price FROM product WHERE id = ANY ($1::bigint[]);
-- weight: 10
SELECT channel, count(*), sum(total) FROM orders WHERE created_at >= $1 GROUP BY channel;
-- weight: 20
SELECT id, created_at FROM orders WHERE shipped_at IS NULL AND status = 'paid' ORDER BY created_at LIMIT 50;
-- weight: 30
SELECT id FROM orders WHERE customer_id = $1 AND created_at >= $2;
-- weight: 12
SELECT id, name FROM product WHERE price BETWEEN $1 AND $2 AND category_id = $3;
-- weight: 8
SELECT c.id, c.email, count(o.id) FROM customer c JOIN orders o ON o.customer_id = c.id WHERE c.country = $1 AND o.created_at >= $2 GROUP BY c.id, c.email;
-- weight: 6
SELECT r.body FROM review r JOIN product p ON p.id = r.product_id WHERE p.category_id = $1 AND r.rating <= 2 ORDER BY r.created_at DESC LIMIT 20;
-- weight: 40
INSERT INTO orders (id, customer_id, status, channel, total, created_at) VALUES ($1, $2, 'pending', 'web', $3, now());
-- weight: 120
INSERT INTO order_item (order_id, line, product_id, quantity, unit_price) VALUES ($1, $2, $3, $4, $5);
-- weight: 40
UPDATE orders SET status = 'paid' WHERE id = $1;
-- weight: 30
UPDATE orders SET status = 'shipped', shipped_at = now() WHERE id = $1;
-- weight: 5
UPDATE customer SET loyalty = loyalty + $2 WHERE id = $1;
-- weight: 2
DELETE FROM review WHERE id = $1;
