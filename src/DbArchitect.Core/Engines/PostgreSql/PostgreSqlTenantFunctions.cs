using DbArchitect.Core.Design;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Which query templates run in a tenant query function, and why. Under row-level security PostgreSQL evaluates the
/// policy before any user predicate that could leak values through an error, so only operators and functions marked
/// LEAKPROOF may become index conditions. lower(text), pg_trgm's % (similarity_op), full-text @@ over to_tsvector
/// (ts_match_vq), jsonb @> (jsonb_contains) and array equality (array_eq) are not (pg_proc.proleakproof = false on
/// PostgreSQL 15), so on a table with FORCE ROW LEVEL SECURITY the e-mail lookup, the searches and the JSON filter
/// would read every row of the tenant instead of seeking their index. Such a template runs in a SECURITY DEFINER
/// function owned by the query role, which the tenant_query policy lets read every tenant; the function applies the
/// tenant itself from the same setting the isolation policy reads (nothing when it is unset), so it shows no more than
/// the policy would, and its predicates are index conditions again. Marking pg_trgm's or the catalog's functions
/// LEAKPROOF instead needs a superuser, is a promise about C code the design does not own, and is lost silently on
/// dump and restore or an extension update; a stored lower-case column would serve the e-mail lookup alone.
/// </summary>
internal static class PostgreSqlTenantFunctions
{
    public const string PolicyName = "tenant_query";

    public const string PolicyComment = "The query role owns the tenant query functions (SECURITY DEFINER); it reads every tenant's rows so their predicates can seek an index, and each function applies the app.tenant_id tenant itself. Nobody logs in as it or is a member.";

    /// <summary>The operators of <paramref name="plan"/> that PostgreSQL does not mark LEAKPROOF, as a DBA would look them up.</summary>
    public static IReadOnlyList<string> NotLeakproof(QueryPlan plan)
    {
        var found = new List<string>();
        if (plan.Shape == QueryShape.FuzzySearch)
        {
            found.Add("pg_trgm's % (similarity_op)");
        }

        if (plan.Shape == QueryShape.FullTextSearch)
        {
            found.Add("@@ over to_tsvector (ts_match_vq)");
        }

        // A near search's box on numeric coordinates: numeric_ge and numeric_le are not LEAKPROOF (float8's are).
        if (plan.Filters.Any(f => f.Kind is PlannedFilterKind.BoxStart or PlannedFilterKind.BoxEnd
                && PostgreSqlExpressions.NativeType(f.Column).StartsWith("numeric", StringComparison.Ordinal)))
        {
            found.Add("numeric >= and <= (numeric_ge, numeric_le)");
        }

        foreach (var kind in plan.Filters.Select(f => f.Kind).Distinct())
        {
            switch (kind)
            {
                case PlannedFilterKind.EmailEquals:
                    found.Add("lower(text)");
                    break;
                case PlannedFilterKind.JsonContains:
                    found.Add("jsonb @> (jsonb_contains)");
                    break;
                case PlannedFilterKind.ArrayContains:
                    found.Add("array = (array_eq)");
                    break;
            }
        }

        return found;
    }

    /// <summary>
    /// True when the template must run in a tenant query function: its table is tenant-scoped (forced row-level
    /// security) and an index condition needs an operator that is not LEAKPROOF. Aggregates return computed types the
    /// design does not declare, so they stay plain statements.
    /// </summary>
    public static bool Needed(QueryPlan plan) =>
        plan.Table.Features.TenantScoped
        && plan.Shape is not (QueryShape.Aggregate or QueryShape.TimeBuckets)
        && NotLeakproof(plan).Count > 0;

    /// <summary>The functions the templates call, in template order.</summary>
    public static IReadOnlyList<QueryRoutine> Routines(IEnumerable<QueryTemplate> templates) =>
        templates.SelectMany(t => t.Statements).Select(s => s.Routine).OfType<QueryRoutine>().ToArray();
}
