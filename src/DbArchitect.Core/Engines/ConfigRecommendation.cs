namespace DbArchitect.Core.Engines;

/// <summary>
/// One server setting: its value as the configuration file spells it (value and unit together, "16GB"), the unit
/// alone for display, where it came from, why, and whether changing it needs a server restart.
/// </summary>
public sealed record ConfigSetting(
    string Name,
    string Value,
    string? Unit,
    ConfigSource Source,
    string Reason,
    bool RequiresRestart)
{
    /// <summary>Role-level advice (ALTER ROLE … SET) rather than a server-wide setting; not in ALTER SYSTEM.</summary>
    public bool PerRole { get; init; }
}

/// <summary>Storage parameters for one table (ALTER TABLE … SET (…)), with the figures behind them.</summary>
public sealed record TableConfigSetting(string Schema, string Table, IReadOnlyList<KeyValuePair<string, string>> Parameters, string Reason)
{
    /// <summary>The table is partitioned: the settings are set on each partition, and new partitions copy them.</summary>
    public bool Partitioned { get; init; }
}

/// <summary>
/// The whole advice for one server: the settings (server-wide and per role), the per-table settings, and the text
/// of the files that apply them. <see cref="ConfigFile"/> is a postgresql.conf snippet, <see cref="AlterSystemScript"/>
/// the same as ALTER SYSTEM statements, <see cref="TableScript"/> the per-table statements (empty when none).
/// </summary>
public sealed record ConfigRecommendation(
    string Engine,
    ConfigInput Input,
    IReadOnlyList<ConfigSetting> Settings,
    IReadOnlyList<TableConfigSetting> TableSettings,
    string ConfigFile,
    string AlterSystemScript,
    string TableScript)
{
    /// <summary>What <see cref="ConfigFile"/> is, as design.md names it ("postgresql.conf snippet").</summary>
    public string FileLabel { get; init; } = "Configuration file";

    /// <summary>The code-fence language design.md shows <see cref="ConfigFile"/> in: "ini", "sql".</summary>
    public string FileLanguage { get; init; } = "ini";

    /// <summary>How the settings are applied and why (the "Applying" decision); null for the PostgreSQL wording built from the restart settings.</summary>
    public ConfigApplying? Applying { get; init; }

    /// <summary>
    /// What design.md says before the settings table, naming the reference the engine's <see cref="ConfigSource.PgTune"/>
    /// settings follow; null: every setting is derived.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? SettingsNote { get; init; }

    /// <summary>The Source cell of a setting taken from the engine's reference formula ("pgtune").</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ReferenceSource { get; init; } = "reference";

    /// <summary>What design.md calls the per-table settings ("Per-table autovacuum settings").</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TableSettingsLabel { get; init; } = "Per-table settings";

    public ConfigSetting? Find(string name) =>
        Settings.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Names of the settings that take effect only after a restart.</summary>
    public IReadOnlyList<string> RestartSettings => Settings.Where(s => s.RequiresRestart && !s.PerRole).Select(s => s.Name).ToList();

    /// <summary>
    /// The engine's own summary for the design's Performance tuning section (workload, key settings, how to apply);
    /// null: the summary is derived from the settings by name (PostgreSQL's).
    /// </summary>
    public IReadOnlyList<Design.DesignDecision>? Summary { get; init; }
}

/// <summary>How an engine's settings are applied (<see cref="Choice"/>) and why.</summary>
public sealed record ConfigApplying(string Choice, string Reason);
