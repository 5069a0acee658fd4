using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Online conversion of an existing, populated table into a partitioned one. Each step is its own file that can be
/// run again: (1) the partitioned copy with partitions for the whole key range, (2) a trigger that mirrors every
/// change into it, (3) a batched, resumable copy with progress, (4) verification of row count and checksum in one
/// snapshot, (5) the swap by renaming under a short lock, with a reverse trigger so rolling back loses nothing,
/// (6–7) scheduling and the DEFAULT alert, (8) dropping the old table only after a second verification, and a
/// rollback script. Nothing is dropped before verification passed.
/// </summary>
internal static class PostgreSqlPartitionConversion
{
    private const string Engine = "PostgreSQL 15";

    /// <summary>The copy state's columns around the last copied key: one row that says where the copy stands.</summary>
    private static readonly string[] StateColumns =
    {
        "singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton)",
        "rows_copied bigint NOT NULL DEFAULT 0",
        "batches bigint NOT NULL DEFAULT 0",
        "finished boolean NOT NULL DEFAULT false",
        "verified_rows bigint",
        "verified_checksum numeric",
    };

    /// <summary>
    /// The conversion's steps. With <paramref name="partman"/> the copy is registered with pg_partman instead of getting
    /// the maintenance function: create_parent makes the partitions around today, copied rows of older periods land in
    /// its DEFAULT, and partition_data_proc (an extra step after the copy) creates their partitions and moves them.
    /// </summary>
    public static IReadOnlyList<PartitionStep> Steps(PartitionPlan plan, PostgreSqlPartitionNames names, bool partman = false)
    {
        var pk = plan.Target.PrimaryKey!.Columns;
        var steps = new List<PartitionStep>
        {
            new("create-partitioned", partman
                    ? $"Creates the partitioned copy with its keys and indexes and registers it with pg_partman {PostgreSqlPartman.Version(plan)}.x (no retention until the swap)."
                    : "Creates the partitioned copy, its partitions for the whole key range, keys and indexes, and the maintenance function.",
                Create(plan, names, partman), true),
            new("sync-trigger", "Installs the trigger that mirrors every insert, update and delete into the partitioned copy.", SyncTrigger(plan, names, pk), true),
            new("copy", "Copies the rows in batches (CALL outside a transaction; resumable: it continues after the last copied key).", Copy(plan, names), false),
        };
        if (partman)
        {
            steps.Add(new("partition-data", "pg_partman's partition_data_proc creates the partitions of the copied periods and moves their rows out of DEFAULT, in batches.", PostgreSqlPartman.PartitionData(plan, names), false));
        }

        steps.Add(new("verify", "Verifies row count and checksum of both tables in one snapshot and records the result.", Verify(plan, names), true));
        steps.Add(new("swap", "Swaps the tables by renaming under a short lock; installs the reverse trigger for rollback.", Swap(plan, names, pk, partman), true));
        steps.AddRange(partman
            ? PostgreSqlPartman.Lifecycle(plan, names)
            : PostgreSqlPartitioning.Lifecycle(plan, names, runNow: false).Where(s => s.Name != "maintenance"));

        if (PostgreSqlPartitionForeignKeys.Repoint(plan, names) is { } repoint)
        {
            steps.Add(new("repoint-foreign-keys", "Re-points the foreign keys that referenced the old table to the partitioned one (NOT VALID, VALIDATE, drop the old key, take its name). Re-runnable.", repoint, false));
        }

        steps.Add(new("drop-old", "Verifies again, then drops the old table and the conversion's helpers.", DropOld(plan, names), true));
        steps.Add(new("rollback", "Undoes the conversion at any step: swaps back if swapped, removes the copy and helpers.", Rollback(plan, names, partman), true));
        return steps;
    }

