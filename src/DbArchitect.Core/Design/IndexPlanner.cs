using DbArchitect.Core.Engines;
using Index = DbArchitect.Core.Model.Index;
using System.Globalization;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// Plans the indexes of a design: one per access pattern (equality columns, then sort columns with their direction,
/// then the range column — the equality/sort/range rule), an inverted trigram or full-text index for search, an
/// inverted index for searched JSON, a block-range index for range scans over large insert-ordered tables, one per foreign key, and the audit log's. Candidates that
/// another index already serves (an exact duplicate or a left prefix) are merged into it, so no redundant index is
/// ever emitted; the survivor lists everything it serves.
/// </summary>
internal sealed class IndexPlanner
{
    /// <summary>Rows (at retention, or today) from which a range scan over an insert-ordered timestamp gets BRIN.</summary>
    internal const long BlockRangeThresholdRows = 10_000_000;

    private const int MaxIncludedColumns = 4;

    private readonly DbRequirement _requirement;
    private readonly NamingStyle _style;
    private readonly List<DesignDecision> _decisions;
    private readonly EngineWording _wording;

    public IndexPlanner(DbRequirement requirement, List<DesignDecision> decisions, EngineWording? wording = null)
    {
        _requirement = requirement;
        _style = requirement.Conventions.Naming;
        _decisions = decisions;
        _wording = wording ?? EngineWording.Neutral;
    }

    public void Plan(IReadOnlyList<TableDraft> tables, Func<string, TableDraft?> tableForEntity)
    {
        var candidates = tables.ToDictionary(t => t, _ => new List<Candidate>());
        var order = 0;
        // OrderByDescending is stable: patterns of equal rate keep the requirement's order.
        var patterns = _requirement.AccessPatterns.OrderByDescending(p => p.PerSecond ?? 0);
        foreach (var pattern in patterns)
        {
            var table = tableForEntity(pattern.Entity);
            if (table is not null)
            {
                foreach (var candidate in ForPattern(table, pattern))
                {
                    candidates[table].Add(candidate with { Order = order++ });
                }
            }
        }

        foreach (var table in tables)
        {
            foreach (var candidate in ForForeignKeys(table).Concat(ForAuditLog(table)))
            {
                candidates[table].Add(candidate with { Order = order++ });
            }

            Select(table, candidates[table]);
        }
    }

