using System.Data.Common;
using System.Globalization;
using DbArchitect.Core.Live;
using Microsoft.Data.SqlClient;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// SQL Server and Azure SQL through Microsoft.Data.SqlClient. -Server is SqlClient's Data Source as DBAs write it
/// ("host\instance", "host,1433", "tcp:name.database.windows.net"); -Credential is a SQL login, and without one the
/// login is integrated (Windows/Kerberos). Microsoft Entra ID, encryption and certificate trust are the connection
/// string's own keywords (Authentication=Active Directory Interactive | Service Principal | Managed Identity | Default,
/// Encrypt=Strict|Mandatory|Optional, TrustServerCertificate=True). Built from parts, a target always encrypts and
/// checks the certificate (Encrypt=Mandatory, TrustServerCertificate=False).
/// SQL Server has no read-only session switch and no server-side statement timeout: a probe sends only SELECT and SET
/// statements (proven by the catalog contract tests), asks for a readable secondary (ApplicationIntent=ReadOnly), waits
/// at most LOCK_TIMEOUT for a lock, and the client's command timeout stops a statement that runs too long.
/// </summary>
internal sealed class SqlServerLiveDriver : ILiveDriver
{
    /// <summary>SqlClient's number for a statement its command timeout stopped (the client sends an attention).</summary>
    internal const int CommandTimeoutNumber = -2;

    /// <summary>"Lock request time out period exceeded": SET LOCK_TIMEOUT ran out.</summary>
    internal const int LockTimeoutNumber = 1222;

    /// <summary>How long opening a connection may take before the target is reported unreachable.</summary>
    internal static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public int DefaultPort => 1433;

    public string VersionQuery => "SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) + N' ' + CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS version;";

    public DbConnection CreateConnection(string connectionString, LiveSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new SqlConnectionStringBuilder(connectionString);
        // What the user wrote wins; the probe's own settings fill only what they left out.
        if (!Has(connectionString, "Application Name", "App"))
        {
            builder.ApplicationName = options.ApplicationName;
        }

        if (options.ReadOnly && !Has(connectionString, "Application Intent", "ApplicationIntent"))
        {
            builder.ApplicationIntent = ApplicationIntent.ReadOnly;
        }

        if (!Has(connectionString, "Connect Timeout", "Connection Timeout", "Timeout"))
        {
            builder.ConnectTimeout = (int)ConnectTimeout.TotalSeconds;
        }

        // A probe holds one connection for its whole run; a pooled one would outlive the cmdlet in the module's process.
        builder.Pooling = false;
        return new SqlConnection(builder.ConnectionString);
    }

    public string BuildConnectionString(LiveEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var builder = new SqlConnectionStringBuilder
        {
            DataSource = DataSource(endpoint.Server, endpoint.Port),
            Encrypt = SqlConnectionEncryptOption.Mandatory,
            TrustServerCertificate = false,
        };
        if (endpoint.Database is not null)
        {
            builder.InitialCatalog = endpoint.Database;
        }

        if (endpoint.User is not null)
        {
            builder.UserID = endpoint.User;
            builder.Password = endpoint.Password ?? string.Empty;
        }
        else
        {
            builder.IntegratedSecurity = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>-Server as written, with -Port appended as SqlClient spells it ("host,1433") unless the server names a port already.</summary>
    internal static string DataSource(string server, int? port) =>
        port is { } p && !server.Contains(',', StringComparison.Ordinal)
            ? $"{server},{p.ToString(CultureInfo.InvariantCulture)}"
            : server;

    public string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var database = string.IsNullOrEmpty(builder.InitialCatalog) ? "master" : builder.InitialCatalog;
        var login = builder.Authentication switch
        {
            SqlAuthenticationMethod.NotSpecified when builder.IntegratedSecurity => " (integrated security)",
            SqlAuthenticationMethod.NotSpecified or SqlAuthenticationMethod.SqlPassword => string.IsNullOrEmpty(builder.UserID) ? string.Empty : $" as {builder.UserID}",
            var method => string.IsNullOrEmpty(builder.UserID) ? $" ({Words(method)})" : $" as {builder.UserID} ({Words(method)})",
        };
        return $"{builder.DataSource}/{database}{login}";
    }

    public string? Password(string connectionString) => new SqlConnectionStringBuilder(connectionString).Password is { Length: > 0 } p ? p : null;

    public LiveLimit LimitHit(DbException exception) => exception switch
    {
        SqlException { Number: CommandTimeoutNumber } => LiveLimit.StatementTimeout,
        SqlException { Number: LockTimeoutNumber } => LiveLimit.LockTimeout,
        _ => LiveLimit.None,
    };

    public IReadOnlyList<string> SessionSetup(LiveSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lockMilliseconds = Math.Max(1, (long)options.LockTimeout.TotalMilliseconds);
        return new[]
        {
            $"SET LOCK_TIMEOUT {lockMilliseconds.ToString(CultureInfo.InvariantCulture)};",
            // A probe that deadlocks with the application is the one the server chooses to end.
            "SET DEADLOCK_PRIORITY LOW;",
        };
    }

    /// <summary>"ActiveDirectoryManagedIdentity" as the keyword value a DBA writes: "Active Directory Managed Identity".</summary>
    private static string Words(SqlAuthenticationMethod method) =>
        string.Concat(method.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString())).Replace("Active Directory", "Microsoft Entra ID", StringComparison.Ordinal);

    private static bool Has(string connectionString, params string[] keys)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(builder.ContainsKey);
    }
}