    private static string Create(PartitionPlan plan, PostgreSqlPartitionNames names, bool partman)
    {
        var writer = W.ForScript(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken,
            $"Step 1 of the conversion of {plan.Table}: the partitioned copy {names.Partitioned}. Re-runnable.");
        writer.Comment("Columns, defaults, identity, check constraints, comments and storage come from the live table (LIKE); keys and indexes are added below with the partition key.");
        writer.Statement($"CREATE TABLE IF NOT EXISTS {names.PartitionedQualified} (LIKE {names.Parent} INCLUDING ALL EXCLUDING INDEXES){PostgreSqlPartitionParent.PartitionBy(plan)}");
        if (plan.Strategy != PartitionStrategy.Hash && !partman)
        {
            writer.Statement($"CREATE TABLE IF NOT EXISTS {names.DefaultQualified} PARTITION OF {names.PartitionedQualified} DEFAULT");
        }

        foreach (var change in plan.ConstraintChanges)
        {
            writer.Comment($"{change.Constraint}: {change.Change}. {change.Reason}");
        }

        var keys = new List<(string Name, string Sql)>
        {
            (PostgreSqlPartitionNames.CopyIndex(plan.Target.PrimaryKey!.Name), $"PRIMARY KEY ({W.IdList(plan.PrimaryKey)})"),
        };
        keys.AddRange(plan.UniqueKeys.Select(u => (PostgreSqlPartitionNames.CopyIndex(u.Name), $"UNIQUE ({W.IdList(u.Columns)})")));
        foreach (var (name, sql) in keys)
        {
            writer.Do(IfNoConstraint(names.Partitioned, plan.Schema, name, $"ALTER TABLE {names.PartitionedQualified} ADD CONSTRAINT {W.Id(name)} {sql}"), "key");
        }

        foreach (var index in plan.Target.LiveIndexes)
        {
            if (!Recreates(plan, index))
            {
                writer.Comment($"Unique index {index.Name} ({string.Join(", ", index.Columns)}) is not recreated on the partitioned table: without {plan.Key} it would hold per partition only; its lookup below keeps it.");
                continue;
            }

            writer.Statement($"CREATE {(index.Unique ? "UNIQUE " : string.Empty)}INDEX IF NOT EXISTS {W.Id(PostgreSqlPartitionNames.CopyIndex(index.Name))} ON {names.PartitionedQualified}{index.Definition}");
        }

        PostgreSqlPartitionLookups.Create(writer, plan, names, names.PartitionedQualified, converting: true);
        if (partman)
        {
            writer.Comment("pg_partman creates the DEFAULT and the partitions around today; rows of older periods wait in DEFAULT until the partition-data step. Retention is set only at the swap.");
            PostgreSqlPartman.CreateParent(writer, plan, names.Partitioned, withStart: false);
            writer.Statement(PostgreSqlPartman.Settings(plan, names.Partitioned, withRetention: false));
        }
        else if (plan.Strategy == PartitionStrategy.Range)
        {
            writer.Statement(PostgreSqlPartitionMaintenance.Function(plan, names));
            writer.Comment("Partitions for every existing row (nothing expires during the copy) and the premake window.");
            writer.Statement($"SELECT * FROM {names.Maintenance}(p_from => (SELECT min({W.Id(plan.Key)}) FROM {names.Parent}), p_parent => {W.String(plan.Schema + "." + names.Partitioned)}, p_expire => false)");
        }
        else
        {
            foreach (var boundary in plan.Boundaries)
            {
                writer.Statement($"CREATE TABLE IF NOT EXISTS {W.Qualified(plan.Schema, names.Partition(boundary.Name))} PARTITION OF {names.PartitionedQualified} {PostgreSqlPartitionParent.Bounds(plan, boundary)}");
            }
        }

        writer.ItemsStatement($"CREATE TABLE IF NOT EXISTS {names.CopyState}", StateColumns
            .Take(1)
            .Concat(plan.Target.PrimaryKey!.Columns.Select(c => $"{W.Id("last_" + c)} {plan.Target.NativeTypeOf(c)}"))
            .Concat(StateColumns.Skip(1))
            .ToList());
        writer.Statement($"INSERT INTO {names.CopyState} DEFAULT VALUES ON CONFLICT DO NOTHING");
        writer.Statement(CopyProcedure(plan, names, plan.Target.PrimaryKey!.Columns));
        return writer.Finish();
    }

