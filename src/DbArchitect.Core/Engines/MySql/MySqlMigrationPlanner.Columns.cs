using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

public sealed partial class MySqlMigrationPlanner
{
    private sealed partial class Planning
    {
        private void AddColumnChange(SchemaDifference d)
        {
            var name = d.Name!;
            switch (d.Change, d.Property)
            {
                case (DifferenceChange.Added, _):
                    AddColumn(Wanted(d.Table), name);
                    break;
                case (DifferenceChange.Removed, _):
                    _destructive.Add(Alter(MigrationPhase.Destructive, d.Table, $"Drop column {name}", $"DROP COLUMN {W.Id(name)}", "ALGORITHM=INSTANT", null,
                        MigrationRisk.High, $"The values of {d.Table}.{name} are lost. Restore from a backup to undo.") with { LosesData = true });
                    break;
                case (DifferenceChange.Renamed, _):
                    _expand.Add(Alter(MigrationPhase.Expand, d.Table, $"Rename column {d.ReferenceValue} to {d.DifferenceValue}",
                        $"RENAME COLUMN {W.Id(d.ReferenceValue!)} TO {W.Id(d.DifferenceValue!)}", "ALGORITHM=INSTANT", null, MigrationRisk.High,
                        "Explicit rename hint; clients that use the old name break, so deploy them together."));
                    break;
                case (_, DifferenceProperty.Type):
                    ChangeType(Existing(d.Table), Wanted(d.Table), Wanted(d.Table).FindColumn(name)!, d.ReferenceValue!, d.DifferenceValue!);
                    break;
                case (_, DifferenceProperty.Default):
                    var target = Wanted(d.Table).FindColumn(name)!;
                    var expression = MySqlExpressions.Default(target, _dialect);
                    _expand.Add(Alter(MigrationPhase.Expand, d.Table, $"Set the default of {name}",
                        $"ALTER COLUMN {W.Id(name)} {(expression is null ? "DROP DEFAULT" : "SET DEFAULT " + expression)}", "ALGORITHM=INSTANT", null, MigrationRisk.Low,
                        "A default is metadata only."));
                    break;
                default:
                    // Nullability, identity and comment are all part of the column definition: MODIFY COLUMN in place.
                    var column = Wanted(d.Table).FindColumn(name)!;
                    var instant = d.Property == DifferenceProperty.Comment;
                    (d.Property == DifferenceProperty.Nullability && d.DifferenceValue == "NOT NULL" ? _tighten : _expand).Add(Alter(
                        d.Property == DifferenceProperty.Nullability && d.DifferenceValue == "NOT NULL" ? MigrationPhase.Tighten : MigrationPhase.Expand, d.Table,
                        $"Change {d.Property} of {name}", "MODIFY COLUMN " + MySqlTableDdl.ColumnDefinition(column, _dialect),
                        instant ? "ALGORITHM=INSTANT" : "ALGORITHM=INPLACE, LOCK=NONE", null, instant ? MigrationRisk.Low : MigrationRisk.Medium,
                        instant ? "A comment is metadata only." : "InnoDB rebuilds the table online; LOCK=NONE keeps writers running (NOT NULL fails if a NULL remains)."));
                    break;
            }
        }

