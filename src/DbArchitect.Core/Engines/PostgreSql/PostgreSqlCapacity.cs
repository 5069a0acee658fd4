using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's on-disk layout applied to typical rows: 8 KB pages with a 24-byte header and 4-byte item pointers;
/// heap tuples with a 23-byte header (plus the null bitmap) padded to 8 bytes, columns aligned by their type
/// (char/short/int/double), variable-length values with a 1-byte header below 127 bytes and a 4-byte aligned one
/// above; TOAST past about 2 KB; B-tree entries of an 8-byte header plus the aligned key, leaf pages filled to 90%
/// when keys arrive in order and about 69% when they arrive at random, duplicates deduplicated into posting lists,
/// internal levels and the metapage; GIN and BRIN estimated from their structure.
/// </summary>
public sealed class PostgreSqlCapacity : ICapacityModel
{
    internal const int PageSize = 8192;
    internal const int PageHeader = 24;
    internal const int ItemPointer = 4;
    internal const int MaxAlign = 8;
    internal const int HeapTupleHeader = 23;
    internal const int IndexTupleHeader = 8;
    internal const int BTreeSpecial = 16;
    internal const int ToastThreshold = 2032;
    internal const int ToastChunk = 1996;
    internal const int ToastPointer = 18;
    internal const int MaxHeapTuplesPerPage = 291;
    internal const double BTreeOrderedFill = 0.90;
    internal const double BTreeRandomFill = 0.66;
    internal const double BTreeGroupedFill = 0.55;
    internal const double BTreeInternalFill = 0.70;
    internal const int BrinPagesPerRange = 128;

    // GIN bytes per token of a row, measured on generated rows (bench/README.md): tokens that recur across rows share an
    // entry and cost a compressed posting (1–3 bytes); rare ones (hex words, distinct JSON values) cost an entry each.
    internal const double GinBytesPerTrigram = 3.5;
    internal const double GinTrigramBytesPerRow = 35;
    internal const double GinBytesPerWord = 6;

    /// <summary>Characters per word of prose, its space included (English averages 4.7 letters a word; names and terms run longer).</summary>
    internal const double CharactersPerWord = 6.5;
    internal const double GinBytesPerJsonPath = 32;

    /// <summary>Keys a typical JSON document contributes to a jsonb_path_ops index (one hash per path to a value).</summary>
    internal const int JsonPathsPerDocument = 4;

    public IReadOnlyList<string> Assumptions(TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        return new[]
        {
            $"Typical values: an attribute's avgLength and nullShare where the requirements state them; otherwise text by what the column holds (a name {SemanticWidths.Of("name")!.Characters} characters, a title {SemanticWidths.Of("title")!.Characters}, a comment {SemanticWidths.Of("comment")!.Characters}, a body {SemanticWidths.Of("body")!.Characters}, never more than declared), else string(n) holds {N(values.StringFill * 100)}% of n characters, e-mail {values.Email}, URL {values.Url}, text {values.Text}, JSON {values.Json} bytes, binary {values.Binary} bytes, arrays {values.ArrayElements} elements, decimals {values.DecimalIntegerDigits} integer digits; enums their average value length; optional values are present unless a nullShare says otherwise, deleted_at is null on live rows.",
            "Heap: 8192-byte pages with a 24-byte header and a 4-byte item pointer per row; each row a 23-byte header (plus a null bitmap when the table has nullable columns) padded to 8 bytes, then its columns aligned by type; values under 127 bytes carry a 1-byte length header, longer ones a 4-byte aligned header; fillfactor 100.",
            $"TOAST: a row past {ToastThreshold} bytes has its widest values moved out of line (counted uncompressed, an upper bound) in {ToastChunk}-byte chunks.",
            $"B-tree: entries of an 8-byte header plus the aligned key (and INCLUDE columns) padded to 8 bytes plus a 4-byte item pointer; leaf pages {N(BTreeOrderedFill * 100)}% full when keys arrive in order (identity keys, timestamps) and {N(BTreeRandomFill * 100)}% when they arrive at random (UUIDs, foreign keys); repeated keys of non-unique indexes deduplicated into posting lists of 6 bytes per row; internal pages {N(BTreeInternalFill * 100)}% full; one metapage.",
            $"GIN (an estimate): {N(GinTrigramBytesPerRow)} bytes per row and {N(GinBytesPerTrigram)} per trigram, {N(GinBytesPerWord)} per word and {N(GinBytesPerJsonPath)} per JSON path ({JsonPathsPerDocument} per document) of a row, measured on generated prose (a 20,000-word vocabulary with skewed frequency, {N(CharactersPerWord)} characters a word). BRIN: one summary per {BrinPagesPerRange} heap pages, a few pages in all.",
        };
    }

