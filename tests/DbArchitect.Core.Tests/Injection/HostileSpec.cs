using System.Diagnostics;
using System.Globalization;
using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Injection;

/// <summary>A small spec with hostile text in its free-text fields, designed and planned for export, and the checks on the files.</summary>
internal static class HostileSpec
{
    /// <summary>The spec, with <paramref name="name"/> as application.name and <paramref name="text"/> in every description.</summary>
    public static string Yaml(string name, string text) => $"""
        format: 1
        application:
          name: {Quote(name)}
          description: {Quote(text)}
        entities:
          - name: note
            description: {Quote(text)}
            attributes:
              - {"{"} name: body, type: text, description: {Quote(text)} {"}"}
              - {"{"} name: title, type: string(80), required: true, description: {Quote(name + text)} {"}"}
          - name: tag
            description: {Quote(name)}
            attributes:
              - {"{"} name: label, type: string(40), description: {Quote(text)} {"}"}
        relationships:
          - {"{"} from: note, to: tag, type: one-to-many, description: {Quote(text)} {"}"}
        """;

    /// <summary>A YAML double-quoted scalar: every control, bidi or non-ASCII character as an escape, so the YAML stays valid.</summary>
    public static string Quote(string text)
    {
        var yaml = new StringBuilder("\"");
        foreach (var ch in text)
        {
            yaml.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when ch < ' ' || ch > '~' => "\\u" + ((int)ch).ToString("X4", CultureInfo.InvariantCulture),
                _ => ch.ToString(),
            });
        }

        return yaml.Append('"').ToString();
    }

    /// <summary>The planned files of every implemented engine, or nothing when the reader refuses the text.</summary>
    public static IEnumerable<(string Engine, ExportFile File)> Files(string yaml)
    {
        var read = RequirementsReader.Read(yaml, "hostile.yaml");
        if (!read.IsValid)
        {
            yield break;
        }

        foreach (var engine in EngineRegistry.All)
        {
            var design = DesignEngine.Create(read.Requirement!, engine.Id);
            foreach (var file in DesignExporter.Plan(design))
            {
                yield return (engine.Id, file);
            }
        }
    }

    /// <summary>Comment lines of a file kind Core writes: "#" for shell, cron, conf, RMAN and par; "--" for SQL.</summary>
    public static IEnumerable<string> CommentLines(ExportFile file)
    {
        var hash = HashCommented(file.RelativePath);
        var sql = file.RelativePath.EndsWith(".sql", StringComparison.Ordinal);
        return file.Content.Split('\n').Where(line =>
            (hash && line.TrimStart().StartsWith('#')) || (sql && line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
    }

    public static bool HashCommented(string path) =>
        new[] { ".sh", ".cron", ".conf", ".rman", ".par", ".cnf" }.Any(e => path.EndsWith(e, StringComparison.Ordinal));

    /// <summary>A character no comment may carry: a line break or other control (tab aside), or a bidi control.</summary>
    public static bool IsUnsafe(char ch) => (char.IsControl(ch) && ch != '\t') || ch is '\u2028' or '\u2029' || CommentText.IsBidiControl(ch);

    /// <summary>Runs a process to its end (at most 30 s) and returns its exit code and error output.</summary>
    public static (int Code, string Error) Run(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} ran for more than 30 s");
        }

        return (process.ExitCode, error.Result);
    }

    /// <summary>The interpreter a generated script names on its first line: bash for "#!/usr/bin/env bash", else sh.</summary>
    public static string Shell(string content) => content.StartsWith("#!/usr/bin/env bash", StringComparison.Ordinal) || content.StartsWith("#!/bin/bash", StringComparison.Ordinal) ? "bash" : "sh";
}
