using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace DbArchitect.Integration.Tests.MariaDb;

/// <summary>
/// A throw-away MariaDB server (the installed mariadbd) in a temporary folder on a free port, started with server
/// options the shared server does not have (performance_schema = ON), so they are tested without touching it. Its root
/// account logs in over TCP without a password (mariadb-install-db --auth-root-authentication-method=normal) and binds
/// to 127.0.0.1 only. Disposing shuts it down and deletes the folder.
/// </summary>
internal sealed class ScratchMariaDb : IDisposable
{
    private readonly string _folder;
    private readonly Process _server;

    public ScratchMariaDb(params string[] options)
    {
        _folder = Path.Combine(Path.GetTempPath(), "dbarch-mariadb-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        var user = IsRoot ? new[] { "--user=mysql" } : Array.Empty<string>();
        if (IsRoot)
        {
            Run("chown", "mysql:mysql", _folder);
        }

        Run("mariadb-install-db", new[] { "--no-defaults", $"--datadir={_folder}/data", "--auth-root-authentication-method=normal", "--skip-test-db" }.Concat(user).ToArray());
        Port = FreePort();
        var start = new ProcessStartInfo("mariadbd") { UseShellExecute = false };
        foreach (var argument in new[] { "--no-defaults", $"--datadir={_folder}/data", $"--port={Port}", "--bind-address=127.0.0.1", $"--socket={_folder}/mysqld.sock",
                     $"--pid-file={_folder}/mysqld.pid", $"--log-error={_folder}/error.log", "--innodb-buffer-pool-size=64M" }.Concat(user).Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("Could not start mariadbd.");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var connection = Open();
                return;
            }
            catch (MySqlException)
            {
                if (_server.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new Xunit.Sdk.XunitException($"mariadbd did not accept connections on {Port}:\n{Log}");
                }

                Thread.Sleep(250);
            }
        }
    }

    public int Port { get; }

    /// <summary>The server's data directory (one folder per database), for tests that damage a table's files as a crash would.</summary>
    public string DataDirectory => Path.Combine(_folder, "data");

    public string ConnectionString(string? database = null) => new MySqlConnectionStringBuilder
    {
        Server = "127.0.0.1", Port = (uint)Port, UserID = "root", Database = database ?? string.Empty, Pooling = false,
    }.ConnectionString;

    public string Log => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : string.Empty;

    private static bool IsRoot => Environment.UserName == "root";

    public MySqlConnection Open(string? database = null)
    {
        var connection = new MySqlConnection(ConnectionString(database));
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        try
        {
            using (var connection = Open())
            {
                MariaDbServer.Execute(connection, "SHUTDOWN");
            }

            if (!_server.WaitForExit(60_000))
            {
                _server.Kill();
            }
        }
        finally
        {
            _server.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, params string[] args)
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
    }
}
