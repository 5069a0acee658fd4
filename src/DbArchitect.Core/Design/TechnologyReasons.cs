using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>Why PostgreSQL fits a requirement, stated from the requirement's own features (engine: auto).</summary>
internal static class TechnologyReasons
{
    public static string ForPostgreSql(DbRequirement requirement)
    {
        var reasons = new List<string> { "engine: auto" };
        var relationships = requirement.Relationships.Count;
        if (relationships > 0)
        {
            reasons.Add($"{relationships.ToString(CultureInfo.InvariantCulture)} declared relationships want foreign keys and joins enforced by a relational engine with full ACID transactions");
        }

        if (requirement.AccessPatterns.Any(p => p.Search.Count > 0 && p.Fuzzy))
        {
            reasons.Add("fuzzy search is served in-database by pg_trgm trigram indexes");
        }
        else if (requirement.AccessPatterns.Any(p => p.Search.Count > 0))
        {
            reasons.Add("text search is served in-database by full-text GIN indexes");
        }

        if (requirement.Entities.Any(e => e.Attributes.Any(a => a.Type.Kind == LogicalTypeKind.Json)))
        {
            reasons.Add("JSON attributes are stored as jsonb and indexable with GIN");
        }

        if (requirement.Application.Tenancy == Tenancy.Multi)
        {
            reasons.Add("row-level security enforces tenant isolation in the database, not only in application code");
        }

        if (requirement.AccessPatterns.Any(p => p.Aggregate is not null))
        {
            reasons.Add("aggregate patterns use covering indexes and window functions without a second store at this volume");
        }

        reasons.Add("PostgreSQL 15 is the engine this version of DbArchitect.PS generates complete designs for; a ranked comparison of all engines is reported separately");
        return string.Join("; ", reasons) + ".";
    }
}
