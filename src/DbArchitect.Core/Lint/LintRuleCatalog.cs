using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Lint;

/// <summary>
/// Every lint rule and dialect in Core, discovered by type: adding a rule is adding its file. Sorted by engine and id so
/// listings and documentation are deterministic.
/// </summary>
public static class LintRuleCatalog
{
    private static readonly Lazy<IReadOnlyList<ILintRule>> AllRules = new(() => Discover<ILintRule>()
        .OrderBy(r => r.Engine, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray());

    private static readonly Lazy<IReadOnlyList<ILintDialect>> AllDialects = new(() => Discover<ILintDialect>()
        .OrderBy(d => d.Family, StringComparer.Ordinal).ToArray());

    /// <summary>The Engine of rules about the script itself (suppression comments) that apply to every engine.</summary>
    public const string AnyEngine = "any";

    public static IReadOnlyList<ILintRule> Rules => AllRules.Value;

    public static IReadOnlyList<ILintDialect> Dialects => AllDialects.Value;

    /// <summary>The engine ids Test-DbMigrationScript can lint.</summary>
    public static IReadOnlyList<string> Engines => Dialects.SelectMany(d => d.Engines).ToArray();

    public static ILintDialect DialectFor(string engine) =>
        Dialects.FirstOrDefault(d => d.Engines.Contains(engine, StringComparer.OrdinalIgnoreCase))
        ?? throw new DbArchitectException(new DbArchitectError(
            "LintEngineNotSupported", ErrorKind.NotImplemented,
            $"No migration lint rules for engine '{engine}'.",
            $"Use -Engine with one of: {string.Join(", ", Engines)}.", null, engine));

    /// <summary>The rules of one engine (any id of its family).</summary>
    public static IReadOnlyList<ILintRule> RulesFor(string engine)
    {
        var family = DialectFor(engine).Family;
        return Rules.Where(r => r.Engine == family || r.Engine == AnyEngine).ToArray();
    }

    private static IEnumerable<T> Discover<T>() => typeof(LintRuleCatalog).Assembly.GetTypes()
        .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (T)Activator.CreateInstance(t)!);

    /// <summary>A rule id or a pattern with * and ? (as -Rule and -ExcludeRule take them).</summary>
    public static bool Matches(string id, string pattern)
    {
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal)
            .Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(id, regex, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