    public IReadOnlyList<TableSize> Measure(SchemaModel physical, Func<string, long> rowsOf, TypicalValues values) =>
        MeasureAt(physical, new[] { rowsOf }, values)[0];

    public IReadOnlyList<IReadOnlyList<TableSize>> MeasureAt(SchemaModel physical, IReadOnlyList<Func<string, long>> rowsAt, TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(rowsAt);
        ArgumentNullException.ThrowIfNull(values);
        var sizes = rowsAt.Select(_ => new TableSize[physical.Tables.Count]).ToArray();
        for (var t = 0; t < physical.Tables.Count; t++)
        {
            var layout = new TableLayout(physical, physical.Tables[t], values);
            for (var h = 0; h < rowsAt.Count; h++)
            {
                sizes[h][t] = layout.Size(rowsAt[h]);
            }
        }

        return sizes;
    }

    /// <summary>What of a table's size does not depend on its rows: the heap tuple and each index's entry, laid out once for all horizons.</summary>
    private sealed class TableLayout
    {
        private readonly Table _table;
        private readonly HeapLayout _heap;
        private readonly int _perPage;
        private readonly string _basis;
        private readonly IReadOnlyList<Func<long, long, Func<string, long>, IndexSize>> _indexes;

        public TableLayout(SchemaModel physical, Table table, TypicalValues values)
        {
            _table = table;
            _heap = HeapRow(table, values);
            _perPage = Math.Min(MaxHeapTuplesPerPage, (PageSize - PageHeader) / (Align(_heap.TupleBytes, MaxAlign) + ItemPointer));
            _indexes = table.Indexes.Select(i => IndexLayout(physical, table, i, values))
                .Prepend(ConstraintIndexLayout(physical, table, table.PrimaryKey.Name, table.PrimaryKey.Columns, values))
                .Concat(table.UniqueKeys.Select(u => ConstraintIndexLayout(physical, table, u.Name, u.Columns, values)))
                .ToArray();
            _basis = $"{_heap.TupleBytes}-byte tuple ({_heap.Header}-byte header + {_heap.TupleBytes - _heap.Header} bytes of columns), "
                + $"{Align(_heap.TupleBytes, MaxAlign) + ItemPointer} bytes with alignment and item pointer: {_perPage} rows per 8 KB page"
                + (_heap.ToastedBytes > 0 ? $"; {_heap.ToastedBytes} bytes per row moved to TOAST" : string.Empty) + ".";
        }

        public TableSize Size(Func<string, long> rowsOf)
        {
            var rows = Math.Max(0, rowsOf(_table.Name));
            var heapBytes = rows == 0 ? 0 : Pages(rows, _perPage) * PageSize;
            var toastBytes = _heap.ToastedBytes == 0 ? 0 : ToastPages(rows, _heap.ToastedBytes) * PageSize;
            var heapPages = heapBytes / PageSize;
            var indexes = new IndexSize[_indexes.Count];
            for (var i = 0; i < indexes.Length; i++)
            {
                indexes[i] = _indexes[i](rows, heapPages, rowsOf);
            }

            return new TableSize(_table.Name, rows, Align(_heap.TupleBytes, MaxAlign) + ItemPointer, _perPage, heapBytes, toastBytes, indexes, _basis);
        }
    }

    private sealed record HeapLayout(int Header, int TupleBytes, int ToastedBytes);

