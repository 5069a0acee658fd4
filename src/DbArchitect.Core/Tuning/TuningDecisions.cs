using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tuning;

/// <summary>The Performance tuning decisions of a design: a summary of its configuration (design.md shows every setting).</summary>
internal static class TuningDecisions
{
    private const string Area = DesignAreas.PerformanceTuning;

    public static IEnumerable<DesignDecision> For(DbRequirement requirement, ConfigRecommendation? config)
    {
        if (config is null)
        {
            yield return new DesignDecision(Area, "Server configuration", "Not computed",
                "hardware.memoryGb is not stated; every memory setting is derived from it (add hardware: { memoryGb, cpus, storage }, or run Get-DbConfigRecommendation -MemoryGb).");
            yield break;
        }

        if (config.Summary is { } summary)
        {
            foreach (var decision in summary)
            {
                yield return decision;
            }

            yield break;
        }

        var input = config.Input;
        var hardware = $"{input.MemoryGb.ToString("0.###", CultureInfo.InvariantCulture)} GB RAM, {(input.Cpus is { } c ? c.ToString(CultureInfo.InvariantCulture) + " CPUs" : "CPUs not stated")}, {input.Storage.ToString().ToLowerInvariant()} storage";
        var pgTune = config.Settings.Any(s => s.Source == ConfigSource.PgTune);
        yield return new DesignDecision(Area, "Workload profile", (pgTune ? "PGTune " : "Workload ") + $"{WorkloadName(input.Workload)} for {hardware}",
            input.WorkloadReason ?? "As requested.");
        foreach (var name in new[] { "max_connections", "shared_buffers", "work_mem" })
        {
            if (config.Find(name) is { } setting)
            {
                yield return new DesignDecision(Area, name, $"{name} = {setting.Value}", setting.Reason);
            }
        }

        var autovacuum = config.Settings.Where(s => s.Name.StartsWith("autovacuum_", StringComparison.Ordinal)).ToList();
        if (autovacuum.Count > 0 || config.TableSettings.Count > 0)
        {
            var tables = config.TableSettings.Count == 0 ? "no table needs its own thresholds" : "own thresholds on " + string.Join(", ", config.TableSettings.Select(t => t.Table));
            yield return new DesignDecision(Area, "Autovacuum", string.Join(", ", autovacuum.Select(s => $"{s.Name} = {s.Value}")) + "; " + tables,
                autovacuum.FirstOrDefault(s => s.Name == "autovacuum_naptime")?.Reason ?? config.TableSettings[0].Reason);
        }

        if (config.Applying is { } applying)
        {
            yield return new DesignDecision(Area, "Applying", applying.Choice, applying.Reason + $" Requirement workload: {Describe(requirement.Workload)}.");
            yield break;
        }

        var restart = config.RestartSettings;
        yield return pgTune
            ? new DesignDecision(Area, "Applying", "config/alter_system.sql (or config/postgresql.conf), then config/table_autovacuum.sql",
                $"Most settings apply on reload; {string.Join(", ", restart)} are read only at server start (pg_settings.context = postmaster), so plan one restart. Requirement workload: {Describe(requirement.Workload)}.")
            : new DesignDecision(Area, "Applying", "config/alter_system.sql, then one restart",
                $"{string.Join(", ", restart)} take effect only at server start, so plan one restart. Requirement workload: {Describe(requirement.Workload)}.");
    }

    private static string WorkloadName(ConfigWorkload workload) => workload.ToString().ToLowerInvariant();

    private static string Describe(WorkloadProfile w)
    {
        var parts = new List<string>();
        if (w.ConcurrentUsers is { } users)
        {
            parts.Add(users.ToString("N0", CultureInfo.InvariantCulture) + " concurrent users");
        }

        if (w.Tps is { } tps)
        {
            parts.Add(tps.ToString("#,0.##", CultureInfo.InvariantCulture) + " TPS");
        }

        if (w.LatencyMs is { } latency)
        {
            parts.Add("p95 " + latency.ToString("#,0.##", CultureInfo.InvariantCulture) + " ms");
        }

        if (w.RecordsPerDay is { } perDay)
        {
            parts.Add(perDay.ToString("N0", CultureInfo.InvariantCulture) + " rows/day");
        }

        return parts.Count == 0 ? "no targets stated" : string.Join(", ", parts);
    }
}
