namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>
/// How a proximity search reads its geohash index: the cell precision of the index's partition key, the radius the
/// centre cell and its 8 neighbours are sure to cover (at <see cref="NearPlanner.DesignLatitude"/>°), the items a cell
/// holds at the busiest density, and the shards of a cell's partition.
/// </summary>
public sealed record NearPath(string Latitude, string Longitude, int Precision, double CoveredKm, double ItemsPerCell, int Limit);

/// <summary>What a near pattern's key value carries: its items, writes (of them inserts) and searches per second, and the item's attributes.</summary>
internal sealed record NearLoad(long KeyRows, double Writes, double Inserts, double Searches, IReadOnlyList<ItemAttribute> Attributes);

/// <summary>
/// Chooses the geohash precision of a near pattern from the data. Assumed skew: the busiest city holds every item of a
/// key value within <see cref="CityKm2"/> km², and the searches are made where the items are. The radius that holds the
/// limit's N items at that density is r = √(N ÷ (π × density)); the precision is the finest whose 3 × 3 cells cover r,
/// so one search reads nine Queries and no more cells. A cell's partition is sharded when its writes (a position update
/// moves the index entry: delete + put) or its reads would pass 80 % of a partition's 1,000 WCU or 3,000 RCU.
/// </summary>
internal static class NearPlanner
{
    /// <summary>30 km × 30 km: a metropolitan area, where a skewed fleet concentrates.</summary>
    public const double CityKm2 = 900;

    /// <summary>Figures are stated at 45°, where a degree of longitude is 0.71 of the equator's.</summary>
    public const double DesignLatitude = 45;

    /// <summary>The full precision of the sort key: 12 characters, a cell of 3.7 cm × 1.9 cm.</summary>
    public const int SortPrecision = Geohash.MaxPrecision;

    /// <summary>The coarsest and finest partition precisions considered (5,000 km to 4.8 m cells).</summary>
    private const int Coarsest = 1;

    private const int Finest = 9;

    public sealed record Plan(int Precision, double Density, double RadiusKm, double CoveredKm, double CellKm2, double ItemsPerCell, double WriteUnitsPerCell, double ReadUnitsPerCell, int Shards, string Reason);

    /// <summary>The plan; <paramref name="itemBytes"/> is the item's typical size, keys included, with the cell at a precision.</summary>
    public static Plan Choose(NearLoad load, int limit, Func<int, int> itemBytes)
    {
        var density = Math.Max(1, load.KeyRows) / CityKm2;
        var radius = Math.Sqrt(limit / (Math.PI * density));
        var precision = Coarsest;
        for (var p = Finest; p >= Coarsest; p--)
        {
            if (Geohash.CoveredKm(DesignLatitude, p) >= radius)
            {
                precision = p;
                break;
            }
        }

        var (height, width) = Geohash.CellDegrees(precision);
        var cellKm2 = height * Geohash.KmPerDegree * width * Geohash.KmPerDegree * Math.Cos(DesignLatitude * Math.PI / 180);
        var cellShare = Math.Min(1, cellKm2 / CityKm2);
        var items = Math.Max(1, load.KeyRows) * cellShare;
        var updates = Math.Max(0, load.Writes - load.Inserts);
        var bytes = itemBytes(precision);
        var units = DynamoCapacityPlanner.WriteUnits(bytes);
        // Every index entry of a moved item changes its sort key (and often its cell): the index deletes the old entry and puts the new one.
        var writeUnits = (load.Inserts + 2 * updates) * units * cellShare;
        // A cell is read by every search whose block of nine holds it.
        var searchesOfCell = load.Searches * Math.Min(1, 9 * cellShare);
        double ReadUnits(int shards) => searchesOfCell * DynamoCapacityPlanner.ReadUnits((long)Math.Ceiling(items / shards * bytes), false);
        var shards = KeyPlanner.ShardsFor(writeUnits, KeyPlanner.ShardWriteUnits);
        while (shards < KeyPlanner.MaxShards && ReadUnits(shards) > KeyPlanner.ShardReadUnits)
        {
            shards++;
        }

        var reason = InvariantText.Format(
            $"Assumed skew: every one of the {load.KeyRows:N0} items of a key value in one {CityKm2:N0} km² city, {density:0.###} items/km²; the {limit} nearest lie within r = √({limit} ÷ (π × {density:0.###})) = {radius:0.###} km. ")
            + InvariantText.Format($"Geohash precision {precision} is the finest whose centre cell and 8 neighbours cover r at {DesignLatitude:0}° latitude: a cell is {height * Geohash.KmPerDegree:0.###} km × {width * Geohash.KmPerDegree * Math.Cos(DesignLatitude * Math.PI / 180):0.###} km there, and a point anywhere in the centre cell has a whole neighbour cell around it, so the block covers {Geohash.CoveredKm(DesignLatitude, precision):0.###} km")
            + (precision < Finest ? InvariantText.Format($" (precision {precision + 1} would cover only {Geohash.CoveredKm(DesignLatitude, precision + 1):0.###} km)") : string.Empty)
            + InvariantText.Format($"; a cell of {cellKm2:0.###} km² holds {items:0.#} items at that density, so a search reads about {Math.Min(Math.Max(1, load.KeyRows), 9 * items):N0}. ")
            + InvariantText.Format($"Busiest cell, items of about {bytes:N0} B: ({load.Inserts:0.####} inserts + 2 × {updates:0.####} updates)/s × {units} WCU × {cellShare:0.####} of the items = {writeUnits:0.##} WCU/s, and {searchesOfCell:0.##} searches/s (those whose nine cells include it) × {DynamoCapacityPlanner.ReadUnits((long)Math.Ceiling(items * bytes), false):0.#} RCU = {ReadUnits(1):0.##} RCU/s")
            + (shards > 1
                ? InvariantText.Format($"; over 80 % of a partition's 1,000 WCU or 3,000 RCU, so the cell's key gets {shards} shards (FNV-1a of the item's identity mod {shards}, kept when the item moves) and a search queries each cell's {shards} shards.")
                : "; under 80 % of a partition's 1,000 WCU and 3,000 RCU, so a cell is one partition key value.");
        return new Plan(precision, density, radius, Geohash.CoveredKm(DesignLatitude, precision), cellKm2, items, writeUnits, ReadUnits(shards), shards, reason);
    }
}