    private static HeapLayout HeapRow(Table table, TypicalValues values)
    {
        // A tuple carries a null bitmap only when one of its values is NULL; most tuples decide which header is typical.
        var allPresent = table.Columns.Aggregate(1.0, (p, c) => p * (1 - values.NullShare(c)));
        var header = Align(HeapTupleHeader + (allPresent < 0.5 ? (table.Columns.Count + 7) / 8 : 0), MaxAlign);
        var present = table.Columns.Where(c => values.NullShare(c) < 1).ToList();
        var stored = present.Select(c => Stored.Of(c, values)).ToList();

        // The widest variable-length values move to TOAST first (ties: the earlier column) until the row fits; the
        // order is known up front, and the tree re-lays only the changed column's path.
        var candidates = Enumerable.Range(0, stored.Count)
            .Where(i => stored[i].Length < 0 && stored[i].Payload > ToastPointer)
            .OrderByDescending(i => stored[i].Payload)
            .ToList();
        // Most rows fit: the tree is built only for a row that has values to move.
        var toasted = 0;
        if (header + DataBytes(stored, header) > ToastThreshold && candidates.Count > 0)
        {
            var tree = new PostgreSqlTupleTree(stored);
            for (var next = 0; next < candidates.Count && header + tree.DataBytes(header) > ToastThreshold; next++)
            {
                var widest = candidates[next];
                toasted += stored[widest].Payload;
                stored[widest] = Stored.OutOfLine;
                tree.Replace(widest, Stored.OutOfLine);
            }
        }

        // A value that is NULL in a share of rows costs that share less of its bytes (and of any padding before it).
        // The row without column i is the columns before it (laid out from the header) followed by those after it.
        var data = DataBytes(stored, header);
        if (!present.Exists(c => values.NullShare(c) > 0))
        {
            return new HeapLayout(header, header + data, toasted);
        }

        var after = new PostgreSqlTupleFold[stored.Count + 1];
        after[stored.Count] = PostgreSqlTupleFold.Identity;
        for (var i = stored.Count - 1; i >= 0; i--)
        {
            after[i] = PostgreSqlTupleFold.Of(stored[i]).Then(after[i + 1]);
        }

        var saved = 0.0;
        var before = header;
        for (var i = 0; i < present.Count; i++)
        {
            var share = values.NullShare(present[i]);
            if (share > 0)
            {
                saved += share * (data - (after[i + 1].Apply(before) - header));
            }

            before = End(stored[i], before);
        }

        return new HeapLayout(header, header + data - (int)Math.Round(saved, MidpointRounding.AwayFromZero), toasted);
    }

    /// <summary>Bytes of the column data that follows a header of <paramref name="start"/> bytes, with each type's alignment.</summary>
    internal static int DataBytes(IEnumerable<Stored> columns, int start)
    {
        var offset = start;
        foreach (var column in columns)
        {
            offset = End(column, offset);
        }

        return offset - start;
    }

    /// <summary>Where <paramref name="column"/> ends when it is laid out from <paramref name="offset"/>.</summary>
    internal static int End(Stored column, int offset) =>
        column.Length > 0 ? Align(offset, column.Align) + column.Length
        : column.Payload + 1 <= 127 ? offset + 1 + column.Payload // short varlena: 1-byte header, never aligned
        : Align(offset, column.Align) + 4 + column.Payload;

    private static long ToastPages(long rows, int bytesPerRow)
    {
        // Each chunk is a row of the TOAST table: header + chunk id, sequence and data; four full chunks fit a page.
        var chunks = (bytesPerRow + ToastChunk - 1) / ToastChunk;
        var lastChunk = bytesPerRow - ((chunks - 1) * ToastChunk);
        var full = Align(24 + 4 + 4 + 4 + ToastChunk, MaxAlign) + ItemPointer;
        var last = Align(24 + 4 + 4 + 4 + lastChunk, MaxAlign) + ItemPointer;
        var bytes = (((chunks - 1) * (double)full) + last) * rows;
        return (long)Math.Ceiling(bytes / (PageSize - PageHeader));
    }

