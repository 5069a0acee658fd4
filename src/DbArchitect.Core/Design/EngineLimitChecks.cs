using System.Globalization;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Requirements.Reading;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Design;

/// <summary>
/// The one place the physical design is held to its engine's hard limits (<see cref="IEngineLimits"/>): columns per
/// table, the row width the engine counts at CREATE TABLE, columns and fixed-width key bytes per index, and names kept
/// distinct in the engine's namespaces. Each breach is an EngineLimitExceeded (or IdentifierCollision) error at the
/// entity or access pattern behind it, with the engine's figure and the fix, instead of DDL the server refuses.
/// </summary>
internal static class EngineLimitChecks
{
    public static IReadOnlyList<DbArchitectError> Refusals(DbRequirement requirement, IDatabaseEngine engine, SchemaModel physical)
    {
        var where = new Locator(requirement);
        var limits = engine.Limits;
        var errors = new List<DbArchitectError>();
        foreach (var table in physical.Tables)
        {
            var at = where.Table(table);
            var added = limits.AddedColumns(table);
            if (EngineColumnLimits.Refusal(engine.Id, table.Columns.Count + added.Count, $"table '{table.Name}'", at) is { } columns)
            {
                errors.Add(columns);
                continue; // a row of that many columns is too wide as well; one error says it
            }

            if (limits.RowBytes is { } rowLimit && limits.RowBytesOf(table) is var bytes && bytes > rowLimit.Figure)
            {
                errors.Add(Error($"Table '{table.Name}' has rows of {Figure(bytes)} bytes as {engine.DisplayName} counts them; {rowLimit.Rule}.",
                    $"Make long strings text (kept off-row), shorten the declared lengths, or split rarely used attributes into an entity joined one-to-one, so the row counts at most {Figure(rowLimit.Figure)} bytes.",
                    at, bytes));
            }

            foreach (var (name, keys, include, nonclustered, serves) in Indexes(table))
            {
                var counted = keys.Count + (limits.IncludedColumnsCount ? include.Count : 0);
                var place = where.Index(serves) ?? at;
                if (limits.IndexColumns is { } indexLimit && counted > indexLimit.Figure)
                {
                    errors.Add(Error($"Index '{name}' of table '{table.Name}' has {Figure(counted)} columns; {indexLimit.Rule}.",
                        $"Filter the access pattern on at most {Figure(indexLimit.Figure)} columns (the most selective first) and let the query check the rest.",
                        place, counted));
                }

                // Summed only for an engine that limits them: most do not, and this runs for every index.
                if (nonclustered && limits.IndexKeyBytes is { } keyLimit
                    && KeyColumns(keys).Select(table.FindColumn).OfType<Column>().Sum(limits.FixedKeyBytesOf) is var keyBytes && keyBytes > keyLimit.Figure)
                {
                    errors.Add(Error($"Index '{name}' of table '{table.Name}' has key columns of {Figure(keyBytes)} fixed bytes; {keyLimit.Rule}.",
                        $"Key the index on fewer or narrower columns (a string instead of a char(n)) so its fixed-width keys take at most {Figure(keyLimit.Figure)} bytes.",
                        place, keyBytes));
                }
            }
        }

        errors.AddRange(IdentifierCollisions(engine, physical, where));
        return errors;
    }

