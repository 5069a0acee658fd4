using System.Text;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Diagrams;

/// <summary>
/// Mermaid erDiagram text for a schema: one entity block per table (attribute type, name, PK/FK/UK markers and a
/// short comment) and one relationship per foreign key with its true cardinality and optionality. Output is
/// deterministic (model order) with LF line endings, and every token stays inside the erDiagram grammar, so odd
/// names (unicode, reserved words, quotes) are shown through aliases instead of breaking the diagram.
/// </summary>
public static class MermaidErDiagram
{
    private const string Indent = "    ";

    public static string Render(SchemaModel model)
    {
        var names = model.Tables.Select(t => t.Name)
            .Concat(model.Tables.SelectMany(t => t.ForeignKeys).Select(f => f.ReferencedTable));
        var ids = MermaidIdentifiers.ForEntities(names);

        var text = new StringBuilder();
        text.Append("erDiagram\n");
        foreach (var table in model.Tables)
        {
            AppendEntity(text, table, ids[table.Name]);
        }

        foreach (var table in model.Tables)
        {
            foreach (var foreignKey in table.ForeignKeys)
            {
                AppendRelationship(text, table, foreignKey, ids);
            }
        }

        return text.ToString();
    }

    private static void AppendEntity(StringBuilder text, Table table, string id)
    {
        text.Append(Indent).Append(id);
        if (!string.Equals(id, table.Name, StringComparison.Ordinal))
        {
            // Alias syntax (Mermaid 10.5+): the id is what relationships use, the quoted text is what is drawn.
            text.Append("[\"").Append(MermaidText.Quote(table.Name)).Append("\"]");
        }

        if (table.Columns.Count == 0)
        {
            text.Append('\n');
            return;
        }

        text.Append(" {\n");
        var attributeNames = MermaidIdentifiers.ForAttributes(table.Columns.Select(c => c.Name));
        var keys = new KeyColumns(table);
        foreach (var column in table.Columns)
        {
            var name = attributeNames[column.Name];
            text.Append(Indent).Append(Indent)
                .Append(MermaidText.TypeToken(column.Type)).Append(' ').Append(name);

            keys.AppendMarkers(text, column.Name);

            var comment = Comment(column, name);
            if (comment.Length > 0)
            {
                text.Append(" \"").Append(comment).Append('"');
            }

            text.Append('\n');
        }

        text.Append(Indent).Append("}\n");
    }

    /// <summary>A table's primary key, foreign key and unique columns, gathered once for all its attributes' markers.</summary>
    private sealed class KeyColumns(Table table)
    {
        private readonly HashSet<string> _primary = table.PrimaryKey.Columns.ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> _foreign = table.ForeignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> _unique = table.UniqueKeys.Select(u => u.Columns).Concat(UniqueIndexColumnSets(table))
            .SelectMany(set => set).ToHashSet(StringComparer.Ordinal);

        /// <summary>" PK, FK, UK": the markers that apply, or nothing.</summary>
        public void AppendMarkers(StringBuilder text, string column)
        {
            var first = true;
            Mark(_primary, "PK");
            Mark(_foreign, "FK");
            Mark(_unique, "UK");

            void Mark(HashSet<string> set, string marker)
            {
                if (set.Contains(column))
                {
                    text.Append(first ? " " : ", ").Append(marker);
                    first = false;
                }
            }
        }
    }

    /// <summary>"real name, nullable, comment": only the parts that add something.</summary>
    private static string Comment(Column column, string shownName)
    {
        var parts = new List<string>(3);
        if (!string.Equals(shownName, column.Name, StringComparison.Ordinal))
        {
            parts.Add(MermaidText.Quote(column.Name));
        }

        if (column.Nullable)
        {
            parts.Add("nullable");
        }

        if (!string.IsNullOrWhiteSpace(column.Comment))
        {
            parts.Add(MermaidText.Shorten(column.Comment));
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// One line per foreign key, parent first: <c>parent ||--o{ child : "fk_name"</c>.
    /// Mermaid reads the marker next to an entity as "how many of this entity per one of the other":
    /// next to the parent, <c>||</c> (exactly one) when every FK column is NOT NULL and <c>o|</c> (zero or one) when it
    /// may be null; next to the child, <c>o{</c> (zero or more), or <c>o|</c> (zero or one) when the FK columns are
    /// unique on the child, i.e. a one-to-one. Mermaid draws identifying relationships solid (<c>--</c>) and
    /// non-identifying ones dashed (<c>..</c>); a relationship is identifying when the FK columns are part of the
    /// child's primary key (the child cannot be identified without its parent, e.g. a junction table's rows).
    /// </summary>
    private static void AppendRelationship(StringBuilder text, Table child, ForeignKey foreignKey, IReadOnlyDictionary<string, string> ids)
    {
        var parentSide = IsMandatory(child, foreignKey) ? "||" : "o|";
        var childSide = IsUniqueOnChild(child, foreignKey) ? "o|" : "o{";
        var line = IsIdentifying(child, foreignKey) ? "--" : "..";
        text.Append(Indent)
            .Append(ids[foreignKey.ReferencedTable]).Append(' ')
            .Append(parentSide).Append(line).Append(childSide).Append(' ')
            .Append(ids[child.Name])
            .Append(" : \"").Append(MermaidText.Quote(foreignKey.Name)).Append("\"\n");
    }

    /// <summary>The column definitions decide when they are known (a composite FK with one null column is not enforced); otherwise the FK's own flag.</summary>
    private static bool IsMandatory(Table child, ForeignKey foreignKey)
    {
        var columns = foreignKey.Columns.Select(child.FindColumn).ToList();
        return columns.Count > 0 && columns.All(c => c is not null)
            ? columns.All(c => !c!.Nullable)
            : foreignKey.Required;
    }

    /// <summary>
    /// True when some unique set (primary key, unique key, or unique index on plain columns) lies within the FK columns,
    /// so each parent has at most one child. A partial unique index counts: it is how a one-to-one is kept unique among
    /// live rows when soft delete is on.
    /// </summary>
    private static bool IsUniqueOnChild(Table child, ForeignKey foreignKey)
    {
        var fkColumns = foreignKey.Columns.ToHashSet(StringComparer.Ordinal);
        var uniqueSets = new List<IReadOnlyList<string>> { child.PrimaryKey.Columns };
        uniqueSets.AddRange(child.UniqueKeys.Select(u => u.Columns));
        uniqueSets.AddRange(UniqueIndexColumnSets(child));
        return uniqueSets.Any(set => set.Count > 0 && set.All(fkColumns.Contains));
    }

    private static bool IsIdentifying(Table child, ForeignKey foreignKey) =>
        foreignKey.Columns.Count > 0
        && foreignKey.Columns.All(c => child.PrimaryKey.Columns.Contains(c, StringComparer.Ordinal));

    private static IEnumerable<IReadOnlyList<string>> UniqueIndexColumnSets(Table table) =>
        table.Indexes
            .Where(i => i.Unique && i.Keys.Count > 0 && i.Keys.All(k => k.Expression is null && k.Column is not null))
            .Select(i => (IReadOnlyList<string>)i.Keys.Select(k => k.Column!).ToList());
}