        /// <summary>
        /// A constant default (or none on a nullable column) is INSTANT. A volatile default (UUID(), CURRENT_TIMESTAMP)
        /// or a backfill expression: the column is added nullable, its default set for new rows, old rows backfilled in
        /// batches, then NOT NULL in place with LOCK=NONE.
        /// </summary>
        private void AddColumn(Table table, string name)
        {
            var drop = $"ALTER TABLE {W.Id(table.Name)} DROP COLUMN {W.Id(name)}, ALGORITHM=INSTANT;";
            if (MySqlHelperColumns.For(table, _dialect).FirstOrDefault(h => h.Name == name) is { } helper)
            {
                // A virtual column an index of the design needs (LOWER(column), a partial-unique flag): metadata only.
                _expand.Add(Alter(MigrationPhase.Expand, table.Name, $"Add generated column {name}",
                    $"ADD COLUMN {IfNotExists}{W.Id(helper.Name)} {helper.Definition} COMMENT {W.Comment(helper.Purpose, MySqlTableDdl.ColumnCommentMax)}", "ALGORITHM=INSTANT", drop,
                    MigrationRisk.Low, "A VIRTUAL column stores nothing; the index built on it next materialises the values."));
                return;
            }

            var column = table.FindColumn(name) ?? throw new InvalidOperationException($"Column {table.Name}.{name} is in neither the design nor its helper columns.");
            var key = table.Name + "." + column.Name;
            var expression = MySqlExpressions.Default(column, _dialect);
            var volatileDefault = column.Generation == KeyGeneration.RandomUuid || column.Default?.Kind is DefaultKind.Now or DefaultKind.RandomUuid;
            var backfill = _options.Backfill.TryGetValue(key, out var given) ? given : volatileDefault ? Unwrap(expression!) : null;
            if (backfill is null && (column.Nullable || expression is not null))
            {
                _expand.Add(Alter(MigrationPhase.Expand, table.Name, $"Add column {column.Name}", $"ADD COLUMN {IfNotExists}{MySqlTableDdl.ColumnDefinition(column, _dialect)}",
                    "ALGORITHM=INSTANT", drop, MigrationRisk.Low, "INSTANT adds the column in the data dictionary; existing rows read the default without a rewrite."));
                return;
            }

            if (backfill is null)
            {
                throw new DbArchitectException(new DbArchitectError(
                    "MigrationNeedsBackfill", ErrorKind.InvalidData,
                    $"Column {key} is new and NOT NULL but has no default: existing rows would have no value.",
                    $"Give the column a default in the requirements, or pass -Backfill @{{ '{key}' = '<SQL expression>' }}.", null, key));
            }

            var nullable = column with { Nullable = true, Default = null, Generation = KeyGeneration.None };
            _expand.Add(Alter(MigrationPhase.Expand, table.Name, $"Add column {column.Name} (nullable for now)",
                $"ADD COLUMN {IfNotExists}{MySqlTableDdl.ColumnDefinition(nullable, _dialect)}", "ALGORITHM=INSTANT", drop, MigrationRisk.Low,
                "Added nullable without a volatile default, so INSTANT applies and nothing is rewritten."));
            if (expression is not null)
            {
                _expand.Add(Alter(MigrationPhase.Expand, table.Name, $"Set the default of {column.Name} for new rows", $"ALTER COLUMN {W.Id(column.Name)} SET DEFAULT {expression}",
                    "ALGORITHM=INSTANT", null, MigrationRisk.Low, "New rows get the value at once, so the backfill has a fixed set of rows to fill."));
            }

            Backfill(table, column.Name, backfill, $"{W.Id(column.Name)} IS NULL");
            if (!column.Nullable)
            {
                _tighten.Add(Alter(MigrationPhase.Tighten, table.Name, $"Make {column.Name} NOT NULL", "MODIFY COLUMN " + MySqlTableDdl.ColumnDefinition(column, _dialect),
                    "ALGORITHM=INPLACE, LOCK=NONE", null, MigrationRisk.Medium, "InnoDB rebuilds the table online with LOCK=NONE; writers keep running."));
            }
        }

        private string IfNotExists => _dialect.IsMariaDb ? "IF NOT EXISTS " : string.Empty;

        private static string Unwrap(string expression) =>
            expression.StartsWith('(') && expression.EndsWith(')') ? expression[1..^1] : expression;

        private void Backfill(Table table, string column, string value, string pending)
        {
            if (table.PrimaryKey.Columns.Count != 1)
            {
                throw new DbArchitectException(new DbArchitectError(
                    "MigrationNeedsPrimaryKey", ErrorKind.InvalidData,
                    $"Table {table.Name} needs a single-column primary key to backfill {column} in keyset batches.",
                    "Backfill the column by hand before the NOT NULL step.", null, table.Name));
            }

            var key = table.FindColumn(table.PrimaryKey.Columns[0])!;
            _backfill.Add(Plain(MigrationPhase.Backfill, table.Name, $"Backfill {column} in batches of {_options.BatchSize}",
                W.Backfill(ProcedureName("backfill"), table.Name, key.Name, MySqlExpressions.NativeType(key, _dialect), column, value, pending, _options),
                "row locks of one batch at a time", null, MigrationRisk.Medium,
                $"Keyset batches over the primary key, each committed, {_options.BatchPause.TotalMilliseconds} ms apart; a rerun only fills rows still missing a value."));
        }

