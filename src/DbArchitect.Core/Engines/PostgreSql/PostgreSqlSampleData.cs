using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// A <see cref="SampleDataPlan"/> as PostgreSQL: one INSERT … SELECT … FROM generate_series(1, n) per table in
/// foreign-key order. Keys are derived from the row number (md5 of table and row for UUIDs, the row number for integer
/// keys), so references are computed, not looked up, and the load runs at bulk speed. Triggers are skipped for the
/// load (session_replication_role = replica, which needs a superuser); the foreign keys hold by construction.
/// </summary>
public static class PostgreSqlSampleData
{
    private const string Epoch = "2024-01-01 00:00:00+00";

    /// <summary>132 characters of hex words, different per row, so a long value has as many distinct trigrams as prose.</summary>
    /// <summary>
    /// Prose of about <paramref name="length"/> characters: words of a 20,000-word vocabulary drawn with a skewed
    /// frequency (a cube of an even spread: the first words are common, most are rare), 2–9 letters and 5.5 on average,
    /// so a full-text or trigram index meets words that recur across rows as in real text, not hex strings that never do.
    /// (A window of one long corpus would be cheaper to write but not to run: substr walks a UTF-8 text from its start.)
    /// </summary>
    private static string Prose(int length)
    {
        var words = (int)Math.Ceiling(length / (PostgreSqlCapacity.CharactersPerWord - 0.5)) + 2;
        return "(SELECT string_agg(left(md5(w::text), 2 + w % 8), ' ') FROM (SELECT floor(20000 * power(((i::bigint * 7919 + k * 104729) % 1000003) / 1000003.0, 3))::integer AS w "
            + $"FROM generate_series(1, {N(words)}) AS k) AS vocabulary)";
    }

    public static string Script(DbDesign design, SampleDataPlan plan)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(plan);
        var writer = W.ForReference(design.Application, design.EngineDisplayName, "sample/load_sample_data.sql",
            "Sample rows for measuring the capacity forecast and the query plans; never run it on a production database.");
        writer.Statement("SET session_replication_role = replica");
        var keys = plan.Tables.ToDictionary(t => t.Table.Name, t => t.Table, StringComparer.Ordinal);
        foreach (var table in plan.Tables.Where(t => t.Rows > 0))
        {
            writer.BlankLine();
            writer.Comment($"{table.Table.Name}: {table.Rows.ToString(CultureInfo.InvariantCulture)} rows");
            writer.ClausesStatement($"INSERT INTO {W.Qualified(design.Physical.Schema, table.Table.Name)} ({W.IdList(table.Columns.Select(c => c.Column.Name))})", new[]
            {
                "SELECT " + W.List(table.Columns.Select(c => Nullable(c, Value(c, table, keys)))),
                $"FROM generate_series(1, {table.Rows.ToString(CultureInfo.InvariantCulture)}) AS g(i)",
            });
        }