    private static string SyncTrigger(PartitionPlan plan, PostgreSqlPartitionNames names, IReadOnlyList<string> pk)
    {
        var writer = W.ForScript(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken,
            $"Step 2: every change to {plan.Table} is written to {names.Partitioned} in the same transaction. Re-runnable.");
        writer.Statement(Mirror(names.SyncFunction, names.PartitionedQualified, pk));
        writer.Statement($"CREATE OR REPLACE TRIGGER {W.Id(names.SyncTrigger)} AFTER INSERT OR UPDATE OR DELETE ON {names.Parent} FOR EACH ROW EXECUTE FUNCTION {names.SyncFunction}()");
        return writer.Finish();
    }

    /// <summary>A row trigger function that applies each change to <paramref name="destination"/> (same columns, keyed by <paramref name="pk"/>).</summary>
    private static string Mirror(string function, string destination, IReadOnlyList<string> pk) =>
        $"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS " + W.DollarQuoted(
            "BEGIN\n"
            + "    IF TG_OP IN ('UPDATE', 'DELETE') THEN\n"
            + $"        DELETE FROM {destination} WHERE {string.Join(" AND ", pk.Select(c => $"{W.Id(c)} = OLD.{W.Id(c)}"))};\n"
            + "    END IF;\n"
            + "    IF TG_OP IN ('INSERT', 'UPDATE') THEN\n"
            + $"        INSERT INTO {destination} OVERRIDING SYSTEM VALUE SELECT NEW.* ON CONFLICT DO NOTHING;\n"
            + "    END IF;\n"
            + "    RETURN NULL;\n"
            + "END\n", "sync");

    /// <summary>The batched copy: keyset pages by primary key, each committed with the last copied key, so a rerun resumes.</summary>
    private static string CopyProcedure(PartitionPlan plan, PostgreSqlPartitionNames names, IReadOnlyList<string> pk)
    {
        var orderBy = string.Join(", ", pk.Select(c => "src." + W.Id(c)));
        var last = string.Join(", ", pk.Select(c => "v_state." + W.Id("last_" + c)));
        string Batch(bool first) =>
            "        WITH batch AS (\n"
            + $"            SELECT * FROM {names.Parent} AS src\n"
            + (first ? string.Empty : $"            WHERE ({orderBy}) > ({last})\n")
            + $"            ORDER BY {orderBy}\n"
            + "            LIMIT p_batch_rows\n"
            + "        ), copied AS (\n"
            + $"            INSERT INTO {names.PartitionedQualified} OVERRIDING SYSTEM VALUE SELECT * FROM batch ON CONFLICT DO NOTHING\n"
            + "        ), last_row AS (\n"
            + $"            SELECT {W.IdList(pk)} FROM batch ORDER BY {string.Join(", ", pk.Select(c => W.Id(c) + " DESC"))} LIMIT 1\n"
            + "        )\n"
            + $"        UPDATE {names.CopyState} AS st\n"
            + $"        SET {string.Join(", ", pk.Select(c => $"{W.Id("last_" + c)} = last_row.{W.Id(c)}"))}, rows_copied = st.rows_copied + (SELECT count(*) FROM batch), batches = st.batches + 1\n"
            + "        FROM last_row;\n";
        var body = "DECLARE\n"
            + "    v_state record;\n"
            + "    v_rows bigint;\n"
            + "    v_total bigint;\n"
            + "    v_batches integer := 0;\n"
            + "BEGIN\n"
            + $"    SELECT greatest(reltuples, 0)::bigint INTO v_total FROM pg_class WHERE oid = {names.ParentText}::regclass;\n"
            + "    LOOP\n"
            + $"        SELECT * INTO v_state FROM {names.CopyState};\n"
            + $"        IF v_state.{W.Id("last_" + pk[0])} IS NULL THEN\n"
            + Indent(Batch(first: true))
            + "        ELSE\n"
            + Indent(Batch(first: false))
            + "        END IF;\n"
            + "        GET DIAGNOSTICS v_rows = ROW_COUNT;\n"
            + "        IF v_rows = 0 THEN\n"
            + $"            UPDATE {names.CopyState} SET finished = true;\n"
            + "            COMMIT;\n"
            + $"            RAISE NOTICE 'copy of {plan.Table} finished: % rows in % batches', v_state.rows_copied, v_state.batches;\n"
            + "            EXIT;\n"
            + "        END IF;\n"
            + "        COMMIT;\n"
            + "        v_batches := v_batches + 1;\n"
            + $"        RAISE NOTICE 'copied % of about % rows of {plan.Table}', v_state.rows_copied + p_batch_rows, v_total;\n"
            + "        EXIT WHEN p_max_batches IS NOT NULL AND v_batches >= p_max_batches;\n"
            + "    END LOOP;\n"
            + "END\n";
        return $"CREATE OR REPLACE PROCEDURE {names.CopyProcedure}(p_batch_rows integer DEFAULT 10000, p_max_batches integer DEFAULT NULL)\nLANGUAGE plpgsql\nAS " + W.DollarQuoted(body, "copy");
    }

