using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// Every example and hostile spec is designed, exported, applied with psql -v ON_ERROR_STOP=1 to a fresh PostgreSQL 15
/// database, and the catalog is compared with the design object: tables, columns and types, keys, foreign keys,
/// checks, indexes, comments, triggers and row-level security.
/// </summary>
public sealed class ApplyDesignTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in TestPaths.DesignSpecs())
        {
            data.Add(spec);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void ExportedDesignAppliesToPostgreSqlAndTheCatalogMatchesTheDesign(string spec)
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec));
        var design = DesignEngine.Create(requirement, "postgresql");
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-it-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = DesignExporter.Export(design, folder, force: false);
            var buildSteps = result.Files.Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
                .Select(f => Path.Combine(folder, f.RelativePath)).ToArray();
            Assert.NotEmpty(buildSteps);
            Assert.Equal(buildSteps.OrderBy(f => f, StringComparer.Ordinal), buildSteps);

            using var database = PostgresServer.CreateScratch(Path.GetFileNameWithoutExtension(spec));
            PostgresServer.ApplyWithPsql(database.Name, buildSteps);
            using var connection = database.Open();
            var catalog = CatalogSnapshot.Read(connection, design.Physical.Schema);
            var types = CatalogSnapshot.CanonicalTypes(connection, design.Physical.Tables.SelectMany(t => t.Columns).Select(c => c.NativeType!));
            CompareTables(design, catalog, types);
            CompareConstraints(design, catalog);
            CompareIndexes(design, catalog);
            CompareBehaviour(design, catalog);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void CompareTables(DbDesign design, CatalogSnapshot catalog, Dictionary<string, string> types)
    {
        Assert.Equal(design.Physical.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), catalog.Tables.Keys.Order(StringComparer.Ordinal));
        foreach (var table in design.Physical.Tables)
        {
            Assert.Equal(table.Comment, catalog.Tables[table.Name].Comment);
            var columns = catalog.Columns.Where(c => c.Table == table.Name).OrderBy(c => c.Position).ToArray();
            Assert.Equal(table.Columns.Select(c => c.Name), columns.Select(c => c.Name));
            foreach (var (expected, actual) in table.Columns.Zip(columns))
            {
                var where = $"{table.Name}.{expected.Name}";
                Assert.True(types[expected.NativeType!] == actual.Type, $"{where}: design {expected.NativeType} ({types[expected.NativeType!]}), catalog {actual.Type}");
                Assert.True(!expected.Nullable == actual.NotNull, $"{where}: nullability");
                Assert.True(expected.Comment == actual.Comment, $"{where}: comment '{expected.Comment}' vs '{actual.Comment}'");
                Assert.True((expected.Generation == KeyGeneration.Identity) == actual.Identity, $"{where}: identity");
                Assert.True((expected.Default is not null || expected.Generation == KeyGeneration.RandomUuid) == (actual.Default is not null), $"{where}: default {actual.Default}");
            }
        }
    }

    private static void CompareConstraints(DbDesign design, CatalogSnapshot catalog)
    {
        foreach (var table in design.Physical.Tables)
        {
            var constraints = catalog.Constraints.Where(c => c.Table == table.Name).ToArray();
            var pk = Assert.Single(constraints, c => c.Type == 'p');
            Assert.Equal(table.PrimaryKey.Name, pk.Name);
            Assert.Equal(table.PrimaryKey.Columns, pk.Columns);

            Assert.Equal(table.UniqueKeys.Select(u => u.Name).Order(StringComparer.Ordinal), constraints.Where(c => c.Type == 'u').Select(c => c.Name).Order(StringComparer.Ordinal));
            foreach (var unique in table.UniqueKeys)
            {
                Assert.Equal(unique.Columns, constraints.Single(c => c.Name == unique.Name).Columns);
            }

            Assert.Equal(table.Checks.Select(c => c.Name).Order(StringComparer.Ordinal), constraints.Where(c => c.Type == 'c').Select(c => c.Name).Order(StringComparer.Ordinal));
            Assert.Equal(table.ForeignKeys.Select(f => f.Name).Order(StringComparer.Ordinal), constraints.Where(c => c.Type == 'f').Select(c => c.Name).Order(StringComparer.Ordinal));
            foreach (var fk in table.ForeignKeys)
            {
                var actual = constraints.Single(c => c.Name == fk.Name);
                Assert.Equal(fk.Columns, actual.Columns);
                Assert.Equal(fk.ReferencedTable, actual.ReferencedTable);
                Assert.Equal(fk.ReferencedColumns, actual.ReferencedColumns);
                Assert.Equal(fk.OnDelete switch { DeleteAction.Cascade => 'c', DeleteAction.SetNull => 'n', DeleteAction.NoAction => 'a', _ => 'r' }, actual.DeleteAction);
            }
        }
    }

    private static void CompareIndexes(DbDesign design, CatalogSnapshot catalog)
    {
        foreach (var table in design.Physical.Tables)
        {
            var indexes = catalog.Indexes.Where(i => i.Table == table.Name && !i.BacksConstraint).ToArray();
            Assert.Equal(table.Indexes.Select(i => i.Name).Order(StringComparer.Ordinal), indexes.Select(i => i.Name).Order(StringComparer.Ordinal));
            foreach (var index in table.Indexes)
            {
                var actual = indexes.Single(i => i.Name == index.Name);
                Assert.True(index.Unique == actual.Unique, $"{index.Name}: unique");
                Assert.Equal(DbArchitect.Core.Engines.EngineRegistry.Get("postgresql").IndexAdvice!.Spelling.Method(index.Method), actual.Method);
                Assert.True((index.Predicate is not null) == actual.Partial, $"{index.Name}: partial");
                Assert.False(string.IsNullOrWhiteSpace(actual.Comment), $"{index.Name} has no COMMENT with its reason");
                Assert.Equal(index.Reason, actual.Comment);
                if (index.Include.Count > 0)
                {
                    Assert.Contains(" INCLUDE (", actual.Definition, StringComparison.Ordinal);
                }
            }
        }
    }

    private static void CompareBehaviour(DbDesign design, CatalogSnapshot catalog)
    {
        foreach (var table in design.Physical.Tables)
        {
            var triggers = catalog.Triggers.Where(t => t.Table == table.Name).Select(t => t.Trigger).ToArray();
            var keepsUpdatedAt = table.Columns.Any(c => c.Role == ColumnRole.UpdatedAt);
            Assert.True(keepsUpdatedAt == (triggers.Length - (table.Features.Audit ? 1 : 0) == 1),
                $"{table.Name}: triggers [{string.Join(", ", triggers)}], updated_at {keepsUpdatedAt}, audit {table.Features.Audit}");
            var (_, rowSecurity, force) = catalog.Tables[table.Name];
            Assert.True(table.Features.TenantScoped == rowSecurity, $"{table.Name}: row security {rowSecurity}");
            Assert.True(table.Features.TenantScoped == force, $"{table.Name}: forced row security {force}");
            Assert.True(table.Features.TenantScoped == catalog.Policies.Any(p => p.Table == table.Name), $"{table.Name}: policy");
        }
    }
}
