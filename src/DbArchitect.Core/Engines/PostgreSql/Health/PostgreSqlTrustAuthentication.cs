using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>TRUST_AUTHENTICATION: pg_hba.conf lines that let anyone in without a password.</summary>
internal sealed class PostgreSqlTrustAuthentication : PostgreSqlHealthCheck
{
    public override string Id => "TRUST_AUTHENTICATION";

    public override string Title => "trust authentication in pg_hba.conf";

    public override string Category => "Security";

    public override string Description => "pg_hba.conf lines with the trust method, where visible (pg_hba_file_rules needs superuser). Over the network (host lines) anyone who can reach the port logs in as any role: critical. On the local socket it is every OS user: warning.";

    public override string Needs => "superuser (pg_hba_file_rules)";

    public override string Sql => """
        SELECT 'pg_hba.conf line ' || line_number AS target, type, array_to_string(database, ',') AS databases,
               array_to_string(user_name, ',') AS users, address
        FROM pg_hba_file_rules
        WHERE auth_method = 'trust'
        """;

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) =>
        row.String("type") == "local" ? HealthStatus.Warning : HealthStatus.Critical;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("type")} connections to {row.String("databases")} as {row.String("users")} from {row.String("address") ?? "the local socket"} need no password.";

    protected override string Recommend(LiveRow row) => "Use scram-sha-256 (or peer for local administration) and reload the configuration.";
}
