namespace DbArchitect.Core.Lint;

/// <summary>A script to lint: the name findings report (a path relative to where the user pointed, or a script's RelativePath) and its text.</summary>
public sealed record LintSource(string File, string Text);
