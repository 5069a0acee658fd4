namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Server configuration statements: ALTER SYSTEM, ALTER ROLE … SET, and table storage parameters.</summary>
internal sealed partial class PostgreSqlWriter
{
    /// <summary>
    /// ALTER SYSTEM SET name = 'value' (a string literal, which PostgreSQL parses by the setting's type). List-valued
    /// settings take one literal per element: a single 'a,b' literal would be stored as ONE element named "a,b".
    /// </summary>
    public static string AlterSystem(string name, string value) =>
        $"ALTER SYSTEM SET {Id(name)} = {(ListSettings.Contains(name) ? List(value.Split(',').Select(v => String(v.Trim()))) : String(value))}";

    private static readonly HashSet<string> ListSettings = new(StringComparer.Ordinal)
    {
        "shared_preload_libraries", "session_preload_libraries", "local_preload_libraries", "search_path", "temp_tablespaces",
    };

    /// <summary>ALTER ROLE role SET name = 'value'.</summary>
    public static string AlterRole(string role, string name, string value) => $"ALTER ROLE {Id(role)} SET {Id(name)} = {String(value)}";

    /// <summary>ALTER TABLE schema.table SET (name = value, …) with numeric storage parameters.</summary>
    public static string SetStorageParameters(string schema, string table, IEnumerable<KeyValuePair<string, string>> parameters) =>
        $"ALTER TABLE {Qualified(schema, table)} SET ({List(parameters.Select(p => Id(p.Key) + " = " + Number(p.Value)))})";

    /// <summary>
    /// The same settings on every partition of a partitioned table (PostgreSQL refuses storage parameters on the
    /// partitioned table itself); the partition maintenance function copies them to each partition it creates.
    /// </summary>
    public static string SetPartitionStorageParameters(string schema, string table, IEnumerable<KeyValuePair<string, string>> parameters) =>
        "DO " + DollarQuoted(
            "DECLARE\n    v_partition regclass;\nBEGIN\n"
            + $"    FOR v_partition IN SELECT relid FROM pg_partition_tree({String(Qualified(schema, table))}) WHERE isleaf LOOP\n"
            + $"        EXECUTE format('ALTER TABLE %s SET ({List(parameters.Select(p => Id(p.Key) + " = " + Number(p.Value)))})', v_partition);\n"
            + "    END LOOP;\nEND\n", "storage");

    private static string Number(string value) => DecimalPattern().IsMatch(value)
        ? value
        : throw new InvalidOperationException($"Storage parameter value '{value}' is not a number.");
}