        private void ChangeType(Table old, Table table, Column wanted, string fromType, string toType)
        {
            var definition = MySqlTableDdl.ColumnDefinition(wanted, _dialect);
            if (VarcharWidening(fromType, toType))
            {
                _expand.Add(Alter(MigrationPhase.Expand, table.Name, $"Widen {wanted.Name} to {toType}", "MODIFY COLUMN " + definition, "ALGORITHM=INSTANT", null,
                    MigrationRisk.Low, $"{fromType} → {toType} keeps the length prefix size, so InnoDB changes the dictionary only."));
                return;
            }

            if (!Widening(fromType, toType))
            {
                _destructive.Add(Alter(MigrationPhase.Destructive, table.Name, $"Change {wanted.Name} to {toType}", "MODIFY COLUMN " + definition, "ALGORITHM=COPY, LOCK=SHARED",
                    null, MigrationRisk.High, $"{fromType} → {toType} can fail on or truncate existing values, and copies the table while writers wait.") with { LosesData = true });
                return;
            }

            var oldName = old.Columns.FirstOrDefault(c => _comparison.Renames.ColumnIn(old.Name, c.Name) == wanted.Name)?.Name ?? wanted.Name;
            var inKeys = old.PrimaryKey.Columns.Contains(oldName) || old.ForeignKeys.Any(f => f.Columns.Contains(oldName)) || old.UniqueKeys.Any(u => u.Columns.Contains(oldName))
                || old.Indexes.Any(i => i.Keys.Any(k => k.Column == oldName));
            if (inKeys)
            {
                _expand.Add(Alter(MigrationPhase.Expand, table.Name, $"Change {wanted.Name} to {toType} (copy)", "MODIFY COLUMN " + definition, "ALGORITHM=COPY, LOCK=SHARED",
                    null, MigrationRisk.High, $"{fromType} → {toType} copies the table while writers wait; the column is in a key, so the new-column route would rebuild it. Schedule a quiet window."));
                return;
            }

            ChangeTypeThroughNewColumn(table, wanted);
        }

