using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace DbArchitect.Integration.Tests.DynamoDb;

/// <summary>
/// dynalite, an implementation of the DynamoDB API: the endpoint test.sh exports in DBARCHITECT_DYNAMODB_ENDPOINT, or
/// one this fixture starts with scripts/start-dynalite.sh (which installs it on a fresh machine) and stops at the end.
/// Never skips: a machine without npm gets it from the script, as test.sh does.
/// </summary>
public sealed class DynaliteServer : IDisposable
{
    private readonly int? _startedPid;

    public DynaliteServer()
    {
        if (Environment.GetEnvironmentVariable("DBARCHITECT_DYNAMODB_ENDPOINT") is { Length: > 0 } configured)
        {
            Endpoint = configured;
            return;
        }

        var pidFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "scripts", "start-dynalite.sh"));
        start.Environment["DYNALITE_PID_FILE"] = pidFile;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/start-dynalite.sh failed (exit " + process.ExitCode + "): " + error);
        }

        Endpoint = output.Trim();
        _startedPid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        File.Delete(pidFile);
    }

    public string Endpoint { get; }

    public AmazonDynamoDBClient Client() => new(
        new BasicAWSCredentials("dbarchitect", "dbarchitect"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 2 });

    public void Dispose()
    {
        if (_startedPid is { } pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(5000);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteServer>
{
    public const string Name = "dynalite";
}