    private static Func<long, long, Func<string, long>, IndexSize> ConstraintIndexLayout(SchemaModel physical, Table table, string name, IReadOnlyList<string> columns, TypicalValues values)
    {
        var shape = BTreeShape.Of(table, columns.Select(c => IndexKey.Of(c)).ToArray(), Array.Empty<string>(), values);
        return (rows, _, rowsOf) => BTree(physical, table, name, shape, unique: true, rows, rowsOf, values);
    }

    private static Func<long, long, Func<string, long>, IndexSize> IndexLayout(SchemaModel physical, Table table, Index index, TypicalValues values)
    {
        switch (index.Method)
        {
            case IndexStructure.BlockRange:
                return (_, heapPages, _) => Brin(index, heapPages);
            case IndexStructure.Inverted or IndexStructure.Spatial:
                return (rows, _, rowsOf) => Gin(physical, table, index, rows, rowsOf, values);
            default:
                var shape = BTreeShape.Of(table, index.Keys, index.Include, values);
                return (rows, _, rowsOf) => BTree(physical, table, index.Name, shape, index.Unique, rows, rowsOf, values);
        }
    }

    /// <summary>
    /// A B-tree entry as stored, whatever the rows: the key (and INCLUDE) columns' layout, the tuple and entry bytes,
    /// whether the keys arrive in insertion order, and the prefix of groups a later key grows within (null: none).
    /// </summary>
    private sealed record BTreeShape(IReadOnlyList<IndexKey> Keys, int IncludeCount, Stored[] Columns, int Tuple, int Entry, bool InInsertOrder, IReadOnlyList<IndexKey>? Groups)
    {
        private readonly string?[] _entryBases = new string?[3];

        public static BTreeShape Of(Table table, IReadOnlyList<IndexKey> keys, IReadOnlyList<string> include, TypicalValues values)
        {
            var keyColumns = keys.Select(k => KeyType(table, k)).ToArray();
            var stored = keyColumns.Concat(include.Select(c => table.FindColumn(c)!)).Select(c => PostgreSqlCapacity.Stored.Of(c, values)).ToArray();
            var hasNulls = keys.Any(k => k.Column is { } c && table.FindColumn(c) is { } col && values.NullShare(col) >= 0.5);
            var header = Align(IndexTupleHeader + (hasNulls ? 4 : 0), MaxAlign);
            var tuple = Align(header + DataBytes(stored, header), MaxAlign);
            var growing = keys.Select((k, i) => (k, i)).Skip(1).FirstOrDefault(x => LeadsInInsertOrder(table, new[] { x.k }));
            return new BTreeShape(keys, include.Count, stored, tuple, tuple + ItemPointer, keys.Count > 0 && LeadsInInsertOrder(table, keys),
                growing.k is null ? null : keys.Take(growing.i).ToArray());
        }

        /// <summary>
        /// The basis of the index when its entries are not deduplicated: the rows change it only through how full the
        /// leaves are, so each wording is written once per index rather than at every horizon.
        /// </summary>
        public string EntryBasis(int fillKind) =>
            _entryBases[fillKind] ??= BTreeBasis($"{Entry}-byte entries ({Tuple}-byte tuple + item pointer)", fillKind);
    }

