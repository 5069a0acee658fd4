using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>SSL_OFF: the server accepts no TLS connections, so passwords (under md5/password) and every row travel in clear.</summary>
internal sealed class PostgreSqlSslOff : PostgreSqlSettingCheck
{
    public override string Id => "SSL_OFF";

    public override string Title => "SSL is off";

    public override string Category => "Security";

    public override string Description => "ssl = off: no client can connect over TLS, so data, queries and (with md5 or password authentication) credentials cross the network in clear. A warning; a server reached only over its local socket may be excluded with that reason.";

    protected override string Setting => "ssl";

    protected override string BadValue => "off";

    protected override HealthStatus FoundStatus => HealthStatus.Warning;

    protected override string Recommend(LiveRow row) => "Install a certificate (ssl_cert_file, ssl_key_file), set ssl = on and reload; then use hostssl lines in pg_hba.conf for remote clients.";
}
