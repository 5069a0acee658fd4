using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

public enum ReviewKind { Duplicate, Redundant, Merge, Unused, UnindexedForeignKey }

/// <summary>
/// A finding about existing indexes: drop, replace (merge) or create (foreign key), with its evidence.
/// <see cref="ReviewOnly"/> marks a finding whose evidence cannot carry a DROP by itself (usage counters younger than
/// <see cref="IndexReview.MinStatsDays"/>): it is shown for review and never becomes DDL.
/// </summary>
public sealed record ReviewFinding(ReviewKind Kind, string Table, IndexDefinition Subject, IndexDefinition? Replacement, IndexDefinition? KeptInstead, string Reason, long? SizeBytes)
{
    public bool ReviewOnly { get; init; }
}

/// <summary>
/// Reviews the indexes that exist: exact duplicates, left-prefix redundancy ((a) is served by (a, b)), merges
/// ((a) INCLUDE (x) + (a, b) → (a, b) INCLUDE (x)), unused indexes (no scans since the counters were reset, with
/// the age of the counters), and foreign keys whose columns lead no index. An index that enforces something (primary
/// key, UNIQUE — constraint or not, expression or not —, exclusion constraint, replica identity) or is the last one
/// serving a foreign key's lookups is never proposed for dropping, whatever its use: see <see cref="Keeps"/>.
/// </summary>
public static class IndexReview
{
    /// <summary>Usage counters younger than this prove nothing about an index being unused: no drop is offered before.</summary>
    public const double MinStatsDays = 7;

    /// <summary>
    /// A foreign key on a table smaller than this needs no index of its own: a parent's delete or key update reads the
    /// whole child in a few pages, which an index would not beat.
    /// </summary>
    public const long ForeignKeyIndexMinRows = 10_000;

    public static IReadOnlyList<ReviewFinding> Review(Workload workload, IIndexSpelling spelling)
    {
        var findings = new List<ReviewFinding>();
        foreach (var table in workload.Tables)
        {
            var indexes = table.Indexes.OrderBy(i => Enforced(i) is null ? 1 : 0).ThenBy(i => i.Definition.Name, StringComparer.Ordinal).ToList();
            var dropped = new HashSet<ExistingIndex>();
            // Duplicates first, so a copy is reported as a copy even when a wider index also makes both redundant.
            foreach (var index in indexes.Where(i => Enforced(i) is null))
            {
                var duplicate = indexes.FirstOrDefault(o => o != index && !dropped.Contains(o) && SameIndex(o.Definition, index.Definition)
                    && (Enforced(o) is not null || string.CompareOrdinal(o.Definition.Name, index.Definition.Name) < 0));
                if (duplicate is not null && Keeps(table, index, dropped) is null)
                {
                    dropped.Add(index);
                    findings.Add(new ReviewFinding(ReviewKind.Duplicate, table.Name, index.Definition, null, duplicate.Definition,
                        $"exact duplicate of {duplicate.Definition.Name} ({duplicate.Definition.Signature(spelling)}); every write maintains both", index.SizeBytes));
                }
            }

            foreach (var index in indexes)
            {
                if (dropped.Contains(index) || Enforced(index) is not null)
                {
                    continue;
                }

                var wider = indexes.FirstOrDefault(o => o != index && !dropped.Contains(o) && IsLeftPrefix(index.Definition, o.Definition));
                if (wider is not null)
                {
                    var missing = index.Definition.Include.Where(c => !wider.Definition.Columns.Contains(c, StringComparer.Ordinal)).ToList();
                    if (missing.Count == 0)
                    {
                        dropped.Add(index);
                        findings.Add(new ReviewFinding(ReviewKind.Redundant, table.Name, index.Definition, null, wider.Definition,
                            $"left prefix of {wider.Definition.Name} ({wider.Definition.Signature(spelling)}), which serves the same lookups", index.SizeBytes));
                        continue;
                    }

                    // A merge drops the wider index too: never one that enforces something (the replacement would not).
                    if (Enforced(wider) is null)
                    {
                        dropped.Add(index);
                        var merged = wider.Definition with { Include = wider.Definition.Include.Concat(missing).Distinct(StringComparer.Ordinal).ToList(), Name = null };
                        findings.Add(new ReviewFinding(ReviewKind.Merge, table.Name, index.Definition, merged, wider.Definition,
                            $"merge: {index.Definition.Name} is a left prefix of {wider.Definition.Name} but also covers {string.Join(", ", missing)}; one index {merged.Signature(spelling)} replaces both", index.SizeBytes));
                        continue;
                    }
                }

                if (index.Scans == 0 && workload.StatsAgeDays is { } age && Keeps(table, index, dropped) is null)
                {
                    var young = age < MinStatsDays;
                    var evidence = young
                        ? $"; the counters are only {age:0.#} days old and an index is called unused after at least {MinStatsDays:0} days of counters, so confirm over a full business cycle first"
                        : $" (at least {MinStatsDays:0} days of counters are required)";
                    findings.Add(new ReviewFinding(ReviewKind.Unused, table.Name, index.Definition, null, null,
                        $"unused: 0 scans in {age:0.#} days since the statistics were reset{evidence}, {Megabytes(index.SizeBytes)} maintained on every write", index.SizeBytes)
                    { ReviewOnly = young });
                }
            }

            if (table.Rows < ForeignKeyIndexMinRows)
            {
                continue;
            }

            foreach (var fk in table.ForeignKeys.Where(fk => !table.Indexes.Where(i => !dropped.Contains(i)).Any(i => CandidateGenerator.LeadsWith(i.Definition, fk.Columns))))
            {
                var definition = new IndexDefinition(table.Name, fk.Columns.Select(c => AdvisedKey.Of(c)).ToList(), Array.Empty<string>(), IndexStructure.Ordered, Array.Empty<PredicateTest>(), false, null);
                findings.Add(new ReviewFinding(ReviewKind.UnindexedForeignKey, table.Name, definition, null, null,
                    $"foreign key {fk.Name} ({string.Join(", ", fk.Columns)}) → {fk.ReferencedTable} has no index leading with its columns: every delete or key update in {fk.ReferencedTable} scans {table.Name} ({table.Rows:N0} rows)", null));
            }
        }

        return findings;
    }

