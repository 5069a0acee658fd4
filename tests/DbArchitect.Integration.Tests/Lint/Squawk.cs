using System.Diagnostics;
using System.Text.Json;

namespace DbArchitect.Integration.Tests.Lint;

/// <summary>
/// The squawk linter as a referee: restored by scripts/restore-squawk.sh (pinned npm package into the git-ignored
/// tools/squawk/), run with the JSON reporter. squawk reports 0-based lines; <see cref="Finding"/> holds them 1-based.
/// </summary>
internal static class Squawk
{
    public sealed record Finding(string File, int Line, string Rule);

    private static readonly Lazy<string> Binary = new(Restore);

    /// <summary>The pinned squawk binary, restored on first use (shared by every test that asks squawk).</summary>
    public static string Executable => Binary.Value;

    public static IReadOnlyList<Finding> Run(string workingDirectory, IReadOnlyList<string> relativeFiles)
    {
        var start = new ProcessStartInfo(Binary.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("--reporter");
        start.ArgumentList.Add("json");
        foreach (var file in relativeFiles)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (stdout.Trim().Length == 0)
        {
            throw new Xunit.Sdk.XunitException($"squawk printed nothing (exit {process.ExitCode}): {stderr.Result}");
        }

        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.EnumerateArray()
            .Select(e => new Finding(
                e.GetProperty("file").GetString()!.Replace('\\', '/'),
                e.GetProperty("line").GetInt32() + 1,
                e.GetProperty("rule_name").GetString()!))
            .ToArray();
    }

    private static string Restore()
    {
        var script = Path.Combine(TestPaths.RepositoryRoot, "scripts", "restore-squawk.sh");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"scripts/restore-squawk.sh failed (exit {process.ExitCode}): {stderr.Result}");
        }

        return stdout.Trim();
    }
}