    private static string Copy(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var writer = W.ForReference(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken,
            $"Step 3: copies {plan.Table} into {names.Partitioned} in batches ordered by its primary key, committing after each; run again to resume.");
        writer.Comment("Run outside a transaction block (each batch commits and reports progress). Interrupting it is safe: run it again to continue after the last copied key.");
        writer.Comment($"A smaller batch or a limit on batches per run: CALL {names.CopyProcedure}(p_batch_rows => 1000, p_max_batches => 100)");
        writer.Statement($"CALL {names.CopyProcedure}(10000)");
        return writer.Finish();
    }

    private static string Indent(string text) => string.Join("\n", text.TrimEnd('\n').Split('\n').Select(l => "    " + l)) + "\n";

    /// <summary>count(*) and an order-independent checksum of every row's text (60 bits of its md5, summed), into a record.</summary>
    public static string Fingerprint(string table, string into) =>
        $"SELECT count(*) AS row_count, coalesce(sum(('x' || substr(md5(src::text), 1, 15))::bit(60)::bigint), 0) AS checksum INTO {into} FROM {table} AS src";

    /// <summary>A DO body comparing two tables' fingerprints; raises (changing nothing) on a difference, then runs <paramref name="then"/>.</summary>
    private static string Compare(string left, string right, string guard, string then) =>
        "DECLARE\n    o record;\n    n record;\nBEGIN\n"
        + guard
        + $"    {Fingerprint(left, "o")};\n"
        + $"    {Fingerprint(right, "n")};\n"
        + "    IF o.row_count <> n.row_count OR o.checksum <> n.checksum THEN\n"
        + $"        RAISE EXCEPTION 'verification failed: {Quote(left)} has % rows (checksum %), {Quote(right)} has % rows (checksum %)', o.row_count, o.checksum, n.row_count, n.checksum;\n"
        + "    END IF;\n"
        + then
        + "    RAISE NOTICE 'verified: % rows, checksum %', o.row_count, o.checksum;\n"
        + "END\n";

    private static string Quote(string text) => text.Replace("'", "''", StringComparison.Ordinal);