    /// <summary>
    /// Names the engine keeps in one namespace that ended up equal: the columns of a table, and the tables, keys,
    /// constraints and indexes of the schema. The physical designer shortens and de-duplicates names as it claims them,
    /// so this catches a name an engine derives afterwards, which would otherwise fail at apply time or, worse,
    /// replace another object.
    /// </summary>
    private static IEnumerable<DbArchitectError> IdentifierCollisions(IDatabaseEngine engine, SchemaModel physical, Locator where)
    {
        var comparer = engine.Identifiers.CaseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        // Sized for every name up front: grown by doubling, a large design's table was copied into ever larger arrays.
        var relations = new Dictionary<string, (string What, string Table)>(physical.Tables.Sum(PhysicalDesigner.RelationNames), comparer);
        foreach (var table in physical.Tables)
        {
            // Loops over the columns rather than LINQ: this runs for every table of the design.
            var columns = new HashSet<string>(table.Columns.Count, comparer);
            foreach (var column in table.Columns)
            {
                if (!columns.Add(column.Name))
                {
                    yield return Collision($"Table '{table.Name}' would have two columns named '{column.Name}' on {engine.DisplayName}.", where.Attribute(table, column.Name), column.Name);
                }
            }

            foreach (var column in table.Columns.Select(c => c.Name).Where(engine.Limits.SystemColumns.Contains))
            {
                yield return Collision($"Column '{column}' of table '{table.Name}' has the name of a {engine.DisplayName} system column ({string.Join(", ", engine.Limits.SystemColumns)}), which the server refuses.",
                    where.Attribute(table, column), column, $"Rename the attribute '{column}'.");
            }

            foreach (var helper in engine.Limits.AddedColumns(table).Where(c => !columns.Add(c)))
            {
                yield return Collision($"Table '{table.Name}' has a column named '{helper}', the name of a column {engine.DisplayName} needs to add (a virtual helper column for an index).", where.Attribute(table, helper),
                    helper,
                    $"Rename the attribute '{helper}'; {engine.DisplayName} derives that name from the indexed column.");
            }

            var names = new[] { (Name: table.Name, What: "table") }
                .Append((table.PrimaryKey.Name, "primary key"))
                .Concat(table.UniqueKeys.Select(u => (u.Name, "unique constraint")))
                .Concat(table.Checks.Select(c => (c.Name, "check constraint")))
                .Concat(table.ForeignKeys.Select(f => (f.Name, "foreign key")))
                .Concat(table.Indexes.Select(i => (i.Name, "index")));
            foreach (var (name, what) in names.Where(n => !string.IsNullOrEmpty(n.Name)))
            {
                if (!relations.TryAdd(name, (what, table.Name)))
                {
                    var first = relations[name];
                    yield return Collision($"The name '{name}' is given both to the {first.What} of table '{first.Table}' and to the {what} of table '{table.Name}' on {engine.DisplayName}.", where.Table(table), name);
                }
            }
        }
    }

    private static IEnumerable<(string Name, IReadOnlyList<IndexKey> Keys, IReadOnlyList<string> Include, bool Nonclustered, IReadOnlyList<string> Serves)> Indexes(Table table) =>
        table.Indexes.Select(i => (i.Name, i.Keys, i.Include, true, i.Serves))
            .Concat(table.UniqueKeys.Select(u => (u.Name, (IReadOnlyList<IndexKey>)u.Columns.Select(c => IndexKey.Of(c)).ToArray(), (IReadOnlyList<string>)Array.Empty<string>(), true, (IReadOnlyList<string>)Array.Empty<string>())))
            .Append((table.PrimaryKey.Name, table.PrimaryKey.Columns.Select(c => IndexKey.Of(c)).ToArray(), Array.Empty<string>(), false, Array.Empty<string>()));

    private static IEnumerable<string> KeyColumns(IReadOnlyList<IndexKey> keys) =>
        keys.SelectMany(k => k.Column is { } column ? new[] { column } : k.Expression?.Columns ?? (IReadOnlyList<string>)Array.Empty<string>());

    private static DbArchitectError Error(string message, string fix, SourceLocation at, int figure) =>
        new(ErrorIds.EngineLimitExceeded, ErrorKind.InvalidData, message, fix, at, figure);

    private static DbArchitectError Collision(string message, SourceLocation at, string name, string? fix = null) =>
        new("IdentifierCollision", ErrorKind.ResourceExists, message,
            fix ?? "Rename one of the entities or attributes behind it so that their names differ in more than case, underscores or length beyond the engine's limit.", at, name);

    private static string Figure(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Where in the requirements file a table or index comes from: its entity, or the access pattern it serves.</summary>
    private sealed class Locator
    {
        private readonly Dictionary<string, SourceLocation> _entities = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, SourceLocation> _patterns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EntitySpec> _specs = new(StringComparer.OrdinalIgnoreCase);
        private readonly SourceLocation _file;

        public Locator(DbRequirement requirement)
        {
            _file = new SourceLocation(requirement.SourcePath, 1, 1);
            foreach (var entity in requirement.Entities)
            {
                _entities.TryAdd(entity.Name, entity.Location);
                _specs.TryAdd(entity.Name, entity);
            }

            foreach (var pattern in requirement.AccessPatterns)
            {
                _patterns.TryAdd(Serves.AccessPattern(pattern.Name), pattern.Location);
            }
        }

        public SourceLocation Table(Table table) =>
            _entities.GetValueOrDefault(table.SourceEntity ?? table.Name) ?? _entities.GetValueOrDefault(table.Name) ?? _file;

        /// <summary>The attribute of the table's entity that the column is named after (ignoring case), else the entity.</summary>
        public SourceLocation Attribute(Table table, string column) =>
            _specs.GetValueOrDefault(table.SourceEntity ?? table.Name)?.Attributes
                .FirstOrDefault(a => string.Equals(a.Name, column, StringComparison.OrdinalIgnoreCase))?.Location ?? Table(table);

        public SourceLocation? Index(IReadOnlyList<string> serves) =>
            serves.Select(s => _patterns.GetValueOrDefault(s)).FirstOrDefault(l => l is not null);
    }
}
