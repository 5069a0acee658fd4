using System.Management.Automation;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live.Estate;

namespace DbArchitect.PS;

/// <summary>
/// -Shard's check, apart from the attribute so Core is loaded only when a value is validated (an attribute's own
/// method bodies are compiled when PowerShell first reads the parameter metadata).
/// </summary>
internal static class ShardText
{
    public static void Check(string text)
    {
        try
        {
            EstateShard.Parse(text);
        }
        catch (DbArchitectException ex)
        {
            throw new ValidationMetadataException(ex.Errors.Count > 0 ? ex.Errors[0].ToString() : ex.Message);
        }
    }
}