    private IEnumerable<Candidate> ForPattern(TableDraft table, AccessPatternSpec pattern)
    {
        var serves = Serves.AccessPattern(pattern.Name);
        var rate = pattern.PerSecond is { } r ? $" ({r.ToString("0.###", CultureInfo.InvariantCulture)}/s)" : string.Empty;
        var tenant = table.FindByRole(ColumnRole.TenantKey);
        var predicate = SoftDelete(table);
        var leading = tenant is null ? new List<IndexKey>() : new List<IndexKey> { IndexKey.Of(tenant.Name) };
        var tenantNote = tenant is null ? string.Empty : $"; {tenant.Name} leads because every query runs inside one tenant";

        if (pattern.Near is { } near)
        {
            yield return NearCandidate(table, pattern, near, leading, predicate, serves, rate + tenantNote);
            yield break;
        }

        if (pattern.Search.Count > 0)
        {
            var columns = pattern.Search.Select(c => Resolve(table, c)).ToArray();
            if (pattern.Fuzzy)
            {
                foreach (var column in columns)
                {
                    yield return new Candidate(table.Name,
                        leading.Append(new IndexKey(column, null, false, KeyMatch.Trigram)).ToArray(),
                        Array.Empty<string>(), IndexStructure.Inverted, predicate, NamePart(column) + _wording.FuzzyIndexSuffix,
                        $"Fuzzy search on {column} for {serves}{rate}: {_wording.TrigramSearch}{tenantNote}.",
                        serves);
                }
            }
            else
            {
                var language = pattern.Language ?? "english";
                yield return new Candidate(table.Name,
                    leading.Append(new IndexKey(null, new IndexExpression(IndexExpressionKind.FullText, columns, language), false, KeyMatch.Ordinary)).ToArray(),
                    Array.Empty<string>(), IndexStructure.Inverted, predicate, string.Join("_", columns.Select(NamePart)) + "_fts",
                    $"Full-text search over {string.Join(", ", columns)} ({language} stemming) for {serves}{rate}{tenantNote}.",
                    serves);
            }
        }

        var equality = new List<IndexKey>(leading);
        foreach (var reference in pattern.Where)
        {
            var column = table.FindColumn(Resolve(table, reference))!;
            if (column.Type.Kind == LogicalTypeKind.Json)
            {
                yield return new Candidate(table.Name, new[] { new IndexKey(column.Name, null, false, KeyMatch.Containment) },
                    Array.Empty<string>(), IndexStructure.Inverted, predicate, NamePart(column.Name) + _wording.JsonIndexSuffix,
                    $"{serves}{rate} filters on the JSON document {column.Name}: {_wording.JsonContainment}.",
                    serves);
                continue;
            }

            var key = column.Type.Kind == LogicalTypeKind.Email
                ? new IndexKey(null, new IndexExpression(IndexExpressionKind.Lower, new[] { column.Name }, null), false, KeyMatch.Ordinary)
                : IndexKey.Of(column.Name);
            if (!equality.Contains(key))
            {
                equality.Add(key);
            }
        }

        var keys = new List<IndexKey>(equality);
        foreach (var sort in pattern.OrderBy)
        {
            var column = Resolve(table, sort.Column);
            if (!keys.Any(k => k.Column == column))
            {
                keys.Add(IndexKey.Of(column, sort.Descending));
            }
        }

        var tieBreaker = TieBreaker(table, pattern, keys);
        var tieKeys = tieBreaker.Select(c => IndexKey.Of(c, pattern.OrderBy[^1].Descending)).ToArray();
        keys.AddRange(tieKeys);

        var range = pattern.Range is null ? null : Resolve(table, pattern.Range);
        range ??= pattern.GroupBy.Where(g => g.Bucket is not null).Select(g => Resolve(table, g.Column)).FirstOrDefault();
        if (range is not null && !keys.Any(k => k.Column == range))
        {
            keys.Add(IndexKey.Of(range));
        }

        if (keys.Count == leading.Count)
        {
            yield break;
        }

        if (range is not null && keys.Count == 1 && tenant is null && IsLargeInsertOrdered(table, range))
        {
            yield return new Candidate(table.Name, new[] { IndexKey.Of(range) }, Array.Empty<string>(), IndexStructure.BlockRange, null,
                NamePart(range) + _wording.BlockRangeIndexSuffix,
                $"{serves}{rate} scans {range} ranges on a table expected to reach {InvariantText.Count(ProjectedRows(table))} rows; {range} grows with insertion order, so {_wording.BlockRangeIndex} (a few pages per million rows) replaces a B-tree hundreds of times its size.",
                serves);
            yield break;
        }

        var include = IncludedColumns(table, pattern, keys);
        var shape = new List<string>();
        if (equality.Count > leading.Count)
        {
            shape.Add("equality on " + string.Join(", ", equality.Skip(leading.Count)));
        }

        if (pattern.OrderBy.Count > 0)
        {
            shape.Add("sorted by " + string.Join(", ", pattern.OrderBy.Select(o => Resolve(table, o.Column) + (o.Descending ? " desc" : string.Empty))));
        }

        if (range is not null)
        {
            shape.Add("range on " + range);
        }

        var limit = pattern.Limit is { } l ? $", first {l} rows without a sort" : string.Empty;
        var covering = include.Count > 0 ? "; " + _wording.Covering(include) : string.Empty;
        // The name says what the pattern asked for; the tie-breaker is an implementation detail of the sort.
        var name = string.Join("_", keys.Where(k => !tieKeys.Contains(k)).Select(k => NamePart(k.Column ?? k.ToString())));
        var tie = tieBreaker.Count > 0 ? $"; {string.Join(", ", tieBreaker)} breaks ties in the sort so the keyset cursor never skips or repeats a row" : string.Empty;
        yield return new Candidate(table.Name, keys, include, IndexStructure.Ordered, predicate, name,
            $"B-tree for {serves}{rate}: {string.Join(", ", shape)}{limit}{tie}{tenantNote}{covering}.",
            serves);
    }

    /// <summary>A proximity search: the pattern's equality columns, then latitude and longitude, so the radius's bounding box is two ranges in one index.</summary>
    private Candidate NearCandidate(TableDraft table, AccessPatternSpec pattern, NearSpec near, List<IndexKey> leading, IndexPredicate? predicate, string serves, string note)
    {
        var keys = new List<IndexKey>(leading);
        foreach (var column in pattern.Where.Select(w => Resolve(table, w)).Append(Resolve(table, near.Latitude)).Append(Resolve(table, near.Longitude)))
        {
            if (!keys.Any(k => k.Column == column))
            {
                keys.Add(IndexKey.Of(column));
            }
        }

        var name = string.Join("_", keys.Skip(leading.Count).Select(k => NamePart(k.Column!)));
        return new Candidate(table.Name, keys, Array.Empty<string>(), IndexStructure.Ordered, predicate, name,
            $"B-tree for {serves}{note}: {_wording.NearSearch(Resolve(table, near.Latitude), Resolve(table, near.Longitude))}.", serves);
    }

