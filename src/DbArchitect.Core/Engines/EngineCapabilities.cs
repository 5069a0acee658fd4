namespace DbArchitect.Core.Engines;

/// <summary>What the module can do for an engine today; derived from the engine's own parts, never listed by hand.</summary>
[Flags]
public enum EngineCapabilities
{
    None = 0,

    /// <summary>New-DbDesign and Export-DbDesign produce a design.</summary>
    Design = 1,

    /// <summary>The live cmdlets connect (Invoke-DbHealthCheck at least).</summary>
    Live = 2,

    /// <summary>Import-DbSchema reads a live catalog; Compare-DbSchema compares with it.</summary>
    Import = 4,

    /// <summary>New-DbMigrationScript plans online migrations.</summary>
    Migrate = 8,

    /// <summary>Test-DbMigrationScript has rules for the engine's scripts.</summary>
    Lint = 16,

    /// <summary>New-PartitionScript plans declarative partitioning.</summary>
    Partition = 32,

    /// <summary>Get-IndexRecommendation advises indexes.</summary>
    IndexAdvice = 64,
}
