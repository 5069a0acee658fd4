using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// migrations/zero_downtime_playbook.sql: the two procedures every online schema change of this design needs, and the
/// expand → backfill → constrain → contract sequence worked out for the design's largest table.
/// <list type="bullet">
/// <item><c>run_ddl_with_retry</c> runs one DDL statement under a short lock_timeout and retries with back-off, so a
/// migration waiting for a lock never queues the application's traffic behind it for long.</item>
/// <item><c>backfill_in_batches</c> updates rows in small committed batches (ctid batches with SKIP LOCKED), so a
/// backfill never holds row locks on the whole table or produces one huge transaction.</item>
/// </list>
/// Both are procedures (COMMIT between steps), so they are CALLed outside a transaction block.
/// </summary>
internal static class PostgreSqlMigrationPlaybook
{
    public const string RelativePath = "migrations/zero_downtime_playbook.sql";

    public const string Purpose = "Online schema-change helpers (DDL with lock_timeout and retries, batched backfill) and the expand/contract sequence for this design.";

    public const string RetryProcedure = "run_ddl_with_retry";

    public const string BackfillProcedure = "backfill_in_batches";

    public static void Write(W writer, DbDesign design)
    {
        var schema = design.Physical.Schema;
        writer.Comment("Procedures commit between attempts and batches: CALL them outside BEGIN … COMMIT (psql autocommit).");
        writer.BlankLine();
        writer.Statement($"""
            CREATE OR REPLACE PROCEDURE {W.Qualified(schema, RetryProcedure)}(
                p_ddl text,
                p_lock_timeout interval DEFAULT '2 s',
                p_attempts integer DEFAULT 10,
                p_backoff interval DEFAULT '1 s')
            LANGUAGE plpgsql
            AS {W.DollarQuoted(RetryBody, "retry")}
            """);
        writer.Statement($"COMMENT ON PROCEDURE {W.Qualified(schema, RetryProcedure)}(text, interval, integer, interval) IS {W.String("Runs one DDL statement with a short lock_timeout and retries with linear back-off when the lock is not granted (SQLSTATE 55P03), so a migration never blocks traffic behind a long lock queue.")}");
        writer.BlankLine();
        writer.Statement($"""
            CREATE OR REPLACE PROCEDURE {W.Qualified(schema, BackfillProcedure)}(
                p_table regclass,
                p_set text,
                p_where text,
                p_batch_size integer DEFAULT 5000,
                p_pause interval DEFAULT '50 ms')
            LANGUAGE plpgsql
            AS {W.DollarQuoted(BackfillBody, "backfill")}
            """);
        writer.Statement($"COMMENT ON PROCEDURE {W.Qualified(schema, BackfillProcedure)}(regclass, text, text, integer, interval) IS {W.String("Applies SET p_set to rows matching p_where in committed batches of p_batch_size (ctid batches, SKIP LOCKED), pausing between batches; resumable: rerun it after an interruption. p_set and p_where are SQL written by the DBA running the migration.")}");

        if (LargestTable(design) is { } table)
        {
            WorkedExample(writer, schema, table, design);
        }
    }

    /// <summary>The table whose changes most need the playbook: the largest by projected rows, else the first.</summary>
    internal static Table? LargestTable(DbDesign design) =>
        design.Physical.Tables
            .Where(t => t.Kind is TableKind.Entity or TableKind.Junction)
            .OrderByDescending(t => (t.EstimatedRows ?? 0) + ((t.RowsPerDay ?? 0) * 365))
            .FirstOrDefault();

