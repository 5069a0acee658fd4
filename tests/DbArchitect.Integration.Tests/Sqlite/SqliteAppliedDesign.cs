using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Microsoft.Data.Sqlite;

namespace DbArchitect.Integration.Tests.Sqlite;

/// <summary>
/// A spec designed with -Engine sqlite, exported, and its numbered build scripts executed in order on a fresh database
/// file. Each script runs as one command: SQLite's own parser finds the statement ends (trigger bodies contain
/// semicolons), which is how sqlite3 runs the file too.
/// </summary>
internal sealed class SqliteAppliedDesign : IDisposable
{
    private readonly string _folder;
    private readonly IIdentifierRules _names = EngineRegistry.Get("sqlite").Identifiers;
    private int _counter;

    public SqliteAppliedDesign(string spec)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, spec);
        Design = DesignEngine.Create(RequirementsReader.Load(path), "sqlite");
        _folder = Path.Combine(Path.GetTempPath(), "dbarch-sqlite-" + Guid.NewGuid().ToString("N"));
        var result = DesignExporter.Export(Design, _folder, force: false);
        BuildScripts = result.Files
            .Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
            .Select(f => f.RelativePath).OrderBy(p => p, StringComparer.Ordinal).ToList();
        DatabaseFile = Path.Combine(_folder, "database.db");
        Connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ToString());
        Connection.Open();
        foreach (var script in BuildScripts)
        {
            try
            {
                Execute(System.IO.File.ReadAllText(Path.Combine(_folder, script)));
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException($"{spec}: {script} failed: {ex.Message}", ex);
            }
        }
    }

    public DbDesign Design { get; }

    public IReadOnlyList<string> BuildScripts { get; }

    public string DatabaseFile { get; }

    public SqliteConnection Connection { get; }

    public string File(string relativePath) => Path.Combine(_folder, relativePath);

    public string Q(string identifier) => _names.Quote(identifier);

    public void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    public List<Dictionary<string, object?>> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>
    /// Inserts a valid row into <paramref name="table"/> (creating the parent rows its required foreign keys need) and
    /// returns the stored row. <paramref name="fixedValues"/> wins over generated values.
    /// </summary>
    public Dictionary<string, object?> Insert(Table table, IDictionary<string, object?>? fixedValues = null, int depth = 0)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"Required foreign keys of {table.Name} form a cycle.");
        }

        var values = new Dictionary<string, object?>(fixedValues ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        foreach (var fk in table.ForeignKeys.Where(f => f.ReferencedTable != table.Name).OrderBy(f => f.Columns.Count))
        {
            var required = fk.Columns.Any(c => !table.FindColumn(c)!.Nullable && !values.ContainsKey(c));
            if (!required || fk.Columns.All(values.ContainsKey))
            {
                continue;
            }

            var parent = Design.Physical.FindTable(fk.ReferencedTable)!;
            var parentFixed = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < fk.Columns.Count; i++)
            {
                if (values.TryGetValue(fk.Columns[i], out var known))
                {
                    parentFixed[fk.ReferencedColumns[i]] = known;
                }
            }

            var parentRow = Insert(parent, parentFixed, depth + 1);
            for (var i = 0; i < fk.Columns.Count; i++)
            {
                values[fk.Columns[i]] = parentRow[fk.ReferencedColumns[i]];
            }
        }

        foreach (var column in table.Columns)
        {
            if (values.ContainsKey(column.Name) || column.Nullable || column.Default is not null || column.Generation != KeyGeneration.None)
            {
                continue;
            }

            values[column.Name] = Value(column, table);
        }

        var names = values.Keys.ToList();
        var sql = names.Count == 0
            ? $"INSERT INTO {Q(table.Name)} DEFAULT VALUES RETURNING rowid AS __rowid, *"
            : $"INSERT INTO {Q(table.Name)} ({string.Join(", ", names.Select(Q))}) VALUES ({string.Join(", ", names.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))}) RETURNING rowid AS __rowid, *";
        return Rows(sql, names.Select((n, i) => ("@p" + i.ToString(CultureInfo.InvariantCulture), values[n])).ToArray()).Single();
    }

    /// <summary>A value the column's type and checks accept, unique per call.</summary>
    private object? Value(Column column, Table table)
    {
        var n = ++_counter;
        var inList = table.Checks.Where(c => c.Column == column.Name).SelectMany(c => c.Conditions).FirstOrDefault(c => c.Operator == CheckOperator.In);
        var type = column.Type;
        if (inList is not null && type.IsTextual)
        {
            return inList.Values[0];
        }

        return type.Kind switch
        {
            LogicalTypeKind.Uuid => Guid.NewGuid().ToString("D"),
            LogicalTypeKind.String or LogicalTypeKind.Char => ("v" + n.ToString("D4", CultureInfo.InvariantCulture))[..Math.Min(type.Length ?? 5, 5)],
            LogicalTypeKind.Text => "value " + n.ToString(CultureInfo.InvariantCulture),
            LogicalTypeKind.Email => $"user{n}@example.com",
            LogicalTypeKind.Url => $"https://example.com/{n}",
            LogicalTypeKind.Enum => type.EnumValues[0],
            LogicalTypeKind.SmallInt or LogicalTypeKind.Int or LogicalTypeKind.BigInt => 1L,
            LogicalTypeKind.Money or LogicalTypeKind.Decimal => 10000L,
            LogicalTypeKind.Float or LogicalTypeKind.Double => 1.5,
            LogicalTypeKind.Bool => 1L,
            LogicalTypeKind.Date => "2024-01-15",
            LogicalTypeKind.Time => "12:30:00",
            LogicalTypeKind.Timestamp => "2024-01-15T12:30:00.000Z",
            LogicalTypeKind.Json => "{}",
            LogicalTypeKind.Array => "[]",
            LogicalTypeKind.Binary => new byte[] { 1, 2, 3 },
            _ => throw new InvalidOperationException($"No sample value for {type}."),
        };
    }

    public void Dispose()
    {
        Connection.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
