using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>LONG_RUNNING_QUERY: statements running for minutes.</summary>
internal sealed class MySqlLongRunningQuery : MySqlHealthCheck
{
    public override string Id => "LONG_RUNNING_QUERY";

    public override string Title => "Long-running query";

    public override string Category => "Sessions";

    public override string Description => "Process-list entries executing one statement for more than 5 minutes (critical: 30). Statement text is shown with IDENTIFIED BY secrets masked.";

    public override HealthThreshold DefaultThreshold => new(300, 1800, "s");

    public override string Sql => """
        SELECT CONCAT('id ', id, ' (', user, '@', COALESCE(db, ''), ')') AS target, time AS measured, state,
               LEFT(REGEXP_REPLACE(COALESCE(info, ''), '(IDENTIFIED (BY|WITH)[^'']*)''[^'']*''', '\\1''***'''), 200) AS query
        FROM information_schema.processlist
        WHERE command = 'Query' AND id <> CONNECTION_ID()
        """;

    protected override string Describe(LiveRow row, double? measured) => $"A statement has been running for {HealthThreshold.Format(measured ?? 0)} s ({row.String("state")}).";

    protected override string Recommend(LiveRow row) => "EXPLAIN it; KILL QUERY the id if it is stuck; set max_statement_time (MariaDB) or max_execution_time (MySQL) for the application.";
}
