using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>An example designed, exported and applied to a fresh database, with helpers to write SQL against it.</summary>
internal sealed class AppliedDesign : IDisposable
{
    private readonly string _folder;
    private readonly IIdentifierRules _names;

    public AppliedDesign(string example)
        : this(DesignEngine.Create(RequirementsReader.Load(SpecPath(example)), "postgresql"), Path.GetFileNameWithoutExtension(example))
    {
    }

    /// <summary>Builds <paramref name="design"/> (a PostgreSQL design) in a new scratch database named after <paramref name="purpose"/>.</summary>
    public AppliedDesign(DbDesign design, string purpose)
    {
        Design = design;
        _names = EngineRegistry.Get("postgresql").Identifiers;
        _folder = Path.Combine(Path.GetTempPath(), "dbarch-it-" + Guid.NewGuid().ToString("N"));
        var result = DesignExporter.Export(Design, _folder, force: false);
        Database = PostgresServer.CreateScratch(purpose);
        PostgresServer.ApplyWithPsql(Database.Name, result.Files
            .Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
            .Select(f => Path.Combine(_folder, f.RelativePath)));
    }

    public DbDesign Design { get; }

    /// <summary>A bare file name is an example; a path is relative to the repository root (hostile specs).</summary>
    public static string SpecPath(string example) =>
        example.Contains('/', StringComparison.Ordinal) ? Path.Combine(TestPaths.RepositoryRoot, example) : Path.Combine(TestPaths.RepositoryRoot, "examples", "requirements", example);

    public ScratchDatabase Database { get; }

    /// <summary>Full path of an exported file, e.g. "monitoring/health.sql".</summary>
    public string File(string relativePath) => Path.Combine(_folder, relativePath);

    public bool Exported(string relativePath) => System.IO.File.Exists(File(relativePath));

    public Table Entity(string entity) => Design.Physical.Tables.Single(t => string.Equals(t.SourceEntity, entity, StringComparison.OrdinalIgnoreCase));

    public Table OfKind(TableKind kind) => Design.Physical.Tables.Single(t => t.Kind == kind);

    /// <summary>Schema-qualified, quoted table name.</summary>
    public string Q(Table table) => _names.Quote(Design.Physical.Schema) + "." + _names.Quote(table.Name);

    /// <summary>Quoted name of the column the requirements call <paramref name="written"/>.</summary>
    public string C(Table table, string written) =>
        _names.Quote(table.Columns.Single(c => ImplicitColumns.MatchKey(c.Name) == ImplicitColumns.MatchKey(written)).Name);

    public string Quote(string identifier) => _names.Quote(identifier);

    public static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Database.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
