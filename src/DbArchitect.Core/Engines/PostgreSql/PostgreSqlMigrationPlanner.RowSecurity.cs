using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

public sealed partial class PostgreSqlMigrationPlanner
{
    /// <summary>Policies, row-level security and sequences are planned; views (no definition is compared) and partitioning are not.</summary>
    public bool CanPlan(SchemaDifference difference) =>
        difference is not { ObjectKind: SchemaObjectKind.View } and not { Property: DifferenceProperty.Partitioning or DifferenceProperty.Computed or DifferenceProperty.StorageOptions };

    private sealed partial class Planning
    {
        private const string PolicyLock = "ACCESS EXCLUSIVE, catalog change only";

        private static readonly PostgreSqlInspector Catalog = new();

        /// <summary>A table's policies and row-level security as built: a design carries them only once the security script's are added.</summary>
        private Table Built(Table table, SchemaModel model) =>
            model.Engine is null ? Catalog.AsBuilt(model with { Tables = new[] { table } }).Tables[0] : table;

        private Table ExistingBuilt(string table) => Built(Existing(table), _comparison.Reference);

        private Table WantedBuilt(string table) => Built(Wanted(table), _comparison.Difference);

        /// <summary>
        /// What the security script gives a table of a design, for a table this plan creates: the owner role (so default
        /// privileges and ALTER by migrations keep working), the application's and readers' grants, and for a
        /// tenant-scoped table row-level security (enabled and forced) with its policies and their comments. A table of
        /// an imported schema carries its own policies; owner and grants are not read from a catalog, so none are set.
        /// </summary>
        private IReadOnlyList<string> TableSecurity(Table table)
        {
            var statements = new List<string>();
            var name = Q(table.Name);
            if (_comparison.Difference.Engine is null)
            {
                var roles = PostgreSqlSecurityDdl.RoleNames(_comparison.Difference.Schema, MaxName);
                statements.Add($"ALTER TABLE {name} OWNER TO {W.Id(roles.Owner)}");
                statements.Add(table.Kind == TableKind.Audit
                    ? $"GRANT SELECT ON TABLE {name} TO {W.Id(roles.App)}"
                    : $"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE {name} TO {W.Id(roles.App)}");
                statements.Add($"GRANT SELECT ON TABLE {name} TO {W.Id(roles.ReadOnly)}");
                if (table.Columns.Any(c => c.Generation == KeyGeneration.Identity))
                {
                    // The identity column's sequence gets what the security script grants on every sequence of the
                    // schema, in the security script's own words, so a migrated database equals a fresh build.
                    var schema = W.Id(_comparison.Difference.Schema);
                    statements.Add($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {W.Id(roles.App)}");
                    statements.Add($"GRANT SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {W.Id(roles.ReadOnly)}");
                }
            }

            var built = Built(table, _comparison.Difference);
            if (built.RowSecurityEnabled || built.RowSecurityForced)
            {
                statements.AddRange(W.RowSecurity(name, built.RowSecurityEnabled, built.RowSecurityForced));
            }

            foreach (var policy in built.Policies)
            {
                statements.Add(W.CreatePolicy(name, policy));
                if (policy.Comment is not null)
                {
                    statements.Add(W.CommentOnPolicy(name, policy.Name, policy.Comment));
                }
            }

            return statements;
        }

        private void AddRowSecurityChange(SchemaDifference d)
        {
            var (old, wanted) = (ExistingBuilt(d.Table), WantedBuilt(d.Table));
            _expand.Add(Strong(MigrationPhase.Expand, d.Table, $"Row-level security {d.ReferenceValue} → {d.DifferenceValue}",
                W.RowSecurity(Q(d.Table), wanted.RowSecurityEnabled, wanted.RowSecurityForced),
                string.Join(";\n", W.RowSecurity(Q(d.Table), old.RowSecurityEnabled, old.RowSecurityForced)), MigrationRisk.Medium,
                "A catalog change under a brief lock; once enabled, rows are visible only through a policy, so create the policies in the same migration.", PolicyLock));
        }

        private void AddPolicyChange(SchemaDifference d)
        {
            var name = d.Name!;
            var table = Q(d.Table);
            var old = d.Change == DifferenceChange.Added ? null : ExistingBuilt(d.Table).Policies.First(p => p.Name == name);
            var wanted = d.Change == DifferenceChange.Removed ? null : WantedBuilt(d.Table).Policies.First(p => p.Name == name);
            if (d.Property == DifferenceProperty.Comment)
            {
                Comment(d.Table, W.CommentOnPolicy(table, name, d.DifferenceValue), W.CommentOnPolicy(table, name, d.ReferenceValue), "policy comment");
                return;
            }

            IReadOnlyList<string> Create(RowPolicy p) => p.Comment is null
                ? new[] { W.CreatePolicy(table, p) }
                : new[] { W.CreatePolicy(table, p), W.CommentOnPolicy(table, p.Name, p.Comment) };

            string Undo(RowPolicy? p) => string.Join(";\n", new[] { W.DropPolicy(table, name) }.Concat(p is null ? Array.Empty<string>() : Create(p)));

            switch (d.Change)
            {
                case DifferenceChange.Added:
                    _expand.Add(Strong(MigrationPhase.Expand, d.Table, $"Create policy {name}", Create(wanted!), Undo(null), MigrationRisk.Low,
                        "A new policy is a catalog change; it only widens (permissive) or narrows (restrictive) what rows are visible.", PolicyLock));
                    break;
                case DifferenceChange.Removed:
                    _contract.Add(Strong(MigrationPhase.Contract, d.Table, $"Drop policy {name}", new[] { W.DropPolicy(table, name) }, Undo(old), MigrationRisk.Medium,
                        "Dropping a policy changes which rows each role sees; no data is lost.", PolicyLock));
                    break;
                default:
                    // Drop and create in one retried block, so no transaction sees the table without the policy.
                    _expand.Add(Strong(MigrationPhase.Expand, d.Table, $"Replace policy {name}", new[] { W.DropPolicy(table, name) }.Concat(Create(wanted!)).ToArray(),
                        Undo(old), MigrationRisk.Medium,
                        $"{d.ReferenceValue} → {d.DifferenceValue}; replaced atomically under a brief lock.", PolicyLock));
                    break;
            }
        }

        private void AddSequenceChange(SchemaDifference d)
        {
            var name = d.Name!;
            var qualified = Q(name);
            var old = _comparison.Reference.Sequences.FirstOrDefault(s => s.Name == name);
            var wanted = _comparison.Difference.Sequences.FirstOrDefault(s => s.Name == name);
            switch (d.Change)
            {
                case DifferenceChange.Added:
                    _expand.Add(Step(MigrationPhase.Expand, name, $"Create sequence {name}", W.CreateSequence(qualified, wanted!) + ";",
                        "none on existing tables", true, $"DROP SEQUENCE IF EXISTS {qualified};", MigrationRisk.Low, "A new sequence blocks nobody."));
                    break;
                case DifferenceChange.Removed:
                    Destroy(name, $"Drop sequence {name}", $"DROP SEQUENCE IF EXISTS {qualified}", "The sequence's current value is lost; values handed out later may repeat old ones.");
                    break;
                default:
                    _expand.Add(Step(MigrationPhase.Expand, name, $"Alter sequence {name}", W.AlterSequence(qualified, wanted!) + ";",
                        "SHARE ROW EXCLUSIVE on the sequence only; nextval() callers wait for the catalog update", true,
                        W.AlterSequence(qualified, old!) + ";", MigrationRisk.Low,
                        $"{d.ReferenceValue} → {d.DifferenceValue}; the current value is kept."));
                    break;
            }
        }
    }
}
