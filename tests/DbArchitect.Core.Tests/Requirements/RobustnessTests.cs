using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>Damaged files never make the reader throw, and every error it reports points inside the file.</summary>
public sealed class RobustnessTests
{
    private static void AssertReportsWithinFile(string yaml)
    {
        RequirementsResult result;
        try
        {
            result = Read(yaml);
        }
        catch (Exception ex)
        {
            Assert.Fail($"The reader threw {ex.GetType().Name} for:\n{yaml}\n{ex}");
            return;
        }

        var lines = yaml.Split('\n').Length;
        Assert.Equal(result.Errors.Count == 0, result.IsValid);
        foreach (var error in result.Errors)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.False(string.IsNullOrWhiteSpace(error.Fix));
            Assert.InRange(error.Location!.Line, 1, lines + 1);
            Assert.True(error.Location.Column >= 1, error.ToString());
        }
    }

    [Fact]
    public void EveryTruncationOfTheExampleIsReportedWithoutThrowing()
    {
        for (var length = 0; length <= DesignExample.Length; length += 7)
        {
            AssertReportsWithinFile(DesignExample[..length]);
        }
    }

    [Fact]
    public void RemovingAnyLineOrCharacterOfTheExampleIsReportedWithoutThrowing()
    {
        var lines = DesignExample.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            AssertReportsWithinFile(string.Join('\n', lines.Where((_, index) => index != i)));
        }

        foreach (var remove in new[] { '[', ']', '{', '}', ':', ',', '"', '(', ')', '-' })
        {
            var at = DesignExample.IndexOf(remove, StringComparison.Ordinal);
            while (at >= 0)
            {
                AssertReportsWithinFile(DesignExample.Remove(at, 1));
                at = DesignExample.IndexOf(remove, at + 1);
            }
        }
    }

    [Fact]
    public void DeeplyNestedJsonDefaultIsReportedWithoutThrowing()
    {
        var nested = new string('[', 200) + new string(']', 200);
        AssertReportsWithinFile(WithAttributes($"{{ name: doc, type: json, default: {nested} }}"));
    }
}