        writer.BlankLine();
        writer.Statement("RESET session_replication_role");
        return writer.Finish();
    }

    /// <summary>A multiplier coprime with <paramref name="modulus"/>, so row → parent stays one-to-one.</summary>
    private static long Stride(long modulus)
    {
        foreach (var prime in new long[] { 7919, 7907, 7901 })
        {
            if (modulus % prime != 0)
            {
                return prime;
            }
        }

        return 1;
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The key of row <paramref name="row"/> (a bigint expression) of <paramref name="table"/>.</summary>
    private static string Key(Table table, string row)
    {
        var key = table.FindColumn(table.PrimaryKey.Columns[^1])!;
        return key.Type.Kind == LogicalTypeKind.Uuid ? W.Cast($"md5({W.String(table.Name + ":")} || ({row}))", "uuid") : $"({row})";
    }

    /// <summary>
    /// NULL in the column's share of rows: i·7907 mod 1000 runs through every residue once per 1,000 rows (7907 is
    /// coprime with 1000), so the share is exact and spread over the table rather than bunched at its end.
    /// </summary>
    private static string Nullable(SampleColumn c, string value)
    {
        var perThousand = (long)Math.Round(c.NullShare * 1000, MidpointRounding.AwayFromZero);
        return perThousand <= 0 || c.Kind == SampleValueKind.Null
            ? value
            : $"CASE WHEN (i::bigint * 7907) % 1000 < {N(perThousand)} THEN {W.Cast("NULL", PostgreSqlExpressions.NativeType(c.Column))} ELSE {value} END";
    }

    private static string Value(SampleColumn c, SampleTable table, Dictionary<string, Table> tables)
    {
        var t = N(table.Tenants);
        var r = $"((i - 1) % {t})";
        var q = $"((i - 1) / {t})";
        var native = PostgreSqlExpressions.NativeType(c.Column);
        switch (c.Kind)
        {
            case SampleValueKind.RowKey:
                return c.Column.Type.Kind == LogicalTypeKind.Uuid ? Key(table.Table, "i") : "i";
            case SampleValueKind.TenantKey:
                return c.ReferencedTable is { } tenant ? Key(tables[tenant], $"{r} + 1") : $"{r} + 1";
            case SampleValueKind.Reference:
                var shift = c.ShiftDivisor == 0 ? string.Empty : $" + 1 + ({q} / {N(c.ShiftDivisor)}) % {N(c.ShiftModulus)}";
                // Multiplying by a prime permutes the parent rows, so references arrive in random order as they do
                // in production (a child rarely points at the newest parent), while staying a bijection modulo m.
                var row = $"{t} * ((({q} / {N(c.Divisor)}{shift}) * {N(Stride(c.Modulus))}) % {N(c.Modulus)}) + {r} + 1";
                return Key(tables[c.ReferencedTable!], row);
            case SampleValueKind.Null:
                return W.Cast("NULL", native);
            case SampleValueKind.Literal:
                return W.Literal(c.Literal!, c.Column.Type, native);
            case SampleValueKind.Text when c.Length < 14:
                // Short values (a first name): the row number padded on the left, still unique while its digits fit.
                return $"lpad(i::text, {N(c.Length)}, md5(i::text))";
            case SampleValueKind.Text:
                // Unique (it holds the row number), in random order (it starts with a hash), then prose.
                return $"rpad(left(md5(i::text), 6) || ' ' || i || ' ' || {Prose(c.Length)}, {N(c.Length)}, ' ')";
            case SampleValueKind.Code:
                return c.Column.Type.Kind == LogicalTypeKind.Char
                    ? $"rpad(left(md5(i::text), 4) || i, {N(c.Length)}, 'abcdefghijklmnopqrstuvwxyz')"
                    : $"rpad(left(md5(i::text), 4) || '_' || i || '_', {N(c.Length)}, md5(i::text))";
            case SampleValueKind.Email:
                return $"rpad(left(md5(i::text), 4) || '.' || i || '.', {N(Math.Max(2, c.Length - 12))}, md5(i::text)) || '@example.com'";
            case SampleValueKind.Url:
                return $"'https://example.com/' || rpad(i || '/', {N(Math.Max(2, c.Length - 20))}, md5(i::text))";
            case SampleValueKind.EnumCycle:
                return $"(ARRAY[{W.List(c.Choices!.Select(W.String))}])[1 + (i % {N(c.Choices!.Count)})]";
            case SampleValueKind.EnumArray:
                var items = Enumerable.Range(0, c.Length).Select(k => $"(ARRAY[{W.List(c.Choices!.Select(W.String))}])[1 + ((i + {N(k)}) % {N(c.Choices!.Count)})]");
                return W.Cast($"ARRAY[{W.List(items)}]", native);
            case SampleValueKind.TextArray:
                var texts = Enumerable.Range(0, c.Length).Select(k => $"rpad('e' || i || '.{N(k)}', {N(c.Scale)}, md5(i::text))");
                return W.Cast($"ARRAY[{W.List(texts)}]", native);
            case SampleValueKind.Integer:
                return c.Max >= long.MaxValue / 2 ? $"(i + {D(c.Min)})::{native}" : $"({D(c.Min)} + (i % {D(c.Max - c.Min + 1)}))::{native}";
            case SampleValueKind.Decimal:
                // Amounts with as many integer digits as the forecast assumes and a non-zero fraction.
                var low = Math.Max(c.Min, c.Max >= 1000 ? 1000 : c.Min);
                var span = Math.Max(1, Math.Min(c.Max, 9999) - low);
                return $"round(({D(low)} + (i * 7919) % {D(span)} + (1 + i % 99) / 100.0)::numeric, {N(c.Scale)})";
            case SampleValueKind.Real:
                return $"({D(c.Min)} + ((i * 7919) % {D(Math.Max(1, (c.Max - c.Min) * 1000))}) / 1000.0)::{native}";
            case SampleValueKind.Bool:
                return "(i % 2 = 0)";
            case SampleValueKind.Timestamp:
                // Rows arrive in time order, a minute apart, as inserts do in production.
                return $"{W.Cast(W.String(Epoch), "timestamptz")} + i * interval '1 minute'";
            case SampleValueKind.Date:
                return $"{W.Cast(W.String("2024-01-01"), "date")} + (i % {N(c.Modulus)})::integer";
            case SampleValueKind.Time:
                return "time '00:00' + (i % 86400) * interval '1 second'";
            case SampleValueKind.Json:
                // Four paths; the note pads the document to the typical size (its fixed part is about 60 bytes).
                return $"jsonb_build_object('id', i, 'kind', 'k' || (i % 10), 'flag', (i % 2 = 0), 'note', rpad(md5(i::text), {N(Math.Max(1, c.Length - 60))}, md5((i + 1)::text)))";
            case SampleValueKind.Binary:
                return $"decode(repeat(md5(i::text), {N(Math.Max(1, c.Length / 16))}), 'hex')";
            default:
                throw new InvalidOperationException($"Unknown sample value kind {c.Kind}.");
        }
    }
}
