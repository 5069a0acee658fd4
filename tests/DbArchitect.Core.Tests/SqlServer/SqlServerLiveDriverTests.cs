using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using Microsoft.Data.SqlClient;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>
/// The SQL Server driver without a server: targets as DBAs write them, safe defaults, credential-free descriptions,
/// and failures (a closed port, a listener that never answers) that end as a clear, scrubbed error within the
/// connect timeout.
/// </summary>
public sealed class SqlServerLiveDriverTests
{
    private const string Password = "Pa55-w0rd-never-shown";

    [Theory]
    [InlineData(@"db01\SALES", null, @"db01\SALES")]
    [InlineData("db01,1433", null, "db01,1433")]
    [InlineData("db01", 14330, "db01,14330")]
    [InlineData("db01,1500", 14330, "db01,1500")]
    [InlineData("tcp:shop.database.windows.net", 1433, "tcp:shop.database.windows.net,1433")]
    public void Server_is_the_data_source_as_written_with_the_port_appended(string server, int? port, string expected) =>
        Assert.Equal(expected, SqlServerLiveDriver.DataSource(server, port));

    [Fact]
    public void A_target_from_parts_encrypts_checks_the_certificate_and_uses_the_sql_login()
    {
        var target = LiveTarget.FromEndpoint("sqlserver", new LiveEndpoint(@"db01\SALES", null, "shop", "auditor", Password));
        var builder = new SqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(SqlConnectionEncryptOption.Mandatory, builder.Encrypt);
        Assert.False(builder.TrustServerCertificate);
        Assert.False(builder.IntegratedSecurity);
        Assert.Equal("auditor", builder.UserID);
        Assert.Equal(@"sqlserver://db01\SALES/shop as auditor", target.Description);
        Assert.DoesNotContain(Password, target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_credential_the_login_is_integrated()
    {
        var target = LiveTarget.FromEndpoint("sqlserver", new LiveEndpoint("db01", null, null, null, null));
        Assert.True(new SqlConnectionStringBuilder(target.ConnectionString).IntegratedSecurity);
        Assert.Equal("sqlserver://db01/master (integrated security)", target.Description);
    }

    [Theory]
    [InlineData("Authentication=Active Directory Managed Identity", "(Microsoft Entra ID Managed Identity)")]
    [InlineData("Authentication=Active Directory Service Principal;User ID=app-id;Password=" + Password, "as app-id (Microsoft Entra ID Service Principal)")]
    [InlineData("Authentication=Active Directory Interactive;User ID=dba@contoso.com", "as dba@contoso.com (Microsoft Entra ID Interactive)")]
    public void Entra_id_is_the_authentication_keyword_and_shows_in_the_description_without_secrets(string authentication, string expected)
    {
        var target = LiveTarget.FromConnectionString("sqlserver", $"Server=tcp:shop.database.windows.net,1433;Database=shop;{authentication}");
        Assert.EndsWith(expected, target.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, target.Description, StringComparison.Ordinal);
    }

    /// <summary>Since SqlClient 7.0 the Entra ID providers live in Microsoft.Data.SqlClient.Extensions.Azure, which the module ships.</summary>
    [Theory]
    [InlineData(SqlAuthenticationMethod.ActiveDirectoryInteractive)]
    [InlineData(SqlAuthenticationMethod.ActiveDirectoryServicePrincipal)]
    [InlineData(SqlAuthenticationMethod.ActiveDirectoryManagedIdentity)]
    [InlineData(SqlAuthenticationMethod.ActiveDirectoryDefault)]
    public void Every_entra_id_authentication_keyword_has_its_provider(SqlAuthenticationMethod method) =>
        Assert.NotNull(SqlAuthenticationProvider.GetProvider(method));

    [Fact]
    public void A_read_only_probe_asks_for_a_readable_secondary_names_itself_and_bounds_the_connect()
    {
        var driver = new SqlServerEngine().Live;
        using var connection = driver.CreateConnection("Server=db01;Integrated Security=true", LiveSessionOptions.ReadOnlyProbe);
        var builder = new SqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(ApplicationIntent.ReadOnly, builder.ApplicationIntent);
        Assert.Equal("DbArchitect.PS", builder.ApplicationName);
        Assert.Equal(15, builder.ConnectTimeout);
        Assert.Equal(SqlConnectionEncryptOption.Mandatory, builder.Encrypt);
    }

    [Fact]
    public void What_the_connection_string_says_wins_over_the_probe_defaults()
    {
        var driver = new SqlServerEngine().Live;
        using var connection = driver.CreateConnection("Server=db01;Integrated Security=true;ApplicationIntent=ReadWrite;Connect Timeout=3;Encrypt=Optional;Application Name=nightly",
            LiveSessionOptions.ReadOnlyProbe);
        var builder = new SqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(ApplicationIntent.ReadWrite, builder.ApplicationIntent);
        Assert.Equal(3, builder.ConnectTimeout);
        Assert.Equal(SqlConnectionEncryptOption.Optional, builder.Encrypt);
        Assert.Equal("nightly", builder.ApplicationName);
    }

    [Fact]
    public void A_session_sets_the_lock_timeout_from_its_options_and_gives_way_in_a_deadlock()
    {
        var setup = new SqlServerEngine().Live.SessionSetup(LiveSessionOptions.ReadOnlyProbe with { LockTimeout = TimeSpan.FromSeconds(3) });
        Assert.Equal(new[] { "SET LOCK_TIMEOUT 3000;", "SET DEADLOCK_PRIORITY LOW;" }, setup);
    }

    [Fact]
    public void A_closed_port_is_a_clear_credential_free_error_within_the_connect_timeout()
    {
        var port = ClosedPort();
        var (error, elapsed) = Fail($"Server=127.0.0.1,{port};User ID=sa;Password={Password};Encrypt=Optional;Connect Timeout=5");
        Assert.Equal("ConnectionFailed", error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        Assert.Contains($"sqlserver://127.0.0.1,{port}/master as sa", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message + error.Fix, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(5 + 10), $"took {elapsed}");
    }

    [Fact]
    public async Task A_listener_that_accepts_and_never_answers_fails_within_the_connect_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var held = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        // Accepts every connection and holds it open without sending a byte, as a hung server or a wrong service would.
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    held.Add(await listener.AcceptTcpClientAsync(stop.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        try
        {
            var (error, elapsed) = Fail($"Server=127.0.0.1,{port};User ID=sa;Password={Password};Encrypt=Optional;Connect Timeout=3");
            Assert.Equal("ConnectionFailed", error.ErrorId);
            Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
            Assert.True(elapsed >= TimeSpan.FromSeconds(2) && elapsed < TimeSpan.FromSeconds(3 + 10), $"took {elapsed}");
        }
        finally
        {
            stop.Cancel();
            listener.Stop();
            await accepting.WaitAsync(TimeSpan.FromSeconds(5));
            held.ForEach(c => c.Dispose());
        }
    }

    private static (DbArchitectError Error, TimeSpan Elapsed) Fail(string connectionString)
    {
        var target = LiveTarget.FromConnectionString("sqlserver", connectionString);
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<DbArchitectException>(() => LiveSession.Open(target).Dispose());
        return (ex.Errors[0], clock.Elapsed);
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
