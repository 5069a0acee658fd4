-- The top statements of SQL Server's Query Store for the shop (T-SQL), with their call counts.
-- calls: 500
SELECT TOP (10) c.id, c.full_name FROM customer AS c WHERE c.loyalty_points > @min ORDER BY c.loyalty_points DESC;
-- calls: 300
SELECT o.id, o.total FROM [order] AS o WHERE o.customer_id = @customer AND o.status = N'paid';
