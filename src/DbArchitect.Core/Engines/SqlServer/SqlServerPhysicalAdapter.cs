using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Fits the PostgreSQL-shaped neutral model to SQL Server 2022, recording each change: lower(col) keys become plain
/// keys (the case-insensitive collation already compares and enforces uniqueness ignoring case), GIN JSON/array and
/// BRIN/hash methods become what SQL Server has, LOB columns leave index keys, unique keys on nullable columns become
/// filtered unique indexes (SQL Server's UNIQUE allows one NULL only), and foreign keys with forbidden cascade paths
/// are demoted (<see cref="SqlServerCascadePaths"/>).
/// </summary>
internal sealed class SqlServerPhysicalAdapter
{
    public SchemaModel Adapt(SchemaModel physical, List<DesignDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(decisions);
        var referenced = physical.Tables
            .SelectMany(t => t.ForeignKeys)
            .Select(f => f.ReferencedTable + "\u0001" + string.Join("\u0001", f.ReferencedColumns))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tables = physical.Tables.Select(t => AdaptTable(t, referenced, decisions)).ToList();
        var model = physical with { Tables = tables };

        var resolutions = SqlServerCascadePaths.Resolve(model);
        foreach (var r in resolutions)
        {
            decisions.Add(new DesignDecision(DesignAreas.Schema, $"{r.Table}.{r.ForeignKey}",
                r.Emulated ? $"ON DELETE NO ACTION + INSTEAD OF DELETE trigger on {r.ReferencedTable}" : "ON DELETE NO ACTION", r.Reason));
        }

        var plain = resolutions.Where(r => !r.Emulated).ToList();
        if (plain.Count == 0)
        {
            return model;
        }

        return model with
        {
            Tables = model.Tables.Select(t => t with
            {
                ForeignKeys = t.ForeignKeys.Select(f => plain.Any(r => r.Table == t.Name && r.ForeignKey == f.Name)
                    ? f with { OnDelete = DeleteAction.NoAction, SetNullColumns = Array.Empty<string>(), Reason = Join(f.Reason, plain.First(r => r.Table == t.Name && r.ForeignKey == f.Name).Reason) }
                    : f).ToArray(),
            }).ToList(),
        };
    }

    private static Table AdaptTable(Table table, HashSet<string> referenced, List<DesignDecision> decisions)
    {
        var indexes = new List<Index>();
        var uniques = new List<UniqueKey>();
        foreach (var unique in table.UniqueKeys)
        {
            var columns = unique.Columns.Select(c => table.FindColumn(c)!).ToList();
            if (columns.Any(SqlServerExpressions.IsLob))
            {
                decisions.Add(new DesignDecision(DesignAreas.Indexing, $"{table.Name}.{unique.Name}", "Not declared",
                    "A unique constraint cannot have an NVARCHAR(MAX)/VARBINARY(MAX) key column in SQL Server; the application enforces it, or the column gets a bounded length."));
                continue;
            }

            var nullable = columns.Where(c => c.Nullable).Select(c => c.Name).ToList();
            if (nullable.Count > 0 && !referenced.Contains(table.Name + "\u0001" + string.Join("\u0001", unique.Columns)))
            {
                indexes.Add(new Index(unique.Name, unique.Columns.Select(c => IndexKey.Of(c)).ToArray(), Array.Empty<string>(), IndexStructure.Ordered, true,
                    new IndexPredicate(nullable.Select(c => new ColumnTest(c, PredicateKind.IsNotNull)).ToArray()), unique.Reason, Array.Empty<string>()));
                decisions.Add(new DesignDecision(DesignAreas.Indexing, $"{table.Name}.{unique.Name}", "Filtered unique index (WHERE … IS NOT NULL)",
                    $"SQL Server's UNIQUE constraint treats NULLs as equal and allows one NULL only; a unique index filtered on {string.Join(", ", nullable)} IS NOT NULL keeps the standard meaning (any number of NULLs)."));
                continue;
            }

            uniques.Add(unique);
        }

        if (table.Indexes.Any(SqlServerFullText.IsFullText) && SqlServerFullText.KeyIndexOf(table) is null && SqlServerFullText.SurrogateKey(table) is { } surrogate)
        {
            var name = SqlServerFullText.KeyIndexName(table);
            indexes.Add(new Index(name, new[] { IndexKey.Of(surrogate.Name) }, Array.Empty<string>(), IndexStructure.Ordered, true, null,
                $"Full-text key: a FULLTEXT INDEX needs a unique single-column key index, and the primary key ({string.Join(", ", table.PrimaryKey.Columns)}) is composite; {surrogate.Name} is generated and unique on its own.",
                Array.Empty<string>()));
            decisions.Add(new DesignDecision(DesignAreas.Indexing, $"{table.Name}.{name}", $"Unique index on {surrogate.Name} (full-text key)",
                $"The table is searched by full-text, which needs a unique, single-column, non-nullable key index; the composite primary key ({string.Join(", ", table.PrimaryKey.Columns)}) cannot be one, so {surrogate.Name} gets its own unique index (16 bytes per row)."));
        }

        var checks = new List<CheckConstraint>();
        foreach (var check in table.Checks)
        {
            var column = table.FindColumn(check.Column);
            var why = column is null ? null : SqlServerExpressions.Unsupported(check, column);
            var kept = column is not null && SqlServerExpressions.Check(check, column) is not null;
            if (why is not null)
            {
                decisions.Add(new DesignDecision(DesignAreas.Schema, $"{table.Name}.{check.Name}", kept ? "Partly enforced by the CHECK" : "Not declared", why + "."));
            }

            if (kept || column is null)
            {
                checks.Add(check);
            }
        }

        foreach (var index in table.Indexes)
        {
            if (Adapt(table, index, decisions) is { } adapted
                && !indexes.Any(i => i.Keys.SequenceEqual(adapted.Keys) && Equals(i.Predicate, adapted.Predicate) && (i.Unique || !adapted.Unique) && i.Method == adapted.Method))
            {
                indexes.Add(adapted);
            }
        }

        var described = table.Columns.Select(c => c.Generation == KeyGeneration.RandomUuid
            ? c with { Comment = "Surrogate primary key: a GUID from NEWSEQUENTIALID(), unique everywhere and increasing, so inserts append to the clustered index." }
            : c).ToArray();
        return table with { Columns = described, UniqueKeys = uniques, Checks = checks, Indexes = indexes };
    }

