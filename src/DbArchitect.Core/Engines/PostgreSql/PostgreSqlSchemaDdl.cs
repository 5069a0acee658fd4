using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Script 1: the schema and the contrib extensions the model needs.</summary>
internal static class PostgreSqlSchemaDdl
{
    public const string Purpose = "Creates the schema and the extensions (PostgreSQL contrib only) the design needs.";

    public static void Write(W writer, SchemaModel model)
    {
        writer.BlankLine();
        writer.Statement("CREATE SCHEMA IF NOT EXISTS " + W.Id(model.Schema));
        foreach (var extension in PostgreSqlExtensions.Required(model))
        {
            // Extensions live in public and their objects are referenced schema-qualified (public.gin_trgm_ops).
            writer.Statement("CREATE EXTENSION IF NOT EXISTS " + W.Id(extension) + " WITH SCHEMA public");
        }
    }
}
