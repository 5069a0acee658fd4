using System.Text;
using System.Text.RegularExpressions;
using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Tests.Oracle;

/// <summary>
/// Oracle's rules checked on generated script text, since no Oracle server or offline Oracle parser is available here:
/// identifier length, reserved words, statement terminators, "/" after every PL/SQL block, Oracle-only type names,
/// no PostgreSQL syntax, and every table created before a foreign key or index names it. Each finding names the file
/// and the line. Independent of the generator: it re-reads the text with its own tokenizer and its own word lists.
/// </summary>
internal static partial class OracleRuleChecker
{
    /// <summary>The SQL reserved words of Oracle's V$RESERVED_WORDS (RESERVED = 'Y'), written out again here on purpose.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "ACCESS", "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "AUDIT", "BETWEEN", "BY", "CHAR", "CHECK", "CLUSTER", "COLUMN",
        "COMMENT", "COMPRESS", "CONNECT", "CREATE", "CURRENT", "DATE", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP",
        "ELSE", "EXCLUSIVE", "EXISTS", "FILE", "FLOAT", "FOR", "FROM", "GRANT", "GROUP", "HAVING", "IDENTIFIED", "IMMEDIATE", "IN",
        "INCREMENT", "INDEX", "INITIAL", "INSERT", "INTEGER", "INTERSECT", "INTO", "IS", "LEVEL", "LIKE", "LOCK", "LONG",
        "MAXEXTENTS", "MINUS", "MODE", "MODIFY", "NOAUDIT", "NOCOMPRESS", "NOT", "NOWAIT", "NULL", "NUMBER", "OF", "OFFLINE", "ON",
        "ONLINE", "OPTION", "OR", "ORDER", "PCTFREE", "PRIOR", "PUBLIC", "RAW", "RENAME", "RESOURCE", "REVOKE", "ROW", "ROWID",
        "ROWNUM", "ROWS", "SELECT", "SESSION", "SET", "SHARE", "SIZE", "SMALLINT", "START", "SUCCESSFUL", "SYNONYM", "SYSDATE",
        "TABLE", "THEN", "TO", "TRIGGER", "UID", "UNION", "UNIQUE", "UPDATE", "USER", "VALIDATE", "VALUES", "VARCHAR", "VARCHAR2",
        "VIEW", "WHENEVER", "WHERE", "WITH",
    };

    /// <summary>Column types a CREATE TABLE may use on Oracle 19c/23ai (the allow-list).</summary>
    [GeneratedRegex(@"^(RAW\(\d+\)|NUMBER(\(\d+(,\d+)?\))?|VARCHAR2\(\d+ CHAR\)|CHAR\(\d+ CHAR\)|CLOB|BLOB|JSON|BOOLEAN|DATE|TIMESTAMP WITH TIME ZONE|BINARY_FLOAT|BINARY_DOUBLE|INTERVAL DAY\(\d\) TO SECOND\(\d\))(\s|,|$)")]
    private static partial Regex AllowedType();

    [GeneratedRegex(@"::|\bUSING\s+(gin|gist|brin|btree|hash)\b|CREATE EXTENSION|ON DELETE RESTRICT|IF NOT EXISTS|\btimestamptz\b|\bjsonb\b|\$\d|\bSERIAL\b|\bBOOLEAN DEFAULT (true|false)\b|\bILIKE\b|\bLIMIT \d|\bgen_random_uuid\b|\bnow\(\)|\$\$|\bE'", RegexOptions.IgnoreCase)]
    private static partial Regex PostgreSqlOnly();

    [GeneratedRegex(@"^(CREATE( OR REPLACE)? (TRIGGER|FUNCTION|PACKAGE|PACKAGE BODY|PROCEDURE)\b|BEGIN$|DECLARE$)")]
    private static partial Regex PlSqlStart();

    [GeneratedRegex(@"^(CREATE|ALTER|COMMENT|GRANT|SELECT|DROP|INSERT|DELETE|UPDATE)\b")]
    private static partial Regex SqlStart();

    [GeneratedRegex(@"^(SET |WHENEVER |SHUTDOWN|STARTUP)")]
    private static partial Regex SqlPlusCommand();

    [GeneratedRegex(@"^CREATE TABLE (\S+)")]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"REFERENCES (\S+) \(|\bON (\S+\.\S+) \(|^ALTER TABLE (\S+)|\bON (\S+\.\S+)$")]
    private static partial Regex TableReference();

    public static IReadOnlyList<string> Check(IReadOnlyList<SqlScript> scripts, bool target19c = true)
    {
        var findings = new List<string>();
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var script in scripts.Where(s => s.RelativePath.EndsWith(".sql", StringComparison.Ordinal)).OrderBy(s => s.IsBuildStep ? 0 : 1).ThenBy(s => s.Order))
        {
            CheckScript(script, findings, created, script.IsBuildStep, target19c);
        }

        return findings;
    }

    private static void CheckScript(SqlScript script, List<string> findings, HashSet<string> created, bool buildStep, bool target19c)
    {
        var lines = script.Text.Split('\n');
        var statement = new List<(int Line, string Text)>();
        var plsql = false;
        void Find(int line, string message) => findings.Add($"{script.RelativePath}:{line}: {message}");

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (statement.Count == 0)
            {
                if (line.Length == 0 || line.StartsWith("--", StringComparison.Ordinal) || SqlPlusCommand().IsMatch(line))
                {
                    continue;
                }

                if (line == "/")
                {
                    Find(number, "a '/' with no PL/SQL block before it (it would re-run the previous statement)");
                    continue;
                }

                plsql = PlSqlStart().IsMatch(line);
                if (!plsql && !SqlStart().IsMatch(line))
                {
                    Find(number, $"line starts neither a SQL statement nor a PL/SQL block: {line}");
                }
            }

            statement.Add((number, line));
            if (plsql ? line == "/" : EndsStatement(line))
            {
                CheckStatement(statement, plsql, Find, created, buildStep, target19c);
                statement.Clear();
            }
            else if (!plsql && line == "/")
            {
                Find(number, "a '/' inside a SQL statement");
            }
        }

        if (statement.Count > 0)
        {
            Find(statement[0].Line, plsql ? "PL/SQL block not followed by a line holding only '/'" : "statement not terminated with ';'");
        }
    }

    /// <summary>A line ending a SQL statement: a ';' outside string literals at its end.</summary>
    private static bool EndsStatement(string line) => StripStrings(line).TrimEnd().EndsWith(';');

    private static void CheckStatement(List<(int Line, string Text)> statement, bool plsql, Action<int, string> find, HashSet<string> created, bool buildStep, bool target19c)
    {
        var first = statement[0].Line;
        var text = string.Join("\n", statement.Select(s => s.Text));
        if (plsql && !statement[^2].Text.TrimEnd().EndsWith("END;", StringComparison.Ordinal))
        {
            find(first, "PL/SQL block does not end with END; before its '/'");
        }

        foreach (var (line, content) in statement)
        {
            var code = StripStrings(content);
            var comment = code.IndexOf("--", StringComparison.Ordinal);
            if (comment >= 0)
            {
                code = code[..comment];
            }

            if (PostgreSqlOnly().Match(code) is { Success: true } pg && (target19c || !pg.Value.Contains("IF NOT EXISTS", StringComparison.OrdinalIgnoreCase)))
            {
                find(line, $"PostgreSQL-only syntax '{pg.Value}'");
            }

            foreach (var (identifier, quoted) in Identifiers(code))
            {
                if (Encoding.UTF8.GetByteCount(identifier) > 128)
                {
                    find(line, $"identifier longer than 128 bytes: {identifier}");
                }

                if (quoted && identifier.Length == 0)
                {
                    find(line, "empty quoted identifier");
                }
            }
        }

        if (!plsql)
        {
            CheckUnquotedReserved(statement, find);
        }

        var head = StripStrings(statement[0].Text);
        if (CreateTable().Match(head) is { Success: true } table)
        {
            created.Add(table.Groups[1].Value);
            CheckColumnTypes(statement, find);
        }
        else if (buildStep)
        {
            foreach (var (line, content) in statement)
            {
                foreach (Match reference in TableReference().Matches(StripStrings(content)))
                {
                    var name = reference.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value;
                    if (name.Contains('.', StringComparison.Ordinal) && !created.Contains(name))
                    {
                        find(line, $"{name} is referenced before its CREATE TABLE");
                    }
                }
            }
        }
    }

    private static void CheckColumnTypes(List<(int Line, string Text)> statement, Action<int, string> find)
    {
        foreach (var (line, content) in statement.Skip(1))
        {
            var item = content.Trim();
            if (item.Length == 0 || item == ");" || item.StartsWith("CONSTRAINT ", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = SkipIdentifier(item).TrimStart();
            if (!AllowedType().IsMatch(rest))
            {
                find(line, $"column type is not on the Oracle allow-list: {rest}");
            }
        }
    }

    /// <summary>Every bare word in a SQL statement that is a reserved word must not stand where a name stands: after a '.', or as a column of a CREATE TABLE.</summary>
    private static void CheckUnquotedReserved(List<(int Line, string Text)> statement, Action<int, string> find)
    {
        var isCreateTable = statement[0].Text.StartsWith("CREATE TABLE ", StringComparison.Ordinal);
        foreach (var (line, content) in statement)
        {
            var code = StripStrings(content);
            foreach (Match m in QualifiedWord().Matches(code))
            {
                if (Reserved.Contains(m.Groups[1].Value))
                {
                    find(line, $"reserved word {m.Groups[1].Value} used unquoted as a name");
                }
            }

            if (isCreateTable && line != statement[0].Line && !code.TrimStart().StartsWith("CONSTRAINT ", StringComparison.Ordinal)
                && LeadingWord().Match(code) is { Success: true } column && Reserved.Contains(column.Groups[1].Value))
            {
                find(line, $"reserved word {column.Groups[1].Value} used unquoted as a column name");
            }

            if (NameAfterKeyword().Match(code) is { Success: true } named && Reserved.Contains(named.Groups[2].Value))
            {
                find(line, $"reserved word {named.Groups[2].Value} used unquoted as an object name");
            }
        }
    }

    [GeneratedRegex(@"(?<![""\w])\.([A-Za-z_][A-Za-z0-9_$#]*)\b")]
    private static partial Regex QualifiedWord();

    [GeneratedRegex(@"^\s+([A-Za-z_][A-Za-z0-9_$#]*)\s")]
    private static partial Regex LeadingWord();

    [GeneratedRegex(@"\b(CONSTRAINT|INDEX|TABLE|USER|ROLE|TRIGGER)\s+([A-Za-z_][A-Za-z0-9_$#]*)\b(?!\.)")]
    private static partial Regex NameAfterKeyword();

    private static IEnumerable<(string Name, bool Quoted)> Identifiers(string code)
    {
        foreach (Match m in Regex.Matches(code, "\"([^\"]*)\"|\\b([A-Za-z_][A-Za-z0-9_$#]*)\\b"))
        {
            yield return m.Groups[1].Success ? (m.Groups[1].Value, true) : (m.Groups[2].Value, false);
        }
    }

    private static string SkipIdentifier(string item)
    {
        if (item.StartsWith('"'))
        {
            var end = item.IndexOf('"', 1);
            return end < 0 ? item : item[(end + 1)..];
        }

        var space = item.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? string.Empty : item[space..];
    }

    /// <summary>The line with the contents of string literals blanked (quotes kept), so words inside strings are not code.</summary>
    private static string StripStrings(string line)
    {
        var result = new StringBuilder(line.Length);
        var inString = false;
        foreach (var c in line)
        {
            if (c == '\'')
            {
                inString = !inString;
                result.Append(c);
            }
            else
            {
                result.Append(inString ? ' ' : c);
            }
        }

        return result.ToString();
    }
}
