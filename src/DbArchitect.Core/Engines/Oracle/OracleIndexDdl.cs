using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Script 4: the indexes, each with its reason as a comment, in Oracle's abilities: function-based keys (LOWER(email)),
/// Oracle Text CONTEXT indexes for full-text and fuzzy search, JSON search indexes for containment, bitmap indexes only
/// for low-cardinality keys of analytics designs. Oracle has no partial indexes: a unique one becomes a function-based
/// unique index on CASE WHEN predicate THEN column END (a B-tree holds no entry whose keys are all NULL, so rows
/// outside the predicate are not in it); a non-unique one indexes every row. There is no INCLUDE: a non-unique index
/// appends the included columns as trailing keys, a unique one leaves them out (extra keys would change what is unique).
/// Oracle refuses a second index on the same column list (ORA-01408), so one that repeats a key or index is left out.
/// </summary>
internal static class OracleIndexDdl
{
    public const string Purpose = "Creates the indexes (B-tree, function-based, Oracle Text and JSON search); each comment says which access pattern or rule it serves.";

    /// <summary>Largest index key in an 8 KB block (about 75% of it; ORA-01450 beyond).</summary>
    public const int MaxKeyBytes = 6398;

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => t.Indexes.Count > 0);

    /// <summary>One index as Oracle builds it: kind, the DDL, or why it is left out.</summary>
    public sealed record Plan(string Name, string Kind, string? Sql, string? PlSqlPreference, string Note);

    public static IReadOnlyList<Plan> Plans(Table table, string schema, OracleTypes types, bool analytics)
    {
        var tableName = W.Qualified(schema, table.Name);
        var taken = new HashSet<string>(StringComparer.Ordinal) { string.Join(",", table.PrimaryKey.Columns.Select(W.Id)) };
        foreach (var unique in table.UniqueKeys)
        {
            taken.Add(string.Join(",", unique.Columns.Select(W.Id)));
        }

        var textColumns = new HashSet<string>(StringComparer.Ordinal);
        var plans = new List<Plan>();
        foreach (var index in table.Indexes)
        {
            plans.Add(PlanOne(index));
        }

        return plans;

        Plan PlanOne(Model.Index index)
        {
            var name = W.Qualified(schema, index.Name);
            var textKeys = index.Keys.Where(k => k.Match == KeyMatch.Trigram || k.Expression is { Kind: IndexExpressionKind.FullText }).ToList();
            if (textKeys.Count > 0)
            {
                var columns = textKeys.SelectMany(k => k.Expression?.Columns ?? new[] { k.Column! }).Distinct(StringComparer.Ordinal).ToList();
                if (!textColumns.Add(columns[0]))
                {
                    return new(index.Name, "skipped", null, null, $"{columns[0]} already has an Oracle Text index, which serves this search too.");
                }

                string? preference = null;
                var parameters = "SYNC (ON COMMIT)";
                if (columns.Count > 1)
                {
                    // One CONTEXT index over several columns: a MULTI_COLUMN_DATASTORE concatenates them per row.
                    var preferenceName = PreferenceName(index.Name);
                    preference = string.Join('\n', new[]
                    {
                        "BEGIN",
                        $"    CTX_DDL.CREATE_PREFERENCE({W.String(preferenceName)}, 'MULTI_COLUMN_DATASTORE');",
                        $"    CTX_DDL.SET_ATTRIBUTE({W.String(preferenceName)}, 'COLUMNS', {W.String(string.Join(", ", columns.Select(W.Id)))});",
                        "END;",
                    });
                    parameters = $"DATASTORE {preferenceName} SYNC (ON COMMIT)";
                }

                return new(index.Name, "Oracle Text CONTEXT",
                    $"CREATE INDEX {name} ON {tableName} ({W.Id(columns[0])}) INDEXTYPE IS CTXSYS.CONTEXT PARAMETERS ({W.String(parameters)})",
                    preference,
                    $"Oracle Text (CTXSYS) instead of a trigram or word index: CONTAINS() with FUZZY/stem operators and SCORE() ranking; SYNC (ON COMMIT) keeps it current at some commit cost{(columns.Count > 1 ? "; a MULTI_COLUMN_DATASTORE indexes " + string.Join(", ", columns) + " as one document" : string.Empty)}.");
            }

            if (index.Method == IndexStructure.Inverted)
            {
                var column = index.Keys[0].Column ?? index.Keys[0].Expression!.Columns[0];
                return textColumns.Add(column)
                    ? new(index.Name, "JSON search", $"CREATE SEARCH INDEX {name} ON {tableName} ({W.Id(column)}) FOR JSON", null,
                        "A JSON search index (12.2+) answers JSON_EXISTS and JSON_TEXTCONTAINS on any path, Oracle's inverted index over JSON documents.")
                    : new(index.Name, "skipped", null, null, $"{column} already has a domain index.");
            }

            var lob = index.Keys.Select(k => k.Column ?? k.Expression?.Columns[0]).Select(c => c is null ? null : table.FindColumn(c))
                .FirstOrDefault(c => c is not null && OracleExpressions.IsLob(c, types));
            if (lob is not null)
            {
                return new(index.Name, "skipped", null, null, $"{lob.Name} is a LOB ({OracleExpressions.NativeType(lob, types)}), which cannot be a B-tree key; search it through an Oracle Text index.");
            }

            var keys = index.Keys.Select(k => OracleExpressions.KeyExpression(k, table)).ToList();
            var notes = new List<string>();
            if (index.Predicate is { Tests.Count: > 0 } predicate)
            {
                if (index.Unique)
                {
                    keys = keys.Select(k => $"CASE WHEN {OracleExpressions.Predicate(predicate)} THEN {k} END").ToList();
                    notes.Add($"no partial indexes in Oracle: CASE WHEN {predicate} THEN … END keeps rows outside the predicate out of the index (all-NULL keys are not indexed), so uniqueness holds for those rows only");
                }
                else
                {
                    notes.Add($"no partial indexes in Oracle: this one indexes every row, not only {predicate}");
                }
            }

            var directions = index.Keys.Select(k => k.Descending ? " DESC" : string.Empty).ToList();
            var rendered = keys.Select((k, i) => k + directions[i]).ToList();
            if (index.Include.Count > 0)
            {
                if (index.Unique)
                {
                    notes.Add($"Oracle indexes have no non-key columns: {string.Join(", ", index.Include)} are left out (as keys they would change what is unique), so rows are read from the table");
                }
                else
                {
                    var extra = index.Include.Where(c => table.FindColumn(c) is { } col && !OracleExpressions.IsLob(col, types)).ToList();
                    rendered.AddRange(extra.Select(W.Id));
                    notes.Add($"Oracle indexes have no non-key columns: {string.Join(", ", extra)} are trailing key columns, so the index still covers the query");
                }
            }

            var signature = string.Join(",", rendered.Select(r => r.EndsWith(" DESC", StringComparison.Ordinal) ? r : r));
            if (!taken.Add(signature))
            {
                return new(index.Name, "skipped", null, null, "its column list is already indexed by a key or an earlier index; Oracle refuses a second index on the same columns (ORA-01408).");
            }

            var bytes = index.Keys.Select(k => k.Column ?? k.Expression?.Columns[0]).Select(c => c is null ? null : table.FindColumn(c))
                .Sum(c => c is null ? 0 : OracleTypes.MaxKeyBytes(OracleExpressions.NativeType(c, types)));
            if (bytes > MaxKeyBytes)
            {
                return new(index.Name, "skipped", null, null, $"its key can reach {bytes} bytes (4 bytes a character in AL32UTF8), over the {MaxKeyBytes}-byte limit of an 8 KB block (ORA-01450); shorten the columns or index a SUBSTR.");
            }

            var bitmap = analytics && !index.Unique && index.Keys.Count == 1 && index.Predicate is null && index.Include.Count == 0
                && index.Keys[0].Column is { } only && table.FindColumn(only)?.Type.Kind is LogicalTypeKind.Enum or LogicalTypeKind.Bool;
            if (bitmap)
            {
                notes.Add("bitmap: a low-cardinality key in an analytics design; bitmaps combine cheaply for ad-hoc filters but lock many rows per key entry, so OLTP designs never use them");
            }

            var kind = bitmap ? "BITMAP" : index.Unique ? "UNIQUE" : "B-tree";
            var head = bitmap ? "CREATE BITMAP INDEX" : index.Unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX";
            if (index.Method is IndexStructure.BlockRange or IndexStructure.Hash or IndexStructure.Spatial)
            {
                notes.Add($"Oracle has no {EngineWording.MethodKind(index.Method)}: a B-tree");
            }

            return new(index.Name, kind, $"{head} {name} ON {tableName} ({W.List(rendered)})", null, string.Join("; ", notes));
        }
    }

    /// <summary>A text preference name: letters, digits and underscores only, within 30 bytes (Oracle Text's limit before 12.2).</summary>
    private static string PreferenceName(string indexName)
    {
        var plain = new string(indexName.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(indexName)))[..6];
        return "DS_" + (plain.Length > 18 ? plain[..18] : plain) + "_" + hash;
    }

    public static void Write(W writer, SchemaModel model, OracleTypes types, bool analytics)
    {
        foreach (var table in model.Tables.Where(t => t.Indexes.Count > 0))
        {
            writer.BlankLine();
            var plans = Plans(table, model.Schema, types, analytics);
            for (var i = 0; i < plans.Count; i++)
            {
                var plan = plans[i];
                var index = table.Indexes[i];
                writer.Comment($"{plan.Name}: {index.Reason}");
                if (plan.Note.Length > 0)
                {
                    writer.Comment((plan.Sql is null ? "Left out: " : string.Empty) + plan.Note);
                }

                if (plan.PlSqlPreference is { } preference)
                {
                    var lines = preference.Split('\n');
                    writer.PlSql(lines[0], lines.Skip(1));
                }

                if (plan.Sql is { } sql)
                {
                    writer.Statement(sql);
                }
            }
        }
    }
}
