using DbArchitect.Core.Model;
using V = DbArchitect.Core.Schema.SchemaValues;

namespace DbArchitect.Core.Schema;

public static partial class SchemaComparer
{
    /// <summary>Row-level security flags, then the policies by name (command, roles and conditions, as the engine shows them).</summary>
    private static void CompareRowSecurity(Table old, Table wanted, Func<RowPolicy, string> policyText, List<SchemaDifference> rows)
    {
        var (from, to) = (RowSecurity(old), RowSecurity(wanted));
        if (from != to)
        {
            rows.Add(new(DifferenceChange.Changed, SchemaObjectKind.Table, wanted.Name, null, DifferenceProperty.RowSecurity, from, to,
                $"Row-level security {from} → {to}."));
        }

        CompareNamed(SchemaObjectKind.Policy, wanted.Name, old.Policies, wanted.Policies, p => p.Name, (p, _) => policyText(p), p => p.Comment, rows);
    }

    internal static string RowSecurity(Table table) =>
        (table.RowSecurityEnabled, table.RowSecurityForced) switch
        {
            (true, true) => "enabled, forced",
            (true, false) => "enabled",
            (false, true) => "disabled, forced",
            _ => "disabled",
        };

    /// <summary>
    /// A row policy in no engine's words: "permissive, command ALL, roles app, visible when (…), writable when (…)".
    /// An engine with row policies shows them in its own syntax (<see cref="ISchemaInspector.PolicyText"/>).
    /// </summary>
    public static string PolicyText(RowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"{(policy.Permissive ? "permissive" : "restrictive")}, command {policy.Command}, roles {V.List(policy.Roles.Order(StringComparer.Ordinal))}"
            + (policy.VisibleWhen is { } visible ? $", visible when ({visible})" : string.Empty)
            + (policy.WritableWhen is { } writable ? $", writable when ({writable})" : string.Empty);
    }

    private static void ComparePartitioning(Table old, Table wanted, List<SchemaDifference> rows)
    {
        if (!string.Equals(old.PartitionBy, wanted.PartitionBy, StringComparison.Ordinal))
        {
            rows.Add(new(DifferenceChange.Changed, SchemaObjectKind.Table, wanted.Name, null, DifferenceProperty.Partitioning, old.PartitionBy, wanted.PartitionBy,
                $"Partitioning {V.Show(old.PartitionBy)} → {V.Show(wanted.PartitionBy)}: changing it means moving every row into a new table."));
        }
    }

    /// <summary>Sequences by name and settings, views by name only (their text is the application's, not the schema's shape).</summary>
    private static void CompareSchemaObjects(SchemaModel reference, SchemaModel difference, List<SchemaDifference> rows)
    {
        CompareNamed(SchemaObjectKind.Sequence, difference.Schema, reference.Sequences, difference.Sequences, s => s.Name, (s, _) => SequenceText(s), _ => null, rows);
        CompareNamed(SchemaObjectKind.View, difference.Schema, reference.Views, difference.Views, v => v, (v, _) => "VIEW " + v, _ => null, rows);
    }

    internal static string SequenceText(SequenceDefinition s) =>
        $"{s.DataType} START {s.Start} INCREMENT {s.Increment} MINVALUE {s.Minimum} MAXVALUE {s.Maximum} CACHE {s.Cache}{(s.Cycle ? " CYCLE" : string.Empty)}";
}
