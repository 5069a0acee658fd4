using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>Script 1: the design's schema, owned by dbo. CREATE SCHEMA must be the only statement of its batch.</summary>
internal static class SqlServerSchemaDdl
{
    public const string Purpose = "Creates the design's schema (objects never land in dbo).";

    public static void Write(W writer, SchemaModel model)
    {
        writer.BlankLine();
        writer.Statement($"CREATE SCHEMA {W.Id(model.Schema)} AUTHORIZATION [dbo]");
        writer.Go();
    }
}
