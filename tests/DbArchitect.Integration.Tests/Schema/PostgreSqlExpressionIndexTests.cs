using DbArchitect.Core.Engines;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;
using Npgsql;

namespace DbArchitect.Integration.Tests.Schema;

/// <summary>
/// Indexes on arbitrary expressions (beyond lower() and full text), written by hand in a design and built on a real
/// PostgreSQL 15, import and compare equal once the design's texts are printed by the server; a changed expression is
/// still a difference.
/// </summary>
public sealed class PostgreSqlExpressionIndexTests
{
    [Fact]
    public void HandWrittenExpressionIndexesCompareEqualToTheImportedOnes()
    {
        using var applied = new AppliedDesign("saas-projects.yaml");
        var physical = applied.Design.Physical;
        var table = physical.Tables.First(t => t.Columns.Any(IsText) && t.Columns.Any(IsTimestamp));
        var (text, stamp) = (applied.Quote(table.Columns.First(IsText).Name), applied.Quote(table.Columns.First(IsTimestamp).Name));
        var definitions = new[]
        {
            $"CREATE INDEX ix_shout ON {applied.Q(table)} ((upper({text}) || '!'), date_trunc('day', {stamp} AT TIME ZONE 'UTC') DESC) WHERE {text} IS NOT NULL AND length({text}) > 3",
            $"create index ix_tomorrow on {applied.Q(table)} using btree ((coalesce({text}, '')), (({stamp} AT TIME ZONE 'UTC')::date))",
        };
        using (var connection = new NpgsqlConnection(PostgresServer.For(applied.Database.Name)))
        {
            connection.Open();
            foreach (var sql in definitions)
            {
                AppliedDesign.Execute(connection, sql);
            }
        }

        var design = WithIndexes(physical, table.Name, definitions);
        var changed = WithIndexes(physical, table.Name, new[] { definitions[0].Replace("'!'", "'?'", StringComparison.Ordinal), definitions[1] });
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(applied.Database.Name)));
        var inspector = EngineRegistry.Get("postgresql").Inspector!;
        var imported = Assert.Single(inspector.Inspect(session, new SchemaFilter(new[] { physical.Schema })));

        var same = SchemaComparer.Compare(imported, inspector.Normalise(session, design), engine: "postgresql");
        var different = SchemaComparer.Compare(imported, inspector.Normalise(session, changed), engine: "postgresql");
        var raw = SchemaComparer.Compare(imported, design, engine: "postgresql");

        Assert.True(same.Count == 0, string.Join("\n", same.Select(d => d.ToString())));
        var shout = Assert.Single(different);
        Assert.Equal((SchemaObjectKind.Index, "ix_shout", DifferenceChange.Changed), (shout.ObjectKind, shout.Name, shout.Change));
        Assert.Contains("'?'::text", shout.DifferenceValue, StringComparison.Ordinal);
        Assert.Equal(2, raw.Count);
        Assert.Contains("(upper(", imported.FindTable(table.Name)!.Indexes.Single(i => i.Name == "ix_shout").Definition, StringComparison.Ordinal);
    }

    private static bool IsText(Column c) => c.NativeType is { } t && (t.StartsWith("varchar", StringComparison.Ordinal) || t == "text") && c.Role == ColumnRole.Attribute;

    private static bool IsTimestamp(Column c) => c.NativeType == "timestamptz";

    private static SchemaModel WithIndexes(SchemaModel model, string table, IEnumerable<string> definitions) => model with
    {
        Tables = model.Tables.Select(t => t.Name != table ? t : t with
        {
            Indexes = t.Indexes.Concat(definitions.Select(d => new DbArchitect.Core.Model.Index(
                d.Contains("ix_shout", StringComparison.Ordinal) ? "ix_shout" : "ix_tomorrow",
                Array.Empty<IndexKey>(), Array.Empty<string>(), IndexStructure.Ordered, false, null, string.Empty, Array.Empty<string>()) { Definition = d })).ToArray(),
        }).ToArray(),
    };
}
