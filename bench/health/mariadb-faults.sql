-- Side-by-side health bench (issue 16), MariaDB: healthy controls (ok_*, the control accounts) next to planted faults
-- (fault_*, the fault accounts) in the scratch database health-side-by-side.ps1 creates and drops. Accounts and the
-- role are named bench_hc_* and dropped by the script. Each fault is listed with its expected finding in faults.tsv.

-- Healthy controls -------------------------------------------------------------------------------------------------
CREATE TABLE ok_parent (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);
CREATE TABLE ok_child (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT NOT NULL, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ok_child_parent_idx (parent_id), CONSTRAINT ok_child_parent_fk FOREIGN KEY (parent_id) REFERENCES ok_parent (id));
CREATE TABLE ok_audit (id INT PRIMARY KEY, y INT);
CREATE TABLE ok_money (id INT PRIMARY KEY, unit_price DECIMAL(12,2) NOT NULL, weight_kg DOUBLE, latitude FLOAT);
CREATE TABLE ok_narrow (id INT PRIMARY KEY, code VARCHAR(100) NOT NULL, KEY ok_narrow_code (code));
CREATE TABLE ok_part (id INT NOT NULL, y INT NOT NULL, PRIMARY KEY (id, y)) PARTITION BY RANGE (y)
  (PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026), PARTITION pmax VALUES LESS THAN MAXVALUE);
INSERT INTO ok_parent VALUES (1, 'a'), (2, 'b');
INSERT INTO ok_child (id, parent_id, created_at) SELECT seq, 1 + seq % 2, NOW() - INTERVAL (101 - seq) DAY FROM seq_1_to_100;
INSERT INTO ok_part SELECT seq, 2024 + seq % 2 FROM seq_1_to_2000;
CREATE VIEW ok_view AS SELECT c.id, p.name FROM ok_child c JOIN ok_parent p ON p.id = c.parent_id;
CREATE TRIGGER ok_child_ai AFTER INSERT ON ok_child FOR EACH ROW
  INSERT INTO ok_audit (id, y) VALUES (NEW.id, EXTRACT(YEAR FROM NEW.created_at)) ON DUPLICATE KEY UPDATE y = VALUES(y);

-- Schema and index faults ------------------------------------------------------------------------------------------
CREATE TABLE fault_nopk (a INT, b VARCHAR(20)) ENGINE=InnoDB;
CREATE TABLE fault_dup (id INT PRIMARY KEY, v INT, KEY fault_dup_v_a (v), KEY fault_dup_v_b (v));
CREATE TABLE fault_prefix (id INT PRIMARY KEY, a INT, b INT, KEY fault_prefix_a (a), KEY fault_prefix_ab (a, b));
CREATE TABLE fault_ai (id INT AUTO_INCREMENT PRIMARY KEY, v INT) AUTO_INCREMENT = 2100000000;
CREATE TABLE fault_myisam (id INT PRIMARY KEY) ENGINE=MyISAM;

-- Broken objects ---------------------------------------------------------------------------------------------------
CREATE TABLE fault_gone (id INT PRIMARY KEY);
CREATE VIEW fault_view_dropped AS SELECT id FROM fault_gone;
CREATE TABLE fault_audit (id INT);
CREATE TABLE fault_trg (id INT PRIMARY KEY);
CREATE TRIGGER fault_trg_audit AFTER INSERT ON fault_trg FOR EACH ROW INSERT INTO fault_audit VALUES (NEW.id);
DROP TABLE fault_gone, fault_audit;
CREATE DEFINER = 'bench_hc_gone'@'%' SQL SECURITY DEFINER VIEW fault_view_ghost AS SELECT id FROM ok_parent;
CREATE DEFINER = 'bench_hc_gone'@'%' TRIGGER fault_trg_ghost BEFORE UPDATE ON fault_trg FOR EACH ROW SET NEW.id = NEW.id;
CREATE EVENT fault_event_off ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM ok_audit WHERE y < 2000;
CREATE EVENT fault_event_idle ON SCHEDULE EVERY 1 HOUR DO DELETE FROM ok_audit WHERE y < 1990;

-- Integrity --------------------------------------------------------------------------------------------------------
CREATE TABLE fault_fk_child (id INT PRIMARY KEY, parent_id INT, KEY fault_fk_child_idx (parent_id),
  CONSTRAINT fault_fk_child_fk FOREIGN KEY (parent_id) REFERENCES ok_parent (id));
CREATE TABLE fault_orphan (id INT PRIMARY KEY, parent_id INT, KEY fault_orphan_idx (parent_id),
  CONSTRAINT fault_orphan_fk FOREIGN KEY (parent_id) REFERENCES ok_parent (id));
SET SESSION foreign_key_checks = 0;
ALTER TABLE fault_fk_child DROP INDEX fault_fk_child_idx;
INSERT INTO fault_orphan VALUES (1, 1), (2, 77), (3, 78), (4, NULL), (5, 79);
SET SESSION foreign_key_checks = 1;

