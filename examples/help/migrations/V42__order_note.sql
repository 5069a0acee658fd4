-- A nullable column for order notes: no rewrite, no long lock.
SET lock_timeout = '2s';
ALTER TABLE "order" ADD COLUMN IF NOT EXISTS note text;
