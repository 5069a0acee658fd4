using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>The optional operations section: recovery objectives and the backup window, with located errors.</summary>
public sealed class OperationsReadingTests
{
    private const string Minimal = "application: { name: A }\nentities: [ { name: a } ]\n";

    [Fact]
    public void OperationsAreReadWithTheirWindow()
    {
        var requirement = ReadValid(Minimal + "operations: { rpoMinutes: 5, rtoMinutes: 60.5, backupWindow: \" 22:30 - 02:15 \" }\n");
        Assert.Equal(5, requirement.Operations.RpoMinutes);
        Assert.Equal(60.5, requirement.Operations.RtoMinutes);
        Assert.Equal(new BackupWindow((22 * 60) + 30, (2 * 60) + 15), requirement.Operations.BackupWindow);
        Assert.Equal(225, requirement.Operations.BackupWindow!.DurationMinutes);
        Assert.Equal("22:30-02:15", requirement.Operations.BackupWindow.ToString());
    }

    [Fact]
    public void MissingOperationsAreUnspecified()
    {
        var requirement = ReadValid(Minimal);
        Assert.Same(OperationsProfile.Unspecified, requirement.Operations);
        Assert.False(requirement.Operations.IsStated);
    }

    [Theory]
    [InlineData("operations: { rpoMinutes: 0 }", "0 }")]
    [InlineData("operations: { rtoMinutes: -5 }", "-5")]
    [InlineData("operations: { rpoMinutes: soon }", "soon")]
    [InlineData("operations: { backupWindow: \"1:00-5:00\" }", "\"1:00-5:00\"")]
    [InlineData("operations: { backupWindow: \"01:00-24:00\" }", "\"01:00-24:00\"")]
    [InlineData("operations: { backupWindow: \"01:00-01:00\" }", "\"01:00-01:00\"")]
    [InlineData("operations: { backupWindow: \"01:60-02:00\" }", "\"01:60-02:00\"")]
    [InlineData("operations: 15", "15")]
    public void InvalidOperationsPointAtTheValueWithAFix(string line, string marker)
    {
        var yaml = Minimal + line + "\n";
        var (l, c) = Locate(yaml, marker);
        var error = OnlyError(yaml, "InvalidValue", l, c);
        Assert.Contains("operations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOperationsKeySuggestsTheClosest()
    {
        var yaml = Minimal + "operations: { rpoMinutse: 5 }\n";
        var (l, c) = Locate(yaml, "rpoMinutse");
        var error = OnlyError(yaml, "UnknownKey", l, c);
        Assert.Contains("rpoMinutes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryExampleStatesItsRecoveryObjectives()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Examples, "*.yaml"))
        {
            var operations = RequirementsReader.Load(file).Operations;
            Assert.True(operations.RpoMinutes > 0 && operations.RtoMinutes > 0 && operations.BackupWindow is not null, file);
        }
    }
}