    /// <summary>Primary-key columns a sorted, limited pattern's index ends with (see <see cref="KeysetOrder"/>).</summary>
    private static IReadOnlyList<string> TieBreaker(TableDraft table, AccessPatternSpec pattern, List<IndexKey> keys)
    {
        if (pattern.OrderBy.Count == 0 || pattern.Limit is null || pattern.Search.Count > 0)
        {
            return Array.Empty<string>();
        }

        var sorted = pattern.OrderBy.Select(o => Resolve(table, o.Column)).ToArray();
        var fixedColumns = keys.Where(k => k.Column is not null && !sorted.Contains(k.Column)).Select(k => k.Column!);
        return KeysetOrder.TieBreaker(table.PrimaryKey!.Columns, table.UniqueKeys.Select(u => u.Columns), fixedColumns, sorted);
    }

    /// <summary>Small projected columns ride in INCLUDE so the pattern can be an index-only scan; wide ones never do.</summary>
    private IReadOnlyList<string> IncludedColumns(TableDraft table, AccessPatternSpec pattern, List<IndexKey> keys)
    {
        var wanted = pattern.Select.Select(c => Resolve(table, c)).ToList();
        if (pattern.Aggregate?.Column is { } aggregated)
        {
            wanted.Add(Resolve(table, aggregated));
        }

        var include = wanted
            .Distinct(StringComparer.Ordinal)
            .Where(c => !keys.Any(k => k.Column == c))
            .ToList();
        return include.Count <= MaxIncludedColumns && include.All(c => IsSmall(table.FindColumn(c)!.Type)) ? include : Array.Empty<string>();
    }

    private static bool IsSmall(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.Text or LogicalTypeKind.Json or LogicalTypeKind.Binary or LogicalTypeKind.Array or LogicalTypeKind.Url => false,
        LogicalTypeKind.String or LogicalTypeKind.Char => type.Length <= 100,
        LogicalTypeKind.Decimal => type.Precision <= 38,
        _ => true,
    };

    private bool IsLargeInsertOrdered(TableDraft table, string column) =>
        table.FindColumn(column)?.Role == ColumnRole.CreatedAt && ProjectedRows(table) >= BlockRangeThresholdRows;

    private long ProjectedRows(TableDraft table)
    {
        var today = table.EstimatedRows ?? 0;
        var days = _requirement.Workload.Retention?.Days ?? 365 * 3;
        return today + (long)((table.RowsPerDay ?? 0) * days);
    }

    private IEnumerable<Candidate> ForForeignKeys(TableDraft table)
    {
        var primary = table.PrimaryKey!.Columns;
        foreach (var fk in table.ForeignKeys)
        {
            var keys = fk.Columns.Select(c => IndexKey.Of(c)).ToList();
            var reverse = table.Kind == TableKind.Junction && !primary.Take(fk.Columns.Count).SequenceEqual(fk.Columns);
            if (reverse)
            {
                keys.AddRange(primary.Where(c => !fk.Columns.Contains(c)).Select(c => IndexKey.Of(c)));
            }

            var why = reverse
                ? $"Foreign key {fk.Name} and the reverse direction of the link: finds the {table.Name} rows of one {fk.ReferencedTable} (and, with the other key column, answers from the index alone)."
                : $"Foreign key {fk.Name}: without it every delete or key update on {fk.ReferencedTable} scans {table.Name}, and joins from {fk.ReferencedTable} cannot seek.";
            yield return new Candidate(table.Name, keys, Array.Empty<string>(), IndexStructure.Ordered, null,
                string.Join("_", keys.Select(k => NamePart(k.Column!))), why, Serves.ForeignKey(fk.Name));
        }
    }