    private static IndexSize BTree(SchemaModel physical, Table table, string name, BTreeShape layout, bool unique, long rows, Func<string, long> rowsOf, TypicalValues values)
    {
        var (keys, stored, tuple, entry) = (layout.Keys, layout.Columns, layout.Tuple, layout.Entry);
        if (rows == 0)
        {
            return new IndexSize(name, "btree", entry, PageSize, false, "Empty: the metapage only.");
        }

        var distinct = unique ? rows : DistinctKeys(physical, table, keys, rows, rowsOf, values);
        var dedup = !unique && layout.IncludeCount == 0 && stored.All(s => s.Deduplicates) && rows / (double)distinct >= 2;
        double leafBytes;
        string? shape = null;
        if (dedup)
        {
            // A posting list holds at most about half a page's worth of maximum-size tuple (1352 bytes).
            var perPosting = Math.Max(1, (1352 - tuple) / 6);
            var perKey = rows / (double)distinct;
            var tuples = distinct * Math.Ceiling(perKey / perPosting);
            var rowsPerTuple = rows / tuples;
            leafBytes = tuples * (Align(tuple + (int)Math.Ceiling(6 * rowsPerTuple), MaxAlign) + ItemPointer);
            shape = $"about {distinct.ToString("N0", CultureInfo.InvariantCulture)} distinct keys, so rows share deduplicated posting lists (6 bytes per row)";
        }
        else
        {
            leafBytes = rows * (double)entry;
        }

        var ordered = dedup || layout.InInsertOrder;
        var grouped = !ordered && GrowsWithinGroups(physical, table, layout.Groups, rows, rowsOf, values, (PageSize - PageHeader - BTreeSpecial) / entry);
        var fill = ordered ? BTreeOrderedFill : grouped ? BTreeGroupedFill : BTreeRandomFill;
        var usable = PageSize - PageHeader - BTreeSpecial;
        var leafPages = (long)Math.Ceiling(leafBytes / (usable * fill));
        var pages = leafPages + InternalPages(leafPages, tuple + ItemPointer) + 1;
        var fillKind = ordered ? 0 : grouped ? 1 : 2;
        var basis = shape is null ? layout.EntryBasis(fillKind) : BTreeBasis(shape, fillKind);
        return new IndexSize(name, "btree", entry, pages * PageSize, false, basis);
    }

    /// <summary>Why a B-tree has its size: its entries (<paramref name="shape"/>) and how full its leaves are (0 in order, 1 grouped, 2 at random).</summary>
    private static string BTreeBasis(string shape, int fillKind)
    {
        var order = fillKind == 0 ? "90% full (keys arrive in order or as duplicates)"
            : fillKind == 1 ? "55% full (keys grow within each group, so every split leaves a half-full page behind)" : "66% full (keys arrive at random)";
        return $"B-tree: {shape}; leaf pages {order}.";
    }

    private static long InternalPages(long children, int entryBytes)
    {
        var usable = (PageSize - PageHeader - BTreeSpecial) * BTreeInternalFill;
        var perPage = Math.Max(2, (long)(usable / entryBytes));
        long total = 0;
        while (children > 1)
        {
            children = (children + perPage - 1) / perPage;
            total += children;
        }

        return total;
    }

    private static IndexSize Gin(SchemaModel physical, Table table, Index index, long rows, Func<string, long> rowsOf, TypicalValues values)
    {
        double tokens = 0;
        var what = new List<string>();
        foreach (var key in index.Keys)
        {
            if (key.Expression is { Kind: IndexExpressionKind.FullText } text)
            {
                var chars = text.Columns.Sum(c => CharactersOf(table.FindColumn(c)!, values));
                var words = Math.Max(1, chars / CharactersPerWord);
                tokens += words * GinBytesPerWord;
                what.Add($"{words:0} words");
            }
            else if (key.Match == KeyMatch.Trigram)
            {
                var chars = CharactersOf(table.FindColumn(key.Column!)!, values);
                tokens += GinTrigramBytesPerRow + ((chars + 1) * GinBytesPerTrigram);
                what.Add($"{chars + 1} trigrams");
            }
            else if (key.Match == KeyMatch.Containment)
            {
                tokens += JsonPathsPerDocument * GinBytesPerJsonPath;
                what.Add($"{JsonPathsPerDocument} JSON paths");
            }
            else
            {
                tokens += GinBytesPerTrigram;
                what.Add("1 key");
            }
        }

        var postingBytes = rows * tokens;
        var pages = 2 + (long)Math.Ceiling(postingBytes / ((PageSize - PageHeader - 8) * BTreeOrderedFill));
        _ = physical;
        _ = rowsOf;
        return new IndexSize(index.Name, "gin", (int)Math.Ceiling(tokens), pages * PageSize, true,
            $"GIN estimate: {string.Join(" + ", what)} per row, about {tokens:0} bytes; the real size depends on how often tokens repeat across rows.");
    }

