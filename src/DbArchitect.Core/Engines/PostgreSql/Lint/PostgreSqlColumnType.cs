using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>A column type as written, classified for the type rules: int vs bigint, serial, char(n), varchar(n), timestamp without zone.</summary>
internal sealed record PostgreSqlColumnType(SqlToken At, string Name, bool HasLength, bool WithTimeZone)
{
    public static readonly PostgreSqlColumnType None = new(new SqlToken(SqlTokenKind.Word, string.Empty, 0, 0, 0), string.Empty, false, false);

    public bool IsInt => Name is "int" or "integer" or "int4";

    public bool IsSmallInt => Name is "smallint" or "int2";

    public bool IsSerial => Name is "serial" or "serial4" or "smallserial" or "serial2" or "bigserial" or "serial8";

    public bool IsNarrowSerial => Name is "serial" or "serial4";

    public bool IsSmallSerial => Name is "smallserial" or "serial2";

    /// <summary>char, character, char(n), bpchar: blank-padded, never what the author meant.</summary>
    public bool IsChar => Name is "char" or "character" or "bpchar" or "nchar";

    public bool IsVarcharWithLength => Name is "varchar" or "character varying" && HasLength;

    public bool IsTimestampWithoutZone => Name is "timestamp" && !WithTimeZone;

    public static PostgreSqlColumnType Read(SqlStatement sql, int start, int end)
    {
        if (start >= end || start >= sql.Tokens.Count)
        {
            return None;
        }

        var i = start;
        // pg_catalog.int4 and public.mytype: the type is the last part of the name.
        while (i + 2 < end && sql.Tokens[i + 1].IsSymbol("."))
        {
            i += 2;
        }

        var at = sql.Tokens[i];
        var name = at.Name;
        if ((name is "character" or "char" or "national") && i + 1 < end && sql.Tokens[i + 1].Is("varying"))
        {
            name = "character varying";
        }

        var hasLength = sql.Tokens.Skip(i).Take(end - i).Any(t => t.IsSymbol("("));
        var withZone = sql.Find(i, end, "WITH", "TIME", "ZONE") >= 0;
        if (name is "timestamptz")
        {
            name = "timestamp";
            withZone = true;
        }

        return new PostgreSqlColumnType(at, name, hasLength, withZone);
    }
}
