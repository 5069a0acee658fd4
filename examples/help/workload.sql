-- Statements of the ShopFast example database (examples/requirements/ecommerce.yaml), weights in calls per minute.
-- weight: 300
SELECT id, status, total FROM shop_fast."order" WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20;
-- weight: 80
SELECT id, full_name FROM shop_fast.customer WHERE email = $1;
-- weight: 40
SELECT sku, name, price FROM shop_fast.product WHERE category_id = $1 ORDER BY name LIMIT 50;
