using DbArchitect.Core.Health;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// CHECK TABLE over tables or views of the current database, a batch per statement, and its complaints per object.
/// The verdict rows end with a bare "Corrupt" after the reason; only the reasons are kept.
/// </summary>
internal static class MySqlCheckTable
{
    private const int BatchSize = 50;

    /// <summary>The error texts CHECK TABLE gave per object name (objects it found nothing on are absent).</summary>
    public static IReadOnlyDictionary<string, List<string>> Complaints(HealthCheckContext context, IReadOnlyList<string> names, string purpose)
    {
        var complaints = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var batch in names.Chunk(BatchSize))
        {
            var rows = context.Query($"CHECK TABLE {MySqlWriter.IdList(batch)}", purpose);
            foreach (var row in rows)
            {
                var type = row.String("Msg_type") ?? string.Empty;
                var text = row.String("Msg_text") ?? string.Empty;
                if (!type.Equals("error", StringComparison.OrdinalIgnoreCase) || text == "Corrupt")
                {
                    continue;
                }

                // The Table column reads database.object.
                var table = row.String("Table") ?? string.Empty;
                var name = table.Contains('.', StringComparison.Ordinal) ? table[(table.IndexOf('.', StringComparison.Ordinal) + 1)..] : table;
                if (!complaints.TryGetValue(name, out var list))
                {
                    complaints[name] = list = new List<string>();
                }

                list.Add(text);
            }
        }

        return complaints;
    }
}
