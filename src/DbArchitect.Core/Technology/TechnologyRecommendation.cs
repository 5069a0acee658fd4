namespace DbArchitect.Core.Technology;

/// <summary>One factor that moved an engine's score, with the figures it came from and the documentation of the engine fact it states.</summary>
public sealed record ScoreReason(string Factor, int Points, string Explanation)
{
    /// <summary>The vendor documentation behind the engine fact in <see cref="Explanation"/>; null for the licence note.</summary>
    public string? Source { get; init; }

    public override string ToString() => $"{Factor} {Signed(Points)}: {Explanation}";

    /// <summary>Points with their sign, "+12" or "-8", the same in every culture (ar-SA and fa-IR write minus differently).</summary>
    internal static string Signed(int points) => (points > 0 ? "+" : string.Empty) + InvariantText.Integer(points);
}

/// <summary>
/// One engine scored against a requirement. <see cref="Score"/> is <see cref="TechnologyScoring.BaseScore"/> plus the
/// points of <see cref="Reasons"/>, clamped to 0–100; rank 1 is the best fit.
/// </summary>
public sealed record TechnologyRecommendation(
    int Rank,
    string Engine,
    string DisplayName,
    string Category,
    int Score,
    string Verdict,
    IReadOnlyList<ScoreReason> Reasons)
{
    /// <summary>The three factors that moved the score most, for table views: "Kind +20; Relationships +12; …".</summary>
    public string TopReasons => string.Join("; ", Reasons
        .OrderByDescending(r => Math.Abs(r.Points)).ThenBy(r => r.Factor, StringComparer.Ordinal).Take(3)
        .Select(r => $"{r.Factor} {ScoreReason.Signed(r.Points)}"));

    /// <summary>
    /// The parts of the architecture beside this engine as the primary store (live positions, cache, search engine,
    /// analytics store, pooler) that the requirement needs, each with what it serves, its figures and reason. Not in
    /// design.json's ranking: the design's own parts are written once, for the engine it uses.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<SupportingTechnology> Parts { get; init; } = Array.Empty<SupportingTechnology>();

    /// <summary>The primary store and its needed parts in one line: "PostgreSQL + Live positions: Redis GEO set …".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Architecture => string.Join(" + ", Parts.Select(p => $"{p.Role}: {p.Technology}").Prepend(DisplayName));

    /// <summary>True when the design engine can generate a complete design for this engine today.</summary>
    public bool CanGenerateDesign => Engines.EngineRegistry.Entries.Any(e => e.CanDesign && string.Equals(e.Id, Engine, StringComparison.OrdinalIgnoreCase));
}
