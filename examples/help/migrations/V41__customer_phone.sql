-- Adds a nullable column: instant on PostgreSQL 11+, no rewrite.
SET lock_timeout = '2s';
ALTER TABLE customer ADD COLUMN IF NOT EXISTS phone varchar(30);
