using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// MongoDB's naming rules: a database name has at most 63 bytes and none of <c>/\. "$*&lt;&gt;:|?</c> or spaces; a
/// collection name may not be empty, start with "system." or hold '$' or NUL; a field name may not hold '.' (it would
/// read as a path) or start with '$' (an operator). Names keep the requirements' naming convention.
/// </summary>
internal static class MongoNames
{
    public const int MaxDatabaseBytes = 63;

    /// <summary>Index names longer than this are shortened (the limit servers before 4.2 enforced; still a sane bound).</summary>
    public const int MaxIndexNameBytes = 127;

    public static string Database(DbRequirement requirement)
    {
        var text = new StringBuilder();
        foreach (var c in DesignEngine.SchemaName(requirement))
        {
            text.Append(c is '/' or '\\' or '.' or '"' or '$' or '*' or '<' or '>' or ':' or '|' or '?' or '\0' || char.IsWhiteSpace(c) ? '_' : c);
        }

        return IdentifierShortener.Shorten(text.ToString(), MaxDatabaseBytes);
    }

    public static string Collection(NamingStyle style, string name)
    {
        var named = Clean(Naming.Apply(style, name), '$');
        return named.StartsWith("system.", StringComparison.Ordinal) ? "_" + named : named;
    }

    public static string Field(NamingStyle style, string name)
    {
        var named = Clean(Naming.Apply(style, name), '.');
        return named.StartsWith('$') ? "_" + named[1..] : named;
    }

    private static string Clean(string name, char forbidden)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(c == forbidden || c == '\0' ? '_' : c);
        }

        return text.Length == 0 ? "_" : text.ToString();
    }
}
