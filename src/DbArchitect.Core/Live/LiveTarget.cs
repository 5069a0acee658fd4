using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Live;

/// <summary>
/// A live database to read: the engine and its connection string. <see cref="ToString"/> and <see cref="Description"/>
/// never contain the password, so a target can be put in any message, object or file.
/// </summary>
public sealed class LiveTarget
{
    private LiveTarget(string engine, string connectionString, ILiveDriver driver)
    {
        Engine = engine;
        ConnectionString = connectionString;
        Driver = driver;
        Description = $"{engine}://{driver.Describe(connectionString)}";
    }

    public string Engine { get; }

    /// <summary>"postgresql://127.0.0.1:5432/shop as app": safe to show.</summary>
    public string Description { get; }

    internal string ConnectionString { get; }

    internal ILiveDriver Driver { get; }

    public static LiveTarget FromConnectionString(string engine, string connectionString)
    {
        var driver = DriverFor(engine);
        try
        {
            return new LiveTarget(EngineRegistry.Get(engine).Id, connectionString, driver);
        }
        catch (ArgumentException ex)
        {
            // The driver's parser quotes the offending keyword, never the value, but scrub anyway.
            throw new DbArchitectException(new DbArchitectError(
                "InvalidConnectionString", ErrorKind.InvalidArgument,
                $"The connection string for {engine} is not valid: {LiveErrors.Scrub(ex.Message, connectionString)}",
                "Write it as key=value pairs separated by semicolons (Host=…;Database=…;Username=…), or use -Server, -Database and -Credential.",
                null));
        }
    }

    public static LiveTarget FromEndpoint(string engine, LiveEndpoint endpoint)
    {
        var driver = DriverFor(engine);
        return new LiveTarget(EngineRegistry.Get(engine).Id, driver.BuildConnectionString(endpoint), driver);
    }

    /// <summary>
    /// The same target with the driver's connection pool off (unless the connection string sets Pooling itself): a sweep
    /// opens one session per target, and pooled idle connections to hundreds of databases would hold the server's
    /// connection slots long after the sweep ended.
    /// </summary>
    public LiveTarget WithoutPooling()
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = ConnectionString;
        }
        catch (ArgumentException)
        {
            return this;
        }

        if (builder.ContainsKey("Pooling"))
        {
            return this;
        }

        builder["Pooling"] = "false";
        return new LiveTarget(Engine, builder.ConnectionString, Driver);
    }

    public override string ToString() => Description;

    private static ILiveDriver DriverFor(string engine) => LiveEngines.Driver(engine);
}
