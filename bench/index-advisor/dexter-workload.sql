SELECT id, full_name, status FROM customer WHERE lower(email) = 'user4242@shop.org'
SELECT id, status, total, created_at FROM orders WHERE customer_id = 4242 ORDER BY created_at DESC LIMIT 20
SELECT o.id, o.total, o.created_at FROM orders o WHERE o.customer_id = 977 AND o.status = 'shipped' ORDER BY o.created_at DESC LIMIT 10
SELECT line, product_id, quantity, unit_price FROM order_item WHERE order_id = 123456 ORDER BY line
SELECT id, customer_id, total FROM orders WHERE status = 'pending' ORDER BY created_at LIMIT 100
SELECT id, total FROM orders WHERE created_at >= '2022-03-01' AND created_at < '2022-03-02'
SELECT id, name, price FROM product WHERE category_id = 17 AND status = 'active' ORDER BY price LIMIT 50
SELECT id, name, price FROM product WHERE sku = 'SKU-00004242'
SELECT id, rating, created_at FROM review WHERE product_id = 4242 ORDER BY created_at DESC LIMIT 10
SELECT * FROM review WHERE customer_id = 777 ORDER BY created_at DESC LIMIT 100
SELECT c.full_name, o.id, o.total FROM orders o JOIN customer c ON c.id = o.customer_id WHERE o.created_at >= '2022-06-01' AND o.created_at < '2022-06-02' AND o.status = 'paid'
SELECT count(*) FROM order_item WHERE product_id = 4242
SELECT id, email FROM customer WHERE country = 'DE' AND created_at >= '2022-01-01' ORDER BY created_at LIMIT 100
SELECT id, total FROM orders WHERE total > 990 ORDER BY total DESC LIMIT 20
SELECT id, created_at FROM orders WHERE shipped_at IS NULL AND status = 'paid' ORDER BY created_at LIMIT 50
SELECT id, name FROM product WHERE price BETWEEN 100 AND 110 AND category_id = 42
