using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Script 1: the schema. In Oracle a schema is a user; the design's schema is a schema-only account (NO AUTHENTICATION,
/// 18c+), so nobody can log in as the owner of the tables: deployments connect as a DBA, applications as their own users.
/// </summary>
internal static class OracleSchemaDdl
{
    public const string Purpose = "Creates the schema as a schema-only account (no password, no login) with a quota on its tablespace.";

    public static void Write(W writer, SchemaModel model)
    {
        var schema = W.Id(model.Schema);
        writer.BlankLine();
        writer.Comment("Oracle has no CREATE SCHEMA: the owning user is the schema. NO AUTHENTICATION (18c+) means no password and no login.");
        writer.Statement($"CREATE USER {schema} NO AUTHENTICATION DEFAULT TABLESPACE USERS QUOTA UNLIMITED ON USERS");
    }
}
