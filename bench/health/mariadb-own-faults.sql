-- Side-by-side health bench (issue 16), MariaDB on a throw-away server started with performance_schema = ON (the
-- shared server runs with it off and is never reconfigured): health-side-by-side.ps1 starts it, runs this file, cuts
-- crashed.MYD short the way a crash would, and removes the server afterwards. Faults are listed in faults.tsv
-- (engine mariadb-own); ft_used, ft_multi and ft_proc are the controls.
CREATE DATABASE bench_own CHARACTER SET utf8mb4;
USE bench_own;
CREATE TABLE ft_used (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_used_body (body));
CREATE TABLE ft_multi (id INT PRIMARY KEY, title VARCHAR(100), body TEXT, FULLTEXT KEY ft_multi_text (title, body));
CREATE TABLE ft_proc (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_proc_body (body));
CREATE TABLE ft_unused (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_unused_body (body));
INSERT INTO ft_used SELECT seq, CONCAT('hello world ', seq) FROM seq_1_to_200;
INSERT INTO ft_multi SELECT seq, CONCAT('title ', seq), CONCAT('hello world ', seq) FROM seq_1_to_200;
INSERT INTO ft_proc SELECT seq, CONCAT('hello world ', seq) FROM seq_1_to_200;
INSERT INTO ft_unused SELECT seq, CONCAT('hello world ', seq) FROM seq_1_to_200;
CREATE PROCEDURE search_proc(IN q VARCHAR(100)) SELECT COUNT(*) FROM ft_proc WHERE MATCH (body) AGAINST (q);
-- The application's searches: direct, columns in another order and qualified, through a procedure; ft_unused is only
-- ever read with LIKE.
SELECT COUNT(*) FROM ft_used WHERE MATCH (body) AGAINST ('hello');
SELECT COUNT(*) FROM bench_own.ft_multi m WHERE MATCH (m.body, m.title) AGAINST ('world' IN BOOLEAN MODE);
CALL search_proc('world');
SELECT COUNT(*) FROM ft_unused WHERE body LIKE 'hello%';
CREATE TABLE crashed (id INT PRIMARY KEY, pad VARCHAR(100)) ENGINE = MyISAM;
INSERT INTO crashed SELECT seq, REPEAT('y', 80) FROM seq_1_to_5000;
FLUSH TABLES crashed;
