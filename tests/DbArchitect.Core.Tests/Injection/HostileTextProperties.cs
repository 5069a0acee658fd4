using DbArchitect.Core.Tests.Fixtures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DbArchitect.Core.Tests.Injection;

/// <summary>
/// Hostile text in application.name and every description, designed for every engine and planned for export:
/// no comment line carries a line break, another control or a bidi control; every shell script parses (sh -n or
/// bash -n); SQLite's backup.sh, run for real in a sandbox folder, creates only the backup it is meant to; and in
/// the #-commented files (shell, cron, conf, RMAN, par) the payload appears only on comment lines.
/// 100 generated specs per run (each designed for all engines), so the suite stays fast.
/// </summary>
public sealed class HostileTextProperties
{
    // A payload that survives as a command keeps "touch PWNED"; a name made from it (SCHEMAS=A_TOUCH_PWNED1) is inert.
    private const string Marker = "touch PWNED";

    private static readonly string[] Fragments =
    {
        "\n", "\r", "\r\n", "\0", "\u0007", "\u001B[2J", "\u0085", "\u2028", "\u2029", "\u202A", "\u202E", "\u2066", "\u2069",
        "'", "\"", "`", "\u2018", "\u201C", "$(touch PWNED1)", "`touch PWNED2`", "\ntouch PWNED3\n", "; touch PWNED4;",
        "*/", "/*", "--", "$$", "$x$", "#", "\\", "\\n", "%", "&", "|", "${HOME}", "\nHOST touch PWNED5\n", "\n!touch PWNED6\n",
        "\\! touch PWNED7", "x", "app", " ", "\U0001F600", "\U0001F468\u200D\U0001F469", "é", "\t",
    };

    private static Gen<string> Hostile() =>
        Gen.NonEmptyListOf(Gen.Elements(Fragments)).Select(parts => "a" + string.Concat(parts.Take(12)));

    [Property(MaxTest = 100)]
    public Property Hostile_text_stays_inert_in_every_generated_file() =>
        Prop.ForAll(Hostile().ToArbitrary(), Hostile().ToArbitrary(), (name, text) =>
        {
            using var sandbox = new TempFolder();
            foreach (var (engine, file) in HostileSpec.Files(HostileSpec.Yaml(name, text)))
            {
                var where = $"{engine} {file.RelativePath}";
                var bad = HostileSpec.CommentLines(file).FirstOrDefault(l => l.Any(HostileSpec.IsUnsafe));
                Assert.True(bad is null, $"{where}: comment line with a control character: {bad}");
                if (HostileSpec.HashCommented(file.RelativePath))
                {
                    var live = file.Content.Split('\n').FirstOrDefault(l => l.Contains(Marker, StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'));
                    Assert.True(live is null, $"{where}: payload outside a comment: {live}");
                }

                if (file.RelativePath.EndsWith(".sh", StringComparison.Ordinal))
                {
                    var path = Path.Combine(sandbox.Path, engine + "-" + Path.GetFileName(file.RelativePath));
                    File.WriteAllText(path, file.Content);
                    var check = HostileSpec.Run(HostileSpec.Shell(file.Content), sandbox.Path, "-n", path);
                    Assert.True(check.Code == 0, $"{where}: does not parse: {check.Error}");
                    if (engine == "sqlite" && file.RelativePath == "backup/backup.sh")
                    {
                        RunSqliteBackup(sandbox, path);
                    }
                }
            }
        });

    private static void RunSqliteBackup(TempFolder sandbox, string script)
    {
        var folder = sandbox.Combine("run");
        Directory.CreateDirectory(folder);
        Assert.Equal(0, HostileSpec.Run("sqlite3", folder, "app.db", "CREATE TABLE t (x);").Code);
        var run = HostileSpec.Run("sh", folder, script, "app.db", "out");
        Assert.True(run.Code == 0, run.Error);
        var created = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, created.Count);
        Assert.Equal("app.db", created[0]);
        Assert.Equal("out", created[1]);
        Assert.Matches(@"^out/[a-z0-9_]+-\d{8}T\d{6}Z\.db\.zst$", created[2]);
        Directory.Delete(folder, recursive: true);
    }
}
