namespace DbArchitect.PS;

/// <summary>
/// A server name as -Server takes it ("db1", "db1,5433", "db1:5433"). A type of its own, made only from text, so that a
/// piped object is never turned into a server name by its ToString ("@{ConnectionString=…;Password=…}"): PowerShell
/// binds strings to -Server, and objects by their Server or ConnectionString property. Parsing is Core's (TargetName).
/// </summary>
public sealed class ServerName
{
    public ServerName(string text) => Text = text ?? string.Empty;

    public string Text { get; }

    public override string ToString() => Text;
}
