namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The PostgreSQL 15 key words that cannot be used as a bare column or table name (appendix C of the manual, the same
/// list <c>pg_get_keywords()</c> returns). Unreserved key words (category U) are fine bare and are not listed.
/// </summary>
internal static class PostgreSqlKeywords
{
    /// <summary>Category R: reserved.</summary>
    private static readonly string[] Reserved =
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
        "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
        "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
        "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
        "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
        "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
        "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
        "using", "variadic", "when", "where", "window", "with",
    };

    /// <summary>Category T: reserved, but can be a function or type name.</summary>
    private static readonly string[] TypeFunctionName =
    {
        "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full", "ilike",
        "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right",
        "similar", "tablesample", "verbose",
    };

    /// <summary>Category C: non-reserved, but cannot be a function or type name (and so not a bare column name in every position).</summary>
    private static readonly string[] ColumnName =
    {
        "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
        "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
        "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row",
        "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
        "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
        "xmlserialize", "xmltable",
    };

    private static readonly HashSet<string> All =
        new(Reserved.Concat(TypeFunctionName).Concat(ColumnName), StringComparer.Ordinal);

    /// <summary>Number of key words that force quoting (151 in PostgreSQL 15).</summary>
    public static int Count => All.Count;

    /// <summary>True when <paramref name="lowerCaseWord"/> is a key word that must be quoted to be used as an identifier.</summary>
    public static bool ForcesQuoting(string lowerCaseWord) => All.Contains(lowerCaseWord);
}
