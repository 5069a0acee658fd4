using System.Diagnostics;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// Runs a generated shell script the way a DBA would: bash, with the connection only in the libpq environment
/// variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), never on the command line or in a file.
/// </summary>
internal static class BashScript
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static Result Run(string script, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{Path.GetFileName(script)} did not finish within 3 minutes.");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The libpq variables for the test server and <paramref name="database"/>.</summary>
    public static Dictionary<string, string> Connection(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PGHOST"] = builder.Host!,
            ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = builder.Username!,
            ["PGPASSWORD"] = builder.Password ?? string.Empty,
            ["PGDATABASE"] = database,
            ["PGCLIENTENCODING"] = "UTF8",
        };
    }

    /// <summary>
    /// bash -n: the script parses; and, where shellcheck is installed (apt-get install shellcheck), it reports nothing
    /// at any severity. shellcheck is an extra, so its absence does not fail the test; bash -n always runs.
    /// </summary>
    public static void AssertParses(string script)
    {
        var result = Run("-n", new Dictionary<string, string>(), script);
        Assert.True(result.ExitCode == 0, $"bash -n {Path.GetFileName(script)}: {result}");
        var shellcheck = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, "shellcheck")).FirstOrDefault(File.Exists);
        if (shellcheck is not null)
        {
            var check = Run("-c", new Dictionary<string, string>(), "\"$0\" --severity=style \"$1\"", shellcheck, script);
            Assert.True(check.ExitCode == 0, $"shellcheck {Path.GetFileName(script)}: {check}");
        }
    }
}
