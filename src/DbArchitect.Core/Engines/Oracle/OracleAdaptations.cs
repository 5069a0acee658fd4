using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// The decisions that explain how this design differs on Oracle from the engine-neutral model: naming, the types
/// Oracle lacks, the empty string, delete actions, and the index kinds it does not have. Each names the tables or
/// columns it touches, so design.md says where the difference bites.
/// </summary>
internal static class OracleAdaptations
{
    public static IReadOnlyList<DesignDecision> For(DbRequirement requirement, SchemaModel physical, OracleTypes types)
    {
        var list = new List<DesignDecision>();
        void Schema(string subject, string decision, string reason) => list.Add(new(DesignAreas.Schema, subject, decision, reason));
        void Indexing(string subject, string decision, string reason) => list.Add(new(DesignAreas.Indexing, subject, decision, reason));
        IEnumerable<(Table Table, Column Column)> Columns() => physical.Tables.SelectMany(t => t.Columns.Select(c => (t, c)));
        string Names(IEnumerable<(Table Table, Column Column)> items, int max = 6)
        {
            var all = items.Select(x => x.Table.Name + "." + x.Column.Name).ToList();
            return all.Count <= max ? string.Join(", ", all) : string.Join(", ", all.Take(max)) + $" and {all.Count - max} more";
        }

        var target = types.Target == OracleTarget.Oracle23ai ? "Oracle Database 23ai" : "Oracle Database 19c";
        Schema("Target release", target,
            "19c is the long-term support release; features that need a later release are named where they apply: BOOLEAN columns (23ai), the JSON type (21c+), IF [NOT] EXISTS in DDL (23ai), GROUP BY by position or alias (23ai), the WINDOW clause (21c). The generated SQL uses none of them on 19c. Not verified on a server here: the scripts are checked against Oracle's rules as text.");
        var quoted = physical.Tables.SelectMany(t => t.Columns.Select(c => c.Name).Prepend(t.Name)).Where(n => new OracleIdentifiers().NeedsQuoting(n)).Distinct(StringComparer.Ordinal).ToList();
        Schema("Identifiers", "Simple names unquoted in upper case; reserved words quoted in upper case; other names quoted as written",
            "Oracle folds unquoted names to upper case, so customer_id is written CUSTOMER_ID and every query may write it in any case without quotes; quoting lower-case names would force every query to quote them forever. Names are unique ignoring case (order and ORDER would be one object) and at most 128 bytes (12.2+)."
            + (quoted.Count > 0 ? $" Quoted here, so queries must quote them too: {string.Join(", ", quoted.Take(10))}{(quoted.Count > 10 ? " …" : string.Empty)}." : string.Empty));

        var uuids = Columns().Where(x => x.Column.Type.Kind == LogicalTypeKind.Uuid).ToList();
        if (uuids.Count > 0)
        {
            Schema("uuid", "RAW(16), generated keys DEFAULT SYS_GUID()",
                "Oracle has no UUID type (23ai neither). SYS_GUID() is unique but not random and not RFC 4122: it embeds the host and process and increments, so keys arrive in order (good for the index, but guessable: never use them as secrets). Random v4 UUIDs from the application fit RAW(16) too.");
        }

        var bools = Columns().Where(x => x.Column.Type.Kind == LogicalTypeKind.Bool).ToList();
        if (bools.Count > 0)
        {
            Schema("bool", types.HasBoolean ? "BOOLEAN" : "NUMBER(1) with CHECK (col IN (0, 1))",
                (types.HasBoolean ? "23ai's SQL BOOLEAN." : "Oracle 19c has no BOOLEAN column (23ai has): NUMBER(1) constrained to 0 and 1, 1 meaning true; drivers map it to bool only when told. ") + $"Columns: {Names(bools)}.");
        }

        var json = Columns().Where(x => x.Column.Type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array).ToList();
        if (json.Count > 0)
        {
            Schema("json and arrays", types.HasJson ? "JSON" : "CLOB with CHECK (col IS JSON)",
                (types.HasJson ? "The native JSON type (21c+)." : "19c has no JSON type (21c+ has): a CLOB constrained IS JSON; arrays are JSON arrays because Oracle has no array columns. ") + $"Columns: {Names(json)}.");
        }

        if (Columns().Any(x => x.Column.Type.Kind == LogicalTypeKind.Timestamp))
        {
            Schema("timestamp", "TIMESTAMP WITH TIME ZONE",
                "Keeps the instant and its offset, so values compare as instants whatever the session time zone; TIMESTAMP WITH LOCAL TIME ZONE would convert to the database time zone and display in each session's zone, losing the original offset. Such a column cannot be in a PRIMARY KEY or UNIQUE constraint (ORA-02329): those keys become unique indexes.");
        }

        if (Columns().Any(x => x.Column.Type.Kind == LogicalTypeKind.Date))
        {
            Schema("date", "DATE (with a time of day)", "Oracle's DATE carries hours, minutes and seconds; defaults use TRUNC(SYSDATE) and applications must store midnight, or equality with a date literal fails.");
        }

        var strings = Columns().Where(x => x.Column.Type.IsTextual).ToList();
        if (strings.Count > 0)
        {
            var notNull = strings.Where(x => !x.Column.Nullable).ToList();
            var emptyDefaults = strings.Where(x => x.Column.Default is { Kind: DefaultKind.Literal, Value.Length: 0 }).ToList();
            Schema("Empty string", "'' is NULL in Oracle",
                "Oracle stores a zero-length string as NULL: a NOT NULL string column rejects '' (ORA-01400), '' = '' is not true, and a default of '' is no default."
                + (notNull.Count > 0 ? $" NOT NULL strings that must never receive '': {Names(notNull)}." : string.Empty)
                + (emptyDefaults.Count > 0 ? $" Defaults of '' dropped: {Names(emptyDefaults)}." : string.Empty)
                + " Strings are VARCHAR2(n CHAR): n characters whatever the character set, at most 4000 bytes (32767 with MAX_STRING_SIZE = EXTENDED); longer ones are CLOB.");
        }

        var restrict = physical.Tables.SelectMany(t => t.ForeignKeys.Where(f => f.OnDelete is DeleteAction.Restrict or DeleteAction.NoAction)).Select(f => f.Name).ToList();
        if (restrict.Count > 0)
        {
            Schema("ON DELETE restrict", "No clause (NO ACTION)",
                $"Oracle has ON DELETE CASCADE and SET NULL only; without a clause a key is NO ACTION, checked when the statement ends, which for keys that are not deferred refuses exactly the deletes RESTRICT refuses. Keys: {string.Join(", ", restrict.Take(8))}{(restrict.Count > 8 ? " …" : string.Empty)}.");
        }

        foreach (var (child, key) in OracleForeignKeyDdl.PartialSetNull(physical))
        {
            Schema(key.Name, $"NO ACTION plus a BEFORE DELETE trigger on {key.ReferencedTable} clearing {string.Join(", ", key.SetNullColumns)}",
                $"ON DELETE SET NULL ({string.Join(", ", key.SetNullColumns)}) is PostgreSQL 15 only; Oracle's SET NULL would also clear the NOT NULL tenant column of {child.Name} and fail the delete.");
        }

        var analytics = requirement.Application.Kind == ApplicationKind.Analytics;
        foreach (var table in physical.Tables.Where(t => t.Indexes.Count > 0))
        {
            foreach (var plan in OracleIndexDdl.Plans(table, physical.Schema, types, analytics).Where(p => p.Note.Length > 0))
            {
                Indexing(plan.Name, plan.Sql is null ? "Left out" : plan.Kind, char.ToUpperInvariant(plan.Note[0]) + plan.Note[1..] + (plan.Note.EndsWith('.') ? string.Empty : "."));
            }
        }

        Indexing("Bitmap indexes", analytics ? "Only on low-cardinality keys of this analytics design" : "None",
            "A bitmap entry covers many rows, so one update locks them all and concurrent DML serialises; they suit read-mostly analytics with ad-hoc filters on few-valued columns, never OLTP.");
        return list;
    }
}
