using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using DbArchitect.Integration.Tests.MariaDb;
using MySqlConnector;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// Issue 16's MariaDB database: a scratch database seeded with the faults a DBA meets (broken objects, integrity,
/// account hygiene, design debt) next to healthy controls of each kind, plus accounts and a role made for this run
/// (named hc_&lt;run&gt;_…, dropped afterwards). The checks run twice: the default run and -Deep.
/// </summary>
public sealed class MariaDbHealthFaultFixture : IDisposable
{
    private readonly MariaDbScratch _scratch;

    public MariaDbHealthFaultFixture()
    {
        _scratch = MariaDbServer.CreateScratch("healthfaults");
        Prefix = "hc_" + _scratch.Name[^8..];
        using (var setup = MariaDbServer.Open(_scratch.Name))
        {
            foreach (var statement in Statements(_scratch.Name, Prefix))
            {
                MariaDbServer.Execute(setup, statement);
            }

            WaitForPurge(setup, _scratch.Name, "fault_frag", 20_000);

            EventSchedulerOn = Convert.ToString(MariaDbServer.Rows(setup, "SELECT @@event_scheduler AS v")[0]["v"], System.Globalization.CultureInfo.InvariantCulture) == "ON";
            PerformanceSchemaOn = Convert.ToInt64(MariaDbServer.Rows(setup, "SELECT @@performance_schema AS v")[0]["v"], System.Globalization.CultureInfo.InvariantCulture) == 1;
            Roles = MariaDbServer.Rows(setup, "SELECT user FROM mysql.user WHERE is_role = 'Y'").Select(r => Convert.ToString(r["user"], System.Globalization.CultureInfo.InvariantCulture)!).ToList();
        }

        var builder = new MySqlConnectionStringBuilder(MariaDbServer.ConnectionString) { Database = _scratch.Name };
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("mariadb", builder.ConnectionString));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Results = HealthCheckRunner.Run(session, new HealthRunOptions());
        DefaultRunTime = clock.Elapsed;
        clock.Restart();
        DeepResults = HealthCheckRunner.Run(session, new HealthRunOptions { Deep = true });
        DeepRunTime = clock.Elapsed;
    }

    public string Database => _scratch.Name;

    /// <summary>The prefix of this run's accounts and role.</summary>
    public string Prefix { get; }

    public bool EventSchedulerOn { get; }

    public bool PerformanceSchemaOn { get; }

    public IReadOnlyList<string> Roles { get; }

    public IReadOnlyList<HealthCheckResult> Results { get; }

    public IReadOnlyList<HealthCheckResult> DeepResults { get; }

    public TimeSpan DefaultRunTime { get; }

    public TimeSpan DeepRunTime { get; }

    public string Account(string name, string host = "localhost") => $"'{Prefix}_{name}'@'{host}'";

    public void Dispose()
    {
        using (var connection = MariaDbServer.Open())
        {
            foreach (var account in Accounts(Prefix))
            {
                MariaDbServer.Execute(connection, $"DROP USER IF EXISTS {account}");
            }

            MariaDbServer.Execute(connection, $"DROP ROLE IF EXISTS {Prefix}_role");
        }

        _scratch.Dispose();
    }

    /// <summary>
    /// Waits (at most a minute) until InnoDB's purge has removed the delete-marked rows of the table from both its
    /// indexes (named PRIMARY and &lt;table&gt;_v), as it does within seconds on an idle server: until then the pages still hold them.
    /// </summary>
    private static void WaitForPurge(MySqlConnection connection, string database, string table, long rows)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            MariaDbServer.Rows(connection, $"SELECT COUNT(*) AS n FROM `{table}` USE INDEX ()");
            MariaDbServer.Rows(connection, $"SELECT COUNT(*) AS n FROM `{table}` FORCE INDEX (`{table}_v`)");
            var records = MariaDbServer.Rows(connection, "SELECT COALESCE(MAX(n), 0) AS n FROM (SELECT SUM(number_records) AS n FROM information_schema.innodb_buffer_page WHERE page_type = 'INDEX' AND table_name = @name GROUP BY index_name) x", ("@name", $"`{database}`.`{table}`"));
            if (Convert.ToInt64(records[0]["n"], System.Globalization.CultureInfo.InvariantCulture) <= rows * 21 / 20)
            {
                return;
            }

            Thread.Sleep(500);
        }
    }

    private static IEnumerable<string> Accounts(string p) => new[]
    {
        $"'{p}_same'@'localhost'", $"'{p}_common'@'localhost'", $"'{p}_nopass'@'localhost'", $"'{p}_wild'@'%'", $"'{p}_wildrole'@'%'",
        $"'{p}_locked'@'localhost'", $"'{p}_sock'@'localhost'", $"'{p}_strong'@'10.0.0.5'", $"'{p}_reader'@'%'",
    };

    private static IEnumerable<string> Statements(string db, string p) => new[]
    {
        // Healthy controls: every kind of object the faults below break, built right.
        "CREATE TABLE ok_parent (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
        "CREATE TABLE ok_child (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT NOT NULL, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, KEY ok_child_parent_idx (parent_id), CONSTRAINT ok_child_parent_fk FOREIGN KEY (parent_id) REFERENCES ok_parent (id))",
        "CREATE TABLE ok_audit (id INT PRIMARY KEY, y INT)",
        "CREATE TABLE ok_money (id INT PRIMARY KEY, unit_price DECIMAL(12,2) NOT NULL, weight_kg DOUBLE, latitude FLOAT, KEY ok_money_code (unit_price))",
        "CREATE TABLE ok_narrow (id INT PRIMARY KEY, code VARCHAR(100) NOT NULL, KEY ok_narrow_code (code))",
        "CREATE TABLE ok_part (id INT NOT NULL, y INT NOT NULL, PRIMARY KEY (id, y)) PARTITION BY RANGE (y) (PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026), PARTITION pmax VALUES LESS THAN MAXVALUE)",
        "INSERT INTO ok_parent VALUES (1, 'a'), (2, 'b')",
        "INSERT INTO ok_child (id, parent_id, created_at) SELECT seq, 1 + seq % 2, NOW() - INTERVAL (101 - seq) DAY FROM seq_1_to_100",
        "INSERT INTO ok_part SELECT seq, 2024 + seq % 2 FROM seq_1_to_2000",
        "CREATE VIEW ok_view AS SELECT c.id, p.name FROM ok_child c JOIN ok_parent p ON p.id = c.parent_id",
        "CREATE TRIGGER ok_child_ai AFTER INSERT ON ok_child FOR EACH ROW INSERT INTO ok_audit (id, y) VALUES (NEW.id, EXTRACT(YEAR FROM NEW.created_at)) ON DUPLICATE KEY UPDATE y = VALUES(y)",

        // Broken objects.
        "CREATE TABLE fault_gone (id INT PRIMARY KEY)",
        "CREATE VIEW fault_view_dropped AS SELECT id FROM fault_gone",
        "CREATE TABLE fault_audit (id INT)",
        "CREATE TABLE fault_trg (id INT PRIMARY KEY)",
        "CREATE TRIGGER fault_trg_audit AFTER INSERT ON fault_trg FOR EACH ROW INSERT INTO fault_audit VALUES (NEW.id)",
        "DROP TABLE fault_gone, fault_audit",
        $"CREATE DEFINER = '{p}_gone'@'%' SQL SECURITY DEFINER VIEW fault_view_ghost AS SELECT id FROM ok_parent",
        $"CREATE DEFINER = '{p}_gone'@'%' TRIGGER fault_trg_ghost BEFORE UPDATE ON fault_trg FOR EACH ROW SET NEW.id = NEW.id",
        "CREATE EVENT fault_event_off ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM ok_audit WHERE y < 2000",
        "CREATE EVENT fault_event_idle ON SCHEDULE EVERY 1 HOUR DO DELETE FROM ok_audit WHERE y < 1990",

        // Integrity: an index dropped and rows loaded with foreign_key_checks = 0.
        "CREATE TABLE fault_fk_child (id INT PRIMARY KEY, parent_id INT, KEY fault_fk_child_idx (parent_id), CONSTRAINT fault_fk_child_fk FOREIGN KEY (parent_id) REFERENCES ok_parent (id))",
        "CREATE TABLE fault_orphan (id INT PRIMARY KEY, parent_id INT, KEY fault_orphan_idx (parent_id), CONSTRAINT fault_orphan_fk FOREIGN KEY (parent_id) REFERENCES ok_parent (id))",
        "SET SESSION foreign_key_checks = 0",
        "ALTER TABLE fault_fk_child DROP INDEX fault_fk_child_idx",
        "INSERT INTO fault_orphan VALUES (1, 1), (2, 77), (3, 78), (4, NULL), (5, 79)",
        "SET SESSION foreign_key_checks = 1",

        // Design debt.
        "CREATE TABLE fault_mb3 (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci)",
        "CREATE TABLE fault_latin1 (id INT PRIMARY KEY, name VARCHAR(40)) DEFAULT CHARSET = latin1",
        "CREATE TABLE fault_money (id INT PRIMARY KEY, unit_price FLOAT NOT NULL DEFAULT 0, total_amount DOUBLE)",
        "CREATE TABLE fault_widekey (id INT PRIMARY KEY, code VARCHAR(700) NOT NULL, KEY fault_widekey_code (code))",
        "CREATE TABLE fault_ai_date (id INT AUTO_INCREMENT PRIMARY KEY, created_at DATETIME NOT NULL)",
        "INSERT INTO fault_ai_date SELECT 1000000000 + seq * 1000000, NOW() - INTERVAL (100 - seq) HOUR FROM seq_0_to_99",
        "CREATE TABLE fault_gaps (id INT AUTO_INCREMENT PRIMARY KEY, v INT)",
        "INSERT INTO fault_gaps (v) SELECT seq FROM seq_1_to_1001",
        "ALTER TABLE fault_gaps AUTO_INCREMENT = 1100000000",
        "CREATE TABLE fault_part (id INT NOT NULL, y INT NOT NULL, PRIMARY KEY (id, y)) PARTITION BY RANGE (y) (PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE)",
        "INSERT INTO fault_part SELECT seq, CASE WHEN seq <= 100 THEN 2024 ELSE 2026 END FROM seq_1_to_2000",
        "ANALYZE TABLE ok_part, fault_part, fault_gaps, ok_child",

        // Fragmentation only the pages show: 80 % of a 100,000-row table deleted (InnoDB merges the emptied pages, so
        // DATA_FREE barely moves, but the file keeps its size), beside a table as dense as its load left it.
        "CREATE TABLE fault_frag (id INT PRIMARY KEY, pad VARCHAR(200) NOT NULL, v INT, KEY fault_frag_v (v))",
        "INSERT INTO fault_frag SELECT seq, REPEAT('x', 150), seq % 1000 FROM seq_1_to_100000",
        "DELETE FROM fault_frag WHERE (id * 7919) % 100 < 80",
        "CREATE TABLE ok_dense (id INT PRIMARY KEY, pad VARCHAR(200) NOT NULL, v INT, KEY ok_dense_v (v))",
        "INSERT INTO ok_dense SELECT seq, REPEAT('x', 150), seq % 1000 FROM seq_1_to_60000",
        // Its rows' values live on overflow pages, which the index pages do not show: still no waste.
        "CREATE TABLE ok_blob (id INT PRIMARY KEY, body MEDIUMTEXT NOT NULL)",
        "INSERT INTO ok_blob SELECT seq, REPEAT(CONCAT(seq, 'abcdefghij'), 2000) FROM seq_1_to_600",

        // Accounts: faults, then the controls that must draw nothing.
        $"CREATE USER '{p}_same'@'localhost' IDENTIFIED BY '{p}_same'",
        $"CREATE USER '{p}_common'@'localhost' IDENTIFIED BY 'changeme'",
        $"CREATE USER '{p}_nopass'@'localhost'",
        $"CREATE USER '{p}_wild'@'%' IDENTIFIED BY 'Xq7-{p}-long-secret'",
        $"GRANT SELECT, INSERT, UPDATE ON `{db}`.* TO '{p}_wild'@'%'",
        $"CREATE ROLE {p}_role",
        $"GRANT DELETE ON `{db}`.* TO {p}_role",
        $"CREATE USER '{p}_wildrole'@'%' IDENTIFIED BY 'Xq7-{p}-long-secret'",
        $"GRANT {p}_role TO '{p}_wildrole'@'%'",
        $"CREATE USER '{p}_locked'@'localhost' ACCOUNT LOCK",
        $"CREATE USER '{p}_sock'@'localhost' IDENTIFIED VIA unix_socket",
        $"CREATE USER '{p}_strong'@'10.0.0.5' IDENTIFIED BY 'Xq7-{p}-long-secret'",
        $"GRANT INSERT, UPDATE, DELETE ON `{db}`.* TO '{p}_strong'@'10.0.0.5'",
        $"CREATE USER '{p}_reader'@'%' IDENTIFIED BY 'Xq7-{p}-long-secret'",
        $"GRANT SELECT ON `{db}`.* TO '{p}_reader'@'%'",
    };
}
