using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// A throw-away PostgreSQL 15 cluster in a temporary folder on a free port, so server-wide settings (ALTER SYSTEM,
/// restarts) are tested without touching the shared server. initdb and pg_ctl refuse to run as root, so as root they
/// run as the postgres user through runuser. Disposing stops the server and deletes the folder.
/// </summary>
internal sealed class ScratchCluster : IDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private readonly string _data;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public ScratchCluster()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A cluster started with server settings (-c name=value), such as shared_preload_libraries.</summary>
    public ScratchCluster(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        _folder = Path.Combine(Path.GetTempPath(), "dbarch-cluster-" + Guid.NewGuid().ToString("N")[..12]);
        _data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        if (IsRoot)
        {
            Run("chown", "postgres:postgres", _folder);
        }

        Port = FreePort();
        PgRun("initdb", "-D", _data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        Start();
    }

    public int Port { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres", Pooling = false,
    }.ConnectionString;

    private static bool IsRoot => Environment.UserName == "root";

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs a SQL file with psql -v ON_ERROR_STOP=1, as a DBA would apply it.</summary>
    public void ApplyFile(string file) => ApplyFile(file, "postgres", new Dictionary<string, string>());

    /// <summary>As above, in <paramref name="database"/> as <paramref name="user"/> with psql variables; returns psql's output (notices included).</summary>
    public string ApplyFile(string file, string database, IReadOnlyDictionary<string, string> variables, string user = "postgres")
    {
        var args = new List<string> { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", user, "-d", database, "-f", file };
        foreach (var (name, value) in variables)
        {
            args.Add("-v");
            args.Add(name + "=" + value);
        }

        return Run("psql", args.ToArray());
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Restart() => PgRun("pg_ctl", "-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", Options, "restart");

    public string Log => File.Exists(Path.Combine(_folder, "server.log")) ? File.ReadAllText(Path.Combine(_folder, "server.log")) : string.Empty;

    public void Dispose()
    {
        try
        {
            PgRun("pg_ctl", "-D", _data, "-w", "-t", "60", "-m", "fast", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Options =>
        $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{_folder}'"
        + string.Concat(_settings.Select(s => $" -c {s.Key}='{s.Value}'"));

    private void Start() => PgRun("pg_ctl", "-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", Options, "start");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void PgRun(string tool, params string[] args)
    {
        var path = Path.Combine(BinDirectory, tool);
        if (IsRoot)
        {
            Run("runuser", new[] { "-u", "postgres", "--", path }.Concat(args).ToArray());
        }
        else
        {
            Run(path, args);
        }
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"{file} {string.Join(' ', args)} failed (exit {process.ExitCode}):\n{stderr.Result}\n{stdout}");
        }

        return stdout + stderr.Result;
    }
}
