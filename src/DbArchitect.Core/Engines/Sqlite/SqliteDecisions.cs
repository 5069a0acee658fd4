using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>What the SQLite design does differently from the neutral model, and why: types, keys, constraints, indexes, triggers.</summary>
internal static class SqliteDecisions
{
    public static IReadOnlyList<DesignDecision> For(DbRequirement requirement, SchemaModel physical)
    {
        var schema = DesignAreas.Schema;
        var indexing = DesignAreas.Indexing;
        var columns = physical.Tables.SelectMany(t => t.Columns).ToList();
        bool Has(LogicalTypeKind kind) => columns.Any(c => c.Type.Kind == kind);
        var decisions = new List<DesignDecision>
        {
            new(schema, "Namespace", $"One database file; schema {physical.Schema} is not used",
                "SQLite has no schemas inside a database (main is the file itself; ATTACH adds other files): the file is the namespace, so table names stand alone."),
            new(schema, "Type enforcement", "STRICT tables (3.37+) with INTEGER, REAL, TEXT and BLOB columns, finer rules as CHECKs",
                "Without STRICT, SQLite's type affinity accepts any value in any column (text in an integer column is stored as text). STRICT rejects a value of the wrong storage class; lengths, ranges, uuid, timestamp and JSON shapes are column CHECKs because SQLite ignores declared lengths."),
            new(schema, "Foreign keys", "Declared inline in CREATE TABLE, tables created in dependency order, references in a cycle DEFERRABLE INITIALLY DEFERRED; PRAGMA foreign_keys = ON on every connection",
                "SQLite cannot add a constraint to an existing table, so there is no separate foreign-key script. Enforcement is off unless each connection turns it on: the build scripts do, and the application must too (config/connection_pragmas.sql), or cascades silently do not happen."),
            new(schema, "Comments", "Kept as SQL comments inside the CREATE TABLE statements",
                "SQLite has no COMMENT ON; comments inside the statement's parentheses are stored verbatim in sqlite_schema.sql, so every tool that shows the schema shows them."),
        };

        if (columns.Any(c => c.Generation == KeyGeneration.Identity))
        {
            decisions.Add(new(schema, "Integer keys", "INTEGER PRIMARY KEY (an alias of the rowid), without AUTOINCREMENT",
                "Only a column declared exactly INTEGER PRIMARY KEY becomes the rowid: the row is stored in key order with no second index, and lookups by key are one b-tree search. BIGINT would be a separate column with its own unique index (INTEGER is already 64-bit). AUTOINCREMENT only prevents reuse of the largest deleted key, at the cost of a sqlite_sequence write per insert."));
        }

        var composite = physical.Tables.Where(t => SqliteTableDdl.RowidKeyOfComposite(t) is not null).Select(t => t.Name).ToList();
        if (composite.Count > 0)
        {
            decisions.Add(new(schema, "Composite tenant keys", $"On {string.Join(", ", composite)}: the identity column is the INTEGER PRIMARY KEY and the designed (tenant, id) key a UNIQUE constraint",
                "SQLite generates values only for a sole INTEGER PRIMARY KEY (the rowid); in a composite key the id would have to be supplied by the application. The UNIQUE constraint has the designed columns in the designed order, so the composite tenant foreign keys reference it and tenant-first lookups seek it."));
        }

        if (Has(LogicalTypeKind.Uuid))
        {
            decisions.Add(new(schema, "uuid", "TEXT, 36 lower-case characters, CHECK on length and shape; random keys default to a version-4 uuid built from randomblob()",
                "Readable in the shell and every driver and identical to the value in JSON and logs; BLOB(16) would save 20 bytes per value and per index entry but needs conversion everywhere. Bind uuids as lower-case text: STRICT rejects a BLOB, and the CHECK rejects upper case, so a value has one spelling for UNIQUE and joins."));
        }

        if (Has(LogicalTypeKind.Money) || Has(LogicalTypeKind.Decimal))
        {
            decisions.Add(new(schema, "Money and decimals", $"INTEGER counts of the smallest unit (money: 10^-{SqliteTypes.MoneyScale}; decimal(p,s): 10^-s)",
                "SQLite has no exact decimal type: NUMERIC and REAL store binary floating point, which cannot hold 0.10 exactly and drifts in sums. Scaled integers are exact in sum() and comparisons and keep the logical scale; the application converts at the boundary. Defaults and CHECK literals in the DDL are already scaled."));
        }

        if (Has(LogicalTypeKind.Timestamp))
        {
            decisions.Add(new(schema, "Timestamps", "TEXT in UTC as YYYY-MM-DDTHH:MM:SS.SSSZ, CHECK that strftime reproduces it, default strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
                "SQLite has no date type. One fixed-width UTC form makes text order time order (range scans and keyset pages use plain indexes) and every date function reads it; a CHECK refuses local times and other formats."));
        }

        if (Has(LogicalTypeKind.Bool) || Has(LogicalTypeKind.Json) || Has(LogicalTypeKind.Array) || Has(LogicalTypeKind.Enum))
        {
            decisions.Add(new(schema, "Booleans, enums, JSON and arrays", "INTEGER CHECK (col IN (0, 1)); TEXT CHECK IN (…); TEXT CHECK (json_valid(col)); arrays as JSON arrays (json_type = 'array')",
                "SQLite has none of these types; the CHECKs give the same guarantees. Enum-array members cannot be a CHECK (SQLite forbids subqueries there), so BEFORE INSERT/UPDATE triggers check them with json_each."));
        }

        var patterns = physical.Tables.SelectMany(t => t.Checks).Where(c => c.Conditions.Any(k => k.Operator == CheckOperator.Matches)).ToList();
        if (patterns.Count > 0)
        {
            var regexp = patterns.Where(SqliteExpressions.NeedsRegexp).Select(c => c.Name).ToList();
            decisions.Add(new(schema, "Pattern checks", regexp.Count == 0
                    ? "Written as GLOB and length() conditions, exactly equivalent to the patterns"
                    : $"GLOB where the pattern translates exactly; REGEXP for {string.Join(", ", regexp)}",
                "SQLite parses REGEXP but ships no regexp() function, and a CHECK calling a missing function makes CREATE TABLE fail. A character class repeated m..n times, or a sequence of fixed-count characters, is exactly a length range plus GLOB, which every build has."
                + (regexp.Count == 0 ? string.Empty : " The remaining patterns need a regexp() function on every connection (the sqlite3 shell has one since 3.36; Microsoft.Data.Sqlite and most drivers need it registered) before the build runs.")));
        }

        if (physical.Tables.SelectMany(t => t.ForeignKeys).Any(SqliteTableDdl.NeedsSetNullTrigger))
        {
            decisions.Add(new(schema, "Partial SET NULL", "ON DELETE NO ACTION plus an AFTER DELETE trigger on the parent that clears only the referencing column",
                "A composite tenant foreign key cannot use ON DELETE SET NULL in SQLite: it would null the tenant column too, which is NOT NULL. The trigger runs inside the deleting statement, before the key is checked."));
        }

        if (physical.Tables.Any(t => t.Features.Timestamps))
        {
            decisions.Add(new(schema, "updated_at", "AFTER UPDATE trigger per table setting updated_at by rowid, WHEN the update did not set it",
                "A SQLite trigger cannot assign to NEW, so it updates the row again; the WHEN guard and recursive_triggers = OFF (the default) keep it from re-firing."));
        }

        if (physical.Tables.Any(t => t.Features.Audit && t.Kind != TableKind.Audit))
        {
            decisions.Add(new(schema, "Audit", "Three AFTER triggers per audited table writing json_object(...) rows; updates record only the changed columns",
                "SQLite triggers cannot be generic (no trigger arguments, no row-to-JSON), so each names its table's columns; regenerate the audit script when columns change. SQLite has no session variables, so changed_by stays empty unless the application writes it."));
        }

        var indexes = physical.Tables.SelectMany(t => t.Indexes).ToList();
        if (indexes.Any(i => i.Predicate is not null))
        {
            decisions.Add(new(indexing, "Partial indexes", "Kept as SQLite partial indexes (CREATE INDEX … WHERE)",
                "Soft-deleted rows leave the unique indexes, so a deleted row releases its unique value; queries repeat the predicate so the planner can use them."));
        }

        if (indexes.Any(i => i.Include.Count > 0))
        {
            decisions.Add(new(indexing, "Covering (non-key) columns", "Appended to the key of non-unique indexes; left out of unique ones",
                "SQLite indexes have no non-key columns. Extra trailing key columns cover the query the same way (the table is not read) at the cost of a wider key; on a unique index they would change what is unique, so they are dropped there."));
        }

        if (indexes.Any(i => i.Keys.Any(k => k.Match == KeyMatch.Trigram || k.Expression is { Kind: IndexExpressionKind.FullText })))
        {
            decisions.Add(new(indexing, "Search", "FTS5 virtual tables kept current by triggers: tokenize='trigram' (3.34+) for fuzzy search, unicode61/porter for full text, ranked by bm25",
                "SQLite has no inverted or trigram index. The trigram tokenizer indexes every 3-character sequence, so MATCH and LIKE '%term%' find substrings through the index; it does not rank by similarity or forgive typos (spellfix1 would). The FTS5 tables reference their table's rows by rowid (external content) and store no second copy of the text."));
        }

        if (indexes.Any(i => !SqliteIndexDdl.IsBTree(i) && !i.Keys.Any(k => k.Match == KeyMatch.Trigram || k.Expression is { Kind: IndexExpressionKind.FullText })))
        {
            decisions.Add(new(indexing, "Inverted indexes on JSON and arrays", "Not built: SQLite has no inverted index",
                "Containment queries on JSON or arrays read every row through json_each; when one key is queried often, an expression index on json_extract(col, '$.key') serves it, and a child table serves array membership."));
        }

        if (indexes.Any(i => i.Method is IndexStructure.BlockRange or IndexStructure.Hash))
        {
            decisions.Add(new(indexing, "Block-range and hash indexes", "Built as ordinary B-tree indexes",
                "SQLite has only B-trees. For append-ordered time columns a B-tree is larger than a block-range index but serves the same range scans."));
        }

        return decisions;
    }
}