    private static string Verify(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var writer = W.ForReference(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken,
            $"Step 4: compares {plan.Table} and {names.Partitioned} (row count and checksum) in one REPEATABLE READ snapshot; fails without changing anything on a difference. Re-runnable.");
        writer.Begin("REPEATABLE READ");
        writer.Do(Compare(
            names.Parent,
            names.PartitionedQualified,
            $"    IF NOT (SELECT finished FROM {names.CopyState}) THEN\n"
            + $"        RAISE EXCEPTION 'the copy has not finished: run step 3 (CALL {Quote(names.CopyProcedure)}()) first';\n"
            + "    END IF;\n",
            $"    UPDATE {names.CopyState} SET verified_rows = o.row_count, verified_checksum = o.checksum;\n"), "verify");
        return writer.Finish();
    }

    private static string Swap(PartitionPlan plan, PostgreSqlPartitionNames names, IReadOnlyList<string> pk, bool partman)
    {
        var writer = W.ForScript(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken,
            $"Step 5: {plan.Table} becomes the partitioned table. Holds ACCESS EXCLUSIVE on both tables only for the renames (lock_timeout {PostgreSqlPartitionMaintenance.LockTimeout}: if it cannot get the lock it fails and changes nothing; run it again). Re-runnable.");
        writer.Statement($"SET LOCAL lock_timeout = {W.String(PostgreSqlPartitionMaintenance.LockTimeout)}");
        writer.Comment("The sync trigger wrote every change to both tables in the same transaction, so the verification recorded in step 4 still holds; the swap refuses to run without it.");
        writer.Do(
            "BEGIN\n"
            + $"    IF to_regclass({W.String(plan.Schema + "." + names.Unpartitioned)}) IS NOT NULL THEN\n"
            + "        RAISE NOTICE 'already swapped';\n"
            + "        RETURN;\n"
            + "    END IF;\n"
            + $"    LOCK TABLE {names.Parent}, {names.PartitionedQualified} IN ACCESS EXCLUSIVE MODE;\n"
            + $"    IF (SELECT verified_rows FROM {names.CopyState}) IS NULL THEN\n"
            + "        RAISE EXCEPTION 'not verified: run step 4 first';\n"
            + "    END IF;\n"
            + $"    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = {names.ParentText}::regclass AND tgname = {W.String(names.SyncTrigger)}) THEN\n"
            + "        RAISE EXCEPTION 'the sync trigger is missing, so the copy may have missed changes: run steps 2 to 4 again';\n"
            + "    END IF;\n"
            + $"    DROP TRIGGER {W.Id(names.SyncTrigger)} ON {names.Parent};\n"
            + $"    ALTER TABLE {names.Parent} RENAME TO {W.Id(names.Unpartitioned)};\n"
            + $"    ALTER TABLE {names.PartitionedQualified} RENAME TO {W.Id(plan.Table)};\n"
            + "    -- The original's keys and indexes move to name_u first, so the partitioned table's name_p ones can take their names.\n"
            + Renames(plan, names.UnpartitionedQualified, n => n, PostgreSqlPartitionNames.OldObject)
            + Renames(plan, names.Parent, PostgreSqlPartitionNames.CopyIndex, n => n)
            + Sequences(plan.Schema, names.Unpartitioned, plan.Table)
            + (partman ? PostgreSqlPartman.AdoptAfterSwap(plan, names) : string.Empty)
            + "END\n", "swap");
        writer.Statement(Mirror(names.RollbackFunction, names.UnpartitionedQualified, pk));
        writer.Statement($"CREATE OR REPLACE TRIGGER {W.Id(names.RollbackTrigger)} AFTER INSERT OR UPDATE OR DELETE ON {names.Parent} FOR EACH ROW EXECUTE FUNCTION {names.RollbackFunction}()");
        return writer.Finish();
    }

