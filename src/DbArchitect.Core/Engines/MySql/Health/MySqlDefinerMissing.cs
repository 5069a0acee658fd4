using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// DEFINER_MISSING: views, routines, triggers and events that run as an account that no longer exists. A trigger
/// then fails every write to its table, an event every run, a DEFINER-security view or routine every call
/// ("The user specified as a definer does not exist"). INVOKER-security views and routines do not use their definer.
/// </summary>
internal sealed class MySqlDefinerMissing : MySqlHealthCheck
{
    public override string Id => "DEFINER_MISSING";

    public override string Title => "Object whose DEFINER account does not exist";

    public override string Category => "Schema";

    public override string Description => "Triggers, events and SQL SECURITY DEFINER views and routines of the current database whose DEFINER is not an account or role in mysql.user: every write to the trigger's table, every run of the event and every use of the view or routine fails with error 1449. Typical after dropping an employee's account or restoring a dump on another server.";

    public override string Needs => "SELECT on mysql.user; SHOW VIEW / TRIGGER to see other definers' objects";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        WITH objects AS (
          SELECT 'view' AS kind, table_name AS name, definer FROM information_schema.views WHERE table_schema = DATABASE() AND security_type = 'DEFINER'
          UNION ALL SELECT 'trigger', trigger_name, definer FROM information_schema.triggers WHERE trigger_schema = DATABASE()
          UNION ALL SELECT LOWER(routine_type), routine_name, definer FROM information_schema.routines WHERE routine_schema = DATABASE() AND security_type = 'DEFINER'
          UNION ALL SELECT 'event', event_name, definer FROM information_schema.events WHERE event_schema = DATABASE())
        -- BINARY: information_schema and mysql.user use different collations, and account names compare exactly.
        SELECT o.name AS target, o.kind, o.definer
        FROM objects o
        WHERE NOT EXISTS (SELECT 1 FROM mysql.user u WHERE BINARY CONCAT(u.user, '@', u.host) = BINARY o.definer OR (u.host = '' AND BINARY u.user = BINARY o.definer))
        """;

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Describe(LiveRow row, double? measured) => $"The {row.String("kind")} runs as {row.String("definer")}, which does not exist: {Consequence(row.String("kind"))}.";

    protected override string Recommend(LiveRow row) => row.String("kind") == "event"
        ? "Give the event an existing definer (the fix statement makes it the account running it), or re-create the account."
        : "Re-create the object with an existing DEFINER (SHOW CREATE, then CREATE OR REPLACE DEFINER = … ), or re-create the missing account, locked, with the privileges the object needs.";

    protected override string? Fix(LiveRow row) => row.String("kind") == "event" ? $"ALTER DEFINER = CURRENT_USER EVENT {MySqlWriter.Id(row.String("target") ?? string.Empty)};" : null;

    private static string Consequence(string? kind) => kind switch
    {
        "trigger" => "every write that fires it fails",
        "event" => "every run fails",
        _ => "every use of it fails",
    };
}
