using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace DbArchitect.Core.Tests.Injection;

/// <summary>
/// Generated hostile requirements files: hostile text (line breaks, quotes of every kind, $(…), backticks, */, --, $$,
/// NUL, bidi controls, emoji) in application.name and every description, names that are reserved words, mixed case,
/// Unicode, long enough to be shortened, or system column names, and defaults and enum values that look like SQL.
/// Shared by the pure property test (Core) and the one that applies the scripts to real servers (Integration, linked).
/// Every payload that could run as a command or statement carries "PWNED", so a check can look for it outside comments
/// and string literals.
/// </summary>
internal static class HostileSpecs
{
    public const string Marker = "PWNED";

    public static readonly string[] Fragments =
    {
        "\n", "\r", "\r\n", "\0", "\u0007", "\u001B[2J", "\u0085", "\u2028", "\u2029", "\u202A", "\u202E", "\u2066", "\u2069",
        "'", "\"", "`", "\u2018", "\u201C", "$(touch PWNED1)", "`touch PWNED2`", "\ntouch PWNED3\n", "; touch PWNED4;",
        "*/", "/*", "--", "$$", "$x$", "#", "\\", "\\n", "%", "&", "|", "${HOME}", "\nHOST touch PWNED5\n", "\n!touch PWNED6\n",
        "\\! touch PWNED7", "x", "app", " ", "\U0001F600", "\U0001F468\u200D\U0001F469", "é", "\t",
        "'; DROP TABLE PWNED8; --", "*/ DROP TABLE PWNED9; /*", "\nGO\nDROP TABLE PWNED10\n", "\n\\! touch PWNED11\n", "$$; DROP TABLE PWNED12; $$",
        "\n.shell touch PWNED13\n", "\\g", "\\\\", "]", "[", ")", "(",
    };

    /// <summary>Entity and attribute names the format accepts that an engine could trip over; distinct ignoring case and separators.</summary>
    public static readonly string[] Names =
    {
        "order", "user", "group", "select", "table", "drop", "key", "index", "primary", "from", "where", "default", "null",
        "true", "column", "constraint", "desc", "limit", "values", "trigger", "procedure", "end", "go", "begin", "function",
        "Mixed Case", "with space", "hy-phen", "顧客", "名前", "Ünïcödé", "ßtraße", "İstanbul", "Σίσυφος", "_leading",
        "x" + new string('y', 100), "long " + new string('z', 90) + " a", "long " + new string('z', 90) + " b",
        "ctid", "xmin", "tableoid", "rowid", "oid", "sys", "dual", "level", "comment", "rank", "window", "lock", "range",
    };

    private static readonly string[] Literals =
    {
        "O'Brien", "a\"b", "--", "/*", "*/", "$$", "\\", "'; DROP TABLE PWNED20; --", "%s", "${x}", "é", "\U0001F600", "`", "#",
        "\\'; DROP TABLE PWNED21; -- ", "it''s", "a;b", "N'x'", "$x$ PWNED22 $x$", "?", ":name", "@v",
    };

    private static readonly string[] Types =
    {
        "string(40)", "text", "int", "bigint", "decimal(12,2)", "money", "bool", "date", "timestamp", "json", "uuid", "email", "char(3)",
        "enum(new, on hold, it's)", "enum(a;b, x--y, 'q')",
    };

    /// <summary>Hostile text: up to twelve fragments after an "a", so it is never empty.</summary>
    public static Gen<string> Text() =>
        Gen.NonEmptyListOf(Gen.Elements(Fragments)).Select(parts => "a" + string.Concat(parts.Take(12)));

    private static Gen<string[]> DistinctNames(int count) =>
        Gen.Shuffle(Names).Select(names => names.Take(count).ToArray());

    private sealed record Attribute(string Name, string Type, string? Default, bool Unique);

    private static Gen<Attribute> AttributeShape() =>
        from type in Gen.Elements(Types)
        from literal in Gen.Elements(Literals)
        from hasDefault in Gen.Elements(false, true)
        from unique in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Attribute(string.Empty, type, hasDefault && type.StartsWith("string", StringComparison.Ordinal) ? literal : null, unique);

    /// <summary>A whole hostile requirements file: two or three entities, a relationship, and an access pattern.</summary>
    public static Gen<string> Spec() =>
        from names in DistinctNames(12)
        from entityCount in Gen.Choose(2, 3)
        from application in Text()
        from texts in Gen.ArrayOf(Text(), 8)
        from attributes in Gen.ArrayOf(Gen.Choose(1, 3), 3)
        from shapes in Gen.ArrayOf(AttributeShape(), 9)
        from softDelete in Gen.Elements(false, true)
        from tenancy in Gen.Elements("single", "multi")
        select Yaml(names, entityCount, application, texts, attributes, shapes.Select((a, i) => a with { Name = names[3 + i] }).ToArray(), softDelete, tenancy);

    private static string Yaml(string[] names, int entityCount, string application, string[] texts, int[] attributeCounts,
        Attribute[] pool, bool softDelete, string tenancy)
    {
        var yaml = new StringBuilder();
        yaml.Append("format: 1\napplication:\n  name: ").Append(Quote(application)).Append("\n  description: ").Append(Quote(texts[0]))
            .Append("\n  tenancy: ").Append(tenancy).Append('\n');
        yaml.Append("conventions: { softDelete: ").Append(softDelete ? "true" : "false").Append(" }\n");
        yaml.Append("entities:\n");
        var next = 0;
        var firstAttribute = new List<string>();
        for (var e = 0; e < entityCount; e++)
        {
            yaml.Append("  - name: ").Append(Quote(names[e])).Append("\n    description: ").Append(Quote(texts[1 + e])).Append("\n    attributes:\n");
            for (var a = 0; a < attributeCounts[e] && next < pool.Length; a++, next++)
            {
                var attribute = pool[next];
                if (a == 0)
                {
                    firstAttribute.Add(attribute.Name);
                }

                yaml.Append("      - { name: ").Append(Quote(attribute.Name)).Append(", type: ").Append(Quote(attribute.Type))
                    .Append(", description: ").Append(Quote(texts[4 + (a % 3)]));
                if (attribute.Default is { } value)
                {
                    yaml.Append(", default: ").Append(Quote(value));
                }

                if (attribute.Unique)
                {
                    yaml.Append(", unique: true");
                }

                yaml.Append(" }\n");
            }
        }

        yaml.Append("relationships:\n  - { from: ").Append(Quote(names[0])).Append(", to: ").Append(Quote(names[1]))
            .Append(", type: one-to-many, description: ").Append(Quote(texts[7])).Append(" }\n");
        yaml.Append("accessPatterns:\n  - { name: ").Append(Quote("by " + texts[7])).Append(", entity: ").Append(Quote(names[1]))
            .Append(", where: [").Append(Quote(firstAttribute[1])).Append("], perSecond: 5 }\n");
        return yaml.ToString();
    }

    /// <summary>A YAML double-quoted scalar: every control, bidi or non-ASCII character as an escape, so the YAML stays valid.</summary>
    public static string Quote(string text)
    {
        var yaml = new StringBuilder("\"");
        foreach (var ch in text)
        {
            yaml.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when ch < ' ' || ch > '~' => "\\u" + ((int)ch).ToString("X4", CultureInfo.InvariantCulture),
                _ => ch.ToString(),
            });
        }

        return yaml.Append('"').ToString();
    }
}
