using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// Server-wide faults that need the server's own configuration, planted in a throw-away cluster (the shared server is
/// never reconfigured): initdb's defaults leave ssl off and, with -A trust, pg_hba.conf lines that ask no password.
/// The shared server (ssl on) is the control for SSL_OFF (PostgresHealthHygieneTests).
/// </summary>
public sealed class PostgresServerConfigHealthTests
{
    [Fact]
    public void Ssl_off_and_trust_lines_of_a_fresh_cluster_are_reported()
    {
        using var cluster = new ScratchCluster();
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", cluster.ConnectionString));
        var results = HealthCheckRunner.Run(session, new HealthRunOptions { Include = new[] { "SSL_OFF", "TRUST_AUTHENTICATION" } });

        var ssl = Assert.Single(results, r => r.CheckId == "SSL_OFF");
        Assert.Equal(HealthStatus.Warning, ssl.Status);
        Assert.NotNull(ssl.Recommendation);

        var trust = results.Where(r => r.CheckId == "TRUST_AUTHENTICATION").ToList();
        Assert.Contains(trust, r => r.Status == HealthStatus.Critical && r.Message.StartsWith("host ", StringComparison.Ordinal));
        Assert.Contains(trust, r => r.Status == HealthStatus.Warning && r.Message.StartsWith("local ", StringComparison.Ordinal));
        Assert.All(trust, r => Assert.StartsWith("pg_hba.conf line ", r.Target, StringComparison.Ordinal));
    }
}
