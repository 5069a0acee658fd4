using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>ANONYMOUS_ACCOUNT: accounts with an empty user name, which match any user name.</summary>
internal sealed class MySqlAnonymousAccount : MySqlHealthCheck
{
    public override string Id => "ANONYMOUS_ACCOUNT";

    public override string Title => "Anonymous account";

    public override string Category => "Security";

    public override string Description => "Accounts ''@host (left by old installers) let anyone log in from that host, and because they sort before named accounts they can capture logins of real users from it.";

    public override string Needs => "SELECT on mysql.user";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => "SELECT CONCAT('''''@''', host, '''') AS target, host FROM mysql.user WHERE user = ''";

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Describe(LiveRow row, double? measured) => $"An anonymous account exists for host {row.String("host")}.";

    protected override string Recommend(LiveRow row) => "Drop it (mariadb-secure-installation does).";

    protected override string? Fix(LiveRow row) => $"DROP USER ''@{MySqlWriter.String(row.String("host") ?? string.Empty)};";
}
