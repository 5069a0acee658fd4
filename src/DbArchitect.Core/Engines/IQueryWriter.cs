using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines;

/// <summary>Writes the ready, parameterised query of each access pattern in the engine's dialect, shaped so the pattern's index serves it.</summary>
public interface IQueryWriter
{
    /// <summary>One template per access pattern, in the requirements' order (a <see cref="QueryShape.Skipped"/> one when it cannot be written).</summary>
    IReadOnlyList<QueryTemplate> Write(DbRequirement requirement, SchemaModel physical);
}
