using DbArchitect.Core.Engines.DynamoDb;

namespace DbArchitect.Core.Tests.DynamoDb;

/// <summary>
/// The geohash the DynamoDB near index keys by: known values of the standard, neighbours across cell edges, the
/// antimeridian and the poles (expected values from ngeohash 0.6.3, except beyond a pole, where ngeohash repeats the
/// cell and this leaves the cell out), and the radius the block of nine cells covers.
/// </summary>
public sealed class GeohashTests
{
    [Theory]
    [InlineData(57.64911, 10.40744, 11, "u4pruydqqvj")]
    [InlineData(42.6, -5.6, 5, "ezs42")]
    [InlineData(-90, -180, 1, "0")]
    [InlineData(90, 180, 1, "z")]
    [InlineData(-90, 180, 2, "pb")]
    [InlineData(0, 0, 12, "s00000000000")] // a midpoint belongs to the upper half, as on geohash.org
    public void EncodesTheStandardValues(double latitude, double longitude, int precision, string expected) =>
        Assert.Equal(expected, Geohash.Encode(latitude, longitude, precision));

    [Fact]
    public void BoundsHoldThePointAndHaveTheCellsSize()
    {
        var (south, north, west, east) = Geohash.Bounds("u4pruydqqvj");
        Assert.InRange(57.64911, south, north);
        Assert.InRange(10.40744, west, east);
        var (height, width) = Geohash.CellDegrees(11);
        Assert.Equal(height, north - south, 12);
        Assert.Equal(width, east - west, 12);
        // Precision 5: 12 latitude bits and 13 longitude bits, 180/4096 and 360/8192 degrees.
        Assert.Equal((180.0 / 4096, 360.0 / 8192), Geohash.CellDegrees(5));
    }

    [Theory]
    [InlineData("u4pruydqqvj", "u4pruydqqvm u4pruydqqvq u4pruydqqvn u4pruydqquy u4pruydqquv u4pruydqquu u4pruydqqvh u4pruydqqvk")]
    [InlineData("ezs42", "ezs48 ezs49 ezs43 ezs41 ezs40 ezefp ezefr ezefx")]
    [InlineData("gbsuv", "gbsvj gbsvn gbsuy gbsuw gbsut gbsus gbsuu gbsvh")]
    [InlineData("u4pr", "u4r2 u4r8 u4px u4pw u4pq u4pn u4pp u4r0")]
    [InlineData("9q8yy", "9q8zn 9q8zp 9q8yz 9q8yx 9q8yw 9q8yt 9q8yv 9q8zj")]
    [InlineData("xbpb", "xbpc 8001 8000 2pbp rzzz rzzx xbp8 xbp9")]
    public void NeighboursCrossCellEdgesAndTheAntimeridian(string cell, string expected) =>
        Assert.Equal(expected.Split(' '), Geohash.Neighbours(cell));

    [Theory]
    [InlineData("h", "k m j 5 7")]
    [InlineData("p", "r 2 0 n q")]
    [InlineData("b", "c 9 8 x z")]
    [InlineData("zzzz", "bpbp bpbn zzzy zzzw zzzx")]
    [InlineData("0000", "0001 0003 0002 pbpb pbpc")]
    public void NoNeighbourLiesBeyondAPole(string cell, string expected) =>
        Assert.Equal(expected.Split(' '), Geohash.Neighbours(cell));

    [Fact]
    public void EveryNeighbourTouchesTheCellAndTheBlockIsNineDistinctCells()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var latitude = random.NextDouble() * 170 - 85;
            var longitude = random.NextDouble() * 360 - 180;
            var precision = random.Next(1, 13);
            var block = Geohash.Block(latitude, longitude, precision);
            Assert.Equal(block.Count, block.Distinct(StringComparer.Ordinal).Count());
            var (south, north, west, east) = Geohash.Bounds(block[0]);
            var (height, width) = Geohash.CellDegrees(precision);
            foreach (var neighbour in block.Skip(1))
            {
                var (s, n, w, e) = Geohash.Bounds(neighbour);
                Assert.Equal(precision, neighbour.Length);
                Assert.True(Math.Abs(s - south) < height * 1.5 && Math.Abs(n - north) < height * 1.5, $"{neighbour} is not beside {block[0]} in latitude");
                var dLon = Math.Abs(w - west) % 360;
                Assert.True(Math.Min(dLon, 360 - dLon) < width * 1.5, $"{neighbour} is not beside {block[0]} in longitude");
            }

            if (precision > 1 && Math.Abs(latitude) < 80)
            {
                Assert.Equal(9, block.Count);
            }
        }
    }

    [Fact]
    public void EveryPointWithinTheCoveredRadiusLiesInTheBlock()
    {
        var random = new Random(11);
        var checkedPoints = 0;
        for (var i = 0; i < 20000; i++)
        {
            var precision = random.Next(3, 9);
            var latitude = random.NextDouble() * 160 - 80;
            // Half the points close to the antimeridian.
            var longitude = i % 2 == 0 ? random.NextDouble() * 360 - 180 : 179.99 + random.NextDouble() * 0.02 - (random.Next(2) == 0 ? 0 : 359.99);
            longitude = Math.Clamp(longitude, -180, 180);
            var covered = Geohash.CoveredKm(latitude, precision);
            var (height, width) = Geohash.CellDegrees(precision);
            var other = (Latitude: Math.Clamp(latitude + (random.NextDouble() * 2 - 1) * 2 * height, -90, 90), Longitude: longitude + (random.NextDouble() * 2 - 1) * 2 * width);
            other.Longitude = other.Longitude > 180 ? other.Longitude - 360 : other.Longitude < -180 ? other.Longitude + 360 : other.Longitude;
            if (Geohash.DistanceKm(latitude, longitude, other.Latitude, other.Longitude) > covered)
            {
                continue;
            }

            checkedPoints++;
            Assert.Contains(Geohash.Encode(other.Latitude, other.Longitude, precision), Geohash.Block(latitude, longitude, precision));
        }

        Assert.True(checkedPoints > 2000, $"only {checkedPoints} points fell within the covered radius");
    }

    [Fact]
    public void TheCoveredRadiusShrinksTowardsThePolesAndIsOneCellAtTheEquator()
    {
        // Precision 5 at the equator: a cell is 4.89 km square, so the block covers one cell, 4.89 km.
        Assert.InRange(Geohash.CoveredKm(0, 5), 4.87, 4.90);
        Assert.True(Geohash.CoveredKm(60, 5) < Geohash.CoveredKm(45, 5));
        Assert.Equal(0, Geohash.CoveredKm(89.99, 5), 3);
    }

    [Fact]
    public void DistanceIsTheGreatCircle()
    {
        // Paris to London, 343.5 km on the mean radius; across the antimeridian the short way.
        Assert.InRange(Geohash.DistanceKm(48.8566, 2.3522, 51.5074, -0.1278), 343, 344.5);
        Assert.InRange(Geohash.DistanceKm(0, 179.99, 0, -179.99), 2.2, 2.3);
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(0, -180.5)]
    public void ACoordinateOutOfRangeIsRefused(double latitude, double longitude) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Geohash.Encode(latitude, longitude, 5));
}