    /// <summary>
    /// PL/pgSQL that hands the key sequences from table <paramref name="from"/> to <paramref name="to"/>: identity
    /// sequences of the new table continue after the old one's last value; serial sequences change owner, so
    /// dropping the old table later does not drop them.
    /// </summary>
    private static string Sequences(string schema, string from, string to)
    {
        var fromText = W.String(schema + "." + from);
        var toText = W.String(schema + "." + to);
        return "    DECLARE\n"
            + "        v record;\n"
            + "    BEGIN\n"
            + "        FOR v IN\n"
            + $"            SELECT a.attname, a.attidentity, pg_get_serial_sequence({fromText}, a.attname) AS old_seq, pg_get_serial_sequence({toText}, a.attname) AS new_seq\n"
            + $"            FROM pg_attribute AS a WHERE a.attrelid = {fromText}::regclass AND a.attnum > 0 AND NOT a.attisdropped\n"
            + "        LOOP\n"
            + "            CONTINUE WHEN v.old_seq IS NULL;\n"
            + "            IF v.attidentity <> '' AND v.new_seq IS NOT NULL AND v.new_seq <> v.old_seq THEN\n"
            + "                PERFORM setval(v.new_seq::regclass, greatest(coalesce(pg_sequence_last_value(v.old_seq::regclass), 1), coalesce(pg_sequence_last_value(v.new_seq::regclass), 1)));\n"
            + "            ELSIF v.attidentity = '' THEN\n"
            + $"                EXECUTE format('ALTER SEQUENCE %s OWNED BY %I.%I.%I', v.old_seq, {W.String(schema)}, {W.String(to)}, v.attname);\n"
            + "            END IF;\n"
            + "        END LOOP;\n"
            + "    END;\n";
    }

    private static string DropOld(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var writer = W.ForReference(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken,
            $"Step 8: after the application has run on the partitioned {plan.Table}: verifies both tables again and only then drops {names.Unpartitioned} and the conversion's helpers. Re-runnable.");
        writer.Begin("REPEATABLE READ");
        writer.Do(Compare(
            names.UnpartitionedQualified,
            names.Parent,
            $"    IF to_regclass({W.String(plan.Schema + "." + names.Unpartitioned)}) IS NULL THEN\n"
            + "        RAISE NOTICE 'nothing to drop';\n"
            + "        RETURN;\n"
            + "    END IF;\n"
            + $"    IF EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND confrelid = {W.String(plan.Schema + "." + names.Unpartitioned)}::regclass AND conrelid <> confrelid) THEN\n"
            + $"        RAISE EXCEPTION 'foreign keys still reference {Quote(names.Unpartitioned)}: %; run the repoint-foreign-keys step, or drop the ones the plan warned about', (SELECT string_agg(conname || ' on ' || conrelid::regclass::text, ', ') FROM pg_constraint WHERE contype = 'f' AND confrelid = {W.String(plan.Schema + "." + names.Unpartitioned)}::regclass AND conrelid <> confrelid);\n"
            + "    END IF;\n",
            string.Empty), "verify");
        writer.Statement($"DROP TRIGGER IF EXISTS {W.Id(names.RollbackTrigger)} ON {names.Parent}");
        writer.Statement($"DROP TABLE IF EXISTS {names.UnpartitionedQualified}");
        writer.Statement($"DROP FUNCTION IF EXISTS {names.RollbackFunction}()");
        writer.Statement($"DROP FUNCTION IF EXISTS {names.SyncFunction}()");
        writer.Statement($"DROP PROCEDURE IF EXISTS {names.CopyProcedure}(integer, integer)");
        writer.Statement($"DROP TABLE IF EXISTS {names.CopyState}");
        return writer.Finish();
    }