        /// <summary>A new column kept equal by triggers, a batched backfill, NOT NULL in place, then a swap by renames under a brief table lock.</summary>
        private void ChangeTypeThroughNewColumn(Table table, Column wanted)
        {
            var column = wanted.Name;
            var max = MySqlIdentifiers.MaxIdentifierCharacters;
            var shadow = IdentifierShortener.Shorten(column + "__new", max);
            var retired = IdentifierShortener.Shorten(column + "__old", max);
            var insert = IdentifierShortener.Shorten(table.Name + "_" + column + "_sync_ins", max);
            var update = IdentifierShortener.Shorten(table.Name + "_" + column + "_sync_upd", max);
            var shadowColumn = wanted with { Name = shadow, Nullable = true, Default = null, Generation = KeyGeneration.None, Comment = null };
            _expand.Add(Alter(MigrationPhase.Expand, table.Name, $"Add {shadow}", $"ADD COLUMN {IfNotExists}{MySqlTableDdl.ColumnDefinition(shadowColumn, _dialect)}",
                "ALGORITHM=INSTANT", null, MigrationRisk.Low, "Changing the type in place would copy the table while writers wait; a new column and triggers keep them running."));
            _expand.Add(Plain(MigrationPhase.Expand, table.Name, $"Dual-write triggers for {column}",
                $"DROP TRIGGER IF EXISTS {W.Id(insert)};\nCREATE TRIGGER {W.Id(insert)} BEFORE INSERT ON {W.Id(table.Name)} FOR EACH ROW SET NEW.{W.Id(shadow)} = NEW.{W.Id(column)};\n"
                + $"DROP TRIGGER IF EXISTS {W.Id(update)};\nCREATE TRIGGER {W.Id(update)} BEFORE UPDATE ON {W.Id(table.Name)} FOR EACH ROW SET NEW.{W.Id(shadow)} = NEW.{W.Id(column)};",
                "metadata lock briefly per trigger", $"DROP TRIGGER IF EXISTS {W.Id(insert)};\nDROP TRIGGER IF EXISTS {W.Id(update)};", MigrationRisk.Low,
                "Every write from now on fills the new column too."));
            Backfill(table, shadow, W.Id(column), $"{W.Id(shadow)} IS NULL AND {W.Id(column)} IS NOT NULL");
            if (!wanted.Nullable)
            {
                _tighten.Add(Alter(MigrationPhase.Tighten, table.Name, $"Make {shadow} NOT NULL", "MODIFY COLUMN " + MySqlTableDdl.ColumnDefinition(shadowColumn with { Nullable = false }, _dialect),
                    "ALGORITHM=INPLACE, LOCK=NONE", null, MigrationRisk.Medium, "InnoDB rebuilds the table online with LOCK=NONE."));
            }

            var zero = wanted.Type.IsNumeric ? "0" : "''";
            var set = MySqlExpressions.Default(wanted, _dialect) is { } expression ? $", ALTER COLUMN {W.Id(column)} SET DEFAULT {expression}" : string.Empty;
            _tighten.Add(Plain(MigrationPhase.Tighten, table.Name, $"Swap {shadow} in as {column}",
                $"LOCK TABLES {W.Id(table.Name)} WRITE;\n"
                + $"DROP TRIGGER IF EXISTS {W.Id(insert)};\nDROP TRIGGER IF EXISTS {W.Id(update)};\n"
                + $"ALTER TABLE {W.Id(table.Name)} ALTER COLUMN {W.Id(column)} SET DEFAULT {zero}, ALGORITHM=INSTANT;\n"
                + $"ALTER TABLE {W.Id(table.Name)} RENAME COLUMN {W.Id(column)} TO {W.Id(retired)}, RENAME COLUMN {W.Id(shadow)} TO {W.Id(column)}, ALGORITHM=INSTANT;\n"
                + (set.Length > 0 ? $"ALTER TABLE {W.Id(table.Name)} {set[2..]}, ALGORITHM=INSTANT;\n" : string.Empty)
                + "UNLOCK TABLES;",
                $"WRITE on {table.Name} for the renames only (metadata changes); lock_wait_timeout {W.Seconds(_options.LockTimeout)} s", null, MigrationRisk.Medium,
                "The triggers go and both renames happen under one brief table lock, so no write slips between them; the retired column gets a default so inserts that omit it keep working."));
            _contract.Add(Alter(MigrationPhase.Contract, table.Name, $"Drop the retired column {retired}", $"DROP COLUMN {W.Id(retired)}", "ALGORITHM=INSTANT", null,
                MigrationRisk.Low, $"Its values live on in {column}."));
        }

        private static bool VarcharWidening(string from, string to)
        {
            var (a, b) = (Length(from), Length(to));
            // utf8mb4: up to 255 bytes take a 1-byte length prefix; crossing that boundary copies the table.
            return a is { } x && b is { } y && y >= x && (x * 4 > 255) == (y * 4 > 255);
        }

        private static int? Length(string type) =>
            Regex.Match(type, @"^varchar\((\d+)\)$") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

        private static readonly string[] Integers = { "tinyint", "smallint", "mediumint", "int", "bigint" };

        private static bool Widening(string from, string to)
        {
            var (a, b) = (Array.IndexOf(Integers, from), Array.IndexOf(Integers, to));
            return (a >= 0 && b > a) || (Length(from) is { } x && Length(to) is { } y && y >= x) || (from.StartsWith("varchar", StringComparison.Ordinal) && to is "text" or "mediumtext" or "longtext")
                || (from == "float" && to == "double");
        }
    }
}
