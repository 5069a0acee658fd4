using System.Text;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>
/// Standard base32 geohash (geohash.org): longitude and latitude bits interleaved, longitude first, five bits per
/// character. Neighbours are computed on the integer grid of the cell's precision, so a neighbour across a parent
/// cell's edge or the antimeridian (longitude wraps) is exact, and no cell lies beyond a pole (fewer than 8 there).
/// </summary>
public static class Geohash
{
    public const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    public const int MaxPrecision = 12;

    /// <summary>Metres per degree of latitude on the mean Earth radius (6,371.0088 km).</summary>
    public const double KmPerDegree = 6371.0088 * Math.PI / 180;

    /// <summary>The cell of a point at <paramref name="precision"/> characters.</summary>
    public static string Encode(double latitude, double longitude, int precision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latitude, -90.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(latitude, 90.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(longitude, -180.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(longitude, 180.0);
        CheckPrecision(precision);
        var (latBits, lonBits) = Bits(precision);
        return FromIndexes(Index(latitude, -90, 180, latBits), Index(longitude, -180, 360, lonBits), precision);
    }

    /// <summary>The cell's bounds in degrees: south, north, west, east.</summary>
    public static (double South, double North, double West, double East) Bounds(string cell)
    {
        var (lat, lon, latBits, lonBits) = Indexes(cell);
        var height = 180.0 / (1L << latBits);
        var width = 360.0 / (1L << lonBits);
        return (-90 + lat * height, -90 + (lat + 1) * height, -180 + lon * width, -180 + (lon + 1) * width);
    }

    /// <summary>
    /// The cells around <paramref name="cell"/>: north, north-east, east, south-east, south, south-west, west, north-west,
    /// those beyond a pole left out; longitude wraps at ±180°. Distinct, the cell itself excluded (precision 1 near a pole wraps onto itself).
    /// </summary>
    public static IReadOnlyList<string> Neighbours(string cell)
    {
        var (lat, lon, latBits, lonBits) = Indexes(cell);
        var rows = 1L << latBits;
        var columns = 1L << lonBits;
        var found = new List<string>(8);
        foreach (var (dLat, dLon) in new[] { (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1) })
        {
            var row = lat + dLat;
            if (row < 0 || row >= rows)
            {
                continue;
            }

            var next = FromIndexes(row, ((lon + dLon) % columns + columns) % columns, cell.Length);
            if (next != cell && !found.Contains(next))
            {
                found.Add(next);
            }
        }

        return found;
    }

    /// <summary>The cell of the point and its neighbours: the cells a proximity Query reads.</summary>
    public static IReadOnlyList<string> Block(double latitude, double longitude, int precision)
    {
        var centre = Encode(latitude, longitude, precision);
        return Neighbours(centre).Prepend(centre).ToList();
    }

    /// <summary>A cell's height and width in degrees at a precision.</summary>
    public static (double Height, double Width) CellDegrees(int precision)
    {
        CheckPrecision(precision);
        var (latBits, lonBits) = Bits(precision);
        return (180.0 / (1L << latBits), 360.0 / (1L << lonBits));
    }

    /// <summary>
    /// The radius in km around a point within which every point lies in <see cref="Block"/>: the point is somewhere in
    /// the centre cell, so a whole neighbour cell lies between it and the block's edge — one cell height north and south,
    /// one cell width east and west, measured at the block's poleward edge (up to two cells from the point) where a degree of longitude is shortest.
    /// </summary>
    public static double CoveredKm(double latitude, int precision)
    {
        var (height, width) = CellDegrees(precision);
        var poleward = Math.Min(90, Math.Abs(latitude) + 2 * height);
        return Math.Min(height * KmPerDegree, width * KmPerDegree * Math.Cos(poleward * Math.PI / 180));
    }

    /// <summary>The great-circle distance in km (haversine on the mean Earth radius): the distance the application ranks by.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        const double radians = Math.PI / 180;
        var dLat = (latitude2 - latitude1) * radians;
        var dLon = (longitude2 - longitude1) * radians;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(latitude1 * radians) * Math.Cos(latitude2 * radians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * 6371.0088 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static void CheckPrecision(int precision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, MaxPrecision);
    }

    /// <summary>Latitude and longitude bits of a precision: longitude takes the odd bit of an odd total.</summary>
    private static (int Lat, int Lon) Bits(int precision) => (precision * 5 / 2, (precision * 5 + 1) / 2);

    /// <summary>The row or column of a coordinate on a grid of 2^bits: the top edge (90°, 180°) belongs to the last one.</summary>
    private static long Index(double value, double start, double span, int bits)
    {
        var count = 1L << bits;
        return Math.Min(count - 1, (long)Math.Floor((value - start) / span * count));
    }

    private static string FromIndexes(long lat, long lon, int precision)
    {
        var (latBits, lonBits) = Bits(precision);
        var text = new StringBuilder(precision);
        int value = 0, count = 0, nextLat = latBits, nextLon = lonBits;
        for (var bit = 0; bit < precision * 5; bit++)
        {
            // Even bits are longitude, odd bits latitude, each from its most significant bit down.
            var one = bit % 2 == 0 ? (lon >> --nextLon & 1) : (lat >> --nextLat & 1);
            value = value << 1 | (int)one;
            if (++count == 5)
            {
                text.Append(Alphabet[value]);
                value = 0;
                count = 0;
            }
        }

        return text.ToString();
    }

    private static (long Lat, long Lon, int LatBits, int LonBits) Indexes(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        CheckPrecision(cell.Length);
        long lat = 0, lon = 0;
        var bit = 0;
        foreach (var c in cell)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException("'" + c + "' is not a geohash character.", nameof(cell));
            }

            for (var shift = 4; shift >= 0; shift--, bit++)
            {
                var one = value >> shift & 1;
                if (bit % 2 == 0)
                {
                    lon = lon << 1 | (long)one;
                }
                else
                {
                    lat = lat << 1 | (long)one;
                }
            }
        }

        var (latBits, lonBits) = Bits(cell.Length);
        return (lat, lon, latBits, lonBits);
    }
}
