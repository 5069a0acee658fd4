using System.Data.Common;

namespace DbArchitect.Core.Live;

/// <summary>
/// One open connection to a live database, set up by the engine's driver (read-only, statement and lock timeouts).
/// Catalog reads are set-wise: a caller asks one query per kind of object, never one per table.
/// </summary>
public sealed class LiveSession : IDisposable
{
    private readonly DbConnection _connection;

    /// <summary>The statement running now, so <see cref="Cancel"/> (Ctrl+C, from another thread) can stop it.</summary>
    private DbCommand? _running;

    /// <summary>The sessions <see cref="Fork"/> opened and not yet disposed, so <see cref="Cancel"/> stops their statements too.</summary>
    private readonly List<LiveSession> _forks = new();

    private LiveSession? _parent;

    private LiveSession(LiveTarget target, DbConnection connection, LiveSessionOptions options, string serverVersion)
    {
        Target = target;
        _connection = connection;
        Options = options;
        ServerVersion = serverVersion;
    }

    public LiveTarget Target { get; }

    public LiveSessionOptions Options { get; }

    /// <summary>The server's own version text.</summary>
    public string ServerVersion { get; }

    public string Engine => Target.Engine;

    /// <summary>The driver's connection, for the rare caller that needs driver features (COPY, transactions).</summary>
    public DbConnection Connection => _connection;

    public static LiveSession Open(LiveTarget target, LiveSessionOptions? options = null)
    {
        options ??= LiveSessionOptions.ReadOnlyProbe;
        var connection = target.Driver.CreateConnection(target.ConnectionString, options);
        try
        {
            connection.Open();
            foreach (var statement in target.Driver.SessionSetup(options))
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }

            using var version = connection.CreateCommand();
            version.CommandText = target.Driver.VersionQuery;
            var serverVersion = Convert.ToString(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            return new LiveSession(target, connection, options, serverVersion);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException or IOException)
        {
            connection.Dispose();
            throw LiveErrors.ConnectFailed(target, ex);
        }
    }

    /// <summary>Runs a query and reads every row. <paramref name="purpose"/> names it in an error ("Reading indexes").</summary>
    public IReadOnlyList<LiveRow> Query(string sql, string purpose, IReadOnlyDictionary<string, object?>? parameters = null) => Guarded(purpose, () =>
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<LiveRow>();
        while (reader.Read())
        {
            var values = new Dictionary<string, object?>(reader.FieldCount, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(new LiveRow(values));
        }

        return (IReadOnlyList<LiveRow>)rows;
    });

    /// <summary>
    /// Runs a query and turns each row into a value with typed getters: for catalog reads of tens of thousands of rows,
    /// where a dictionary of boxed values per row (<see cref="Query"/>) costs more than the server's work.
    /// </summary>
    public IReadOnlyList<T> Read<T>(string sql, string purpose, IReadOnlyDictionary<string, object?>? parameters, Func<DbDataReader, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Guarded(purpose, () =>
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return (IReadOnlyList<T>)rows;
        });
    }

    /// <summary>
    /// Another session to the same target with the same options, for work that reads several things at once on separate
    /// connections. <see cref="Cancel"/> on this session stops the fork's statement too; the caller disposes the fork.
    /// </summary>
    public LiveSession Fork()
    {
        var fork = Open(Target, Options);
        fork._parent = this;
        lock (_forks)
        {
            _forks.Add(fork);
        }

        return fork;
    }

    /// <summary>The first column of the first row, or null.</summary>
    public object? Scalar(string sql, string purpose, IReadOnlyDictionary<string, object?>? parameters = null) => Guarded(purpose, () =>
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    });

    /// <summary>Runs a statement that returns no rows (only sessions opened with ReadOnly = false may change anything).</summary>
    public int Execute(string sql, string purpose, IReadOnlyDictionary<string, object?>? parameters = null) => Guarded(purpose, () =>
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    });

    /// <summary>
    /// Runs the statements in one round trip (one batch) and returns, per statement that returns rows, the first column
    /// of its first row; statements that return no rows (SET, DISCARD) contribute nothing. For callers that would
    /// otherwise make hundreds of trips for one answer each (what-if costing). Stops at the first failing statement.
    /// </summary>
    public IReadOnlyList<object?> Batch(IReadOnlyList<string> statements, string purpose)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (statements.Count == 0)
        {
            return Array.Empty<object?>();
        }

        return Guarded(purpose, () =>
        {
            using var batch = _connection.CreateBatch();
            batch.Timeout = (int)CommandTimeout.TotalSeconds;
            foreach (var statement in statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = statement;
                batch.BatchCommands.Add(command);
            }

            var values = new List<object?>(statements.Count);
            using var reader = batch.ExecuteReader();
            do
            {
                if (reader.FieldCount > 0)
                {
                    values.Add(reader.Read() && !reader.IsDBNull(0) ? reader.GetValue(0) : null);
                }
            }
            while (reader.NextResult());

            return (IReadOnlyList<object?>)values;
        });
    }

    public void Dispose()
    {
        if (_parent is { } parent)
        {
            lock (parent._forks)
            {
                parent._forks.Remove(this);
            }
        }

        _connection.Dispose();
    }

    /// <summary>
    /// Asks the server to stop the statement running now (the cmdlet's StopProcessing on Ctrl+C); safe from any thread
    /// and when nothing runs. The stopped statement fails in its own thread; the session is not used afterwards.
    /// </summary>
    public void Cancel()
    {
        try
        {
            Volatile.Read(ref _running)?.Cancel();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ObjectDisposedException)
        {
            // The statement finished or the connection closed between the read and the cancel: nothing left to stop.
        }

        LiveSession[] forks;
        lock (_forks)
        {
            forks = _forks.ToArray();
        }

        foreach (var fork in forks)
        {
            fork.Cancel();
        }
    }

    /// <summary>The client's own bound: the server's statement timeout plus a margin, so a server that stops answering cannot hold a statement for ever.</summary>
    private TimeSpan CommandTimeout => TimeSpan.FromSeconds(Math.Ceiling(Options.StatementTimeout.TotalSeconds) + 5);

    /// <summary>
    /// Runs a statement and names its failure: a broken connection (ConnectionLost, after which the session is
    /// unusable), a limit the session set (QueryTimedOut, QueryLockTimeout), or the server's refusal (QueryFailed).
    /// A driver's own exception never leaves the session.
    /// </summary>
    private T Guarded<T>(string purpose, Func<T> statement)
    {
        try
        {
            return statement();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or TimeoutException or System.Net.Sockets.SocketException
                                   && _connection.State != System.Data.ConnectionState.Open)
        {
            throw LiveErrors.ConnectionLost(Target, purpose, CommandTimeout, ex);
        }
        catch (DbException ex) when (Target.Driver.LimitHit(ex) is var limit && limit != LiveLimit.None)
        {
            throw LiveErrors.LimitHit(Target, purpose, limit, Options);
        }
        catch (DbException ex)
        {
            throw LiveErrors.QueryFailed(Target, purpose, ex);
        }
    }

    private DbCommand Command(string sql, IReadOnlyDictionary<string, object?>? parameters)
    {
        var command = _connection.CreateCommand();
        Volatile.Write(ref _running, command);
        command.CommandText = sql;
        command.CommandTimeout = (int)CommandTimeout.TotalSeconds;
        if (parameters is not null)
        {
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }

        return command;
    }
}