    private static Index? Adapt(Table table, Index index, List<DesignDecision> decisions)
    {
        var subject = $"{table.Name}.{index.Name}";
        void Decide(string decision, string reason) => decisions.Add(new DesignDecision(DesignAreas.Indexing, subject, decision, reason));

        if (SqlServerFullText.IsFullText(index))
        {
            if (SqlServerFullText.KeyIndexOf(table) is null && SqlServerFullText.SurrogateKey(table) is null)
            {
                Decide("Not created", "Full-text search in SQL Server needs a unique, single-column, non-nullable key index of at most 900 bytes on the table; this table's primary key is not one, so the search runs as LIKE or in the search engine.");
                return null;
            }

            var columns = SqlServerFullText.Columns(table, index);
            if (columns.Count == 0)
            {
                Decide("Not created", "None of the searched columns is character data, which a FULLTEXT INDEX needs.");
                return null;
            }

            Decide("FULLTEXT INDEX (full-text catalog)", $"The design's {(index.Keys.Any(k => k.Match == KeyMatch.Trigram) ? "trigram" : "full-text")} index becomes a column in the table's one FULLTEXT INDEX ({string.Join(", ", columns)}); queries use CONTAINS/FREETEXT. Full-text matches words and prefixes (\"term*\"), not arbitrary infixes or typos, and is populated asynchronously (CHANGE_TRACKING AUTO).");
            return index with
            {
                Reason = $"SQL Server: part of the table's FULLTEXT INDEX ({string.Join(", ", columns)}), queried with CONTAINSTABLE/FREETEXTTABLE; a full-text index covers every row (no filter) and needs no tenant key column, the query filters those. Design reason: {index.Reason}",
            };
        }

        if (index.Method == IndexStructure.Inverted || index.Keys.Any(k => k.Match == KeyMatch.Containment))
        {
            Decide("Not created", "SQL Server 2022 has no inverted index over JSON or arrays. When a JSON path is filtered often, add a computed column JSON_VALUE(col, '$.path') PERSISTED and index it; for arrays, a child table with an index.");
            return null;
        }

        var keys = new List<IndexKey>();
        var include = index.Include.ToList();
        foreach (var key in index.Keys)
        {
            if (key.Expression is { Kind: IndexExpressionKind.Lower } lower)
            {
                keys.Add(IndexKey.Of(lower.Columns[0], key.Descending));
                Decide($"Key {lower.Columns[0]} instead of lower({lower.Columns[0]})",
                    "The database's default collation is case-insensitive (…_CI_AS), so a plain index on the column already compares and enforces uniqueness ignoring case, and queries write col = @value; a PERSISTED computed column LOWER(col) would only be needed under a case-sensitive collation.");
                continue;
            }

            var column = key.Column is null ? null : table.FindColumn(key.Column);
            if (column is null)
            {
                Decide("Not created", $"Key {key} is an expression SQL Server cannot index directly.");
                return null;
            }

            if (SqlServerExpressions.IsLob(column))
            {
                include.Add(column.Name);
                Decide($"{column.Name} moved to INCLUDE", "NVARCHAR(MAX)/VARBINARY(MAX) columns cannot be index keys in SQL Server; INCLUDE keeps them covered.");
                continue;
            }

            keys.Add(key with { Match = KeyMatch.Ordinary });
        }

        if (keys.Count == 0)
        {
            Decide("Not created", "No key column is left that SQL Server can index (LOB columns only).");
            return null;
        }

        var note = string.Empty;
        if (index.Method == IndexStructure.BlockRange)
        {
            note = " SQL Server: a nonclustered B-tree (no block-range index); see design.md.";
            Decide("Nonclustered B-tree index instead of a block-range index",
                "SQL Server has no block-range index. A nonclustered index serves the range queries; for scans over years of append-only rows, partitioning by month (switching old partitions out) or a nonclustered columnstore index (row-group elimination by min/max, as a block-range index does) is the next step.");
        }
        else if (index.Method is IndexStructure.Hash or IndexStructure.Spatial)
        {
            note = " SQL Server: a nonclustered B-tree.";
            Decide("Nonclustered B-tree index", $"SQL Server has no {EngineWording.MethodKind(index.Method)} on disk-based tables; a B-tree serves the same equality and range lookups.");
        }

        return index with
        {
            Keys = keys,
            Include = include.Distinct(StringComparer.OrdinalIgnoreCase).Where(c => !keys.Any(k => string.Equals(k.Column, c, StringComparison.OrdinalIgnoreCase))).ToArray(),
            Method = IndexStructure.Ordered,
            Reason = index.Reason + note,
        };
    }

    private static string Join(string first, string second) => string.IsNullOrEmpty(first) ? second : first + " " + second;
}
