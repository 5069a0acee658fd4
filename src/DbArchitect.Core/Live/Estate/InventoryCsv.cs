using System.Text;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Live.Estate;

/// <summary>
/// An inventory as CSV (RFC 4180: a header row, commas, fields in double quotes where they hold a comma, quote or line
/// break; "" for a quote). Every cell keeps its line and column so an error points at it. Blank lines and lines
/// starting with # are skipped.
/// </summary>
internal static class InventoryCsv
{
    public static IReadOnlyList<InventoryRow> Read(string file, string text, List<DbArchitectError> errors)
    {
        var records = Records(file, text, errors);
        var rows = new List<InventoryRow>();
        if (records.Count == 0)
        {
            errors.Add(new DbArchitectError("InventoryEmpty", ErrorKind.InvalidData, "The inventory has no header row.",
                $"Start it with a header naming its columns: {string.Join(",", InventoryColumns.All)} (only server is required).", new SourceLocation(file, 1, 1)));
            return rows;
        }

        var header = records[0];
        var columns = new string?[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            columns[i] = InventoryColumns.Resolve(header[i].Value);
            if (columns[i] is null)
            {
                errors.Add(new DbArchitectError("InventoryColumnUnknown", ErrorKind.InvalidData, $"The column '{header[i].Value}' is not an inventory column.",
                    $"Use these columns: {string.Join(", ", InventoryColumns.All)}.", header[i].At));
            }
        }

        // A mistyped column (databse) must not sweep the wrong databases: no row is read until the header is right.
        if (columns.Contains(null))
        {
            return rows;
        }

        if (!columns.Contains(InventoryColumns.Server))
        {
            errors.Add(new DbArchitectError("InventoryServerMissing", ErrorKind.InvalidData, "The header has no server column.",
                $"Add a server column; the others ({string.Join(", ", InventoryColumns.All.Skip(1))}) are optional.", header[0].At));
            return rows;
        }

        foreach (var record in records.Skip(1))
        {
            var row = new InventoryRow(record[0].At);
            if (record.Count > header.Count && record.Skip(header.Count).Any(c => c.Value.Trim().Length > 0))
            {
                var extra = record[header.Count];
                errors.Add(new DbArchitectError("InventoryRowTooLong", ErrorKind.InvalidData, $"The row has {record.Count} fields but the header names {header.Count} columns.",
                    "Quote a value that holds a comma (\"db1,5433\"), or add the column to the header.", extra.At));
                continue;
            }

            for (var i = 0; i < Math.Min(record.Count, header.Count); i++)
            {
                if (columns[i] is { } column)
                {
                    row.Set(column, record[i].Value, record[i].At);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The records of the file, each a list of cells with their positions; comment and blank lines left out.</summary>
    private static List<List<(string Value, SourceLocation At)>> Records(string file, string text, List<DbArchitectError> errors)
    {
        var records = new List<List<(string, SourceLocation)>>();
        var record = new List<(string, SourceLocation)>();
        var cell = new StringBuilder();
        int line = 1, column = 1, cellLine = 1, cellColumn = 1;
        bool quoted = false, wasQuoted = false, atRecordStart = true, comment = false;
        var quoteAt = new SourceLocation(file, 1, 1);

        void EndCell()
        {
            record.Add((wasQuoted ? cell.ToString() : cell.ToString().Trim(), new SourceLocation(file, cellLine, cellColumn)));
            cell.Clear();
            wasQuoted = false;
        }

        void EndRecord()
        {
            EndCell();
            if (!(record.Count == 1 && ((string)record[0].Item1).Length == 0))
            {
                records.Add(record);
            }

            record = new List<(string, SourceLocation)>();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (atRecordStart && !quoted)
            {
                cellLine = line;
                cellColumn = column;
                comment = c == '#';
                atRecordStart = false;
            }

            if (comment)
            {
                if (c == '\n')
                {
                    comment = false;
                    atRecordStart = true;
                    cell.Clear();
                    record.Clear();
                }

                Advance(c, ref line, ref column);
                continue;
            }

            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                    column++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
                wasQuoted = true;
                quoteAt = new SourceLocation(file, line, column);
            }
            else if (c == ',')
            {
                EndCell();
                cellLine = line;
                cellColumn = column + 1;
            }
            else if (c == '\n')
            {
                EndRecord();
                atRecordStart = true;
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }

            Advance(c, ref line, ref column);
        }

        if (quoted)
        {
            errors.Add(new DbArchitectError("InventorySyntaxError", ErrorKind.SyntaxError, "A quoted value is not closed.",
                "Close the value with a double quote (\"); write a quote inside a value as two (\"\").", quoteAt));
            return records;
        }

        if (!atRecordStart || cell.Length > 0 || record.Count > 0)
        {
            EndRecord();
        }

        return records;
    }

    private static void Advance(char c, ref int line, ref int column)
    {
        if (c == '\n')
        {
            line++;
            column = 1;
        }
        else
        {
            column++;
        }
    }
}
