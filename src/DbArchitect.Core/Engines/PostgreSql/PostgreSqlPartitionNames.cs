using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The names a partition plan creates: partitions (table_p202601), the DEFAULT partition, the maintenance function,
/// the conversion's helper objects. Each is cut to PostgreSQL's 63 bytes by shortening the table part, the same way
/// the maintenance function does at run time (left(base, 63 - length(suffix))).
/// </summary>
internal sealed class PostgreSqlPartitionNames
{
    public const int MaxBytes = 63;

    public PostgreSqlPartitionNames(PartitionPlan plan)
    {
        Schema = plan.Schema;
        Base = plan.Table;
        Key = plan.Key;
    }

    public string Schema { get; }

    public string Base { get; }

    public string Key { get; }

    public string Parent => W.Qualified(Schema, Base);

    /// <summary>The parent as a text literal, for regclass casts at run time (so renames are followed).</summary>
    public string ParentText => W.String(Parent);

    public string Default => Derived("_default");

    public string DefaultQualified => W.Qualified(Schema, Default);

    public string Maintenance => W.Qualified(Schema, Derived("_partition_maintenance"));

    public string Partitioned => Derived("_partitioned");

    public string PartitionedQualified => W.Qualified(Schema, Partitioned);

    public string Unpartitioned => Derived("_unpartitioned");

    public string UnpartitionedQualified => W.Qualified(Schema, Unpartitioned);

    public string SyncTrigger => Derived("_partition_sync");

    public string SyncFunction => W.Qualified(Schema, SyncTrigger);

    public string RollbackTrigger => Derived("_partition_unsync");

    public string RollbackFunction => W.Qualified(Schema, RollbackTrigger);

    public string CopyProcedure => W.Qualified(Schema, Derived("_partition_copy"));

    public string CopyState => W.Qualified(Schema, Derived("_partition_copy_state"));

    public string CronJob => "partition-maintenance " + Schema + "." + Base;

    public string LookupCronJob => "partition-lookup-cleanup " + Schema + "." + Base;

    /// <summary>The row trigger (and its function) that keeps the unique lookups in step.</summary>
    public string LookupTrigger => Derived("_unique_lookup");

    public string LookupTruncateTrigger => Derived("_unique_lookup_truncate");

    public string LookupFunction => W.Qualified(Schema, LookupTrigger);

    public string LookupCleanup => W.Qualified(Schema, Derived("_unique_lookup_cleanup"));

    /// <summary>The lookup table that keeps a key unique across partitions: key_lookup.</summary>
    public static string Lookup(string key) => Cut(key, MaxBytes - 7) + "_lookup";

    /// <summary>The unique index of a primary key's lookup (the key's own name stays on the partitioned table).</summary>
    public static string LookupKey(string key) => Cut(key, MaxBytes - 11) + "_lookup_key";

    /// <summary>The partition with this boundary name suffix (p202601, h0, active): base_p202601.</summary>
    public string Partition(string boundaryName) => Derived("_" + boundaryName);

    /// <summary>base + suffix, the base cut so the whole fits in 63 characters.</summary>
    public string Derived(string suffix) => Cut(Base, MaxBytes - suffix.Length) + suffix;

    /// <summary>An index name for the partitioned copy of a live index: name_p.</summary>
    public static string CopyIndex(string index) => Cut(index, MaxBytes - 2) + "_p";

    /// <summary>The name a key or index of the original table takes at the swap, freeing its name for the partitioned table: name_u.</summary>
    public static string OldObject(string name) => Cut(name, MaxBytes - 2) + "_u";

    /// <summary>The temporary name of a foreign key re-pointed to the partitioned table, until the old one is dropped: name_p.</summary>
    public static string CopyForeignKey(string name) => CopyIndex(name);

    private static string Cut(string text, int length) => TextCut.ToLength(text, Math.Max(1, length), mark: string.Empty);
}
