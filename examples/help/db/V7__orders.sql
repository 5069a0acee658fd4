-- MySQL: widen a column and add an index on the orders table.
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders MODIFY COLUMN note varchar(500);
ALTER TABLE orders ADD INDEX ix_orders_status (status), ALGORITHM=INPLACE, LOCK=NONE;
