-- ALTER SYSTEM statements for the same settings (SCOPE = SPFILE: restart the instance once after running them).
SET DEFINE OFF
WHENEVER SQLERROR EXIT SQL.SQLCODE
ALTER SYSTEM SET memory_target = 0 SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET sga_target = 39296M SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET pga_aggregate_target = 9792M SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET pga_aggregate_limit = 19648M SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET use_large_pages = ONLY SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET processes = 135 SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET sessions = 224 SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET open_cursors = 500 SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET db_writer_processes = 2 SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET filesystemio_options = SETALL SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET fast_start_mttr_target = 60 SCOPE = SPFILE SID = '*';
ALTER SYSTEM SET undo_retention = 900 SCOPE = SPFILE SID = '*';