    private static void WorkedExample(W writer, string schema, Table table, DbDesign design)
    {
        var name = W.Qualified(schema, table.Name);
        var rows = (table.EstimatedRows ?? 0) + ((table.RowsPerDay ?? 0) * 365);
        var column = "new_field";
        var check = IdentifierShortener.Shorten(Naming.Compose(design.Requirement.Conventions.Naming, "ck", new[] { table.Name, column, "not_null" }), 63);
        var index = IdentifierShortener.Shorten(Naming.Compose(design.Requirement.Conventions.Naming, "ix", new[] { table.Name, column }), 63);
        var regclass = W.String(name);
        writer.BlankLine();
        writer.Comment($"Worked example: adding a required column to {table.Name} (about {rows.ToString("N0", CultureInfo.InvariantCulture)} rows after a year) without downtime.");
        writer.Comment("Replace new_field, its type and the backfill expression; run each step on its own, in this order.");
        writer.Comment("1. Expand: a nullable column without a volatile default is a catalog-only change, but it still needs a brief exclusive lock.");
        writer.Comment($"   CALL {W.Qualified(schema, RetryProcedure)}('ALTER TABLE {name.Replace("'", "''", StringComparison.Ordinal)} ADD COLUMN {column} text');");
        writer.Comment("2. Deploy application code that writes new_field for new and updated rows.");
        writer.Comment("3. Backfill existing rows in committed batches:");
        writer.Comment($"   CALL {W.Qualified(schema, BackfillProcedure)}({regclass}, '{column} = ''value''', '{column} IS NULL');");
        writer.Comment("4. Constrain without a long lock: NOT VALID check (instant), VALIDATE (scans without blocking writes), then SET NOT NULL uses the check and skips its own scan.");
        writer.Comment($"   CALL {W.Qualified(schema, RetryProcedure)}('ALTER TABLE {name.Replace("'", "''", StringComparison.Ordinal)} ADD CONSTRAINT {W.Id(check)} CHECK ({column} IS NOT NULL) NOT VALID');");
        writer.Comment($"   ALTER TABLE {name} VALIDATE CONSTRAINT {W.Id(check)};");
        writer.Comment($"   CALL {W.Qualified(schema, RetryProcedure)}('ALTER TABLE {name.Replace("'", "''", StringComparison.Ordinal)} ALTER COLUMN {column} SET NOT NULL');");
        writer.Comment($"   CALL {W.Qualified(schema, RetryProcedure)}('ALTER TABLE {name.Replace("'", "''", StringComparison.Ordinal)} DROP CONSTRAINT {W.Id(check)}');");
        writer.Comment("5. Index it without blocking writes (outside a transaction; on failure drop the INVALID index and retry):");
        writer.Comment($"   CREATE INDEX CONCURRENTLY {W.Id(index)} ON {name} ({column});");
        writer.Comment("6. Contract: only after every reader and writer uses the new column, drop what it replaces, again through run_ddl_with_retry.");
    }

    // No SET search_path on these procedures: PostgreSQL forbids COMMIT in a procedure that has a SET clause, so every
    // function they call is schema-qualified instead. COMMIT cannot run inside a block with an EXCEPTION clause (a
    // subtransaction), hence the flag.
    private const string RetryBody = """

        DECLARE
            attempt integer := 1;
            done boolean := false;
        BEGIN
            LOOP
                PERFORM pg_catalog.set_config('lock_timeout', (pg_catalog.date_part('epoch', p_lock_timeout) * 1000)::bigint::text, true);
                BEGIN
                    EXECUTE p_ddl;
                    done := true;
                EXCEPTION WHEN lock_not_available THEN
                    IF attempt >= p_attempts THEN
                        RAISE;
                    END IF;
                    RAISE NOTICE 'lock not granted within %, attempt % of %: retrying', p_lock_timeout, attempt, p_attempts;
                END;
                IF done THEN
                    COMMIT;
                    RETURN;
                END IF;
                ROLLBACK;
                PERFORM pg_catalog.pg_sleep(pg_catalog.date_part('epoch', p_backoff) * attempt);
                attempt := attempt + 1;
            END LOOP;
        END;

        """;

    private const string BackfillBody = """

        DECLARE
            updated bigint;
            total bigint := 0;
        BEGIN
            LOOP
                EXECUTE pg_catalog.format(
                    'UPDATE %s SET %s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %s WHERE %s LIMIT %s FOR UPDATE SKIP LOCKED))',
                    p_table, p_set, p_table, p_where, p_batch_size);
                GET DIAGNOSTICS updated = ROW_COUNT;
                COMMIT;
                total := total + updated;
                EXIT WHEN updated = 0;
                RAISE NOTICE '% rows backfilled in %', total, p_table;
                PERFORM pg_catalog.pg_sleep(pg_catalog.date_part('epoch', p_pause));
            END LOOP;
        END;

        """;
}
