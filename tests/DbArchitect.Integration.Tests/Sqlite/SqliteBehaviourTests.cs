using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Microsoft.Data.Sqlite;

namespace DbArchitect.Integration.Tests.Sqlite;

/// <summary>
/// The built databases behave as designed: triggers move updated_at and write audit rows, soft-deleted rows release
/// their unique values, CASCADE deletes children, partial SET NULL keeps the tenant, CHECKs reject bad enum values.
/// Each test runs on every spec that has the feature and fails if none has it.
/// </summary>
public sealed class SqliteBehaviourTests
{
    private const string Old = "2000-01-01T00:00:00.000Z";

    [Fact]
    public void Updated_at_trigger_moves_on_update_but_keeps_a_value_the_application_sets()
    {
        var exercised = 0;
        foreach (var spec in TestPaths.DesignSpecs())
        {
            using var db = new SqliteAppliedDesign(spec);
            foreach (var table in db.Design.Physical.Tables.Where(t => t.Features.Timestamps && t.Kind != TableKind.Audit))
            {
                var updatedAt = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.UpdatedAt);
                var other = table.Columns.FirstOrDefault(c => c.Role is ColumnRole.Attribute or ColumnRole.CreatedAt);
                if (updatedAt is null || other is null)
                {
                    continue;
                }

                var row = db.Insert(table);
                db.Execute($"UPDATE {db.Q(table.Name)} SET {db.Q(updatedAt.Name)} = @old WHERE rowid = @r", ("@old", Old), ("@r", row["__rowid"]));
                Assert.Equal(Old, db.Scalar($"SELECT {db.Q(updatedAt.Name)} FROM {db.Q(table.Name)} WHERE rowid = @r", ("@r", row["__rowid"])));
                db.Execute($"UPDATE {db.Q(table.Name)} SET {db.Q(other.Name)} = {db.Q(other.Name)} WHERE rowid = @r", ("@r", row["__rowid"]));
                var moved = (string)db.Scalar($"SELECT {db.Q(updatedAt.Name)} FROM {db.Q(table.Name)} WHERE rowid = @r", ("@r", row["__rowid"]))!;
                Assert.True(string.CompareOrdinal(moved, Old) > 0, $"{spec} {table.Name}: updated_at stayed {moved}");
                exercised++;
            }
        }

