using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// Names of the columns the design adds to entities, as written (before the naming convention is applied).
/// The validator and the model builder both use these, so an access pattern may name any column the design creates.
/// </summary>
public static class ImplicitColumns
{
    public const string Id = "id";
    public const string TenantId = "tenant_id";
    public const string CreatedAt = "created_at";
    public const string UpdatedAt = "updated_at";
    public const string DeletedAt = "deleted_at";

    /// <summary>The foreign key column a one-to-many or one-to-one puts on <see cref="RelationshipSpec.To"/>.</summary>
    public static string ForeignKeyColumn(RelationshipSpec relationship)
    {
        if (relationship.Role is { Length: > 0 } role)
        {
            return role + "_id";
        }

        return IsSelf(relationship) ? "parent_" + relationship.From + "_id" : relationship.From + "_id";
    }

    /// <summary>The two key columns of a many-to-many junction: first references From, second references To.</summary>
    public static (string FromColumn, string ToColumn) JunctionColumns(RelationshipSpec relationship)
    {
        if (IsSelf(relationship))
        {
            return (relationship.From + "_id", (relationship.Role is { Length: > 0 } role ? role : "related_" + relationship.To) + "_id");
        }

        return (relationship.From + "_id", relationship.To + "_id");
    }

    public static bool IsSelf(RelationshipSpec relationship) =>
        string.Equals(relationship.From, relationship.To, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The key used to match a column reference to a column: case, underscores, hyphens and spaces ignored, so
    /// "customer_id", "CustomerId" and "customerId" name the same column whatever the naming convention.
    /// </summary>
    public static string MatchKey(string name)
    {
        // Many names already are keys (one lower-case word: "status", "email"): the comparisons that ask for keys are in
        // every loop of the design, so such a name is returned as it is instead of copied.
        if (IsMatchKey(name))
        {
            return name;
        }

        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var n = 0;
        foreach (var c in name)
        {
            if (IsSeparator(c))
            {
                continue;
            }

            buffer[n++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..n]);
    }

    /// <summary>
    /// Whether two names have the same <see cref="MatchKey"/>, compared in place: the design compares names in its inner
    /// loops, and building both keys for each comparison made most of its short-lived strings.
    /// </summary>
    public static bool SameKey(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && IsSeparator(a[i]))
            {
                i++;
            }

            while (j < b.Length && IsSeparator(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (char.ToLowerInvariant(a[i++]) != char.ToLowerInvariant(b[j++]))
            {
                return false;
            }
        }
    }

    /// <summary>The characters a match key leaves out.</summary>
    private static bool IsSeparator(char c) => c is '_' or '-' or ' ';

    private static bool IsMatchKey(string name)
    {
        foreach (var c in name)
        {
            if (IsSeparator(c) || char.ToLowerInvariant(c) != c)
            {
                return false;
            }
        }

        return true;
    }
}