    private static string Rollback(PartitionPlan plan, PostgreSqlPartitionNames names, bool partman)
    {
        var writer = W.ForScript(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken,
            $"Rollback: if the swap ran, {names.Unpartitioned} (kept in step by the reverse trigger) becomes {plan.Table} again; then the partitioned copy and the helpers are removed. The original table is never dropped here. Re-runnable.");
        writer.Statement($"SET LOCAL lock_timeout = {W.String(PostgreSqlPartitionMaintenance.LockTimeout)}");
        writer.Do(
            "BEGIN\n"
            + $"    IF to_regclass({W.String(plan.Schema + "." + names.Unpartitioned)}) IS NOT NULL THEN\n"
            + $"        LOCK TABLE {names.Parent}, {names.UnpartitionedQualified} IN ACCESS EXCLUSIVE MODE;\n"
            + $"        DROP TRIGGER IF EXISTS {W.Id(names.RollbackTrigger)} ON {names.Parent};\n"
            + Indent(Renames(plan, names.Parent, n => n, PostgreSqlPartitionNames.CopyIndex))
            + Indent(Renames(plan, names.UnpartitionedQualified, PostgreSqlPartitionNames.OldObject, n => n))
            + $"        ALTER TABLE {names.Parent} RENAME TO {W.Id(names.Partitioned)};\n"
            + $"        ALTER TABLE {names.UnpartitionedQualified} RENAME TO {W.Id(plan.Table)};\n"
            + Sequences(plan.Schema, names.Partitioned, plan.Table)
            + "    END IF;\n"
            + (partman ? PostgreSqlPartman.Forget(plan, names) : string.Empty)
            + "END\n", "rollback");
        PostgreSqlPartitionForeignKeys.PointBack(writer, plan, names);
        writer.Statement($"DROP TRIGGER IF EXISTS {W.Id(names.SyncTrigger)} ON {names.Parent}");
        writer.Statement($"DROP TABLE IF EXISTS {names.PartitionedQualified}");
        PostgreSqlPartitionLookups.Drop(writer, plan, names);
        writer.Statement($"DROP FUNCTION IF EXISTS {names.RollbackFunction}()");
        writer.Statement($"DROP FUNCTION IF EXISTS {names.SyncFunction}()");
        writer.Statement($"DROP PROCEDURE IF EXISTS {names.CopyProcedure}(integer, integer)");
        writer.Statement($"DROP TABLE IF EXISTS {names.CopyState}");
        return writer.Finish();
    }

    /// <summary>Whether the partitioned copy recreates this live index (a unique index without the partition key cannot be).</summary>
    private static bool Recreates(PartitionPlan plan, (string Name, IReadOnlyList<string> Columns, bool Unique, string Definition) index) =>
        !index.Unique || index.Columns.Contains(plan.Key, StringComparer.Ordinal);

    /// <summary>
    /// PL/pgSQL renaming, on <paramref name="table"/>, every key and index the conversion recreates, from
    /// <paramref name="from"/>(original name) to <paramref name="to"/>(original name).
    /// </summary>
    private static string Renames(PartitionPlan plan, string table, Func<string, string> from, Func<string, string> to)
    {
        var constraints = new[] { plan.Target.PrimaryKey!.Name }.Concat(plan.UniqueKeys.Select(u => u.Name));
        // A lookup's unique index takes the key's name at the swap, so a duplicate still names the constraint the application knows.
        var indexes = plan.Target.LiveIndexes.Where(i => Recreates(plan, i)).Select(i => i.Name).Concat(PostgreSqlPartitionLookups.Renamed(plan));
        return string.Concat(constraints.Select(c => $"    ALTER TABLE {table} RENAME CONSTRAINT {W.Id(from(c))} TO {W.Id(to(c))};\n"))
            + string.Concat(indexes.Select(i => $"    ALTER INDEX {W.Qualified(plan.Schema, from(i))} RENAME TO {W.Id(to(i))};\n"));
    }

    private static string IfNoConstraint(string table, string schema, string constraint, string sql) =>
        "BEGIN\n"
        + $"    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {W.String(constraint)} AND conrelid = {W.String(schema + "." + table)}::regclass) THEN\n"
        + $"        EXECUTE {W.String(sql)};\n"
        + "    END IF;\n"
        + "END\n";
}
