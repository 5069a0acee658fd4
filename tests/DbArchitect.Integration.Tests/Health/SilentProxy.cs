using System.Net;
using System.Net.Sockets;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// A local TCP listener in front of a real server, to play a server that goes silent without touching the shared one:
/// it forwards both ways until <see cref="Silence"/>, then keeps every socket open and passes nothing on (a server that
/// stops answering after login). Connections accepted after that, or when made silent from the start, are never answered.
/// </summary>
internal sealed class SilentProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _sockets = new();
    private readonly string _host;
    private readonly int _port;
    private volatile bool _silent;

    public SilentProxy(string host, int port, bool silent = false)
    {
        _host = host;
        _port = port;
        _silent = silent;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>From now on nothing passes either way, and new connections are accepted and left unanswered.</summary>
    public void Silence() => _silent = true;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Keep(client);
            if (_silent)
            {
                continue;
            }

            var server = new TcpClient();
            await server.ConnectAsync(_host, _port);
            Keep(server);
            _ = PumpAsync(client.GetStream(), server.GetStream());
            _ = PumpAsync(server.GetStream(), client.GetStream());
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16384];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                if (!_silent)
                {
                    await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The test is over or a side closed: nothing to forward any more.
        }
    }

    private void Keep(TcpClient socket)
    {
        lock (_sockets)
        {
            _sockets.Add(socket);
        }
    }
}
