using System.Globalization;
using System.Text;

namespace DbArchitect.Bench;

/// <summary>
/// A synthetic requirements file of N entities shaped like a real schema: six attributes each (string, unique e-mail,
/// enum with a check, money, json, timestamp), a one-to-many to the previous entity, a many-to-many every tenth
/// entity, and two access patterns per entity (a keyset history and a fuzzy search every fifth).
/// </summary>
internal static class SpecGenerator
{
    public static string Yaml(int entities)
    {
        var text = new StringBuilder();
        text.AppendLine("format: 1");
        text.AppendLine("application: { name: Bench, kind: oltp }");
        text.AppendLine("workload: { records: 100000000, recordsPerDay: 1000000, readWriteRatio: \"80:20\", latencyMs: 50, concurrentUsers: 2000, tps: 5000, retention: 3y }");
        text.AppendLine("hardware: { memoryGb: 64, cpus: 16, storage: ssd }");
        text.AppendLine("engine: postgresql");
        text.AppendLine("conventions: { audit: true, softDelete: true }");
        text.AppendLine("entities:");
        for (var i = 0; i < entities; i++)
        {
            var e = Name(i);
            text.AppendLine(CultureInfo.InvariantCulture, $"  - name: {e}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    description: Entity number {i}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    rows: {100_000 + (i * 1000)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    rowsPerDay: {100 + i}");
            text.AppendLine("    attributes:");
            text.AppendLine("      - { name: title, type: string(200), required: true }");
            text.AppendLine("      - { name: contact, type: email, unique: true }");
            text.AppendLine("      - { name: state, type: \"enum(new, active, closed)\", default: new }");
            text.AppendLine("      - { name: amount, type: money, check: \">= 0\" }");
            text.AppendLine("      - { name: extra, type: json }");
            text.AppendLine("      - { name: due_at, type: timestamp }");
        }

        text.AppendLine("relationships:");
        for (var i = 1; i < entities; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {{ from: {Name(i - 1)}, to: {Name(i)}, type: one-to-many, required: false, onDelete: set-null }}");
            if (i % 10 == 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  - {{ from: {Name(i)}, to: {Name(i - 5)}, type: many-to-many, through: {Name(i)}_link }}");
            }
        }

        text.AppendLine("accessPatterns:");
        for (var i = 1; i < entities; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {{ name: history {i}, entity: {Name(i)}, where: [{Name(i - 1)}_id, state], orderBy: [created_at desc], limit: 20, select: [amount], perSecond: 10 }}");
            if (i % 5 == 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  - {{ name: search {i}, entity: {Name(i)}, search: [title], fuzzy: true, perSecond: 2 }}");
            }
        }

        return text.ToString();
    }

    private static string Name(int i) => "entity_" + i.ToString("D4", CultureInfo.InvariantCulture);
}