    private static IndexSize Brin(Index index, long heapPages)
    {
        var ranges = Math.Max(1, (heapPages + BrinPagesPerRange - 1) / BrinPagesPerRange);
        const int summary = 32 + ItemPointer; // header, block number and a min/max pair of 8-byte values, aligned
        var regular = Math.Max(1, (long)Math.Ceiling(ranges * summary / (double)(PageSize - PageHeader)));
        var revmap = Math.Max(1, (ranges + 1359) / 1360);
        var pages = 1 + revmap + regular;
        return new IndexSize(index.Name, "brin", summary, pages * PageSize, false,
            $"BRIN: {ranges} range summaries of {BrinPagesPerRange} heap pages each; metapage, revmap and summary pages.");
    }

    /// <summary>
    /// Keys that grow inside groups of a leading prefix — (tenant, id), (flag, created_at) — insert at one point per
    /// group; when groups span pages, each split there is a middle split whose left half is never filled again.
    /// </summary>
    private static bool GrowsWithinGroups(SchemaModel physical, Table table, IReadOnlyList<IndexKey>? prefix, long rows, Func<string, long> rowsOf, TypicalValues values, int perPage)
    {
        if (prefix is null)
        {
            return false;
        }

        var groups = DistinctKeys(physical, table, prefix, rows, rowsOf, values);
        return rows / (double)groups >= perPage;
    }

    /// <summary>The column whose type a key stores: the column itself, or the one lower() reads (lower keeps the type).</summary>
    private static Column KeyType(Table table, IndexKey key) =>
        table.FindColumn(key.Column ?? key.Expression!.Columns[0])
        ?? throw new InvalidOperationException($"Index key {key} names no column of {table.Name}.");

    /// <summary>Keys that grow with insertion: identity keys and timestamps (rows arrive in time order).</summary>
    private static bool LeadsInInsertOrder(Table table, IReadOnlyList<IndexKey> keys)
    {
        var first = keys[0];
        if (first.Column is null || table.FindColumn(first.Column) is not { } column)
        {
            return false;
        }

        return column.Generation == KeyGeneration.Identity
            || (column.Type.Kind == LogicalTypeKind.Timestamp && column.Role is not ColumnRole.UpdatedAt and not ColumnRole.DeletedAt);
    }

    private static long DistinctKeys(SchemaModel physical, Table table, IReadOnlyList<IndexKey> keys, long rows, Func<string, long> rowsOf, TypicalValues values)
    {
        double product = 1;
        foreach (var key in keys)
        {
            var column = KeyType(table, key);
            product *= DistinctValues(physical, table, column, rows, rowsOf, values);
            if (product >= rows)
            {
                return rows;
            }
        }

        return Math.Max(1, (long)product);
    }

    private static double DistinctValues(SchemaModel physical, Table table, Column column, long rows, Func<string, long> rowsOf, TypicalValues values)
    {
        // Loops, not LINQ with closures: this runs for every key of every index at every horizon.
        if (table.PrimaryKey.Columns is [var only] && only == column.Name || IsSingleUniqueKey(table, column.Name))
        {
            return rows;
        }

        foreach (var fk in table.ForeignKeys)
        {
            if (fk.Columns.Contains(column.Name) && (column.Role != ColumnRole.TenantKey || fk.Columns.Count == 1))
            {
                return Math.Max(1, Math.Min(rows, rowsOf(fk.ReferencedTable)));
            }
        }

        if (column.Role == ColumnRole.TenantKey && physical.Tables.FirstOrDefault(t => t.Kind == TableKind.Tenant) is { } tenant)
        {
            return Math.Max(1, Math.Min(rows, rowsOf(tenant.Name)));
        }

        return column.Type.Kind switch
        {
            LogicalTypeKind.Bool => 2,
            LogicalTypeKind.Enum => column.Type.EnumValues.Count,
            LogicalTypeKind.Date => Math.Min(rows, values.DistinctDates),
            _ when IntegerRange(table, column) is { } range => long.Parse(range.Values[1], CultureInfo.InvariantCulture) - long.Parse(range.Values[0], CultureInfo.InvariantCulture) + 1,
            _ => rows,
        };
    }