    private IEnumerable<Candidate> ForAuditLog(TableDraft table)
    {
        if (table.Kind != TableKind.Audit)
        {
            yield break;
        }

        string C(string name) => Naming.Apply(_style, name);
        var changedAt = C("changed_at");
        yield return new Candidate(table.Name,
            new[] { IndexKey.Of(C("table_name")), IndexKey.Of(C("record_id")), IndexKey.Of(changedAt, true) },
            Array.Empty<string>(), IndexStructure.Ordered, null, string.Join("_", C("table_name"), C("record_id"), changedAt),
            "History of one row, newest first: the question an audit log is asked most.", "audit: history of a row");
        yield return new Candidate(table.Name, new[] { IndexKey.Of(changedAt) }, Array.Empty<string>(), IndexStructure.BlockRange, null,
            changedAt + _wording.BlockRangeIndexSuffix,
            $"Time-range questions (what changed last night) over an append-only table: {_wording.BlockRangeIndex} costs a few pages.",
            "audit: changes in a time range");
        if (table.FindByRole(ColumnRole.TenantKey) is { } tenant)
        {
            yield return new Candidate(table.Name, new[] { IndexKey.Of(tenant.Name), IndexKey.Of(changedAt, true) },
                Array.Empty<string>(), IndexStructure.Ordered, null, tenant.Name + "_" + changedAt,
                "A tenant's change history, newest first.", "audit: history of a tenant");
        }
    }