-- Design debt ------------------------------------------------------------------------------------------------------
CREATE TABLE fault_mb3 (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci);
CREATE TABLE fault_latin1 (id INT PRIMARY KEY, name VARCHAR(40)) DEFAULT CHARSET = latin1;
CREATE TABLE fault_money (id INT PRIMARY KEY, unit_price FLOAT NOT NULL DEFAULT 0, total_amount DOUBLE);
CREATE TABLE fault_widekey (id INT PRIMARY KEY, code VARCHAR(700) NOT NULL, KEY fault_widekey_code (code));
CREATE TABLE fault_ai_date (id INT AUTO_INCREMENT PRIMARY KEY, created_at DATETIME NOT NULL);
INSERT INTO fault_ai_date SELECT 1000000000 + seq * 1000000, NOW() - INTERVAL (100 - seq) HOUR FROM seq_0_to_99;
CREATE TABLE fault_gaps (id INT AUTO_INCREMENT PRIMARY KEY, v INT);
INSERT INTO fault_gaps (v) SELECT seq FROM seq_1_to_1001;
ALTER TABLE fault_gaps AUTO_INCREMENT = 1100000000;
CREATE TABLE fault_part (id INT NOT NULL, y INT NOT NULL, PRIMARY KEY (id, y)) PARTITION BY RANGE (y)
  (PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE);
INSERT INTO fault_part SELECT seq, CASE WHEN seq <= 100 THEN 2024 ELSE 2026 END FROM seq_1_to_2000;
ANALYZE TABLE ok_part, fault_part, fault_gaps, ok_child;

-- Accounts (grants name the current database through EXECUTE IMMEDIATE): faults, then controls (a role, a locked account, a socket account, a writer on one host, a '%' reader) ---
CREATE USER 'bench_hc_same'@'localhost' IDENTIFIED BY 'bench_hc_same';
CREATE USER 'bench_hc_common'@'localhost' IDENTIFIED BY 'changeme';
CREATE USER 'bench_hc_nopass'@'localhost';
CREATE USER 'bench_hc_wild'@'%' IDENTIFIED BY 'Xq7-bench-long-secret';
EXECUTE IMMEDIATE CONCAT('GRANT SELECT, INSERT, UPDATE ON `', DATABASE(), '`.* TO ''bench_hc_wild''@''%''');
CREATE ROLE bench_hc_role;
EXECUTE IMMEDIATE CONCAT('GRANT DELETE ON `', DATABASE(), '`.* TO bench_hc_role');
CREATE USER 'bench_hc_wildrole'@'%' IDENTIFIED BY 'Xq7-bench-long-secret';
GRANT bench_hc_role TO 'bench_hc_wildrole'@'%';
CREATE USER 'bench_hc_locked'@'localhost' ACCOUNT LOCK;
CREATE USER 'bench_hc_sock'@'localhost' IDENTIFIED VIA unix_socket;
CREATE USER 'bench_hc_strong'@'10.0.0.5' IDENTIFIED BY 'Xq7-bench-long-secret';
EXECUTE IMMEDIATE CONCAT('GRANT INSERT, UPDATE, DELETE ON `', DATABASE(), '`.* TO ''bench_hc_strong''@''10.0.0.5''');
CREATE USER 'bench_hc_reader'@'%' IDENTIFIED BY 'Xq7-bench-long-secret';
EXECUTE IMMEDIATE CONCAT('GRANT SELECT ON `', DATABASE(), '`.* TO ''bench_hc_reader''@''%''');

-- Fragmentation only the pages show (TABLE_BLOAT with -Deep): 80 % of 100,000 rows deleted; InnoDB merges the emptied
-- pages, so DATA_FREE barely moves while the file keeps its 30 MB. Controls: a table as dense as its load left it, and
-- one whose values live on overflow pages. health-side-by-side.ps1 waits for purge before the checks run.
CREATE TABLE fault_frag (id INT PRIMARY KEY, pad VARCHAR(200) NOT NULL, v INT, KEY fault_frag_v (v));
INSERT INTO fault_frag SELECT seq, REPEAT('x', 150), seq % 1000 FROM seq_1_to_100000;
DELETE FROM fault_frag WHERE (id * 7919) % 100 < 80;
CREATE TABLE ok_dense (id INT PRIMARY KEY, pad VARCHAR(200) NOT NULL, v INT, KEY ok_dense_v (v));
INSERT INTO ok_dense SELECT seq, REPEAT('x', 150), seq % 1000 FROM seq_1_to_60000;
CREATE TABLE ok_blob (id INT PRIMARY KEY, body MEDIUMTEXT NOT NULL);
INSERT INTO ok_blob SELECT seq, REPEAT(CONCAT(seq, 'abcdefghij'), 2000) FROM seq_1_to_600;
