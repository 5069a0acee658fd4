using System.Diagnostics;
using System.Globalization;
using System.Text;
using DbArchitect.Core.Lint;

namespace DbArchitect.Bench;

/// <summary>
/// Migration lint throughput: a synthetic migration of N statements per engine (a realistic mix: ADD COLUMN, indexes,
/// constraints, type changes, renames, drops, multi-line statements and comments, every table existing), linted with every
/// rule; median of 5 runs after a warm-up. For PostgreSQL the same file also goes through squawk when
/// scripts/restore-squawk.sh has installed it, as a reference point.
/// </summary>
internal static class LintBench
{
    private const int Runs = 5;

    public static void Run(string root, IReadOnlyList<int> sizes)
    {
        Console.WriteLine($"Migration lint — {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, median of {Runs} runs after one warm-up");
        Console.WriteLine();
        Console.WriteLine("| engine | statements | bytes | findings | lint ms | µs per statement | squawk ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var squawk = Squawk(root);
        foreach (var engine in new[] { "postgresql", "mysql", "sqlserver" })
        {
            foreach (var size in sizes)
            {
                var text = Migration(engine, size);
                var source = new LintSource("bench.sql", text);
                var times = new List<double>();
                var findings = 0;
                for (var run = 0; run <= Runs; run++)
                {
                    var clock = Stopwatch.StartNew();
                    findings = MigrationLinter.Lint(source, new LintOptions(engine)).Count;
                    if (run > 0)
                    {
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }

                var squawkMs = engine == "postgresql" && squawk is not null ? SquawkTime(squawk, text) : (double?)null;
                var ms = Median(times);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {engine} | {size} | {Encoding.UTF8.GetByteCount(text):N0} | {findings} | {ms:F0} | {ms * 1000 / size:F1} | {(squawkMs is { } s ? s.ToString("F0", CultureInfo.InvariantCulture) : "–")} |"));
            }
        }
    }

    private static string Migration(string engine, int statements)
    {
        var text = new StringBuilder();
        for (var i = 0; i < statements; i++)
        {
            var table = $"t{i % 97}";
            text.Append(CultureInfo.InvariantCulture, $"-- step {i}\n");
            text.Append((engine, i % 8) switch
            {
                ("sqlserver", 0) => $"ALTER TABLE dbo.{table} ADD c{i} int NULL;\n",
                ("sqlserver", 1) => $"CREATE INDEX ix{i} ON dbo.{table} (c{i});\n",
                ("sqlserver", 2) => $"ALTER TABLE dbo.{table}\n    WITH NOCHECK ADD CONSTRAINT fk{i} FOREIGN KEY (p) REFERENCES dbo.p (id);\n",
                ("sqlserver", 3) => $"ALTER TABLE dbo.{table} ALTER COLUMN c{i} bigint NULL;\n",
                ("sqlserver", 4) => $"EXEC sp_rename 'dbo.{table}.a{i}', 'b{i}', 'COLUMN';\n",
                ("sqlserver", 5) => $"UPDATE dbo.{table} SET c = 1 WHERE id < {i};\n",
                ("sqlserver", 6) => $"ALTER TABLE dbo.{table} DROP COLUMN d{i};\n",
                ("sqlserver", _) => $"CREATE TABLE dbo.n{i} (id bigint NOT NULL PRIMARY KEY, v nvarchar(100) NULL);\n",
                ("mysql", 0) => $"ALTER TABLE {table} ADD COLUMN c{i} int, ALGORITHM=INSTANT;\n",
                ("mysql", 1) => $"CREATE INDEX ix{i} ON {table} (c{i});\n",
                ("mysql", 2) => $"ALTER TABLE {table}\n    ADD CONSTRAINT fk{i} FOREIGN KEY (p) REFERENCES p (id);\n",
                ("mysql", 3) => $"ALTER TABLE {table} MODIFY COLUMN c{i} bigint;\n",
                ("mysql", 4) => $"ALTER TABLE {table} RENAME COLUMN a{i} TO b{i};\n",
                ("mysql", 5) => $"UPDATE {table} SET c = 1 WHERE id < {i};\n",
                ("mysql", 6) => $"ALTER TABLE {table} DROP COLUMN d{i};\n",
                ("mysql", _) => $"CREATE TABLE n{i} (id bigint PRIMARY KEY, v varchar(100));\n",
                (_, 0) => $"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS c{i} bigint DEFAULT 0;\n",
                (_, 1) => $"CREATE INDEX ix{i} ON {table} (c{i});\n",
                (_, 2) => $"ALTER TABLE {table}\n    ADD CONSTRAINT fk{i} FOREIGN KEY (p) REFERENCES p (id);\n",
                (_, 3) => $"ALTER TABLE {table} ALTER COLUMN c{i} TYPE bigint;\n",
                (_, 4) => $"ALTER TABLE {table} RENAME COLUMN a{i} TO b{i};\n",
                (_, 5) => $"UPDATE {table} SET c = 1 WHERE id < {i};\n",
                (_, 6) => $"ALTER TABLE {table} DROP COLUMN d{i};\n",
                _ => $"CREATE TABLE n{i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v varchar(100), at timestamp);\n",
            });
        }

        return text.ToString();
    }

    private static string? Squawk(string root)
    {
        var folder = Path.Combine(root, "tools", "squawk", "node_modules", "@squawk-cli");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "squawk", SearchOption.AllDirectories).FirstOrDefault() : null;
    }

    private static double SquawkTime(string binary, string text)
    {
        var file = Path.Combine(Path.GetTempPath(), "dbarchitect-lint-bench.sql");
        File.WriteAllText(file, text);
        var times = new List<double>();
        for (var run = 0; run <= Runs; run++)
        {
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("--reporter");
            start.ArgumentList.Add("json");
            start.ArgumentList.Add(file);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (run > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        File.Delete(file);
        return Median(times);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
