using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>Reads YAML written in a test and finds errors by id, so each test states only what it proves.</summary>
internal static class RequirementsTestKit
{
    public const string Source = "test.yaml";

    public const string DesignExample = """
        application:
          name: ShopFast
          description: Online store with catalog search, carts, orders and payments
          kind: oltp            # oltp | analytics | mixed | time-series | document | graph | key-value
          tenancy: single       # single | multi (tenant key, row-level security)
        workload:
          records: 2000000      # rows in all today
          recordsPerDay: 25000
          readWriteRatio: "80:20"
          latencyMs: 50         # p95 target
          concurrentUsers: 5000
          tps: 1200
          retention: 5y         # d, w, m, y
        hardware: { memoryGb: 64, cpus: 16, storage: ssd }   # ssd | hdd | network
        engine: auto
        conventions: { naming: snake_case, primaryKey: uuid, timestamps: true, softDelete: false, audit: true }
        entities:
          - name: customer
            description: A registered buyer
            rows: 500000
            rowsPerDay: 800
            attributes:
              - { name: email, type: email, required: true, unique: true }
              - { name: full_name, type: string(200), required: true }
              - { name: status, type: "enum(active, suspended, closed)", default: active }
              - { name: loyalty_points, type: int, default: 0, check: ">= 0" }
              - { name: preferences, type: json }
          - name: product
            attributes:
              - { name: sku, type: string(40), required: true, unique: true }
              - { name: name, type: string(255), required: true }
              - { name: description, type: text }
              - { name: price, type: money, required: true, check: ">= 0" }
          - name: order
            rows: 1500000
            rowsPerDay: 20000
            attributes:
              - { name: total, type: "decimal(12,2)", required: true }
              - { name: status, type: "enum(pending, paid, shipped, cancelled)", default: pending }
        relationships:
          - { from: customer, to: order, type: one-to-many, onDelete: restrict }   # order gets customer_id
          - from: order
            to: product
            type: many-to-many
            through: order_item
            attributes:
              - { name: quantity, type: int, required: true, check: "> 0" }
              - { name: unit_price, type: money, required: true }
        accessPatterns:
          - { name: customer order history, entity: order, where: [customer_id], orderBy: [created_at desc], limit: 20, perSecond: 300 }
          - { name: product search, entity: product, search: [name, description], fuzzy: true, perSecond: 200 }
          - { name: open orders, entity: order, where: [status], range: created_at, perSecond: 5 }
          - { name: daily revenue, entity: order, aggregate: "sum(total)", groupBy: ["day(created_at)"], range: created_at, perSecond: 0.1 }
        """;

    public static RequirementsResult Read(string yaml) => RequirementsReader.Read(yaml, Source);

    /// <summary>Reads a file that must be valid and returns its requirement (failing with every error otherwise).</summary>
    public static DbRequirement ReadValid(string yaml)
    {
        var result = Read(yaml);
        Assert.True(result.IsValid, "Expected no errors, got:\n" + string.Join("\n", result.Errors));
        return result.Requirement!;
    }

    /// <summary>The single error with this id (failing if there is none or more than one).</summary>
    public static DbArchitectError Single(RequirementsResult result, string errorId)
    {
        var matching = result.Errors.Where(e => e.ErrorId == errorId).ToList();
        Assert.True(matching.Count == 1, $"Expected one {errorId}, got {matching.Count}. All errors:\n" + string.Join("\n", result.Errors));
        return matching[0];
    }

    /// <summary>Asserts that the file has exactly one error, with this id, at this line and column.</summary>
    public static DbArchitectError OnlyError(string yaml, string errorId, int line, int column)
    {
        var result = Read(yaml);
        Assert.True(result.Errors.Count == 1, $"Expected exactly one error ({errorId}), got:\n" + string.Join("\n", result.Errors));
        var error = result.Errors[0];
        Assert.Equal(errorId, error.ErrorId);
        AssertAt(error, line, column);
        Assert.Null(result.Requirement);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        return error;
    }

    public static void AssertAt(DbArchitectError error, int line, int column)
    {
        Assert.NotNull(error.Location);
        Assert.Equal(Source, error.Location!.File);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
    }

    /// <summary>A minimal valid file around the given entity attribute lines (each indented for an attributes list).</summary>
    public static string WithAttributes(params string[] attributes) =>
        "application: { name: Test }\nentities:\n  - name: thing\n    attributes:\n" + string.Join("\n", attributes.Select(a => "      - " + a)) + "\n";

    /// <summary>
    /// The 1-based line and column of the <paramref name="occurrence"/>-th appearance of <paramref name="marker"/> in the
    /// text, computed from the text itself, so location assertions do not depend on the parser under test.
    /// </summary>
    public static (int Line, int Column) Locate(string yaml, string marker, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = yaml.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"Marker '{marker}' #{occurrence} not in the test YAML.");
        }

        var before = yaml[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    /// <summary>Asserts the file has exactly one error, with this id, located where <paramref name="marker"/> is written.</summary>
    public static DbArchitectError OnlyErrorAt(string yaml, string errorId, string marker, int occurrence = 1)
    {
        var (line, column) = Locate(yaml, marker, occurrence);
        return OnlyError(yaml, errorId, line, column);
    }
}
