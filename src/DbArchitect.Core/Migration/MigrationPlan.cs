using System.Globalization;
using System.Text;
using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Migration;

/// <summary>
/// The ordered steps of one migration. As an <see cref="IScriptSource"/> it becomes Flyway-style versioned files,
/// V&lt;version&gt;_&lt;n&gt;__&lt;description&gt;.sql, a new file wherever the transaction mode changes and for each
/// destructive step; undo/U… files hold the rollback SQL in reverse order.
/// </summary>
public sealed class MigrationPlan : IScriptSource
{
    private readonly IMigrationPlanner _planner;

    public MigrationPlan(string engine, string schema, IReadOnlyList<MigrationStep> steps, MigrationOptions options, IMigrationPlanner planner)
    {
        Engine = engine;
        Schema = schema;
        Steps = steps;
        Options = options;
        _planner = planner;
    }

    public string Engine { get; }

    public string Schema { get; }

    public IReadOnlyList<MigrationStep> Steps { get; }

    public MigrationOptions Options { get; }

    public string Title => $"{Steps.Count} migration steps for {Schema}";

    /// <summary>Consecutive steps that share a file: same transaction mode, and a destructive step always alone.</summary>
    public IReadOnlyList<IReadOnlyList<MigrationStep>> Files()
    {
        var files = new List<List<MigrationStep>>();
        foreach (var step in Steps)
        {
            var last = files.Count == 0 ? null : files[^1];
            if (last is null || last[0].Transactional != step.Transactional || step.Phase == MigrationPhase.Destructive || last[0].Phase == MigrationPhase.Destructive)
            {
                files.Add(new List<MigrationStep> { step });
            }
            else
            {
                last.Add(step);
            }
        }

        return files;
    }

    public IReadOnlyList<SqlScript> ToScripts()
    {
        var scripts = new List<SqlScript>();
        var files = Files();
        for (var i = 0; i < files.Count; i++)
        {
            var steps = files[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var description = Slug(steps);
            var name = $"V{Options.Version}_{number}__{description}.sql";
            var title = $"{Schema}: {string.Join("; ", steps.Select(s => s.Description).Distinct())}";
            scripts.Add(new SqlScript(name, i + 1, ScriptKind.Schema, Engine, title, _planner.Frame(title, steps, steps[0].Transactional, Options), steps[0].Transactional));
            var undo = steps.Where(s => s.RollbackSql is not null).Reverse()
                .Select(s => s with { Sql = s.RollbackSql!, Description = "undo: " + s.Description }).ToArray();
            if (undo.Length > 0)
            {
                scripts.Add(new SqlScript($"undo/U{Options.Version}_{number}__{description}.sql", 1000 + i + 1, ScriptKind.Reference, Engine,
                    "Undo of " + name, _planner.Frame("undo " + title, undo, steps[0].Transactional, Options), steps[0].Transactional));
            }
        }

        return scripts;
    }

    private static string Slug(IReadOnlyList<MigrationStep> steps)
    {
        var phase = steps[0].Phase.ToString().ToLowerInvariant();
        var tables = steps.Select(s => s.Table).Distinct().ToArray();
        var text = phase + "_" + (tables.Length == 1 ? tables[0] : tables.Length + "_tables") + (steps[0].Transactional ? string.Empty : "_online");
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return slug.ToString();
    }
}
