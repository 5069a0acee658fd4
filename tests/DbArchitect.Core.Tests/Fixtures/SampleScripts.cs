// Test data is clearer inline than in static fields.
#pragma warning disable CA1861

using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Tests.Fixtures;

/// <summary>Scripts standing in for an engine's generator, so exporter tests do not depend on any engine's SQL.</summary>
internal static class SampleScripts
{
    public static IReadOnlyList<SqlScript> Build() => new[]
    {
        new SqlScript("001_extensions.sql", 1, ScriptKind.Extensions, "postgresql", "Extensions", "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n", true),
        new SqlScript("002_tables.sql", 2, ScriptKind.Tables, "postgresql", "Tables | keys", "CREATE TABLE customer (id uuid);\r\nCREATE TABLE \"order\" (id uuid);\r\n", true),
        new SqlScript("queries/customer_order_history.sql", 100, ScriptKind.Queries, "postgresql", "Query template", "SELECT 1;\n", false),
    };
}
