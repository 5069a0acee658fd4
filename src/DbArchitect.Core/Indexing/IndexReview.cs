using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

public enum ReviewKind { Duplicate, Redundant, Merge, Unused, UnindexedForeignKey }

/// <summary>A finding about existing indexes: drop, replace (merge) or create (foreign key), with its evidence.</summary>
public sealed record ReviewFinding(ReviewKind Kind, string Table, IndexDefinition Subject, IndexDefinition? Replacement, IndexDefinition? KeptInstead, string Reason, long? SizeBytes);

/// <summary>
/// Reviews the indexes that exist: exact duplicates, left-prefix redundancy ((a) is served by (a, b)), merges
/// ((a) INCLUDE (x) + (a, b) → (a, b) INCLUDE (x)), unused indexes (no scans since the counters were reset, with
/// the age of the counters), and foreign keys whose columns lead no index. Indexes that back a primary key or unique
/// constraint are never dropped: they enforce something.
/// </summary>
public static class IndexReview
{
    /// <summary>Usage counters younger than this prove little: an unused finding says so.</summary>
    public const double MinStatsDays = 7;

    public static IReadOnlyList<ReviewFinding> Review(Workload workload)
    {
        var findings = new List<ReviewFinding>();
        foreach (var table in workload.Tables)
        {
            var indexes = table.Indexes.OrderBy(i => i.BacksConstraint ? 0 : 1).ThenBy(i => i.Definition.Name, StringComparer.Ordinal).ToList();
            var dropped = new HashSet<ExistingIndex>();
            // Duplicates first, so a copy is reported as a copy even when a wider index also makes both redundant.
            foreach (var index in indexes.Where(i => !i.BacksConstraint))
            {
                var duplicate = indexes.FirstOrDefault(o => o != index && !dropped.Contains(o) && SameIndex(o.Definition, index.Definition)
                    && (o.BacksConstraint || string.CompareOrdinal(o.Definition.Name, index.Definition.Name) < 0));
                if (duplicate is not null)
                {
                    dropped.Add(index);
                    findings.Add(new ReviewFinding(ReviewKind.Duplicate, table.Name, index.Definition, null, duplicate.Definition,
                        $"exact duplicate of {duplicate.Definition.Name} ({duplicate.Definition.Signature}); every write maintains both", index.SizeBytes));
                }
            }

            foreach (var index in indexes)
            {
                if (index.BacksConstraint || dropped.Contains(index))
                {
                    continue;
                }

                var wider = indexes.FirstOrDefault(o => o != index && !dropped.Contains(o) && IsLeftPrefix(index.Definition, o.Definition));
                if (wider is not null)
                {
                    dropped.Add(index);
                    var missing = index.Definition.Include.Where(c => !wider.Definition.Columns.Contains(c, StringComparer.Ordinal)).ToList();
                    if (missing.Count == 0)
                    {
                        findings.Add(new ReviewFinding(ReviewKind.Redundant, table.Name, index.Definition, null, wider.Definition,
                            $"left prefix of {wider.Definition.Name} ({wider.Definition.Signature}), which serves the same lookups", index.SizeBytes));
                    }
                    else
                    {
                        var merged = wider.Definition with { Include = wider.Definition.Include.Concat(missing).Distinct(StringComparer.Ordinal).ToList(), Name = null };
                        findings.Add(new ReviewFinding(ReviewKind.Merge, table.Name, index.Definition, merged, wider.Definition,
                            $"merge: {index.Definition.Name} is a left prefix of {wider.Definition.Name} but also covers {string.Join(", ", missing)}; one index {merged.Signature} replaces both", index.SizeBytes));
                    }

                    continue;
                }

                if (index.Scans == 0 && workload.StatsAgeDays is { } age)
                {
                    var caution = age < MinStatsDays ? $"; the counters are only {age:0.#} days old, so confirm over a full business cycle first" : string.Empty;
                    findings.Add(new ReviewFinding(ReviewKind.Unused, table.Name, index.Definition, null, null,
                        $"unused: 0 scans in {age:0.#} days since the statistics were reset, {Megabytes(index.SizeBytes)} maintained on every write{caution}", index.SizeBytes));
                }
            }

            foreach (var fk in table.ForeignKeys.Where(fk => !table.Indexes.Where(i => !dropped.Contains(i)).Any(i => CandidateGenerator.LeadsWith(i.Definition, fk.Columns))))
            {
                var definition = new IndexDefinition(table.Name, fk.Columns.Select(c => AdvisedKey.Of(c)).ToList(), Array.Empty<string>(), IndexMethod.BTree, Array.Empty<PredicateTest>(), false, null);
                findings.Add(new ReviewFinding(ReviewKind.UnindexedForeignKey, table.Name, definition, null, null,
                    $"foreign key {fk.Name} ({string.Join(", ", fk.Columns)}) → {fk.ReferencedTable} has no index leading with its columns: every delete or key update in {fk.ReferencedTable} scans {table.Name} ({table.Rows:N0} rows)", null));
            }
        }

        return findings;
    }

    public static bool SameIndex(IndexDefinition a, IndexDefinition b) =>
        a.Method == b.Method && a.Keys.SequenceEqual(b.Keys) && a.Include.Order(StringComparer.Ordinal).SequenceEqual(b.Include.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && string.Equals(a.PredicateText, b.PredicateText, StringComparison.Ordinal) && (a.Unique == b.Unique || !a.Unique);

    /// <summary>True when <paramref name="shorter"/>'s keys are the first keys of <paramref name="longer"/> (same method and condition), so the longer one serves every lookup the shorter one does.</summary>
    public static bool IsLeftPrefix(IndexDefinition shorter, IndexDefinition longer) =>
        shorter.Method == IndexMethod.BTree && longer.Method == IndexMethod.BTree && !shorter.Unique
        && shorter.Keys.Count < longer.Keys.Count && longer.Keys.Take(shorter.Keys.Count).SequenceEqual(shorter.Keys)
        && string.Equals(shorter.PredicateText, longer.PredicateText, StringComparison.Ordinal);

    private static string Megabytes(long? bytes) => bytes is { } b ? $"{b / 1048576.0:0.0} MB" : "size unknown,";
}
