using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;

namespace DbArchitect.Core.Tests.Tuning;

public sealed class PgTuneAgreementTests
{
    private static string[] Lines(PgTuneCase c) => PostgreSqlPgTune
        .Calculate(c.Workload, PostgreSqlPgTune.MemoryKb(c.MemoryGb), c.Cpus, c.Connections, c.Storage)
        .Settings.Select(s => $"{s.Name} = {s.Value}").ToArray();

    [Theory]
    [MemberData(nameof(PgTuneReference.All), MemberType = typeof(PgTuneReference))]
    public void GivesPgTunesValuesForTheSameInputs(PgTuneCase reference)
    {
        var actual = Lines(reference);
        if (reference.Published)
        {
            // Published outputs may omit lines their authors removed (huge_pages); every line they show must match, in order.
            Assert.Equal(reference.Expected, actual.Where(l => reference.Expected.Any(e => e.Split(" = ")[0] == l.Split(" = ")[0])).ToArray());
        }
        else
        {
            Assert.Equal(reference.Expected, actual);
        }
    }

    [Fact]
    public void TheReferenceTableCoversEveryWorkloadStorageAndTheRequiredSizes()
    {
        var cases = PgTuneReference.Cases;
        Assert.True(cases.Length >= 8);
        Assert.Equal(Enum.GetValues<ConfigWorkload>().Length, cases.Select(c => c.Workload).Distinct().Count());
        Assert.Equal(3, cases.Select(c => c.Storage).Distinct().Count());
        foreach (var memory in new[] { 2, 8, 64, 256 })
        {
            Assert.Contains(cases, c => c.MemoryGb == memory);
        }

        foreach (var cpus in new[] { 1, 4, 16, 64 })
        {
            Assert.Contains(cases, c => c.Cpus == cpus);
        }
    }

    [Theory]
    [InlineData(1024L * 1024, "1GB")]
    [InlineData(1536L * 1024, "1536MB")]
    [InlineData(3932L, "3932kB")]
    [InlineData(64L, "64kB")]
    [InlineData(100L * 1024, "100MB")]
    public void SizesArePrintedInTheLargestExactUnit(long kb, string expected) =>
        Assert.Equal(expected, PostgreSqlPgTune.Format(kb));
}
