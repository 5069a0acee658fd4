using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>LONG_RUNNING_TRANSACTION: an old transaction pins the xmin horizon, so vacuum cannot remove any dead row newer than it.</summary>
internal sealed class PostgreSqlLongRunningTransaction : PostgreSqlHealthCheck
{
    public override string Id => "LONG_RUNNING_TRANSACTION";

    public override string Title => "Long-running transaction";

    public override string Category => "Sessions";

    public override string Description => "Transactions open longer than 10 minutes (critical: 1 hour), whatever their state. Their snapshot stops vacuum from cleaning dead rows in every table, so bloat grows everywhere.";

    public override HealthThreshold DefaultThreshold => new(600, 3600, "s");

    public override string Sql => """
        SELECT format('pid %s (%s@%s)', pid, usename, datname) AS target,
               round(extract(epoch FROM clock_timestamp() - xact_start)::numeric, 1) AS measured,
               state, application_name, backend_xmin::text AS backend_xmin
        FROM pg_stat_activity
        WHERE xact_start IS NOT NULL AND backend_type = 'client backend' AND pid <> pg_backend_pid()
        """;

    protected override string Describe(LiveRow row, double? measured) => $"A transaction has been open for {HealthThreshold.Format(measured ?? 0)} s (state {row.String("state")}).";

    protected override string Recommend(LiveRow row) => "Find why the application keeps it open; end it with pg_terminate_backend(pid) if it is abandoned.";
}
