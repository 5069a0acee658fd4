namespace DbArchitect.Core.Engines;

/// <summary>
/// Anything that turns into SQL files besides a whole design: index recommendations, partition plans, migration steps.
/// ConvertTo-DbSql writes its scripts to the pipeline and Export-DbDesign writes them to a folder, all-or-nothing.
/// </summary>
public interface IScriptSource
{
    /// <summary>The engine id the SQL is written for ("postgresql").</summary>
    string Engine { get; }

    /// <summary>A short title for progress and -WhatIf messages: "3 index recommendations for shop".</summary>
    string Title { get; }

    /// <summary>The scripts in the order they run, each with its relative file path.</summary>
    IReadOnlyList<SqlScript> ToScripts();
}
