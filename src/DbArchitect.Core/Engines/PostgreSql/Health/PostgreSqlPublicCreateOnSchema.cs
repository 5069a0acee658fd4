using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>PUBLIC_CREATE_ON_SCHEMA: schemas in which every role may create objects.</summary>
internal sealed class PostgreSqlPublicCreateOnSchema : PostgreSqlHealthCheck
{
    public override string Id => "PUBLIC_CREATE_ON_SCHEMA";

    public override string Title => "PUBLIC may create objects in a schema";

    public override string Category => "Security";

    public override string Description => "Schemas where PUBLIC has CREATE. Any login can plant a function or operator there that shadows a trusted one (CVE-2018-1058) and capture other users' calls. PostgreSQL 15 revoked it on schema public by default; upgraded clusters and hand-made schemas often still have it.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        SELECT n.nspname AS target, pg_get_userbyid(n.nspowner) AS owner
        FROM pg_namespace n
        WHERE {PostgreSqlHealth.UserSchema("n")} AND has_schema_privilege('public', n.oid, 'CREATE')
        """;

    protected override string Describe(LiveRow row, double? measured) => "Every role may create objects in this schema.";

    protected override string Recommend(LiveRow row) => "Revoke CREATE from PUBLIC and grant it to the roles that deploy the schema.";

    protected override string? Fix(LiveRow row) => $"REVOKE CREATE ON SCHEMA {PostgreSqlWriter.Id(row.String("target") ?? string.Empty)} FROM PUBLIC;";
}
