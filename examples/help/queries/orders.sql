-- Order screens of the ShopFast example database.
-- weight: 120
SELECT id, total FROM shop_fast."order" WHERE status = 'pending' AND created_at > now() - interval '1 day';
