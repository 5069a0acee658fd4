using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Design.Families;

/// <summary>
/// The one check that an operation built on tables (SQL scripts, partition plans, index advice, schema comparison,
/// server configuration) is given a relational design; a design of another family gets an error that says plainly
/// the operation does not apply to it and where its equivalent is.
/// </summary>
public static class RelationalOnly
{
    public static void Require(DbDesign design, string operation)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (design.FamilyModel is null)
        {
            return;
        }

        throw new DbArchitectException(new DbArchitectError(
            "OperationNotApplicable", ErrorKind.InvalidArgument,
            $"{operation} works on relational designs; the design of {design.Application} is for {design.EngineDisplayName}, a {FamilyText.Of(design.Family)} store.",
            $"Export-DbDesign writes its files and design.md explains its {Equivalent(operation)}; or design for a relational engine with New-DbDesign -Engine {string.Join("|", EngineRegistry.All.Select(e => e.Id))}.",
            null, design.Engine));
    }

    private static string Equivalent(string operation) => operation switch
    {
        "New-PartitionScript" => "partitioning (the family's own sharding or key distribution)",
        "Get-IndexRecommendation" => "indexes or keys per access pattern",
        "Compare-DbSchema" or "New-DbMigrationScript" => "migration approach",
        "Get-DbConfigRecommendation" => "tuning",
        _ => "physical model",
    };
}