        Assert.True(exercised > 0);
    }

    [Fact]
    public void Audit_triggers_write_insert_rows_and_only_the_changed_columns_of_an_update()
    {
        var exercised = 0;
        foreach (var spec in TestPaths.DesignSpecs())
        {
            using var db = new SqliteAppliedDesign(spec);
            var audit = db.Design.Physical.Tables.FirstOrDefault(t => t.Kind == TableKind.Audit);
            if (audit is null)
            {
                continue;
            }

            string A(string key) => db.Q(audit.Columns.First(c => ImplicitColumns.MatchKey(c.Name) == key).Name);
            foreach (var table in db.Design.Physical.Tables.Where(t => t.Features.Audit && t.Kind != TableKind.Audit))
            {
                var text = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.Attribute && c.Type.Kind is LogicalTypeKind.Text or LogicalTypeKind.String
                    && !table.UniqueKeys.Any(u => u.Columns.Contains(c.Name)) && !table.Checks.Any(k => k.Column == c.Name) && (c.Type.Length ?? 10) >= 5);
                var row = db.Insert(table);
                var inserts = db.Scalar($"SELECT count(*) FROM {db.Q(audit.Name)} WHERE {A("tablename")} = @t AND upper({A("action")}) IN ('INSERT', 'I')", ("@t", table.Name));
                Assert.True((long)inserts! >= 1, $"{spec} {table.Name}: no audit row for the insert");
                if (text is null)
                {
                    continue;
                }

                db.Execute($"UPDATE {db.Q(table.Name)} SET {db.Q(text.Name)} = 'zzzzz' WHERE rowid = @r", ("@r", row["__rowid"]));
                var updates = db.Rows($"SELECT {A("newvalues")} AS v FROM {db.Q(audit.Name)} WHERE {A("tablename")} = @t AND upper({A("action")}) IN ('UPDATE', 'U')", ("@t", table.Name));
                var only = Assert.Single(updates);
                var keys = db.Rows("SELECT key FROM json_each(@j)", ("@j", only["v"])).Select(r => (string)r["key"]!).ToList();
                Assert.Equal(new[] { text.Name }, keys);
                exercised++;
            }
        }

        Assert.True(exercised > 0);
    }

    [Fact]
    public void Soft_deleted_row_releases_its_unique_value()
    {
        var exercised = 0;
        foreach (var spec in TestPaths.DesignSpecs())
        {
            using var db = new SqliteAppliedDesign(spec);
            foreach (var table in db.Design.Physical.Tables)
            {
                var deletedAt = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.DeletedAt);
                var index = table.Indexes.FirstOrDefault(i => i.Unique && i.Predicate is { } p && p.Tests.Any(t => deletedAt is not null && t.Column == deletedAt.Name && t.Kind == PredicateKind.IsNull));
                if (deletedAt is null || index is null)
                {
                    continue;
                }

                var first = db.Insert(table);
                var keyColumns = index.Keys.Select(k => k.Column ?? k.Expression!.Columns[0]).ToList();
                var same = keyColumns.ToDictionary(c => c, c => first[c], StringComparer.Ordinal);
                Assert.Throws<SqliteException>(() => db.Insert(table, same));
                db.Execute($"UPDATE {db.Q(table.Name)} SET {db.Q(deletedAt.Name)} = @now WHERE rowid = @r", ("@now", "2024-02-01T00:00:00.000Z"), ("@r", first["__rowid"]));
                var second = db.Insert(table, same);
                Assert.Equal(keyColumns.Select(c => first[c]), keyColumns.Select(c => second[c]));
                exercised++;
            }
        }

        Assert.True(exercised > 0);
    }

    [Fact]
    public void Deleting_a_parent_cascades_to_children_and_partial_set_null_keeps_the_tenant()
    {
        var cascades = 0;
        var setNulls = 0;
        foreach (var spec in TestPaths.DesignSpecs())
        {
            using var db = new SqliteAppliedDesign(spec);
            foreach (var child in db.Design.Physical.Tables)
            {
                foreach (var fk in child.ForeignKeys.Where(f => f.ReferencedTable != child.Name && f.OnDelete is DeleteAction.Cascade or DeleteAction.SetNull))
                {
                    var parentTable = db.Design.Physical.FindTable(fk.ReferencedTable)!;
                    var parent = db.Insert(parentTable);
                    var link = fk.Columns.Select((c, i) => (c, parent[fk.ReferencedColumns[i]])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
                    var row = db.Insert(child, link);
                    db.Execute($"DELETE FROM {db.Q(parentTable.Name)} WHERE rowid = @r", ("@r", parent["__rowid"]));
                    var after = db.Rows($"SELECT * FROM {db.Q(child.Name)} WHERE rowid = @r", ("@r", row["__rowid"]));
                    if (fk.OnDelete == DeleteAction.Cascade)
                    {
                        Assert.Empty(after);
                        cascades++;
                    }
                    else
                    {
                        var kept = Assert.Single(after);
                        var cleared = fk.SetNullColumns.Count > 0 ? fk.SetNullColumns : fk.Columns;
                        Assert.All(cleared, c => Assert.Null(kept[c]));
                        Assert.All(fk.Columns.Except(cleared), c => Assert.Equal(row[c], kept[c]));
                        setNulls++;
                    }
                }
            }

            Assert.Empty(db.Rows("PRAGMA foreign_key_check"));
        }

        Assert.True(cascades > 0);
        Assert.True(setNulls > 0);
    }

    [Fact]
    public void Check_constraint_rejects_a_value_outside_the_enum()
    {
        var exercised = 0;
        foreach (var spec in TestPaths.DesignSpecs())
        {
            using var db = new SqliteAppliedDesign(spec);
            foreach (var table in db.Design.Physical.Tables.Where(t => t.Kind != TableKind.Audit))
            {
                foreach (var check in table.Checks.Where(c => c.Kind is CheckKind.EnumMembers or CheckKind.EnumArrayMembers))
                {
                    var row = db.Insert(table);
                    var bad = check.Kind == CheckKind.EnumMembers ? "not-a-member" : "[\"not-a-member\"]";
                    var error = Assert.Throws<SqliteException>(() =>
                        db.Execute($"UPDATE {db.Q(table.Name)} SET {db.Q(check.Column)} = @bad WHERE rowid = @r", ("@bad", bad), ("@r", row["__rowid"])));
                    Assert.Contains("CHECK constraint failed", error.Message, StringComparison.Ordinal);
                    exercised++;
                }
            }
        }

        Assert.True(exercised > 0);
    }

    [Fact]
    public void Search_templates_find_a_row_through_its_fts5_table()
    {
        var exercised = 0;
        foreach (var spec in TestPaths.DesignSpecs())
        {
            using var db = new SqliteAppliedDesign(spec);
            foreach (var template in db.Design.QueryTemplates.Where(t => t.Shape is QueryShape.FuzzySearch or QueryShape.FullTextSearch))
            {
                var table = db.Design.Physical.FindTable(template.Table!)!;
                var statement = template.Statements[0];
                var searched = statement.Parameters.First(p => p.Kind == QueryParameterKind.SearchTerm).Column;
                var row = db.Insert(table, new Dictionary<string, object?> { [searched] = "xqzv_findme" });
                using var command = db.Command(statement.Sql);
                foreach (var parameter in statement.Parameters)
                {
                    command.Parameters.AddWithValue(parameter.Placeholder, parameter.Kind switch
                    {
                        QueryParameterKind.SearchTerm => "xqzv",
                        QueryParameterKind.Tenant => row[parameter.Column],
                        _ => DBNull.Value,
                    });
                }

                using var reader = command.ExecuteReader();
                Assert.True(reader.Read(), $"{spec} {statement.Name}: the inserted row was not found");
                exercised++;
            }
        }

        Assert.True(exercised > 0);
    }
}