    /// <summary>The first BETWEEN check on an integer column's value, which bounds its distinct values; null when none.</summary>
    private static CheckCondition? IntegerRange(Table table, Column column)
    {
        if (!column.Type.IsInteger)
        {
            return null;
        }

        foreach (var check in table.Checks)
        {
            if (check.Column != column.Name)
            {
                continue;
            }

            foreach (var condition in check.Conditions)
            {
                if (condition is { Operator: CheckOperator.Between, OnLength: false })
                {
                    return condition;
                }
            }
        }

        return null;
    }

    private static bool IsSingleUniqueKey(Table table, string column)
    {
        foreach (var unique in table.UniqueKeys)
        {
            if (unique.Columns.Count == 1 && unique.Columns[0] == column)
            {
                return true;
            }
        }

        return false;
    }

    private static int CharactersOf(Column column, TypicalValues values) => values.Size(column);

    internal static long Pages(long rows, int perPage) => (rows + perPage - 1) / perPage;

    internal static int Align(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

    /// <summary>How PostgreSQL stores one value: fixed length and alignment (typlen, typalign), or a variable-length payload.</summary>
    internal readonly record struct Stored(int Length, int Align, int Payload, bool Deduplicates)
    {
        public static readonly Stored OutOfLine = new(ToastPointer, 1, 0, false);

        /// <summary>A column's value: its type's storage with the column's own typical size (stated, semantic or default).</summary>
        public static Stored Of(Column column, TypicalValues values) => column.Type.Kind switch
        {
            LogicalTypeKind.Json => new(-1, 4, values.Size(column), false),
            LogicalTypeKind.Binary or LogicalTypeKind.String or LogicalTypeKind.Char or LogicalTypeKind.Text
                or LogicalTypeKind.Email or LogicalTypeKind.Url or LogicalTypeKind.Enum => new(-1, 4, values.Size(column), true),
            _ => Of(column.Type, values),
        };

        public static Stored Of(LogicalType type, TypicalValues values) => type.Kind switch
        {
            LogicalTypeKind.Uuid => new(16, 1, 0, true),
            LogicalTypeKind.SmallInt => new(2, 2, 0, true),
            LogicalTypeKind.Int or LogicalTypeKind.Date => new(4, 4, 0, true),
            LogicalTypeKind.Float => new(4, 4, 0, false),
            LogicalTypeKind.BigInt or LogicalTypeKind.Timestamp or LogicalTypeKind.Time => new(8, 8, 0, true),
            LogicalTypeKind.Double => new(8, 8, 0, false),
            LogicalTypeKind.Bool => new(1, 1, 0, true),
            LogicalTypeKind.Decimal or LogicalTypeKind.Money => new(-1, 4, NumericPayload(type, values), false),
            LogicalTypeKind.Json => new(-1, 4, values.Json, false),
            LogicalTypeKind.Binary => new(-1, 4, values.Binary, true),
            LogicalTypeKind.Array => new(-1, 4, ArrayPayload(type.Element!, values), false),
            _ => new(-1, 4, values.Characters(type), true),
        };

        /// <summary>numeric: a 2-byte header and one 2-byte digit per four decimal digits on each side of the point.</summary>
        private static int NumericPayload(LogicalType type, TypicalValues values)
        {
            var precision = type.Kind == LogicalTypeKind.Money ? 19 : type.Precision!.Value;
            var scale = type.Kind == LogicalTypeKind.Money ? 4 : type.Scale!.Value;
            var integerDigits = Math.Min(values.DecimalIntegerDigits, precision - scale);
            return 2 + (2 * (((integerDigits + 3) / 4) + ((scale + 3) / 4)));
        }

        /// <summary>A one-dimensional array: 20 bytes of header and bounds, then elements each aligned (variable ones keep 4-byte headers).</summary>
        private static int ArrayPayload(LogicalType element, TypicalValues values)
        {
            var stored = Of(element, values);
            var one = stored.Length > 0 ? PostgreSqlCapacity.Align(stored.Length, stored.Align) : PostgreSqlCapacity.Align(4 + stored.Payload, 4);
            return 20 + (values.ArrayElements * one);
        }
    }
}