    /// <summary>
    /// Why the index must stay whatever its use: what it enforces, or that it is the last index (of those not already
    /// being dropped) whose leading columns serve a foreign key's lookups. Null when it may be dropped.
    /// </summary>
    public static string? Keeps(TableProfile table, ExistingIndex index, IReadOnlySet<ExistingIndex> dropped)
    {
        if (Enforced(index) is { } enforced)
        {
            return enforced;
        }

        var fk = table.ForeignKeys.FirstOrDefault(fk => CandidateGenerator.LeadsWith(index.Definition, fk.Columns)
            && !table.Indexes.Any(o => o != index && !dropped.Contains(o) && CandidateGenerator.LeadsWith(o.Definition, fk.Columns)));
        return fk is null ? null : $"serves the lookups of foreign key {fk.Name}";
    }

    /// <summary>What the index enforces by itself (a constraint, uniqueness, an exclusion, the replica identity); null when nothing.</summary>
    private static string? Enforced(ExistingIndex index) =>
        index.BacksConstraint ? "backs a constraint"
        : index.Definition.Unique ? "enforces uniqueness"
        : index.Enforces is { } what ? "backs the " + what
        : null;

    public static bool SameIndex(IndexDefinition a, IndexDefinition b) =>
        a.Method == b.Method && a.Keys.SequenceEqual(b.Keys) && a.Include.Order(StringComparer.Ordinal).SequenceEqual(b.Include.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && string.Equals(a.PredicateText, b.PredicateText, StringComparison.Ordinal) && (a.Unique == b.Unique || !a.Unique);

    /// <summary>True when <paramref name="shorter"/>'s keys are the first keys of <paramref name="longer"/> (same method and condition), so the longer one serves every lookup the shorter one does.</summary>
    public static bool IsLeftPrefix(IndexDefinition shorter, IndexDefinition longer) =>
        shorter.Method == IndexStructure.Ordered && longer.Method == IndexStructure.Ordered && !shorter.Unique
        && shorter.Keys.Count < longer.Keys.Count && longer.Keys.Take(shorter.Keys.Count).SequenceEqual(shorter.Keys)
        && string.Equals(shorter.PredicateText, longer.PredicateText, StringComparison.Ordinal);

    private static string Megabytes(long? bytes) => bytes is { } b ? $"{b / 1048576.0:0.0} MB" : "size unknown,";
}
