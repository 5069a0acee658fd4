-- Payment lookups of the ShopFast example database.
-- weight: 60
SELECT id, amount FROM shop_fast.payment WHERE provider = 'card' ORDER BY created_at DESC LIMIT 50;
