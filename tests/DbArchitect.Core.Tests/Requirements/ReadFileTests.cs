using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Requirements;

public sealed class ReadFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dbarchitect-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void ErrorLocationsNameTheFileAsGiven()
    {
        File.WriteAllText(_path, "application: { name: A }\nentities: [ { name: a, rows: -1 } ]\n");
        var error = Assert.Single(RequirementsReader.ReadFile(_path).Errors);
        Assert.Equal(new SourceLocation(_path, 2, 30), error.Location);
    }

    [Fact]
    public void LoadThrowsWithEveryErrorOfTheFile()
    {
        File.WriteAllText(_path, "application: { name: A, kind: big }\nentities: [ { name: a, rows: -1 } ]\n");
        var ex = Assert.Throws<DbArchitectException>(() => RequirementsReader.Load(_path));
        Assert.Equal(new[] { "InvalidEnumValue", "NegativeVolume" }, ex.Errors.Select(e => e.ErrorId));
        Assert.Contains($"{_path}:1:31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadReturnsTheRequirementOfAValidFile()
    {
        File.WriteAllText(_path, "application: { name: A }\nentities: [ { name: a } ]\n");
        Assert.Equal(_path, RequirementsReader.Load(_path).SourcePath);
    }
}
