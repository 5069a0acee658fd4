using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>Get-DbConfigRecommendation on a live SQL Server, from rows shaped like sys.dm_os_sys_info and sys.configurations.</summary>
public sealed class SqlServerLiveConfigTests
{
    private static LiveRow Row(params (string Column, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Column, v => v.Value, StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void The_servers_memory_and_cpus_are_the_input_and_its_settings_stand_beside_the_advice()
    {
        var input = SqlServerLiveConfig.Input(Row(("physical_memory_kb", 67_108_864L), ("cpu_count", 16), ("socket_count", 2), ("cores_per_socket", 8), ("numa_node_count", 2)));
        Assert.Equal(64, input.MemoryGb);
        Assert.Equal(16, input.Cpus);

        var advice = new SqlServerEngine().Config.Recommend(input);
        var withCurrent = SqlServerLiveConfig.WithCurrent(advice, new[]
        {
            Row(("name", "max server memory (MB)"), ("value_in_use", "2147483647")),
            Row(("name", "cost threshold for parallelism"), ("value_in_use", "50")),
        });

        var memory = withCurrent.Settings.Single(s => s.Name == "max server memory (MB)");
        Assert.EndsWith("The server has 2147483647 now.", memory.Reason, StringComparison.Ordinal);
        Assert.NotEqual("2147483647", memory.Value);
        Assert.EndsWith("The server already has 50.", withCurrent.Settings.Single(s => s.Name == "cost threshold for parallelism").Reason, StringComparison.Ordinal);
        var untouched = withCurrent.Settings.Single(s => s.Name == "optimize for ad hoc workloads");
        Assert.Equal(advice.Settings.Single(s => s.Name == "optimize for ad hoc workloads"), untouched);
    }

    [Fact]
    public void Engines_that_cannot_read_live_hardware_say_so()
    {
        var engine = EngineRegistry.Get("oracle");
        Assert.Null(engine.Config.LiveInput(null!));
    }
}