    /// <summary>Keeps each candidate that no stronger index already serves; merges what it serves otherwise.</summary>
    private void Select(TableDraft table, List<Candidate> candidates)
    {
        var existing = new List<Served>();
        existing.Add(new Served(table.PrimaryKey!.Name, table.PrimaryKey.Columns.Select(c => IndexKey.Of(c)).ToArray(),
            Array.Empty<string>(), IndexStructure.Ordered, null, true, null));
        existing.AddRange(table.UniqueKeys.Select(u => new Served(u.Name, u.Columns.Select(c => IndexKey.Of(c)).ToArray(),
            Array.Empty<string>(), IndexStructure.Ordered, null, true, null)));
        existing.AddRange(table.Indexes.Select(i => new Served(i.Name, i.Keys, i.Include, i.Method, i.Predicate, i.Unique, i)));

        var kept = new List<(Candidate Candidate, List<string> Serves)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Keys.Count).ThenBy(c => c.Order))
        {
            var byConstraint = existing.FirstOrDefault(e => Covers(e.Method, e.Keys, e.Include, e.Predicate, candidate));
            if (byConstraint is not null)
            {
                if (byConstraint.Index is { } index)
                {
                    var i = table.Indexes.IndexOf(index);
                    table.Indexes[i] = index with { Serves = index.Serves.Append(candidate.Serves).ToArray() };
                    existing[existing.IndexOf(byConstraint)] = byConstraint with { Index = table.Indexes[i] };
                }
                else
                {
                    _decisions.Add(new DesignDecision(DesignAreas.Indexing, candidate.Serves,
                        $"Served by {byConstraint.Name}", $"{byConstraint.Name} already leads with ({string.Join(", ", candidate.Keys)}); no extra index."));
                }

                continue;
            }

            var keeper = kept.FirstOrDefault(k => Covers(k.Candidate.Method, k.Candidate.Keys, k.Candidate.Include, k.Candidate.Predicate, candidate));
            if (keeper.Candidate is not null)
            {
                keeper.Serves.Add(candidate.Serves);
                continue;
            }

            var absorbed = Absorb(kept.Select(k => k.Candidate).ToList(), candidate);
            if (absorbed is var (position, widened))
            {
                kept[position] = (widened, kept[position].Serves);
                kept[position].Serves.Add(candidate.Serves);
                continue;
            }

            kept.Add((candidate, new List<string> { candidate.Serves }));
        }

        foreach (var (candidate, serves) in kept.OrderBy(k => k.Candidate.Order))
        {
            var also = serves.Count > 1 ? " Also serves: " + string.Join(", ", serves.Skip(1)) + "." : string.Empty;
            table.Indexes.Add(new Index(Naming.Compose(_style, "ix", new[] { table.Name, candidate.NameSuffix }),
                candidate.Keys, candidate.Include, candidate.Method, false, candidate.Predicate, candidate.Reason + also, serves));
        }
    }

    /// <summary>
    /// One index per need: a kept B-tree whose keys already lead with the candidate's takes the candidate over when only
    /// a small difference stands between them, rather than a near-duplicate being built beside it. It adds the columns
    /// the candidate covers (INCLUDE) within the covering limit; and when the candidate is a foreign key's index and the
    /// kept one is partial, it drops its predicate, because the key's checks must see soft-deleted rows and, with two
    /// indexes on the same leading columns, the planner may pick the foreign key's for a small key and then sort.
    /// Returns the kept index's position and its new form, or null when none can take the candidate.
    /// </summary>
    private (int Position, Candidate Widened)? Absorb(IReadOnlyList<Candidate> kept, Candidate candidate)
    {
        if (candidate.Method != IndexStructure.Ordered || candidate.Unique)
        {
            return null;
        }

        var foreignKey = candidate.Serves.StartsWith(Serves.ForeignKey(string.Empty), StringComparison.Ordinal);
        for (var i = 0; i < kept.Count; i++)
        {
            var k = kept[i];
            var predicateFits = SamePredicate(k.Predicate, candidate.Predicate) || (foreignKey && candidate.Predicate is null);
            if (k.Method != IndexStructure.Ordered || !predicateFits || !Covers(k.Method, k.Keys, Array.Empty<string>(), null, candidate with { Include = Array.Empty<string>() }))
            {
                continue;
            }

            var include = k.Include.Concat(candidate.Include.Where(c => !k.Include.Contains(c) && !k.Keys.Any(key => key.Column == c))).ToArray();
            if (include.Length > MaxIncludedColumns)
            {
                continue;
            }

            var reason = k.Reason;
            if (include.Length > k.Include.Count)
            {
                reason += $" It also serves {candidate.Serves} ({_wording.Covering(include.Skip(k.Include.Count).ToArray())}), so no second index on the same leading columns.";
            }

            if (k.Predicate is not null && candidate.Predicate is null)
            {
                reason += $" Not partial: it also serves {candidate.Serves}, whose checks must see soft-deleted rows; queries keep their {k.Predicate} filter.";
            }

            return (i, k with { Include = include, Predicate = candidate.Predicate is null ? null : k.Predicate, Reason = reason });
        }

        return null;
    }

    /// <summary>
    /// True when an index with these properties answers every query the candidate would: same method, the candidate's
    /// keys are its left prefix (B-tree, same or fully reversed directions) or equal (other methods), the candidate's
    /// included columns are in it, and it is not partial (or has the same predicate).
    /// </summary>
    internal static bool Covers(IndexStructure method, IReadOnlyList<IndexKey> keys, IReadOnlyList<string> include, IndexPredicate? predicate, Candidate candidate)
    {
        if (method != candidate.Method || candidate.Unique)
        {
            return false;
        }

        if (predicate is not null && !SamePredicate(predicate, candidate.Predicate))
        {
            return false;
        }

        if (method != IndexStructure.Ordered)
        {
            return keys.SequenceEqual(candidate.Keys) && include.SequenceEqual(candidate.Include);
        }

        if (candidate.Keys.Count > keys.Count)
        {
            return false;
        }

        var prefix = keys.Take(candidate.Keys.Count).ToArray();
        var same = prefix.Zip(candidate.Keys).All(p => p.First.Equals(p.Second));
        var reversed = prefix.Zip(candidate.Keys).All(p => p.First.Equals(p.Second with { Descending = !p.Second.Descending }));
        var single = candidate.Keys.Count == 1 && prefix[0].Equals(candidate.Keys[0] with { Descending = prefix[0].Descending });
        if (!same && !reversed && !single)
        {
            return false;
        }

        var available = keys.Where(k => k.Column is not null).Select(k => k.Column!).Concat(include).ToHashSet(StringComparer.Ordinal);
        return candidate.Include.All(available.Contains);
    }

    private static bool SamePredicate(IndexPredicate? a, IndexPredicate? b) =>
        a is null ? b is null : b is not null && a.Tests.SequenceEqual(b.Tests);

    private IndexPredicate? SoftDelete(TableDraft table) =>
        table.FindByRole(ColumnRole.DeletedAt) is { } deleted || table.Features.SoftDelete
            ? new IndexPredicate(new[] { new ColumnTest(Naming.Apply(_style, ImplicitColumns.DeletedAt), PredicateKind.IsNull) })
            : null;

    private static string NamePart(string column) =>
        column.Replace("lower(", "lower_", StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal)
            .Replace(" desc", string.Empty, StringComparison.Ordinal);

    /// <summary>The table column an access pattern's reference names (validated when the requirements were read).</summary>
    private static string Resolve(TableDraft table, string reference)
    {
        var key = ImplicitColumns.MatchKey(reference);
        return table.Columns.FirstOrDefault(c => ImplicitColumns.MatchKey(c.Name) == key)?.Name
            ?? throw new InvalidOperationException($"Column '{reference}' of {table.Name} was not validated.");
    }

    internal sealed record Candidate(
        string Table,
        IReadOnlyList<IndexKey> Keys,
        IReadOnlyList<string> Include,
        IndexStructure Method,
        IndexPredicate? Predicate,
        string NameSuffix,
        string Reason,
        string Serves,
        bool Unique = false,
        int Order = 0);

    private sealed record Served(string Name, IReadOnlyList<IndexKey> Keys, IReadOnlyList<string> Include, IndexStructure Method,
        IndexPredicate? Predicate, bool Unique, Index? Index);
}
