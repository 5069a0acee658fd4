using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>Requirements → design. TODO(lead): implementation.</summary>
public static class DesignEngine
{
    /// <summary>Builds the design for <paramref name="engineOverride"/>, or for the requirement's engine when null.</summary>
    public static DbDesign Create(DbRequirement requirement, string? engineOverride = null) =>
        throw new NotImplementedException();
}
