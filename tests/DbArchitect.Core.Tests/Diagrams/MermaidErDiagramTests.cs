// Test data is clearer inline than in static fields.
#pragma warning disable CA1861

using System.Text.RegularExpressions;
using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Fixtures;

namespace DbArchitect.Core.Tests.Diagrams;

public sealed class MermaidErDiagramTests
{
    /// <summary>
    /// The line shapes Mermaid's erDiagram grammar (erDiagram.jison) accepts, narrowed to what a diagram may safely
    /// use in Mermaid 10.5 and later: ASCII entity ids with an optional quoted alias, attribute words made of
    /// letters, digits, _, -, (), [], key markers PK/FK/UK separated by commas, quoted comments and labels without
    /// double quotes (and, for aliases and labels, without % and backslash which the alias token refuses).
    /// </summary>
    private static readonly Regex[] GrammarLines =
    {
        new(@"^erDiagram$"),
        new(@"^    [A-Za-z_][A-Za-z0-9_]*(\[""[^""%\\\r\n]+""\])?( \{)?$"),
        new(@"^        [A-Za-z_][A-Za-z0-9_\[\]()\-]* [A-Za-z_][A-Za-z0-9_]*( (PK|FK|UK)(, (PK|FK|UK))*)?( ""[^""~`;\r\n]*"")?$"),
        new(@"^    \}$"),
        new(@"^    [A-Za-z_][A-Za-z0-9_]* (\|\||o\|)(--|\.\.)(o\{|o\||\|\||\|\{) [A-Za-z_][A-Za-z0-9_]* : ""[^""%\\\r\n]+""$"),
    };

    private static readonly string[] LexerKeywords = { "one", "many", "to", "end", "class", "classdef", "style", "subgraph", "erdiagram", "u", "o" };

    private static string Render(SchemaModel? model = null) => MermaidErDiagram.Render(model ?? ShopDesign.Build().Physical);

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    [Fact]
    public void RequiredForeignKeyIsExactlyOneOnTheParentAndZeroOrMoreOnTheChild() =>
        Assert.Contains("    customer ||..o{ order : \"order_customer_id_fkey\"", Lines(Render()));

    [Fact]
    public void NullableForeignKeyIsZeroOrOneOnTheParentSide() =>
        Assert.Contains("    categorie_produit o|..o{ product : \"product_category_id_fkey\"", Lines(Render()));

    [Fact]
    public void UniqueForeignKeyIsOneToOne() =>
        Assert.Contains("    customer ||..o| customer_profile : \"customer_profile_customer_id_fkey\"", Lines(Render()));

    [Fact]
    public void ForeignKeyInsideThePrimaryKeyIsIdentifyingAndDrawnSolid()
    {
        var lines = Lines(Render());
        Assert.Contains("    order ||--o{ order_item : \"order_item_order_id_fkey\"", lines);
        Assert.Contains("    product ||--o{ order_item : \"order_item_product_id_fkey\"", lines);
        Assert.DoesNotContain(lines, l => l.Contains("--", StringComparison.Ordinal) && l.Contains("customer_profile", StringComparison.Ordinal));
    }

    [Fact]
    public void NullableColumnsOverrideARequiredFlagOnTheForeignKey()
    {
        var design = ShopDesign.Build();
        var profile = design.Physical.FindTable("customer_profile")!;
        var nullable = profile with
        {
            Columns = profile.Columns.Select(c => c.Name == "customer_id" ? c with { Nullable = true } : c).ToList(),
        };
        var model = design.Physical with { Tables = design.Physical.Tables.Select(t => t.Name == "customer_profile" ? nullable : t).ToList() };
        Assert.Contains("    customer o|..o| customer_profile : \"customer_profile_customer_id_fkey\"", Lines(Render(model)));
    }

    [Fact]
    public void UnicodeTableGetsAnAsciiIdAndItsRealNameAsAlias() =>
        Assert.Contains("    categorie_produit[\"catégorie produit\"] {", Lines(Render()));

    [Fact]
    public void PlainNamesNeedNoAlias()
    {
        var lines = Lines(Render());
        Assert.Contains("    order {", lines);
        Assert.Contains("    customer {", lines);
    }

    [Fact]
    public void AttributesCarryTypeNameAndKeyMarkers()
    {
        var lines = Lines(Render());
        Assert.Contains("        uuid order_id PK, FK", lines);
        Assert.Contains("        uuid customer_id FK, UK", lines);
        Assert.Contains("        string_40 sku UK", lines);
        Assert.Contains("        decimal_12_2 total", lines);
        Assert.Contains("        string_20[] tags \"nullable\"", lines);
        Assert.Contains(lines, l => l.StartsWith("        email email UK \"Login 'e-mail', unique\"", StringComparison.Ordinal));
    }

    [Fact]
    public void UnsafeAttributeNamesAreMappedAndKeepTheRealNameInTheComment()
    {
        var lines = Lines(Render());
        Assert.Contains("        string_80 name \"näme\"", lines);
        Assert.Contains("        int pk_ \"pk, nullable\"", lines);
        Assert.Contains("        money price_net_ \"price|net*\"", lines);
    }

    [Fact]
    public void CommentsLoseCharactersTheGrammarGivesMeaningTo()
    {
        var note = Lines(Render()).Single(l => l.Contains(" note ", StringComparison.Ordinal));
        var comment = note[(note.IndexOf('"', StringComparison.Ordinal) + 1)..^1];
        Assert.DoesNotContain('"', comment);
        Assert.DoesNotContain('~', comment);
        Assert.DoesNotContain('`', comment);
        Assert.DoesNotContain(';', comment);
        Assert.StartsWith("nullable, Free text | 'gift' *wrap*", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryLineMatchesTheErDiagramGrammar()
    {
        var design = ShopDesign.Build(extraTables: HostileTables());
        foreach (var line in Lines(Render(design.Physical)))
        {
            Assert.True(GrammarLines.Any(r => r.IsMatch(line)), "Not in the erDiagram grammar: " + line);
        }
    }

    [Fact]
    public void EntityIdsAndAttributeNamesAreNeverLexerKeywords()
    {
        var design = ShopDesign.Build(extraTables: HostileTables());
        foreach (var line in Lines(Render(design.Physical)).Skip(1))
        {
            var tokens = line.Trim().Split(' ', '[');
            if (line.StartsWith("        ", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(tokens[1].ToUpperInvariant(), new[] { "PK", "FK", "UK" });
            }
            else if (tokens[0] != "}")
            {
                Assert.DoesNotContain(tokens[0].ToLowerInvariant(), LexerKeywords);
            }
        }
    }

    [Fact]
    public void NamesThatFoldToTheSameIdGetDistinctHashedIds()
    {
        var design = ShopDesign.Build(extraTables: HostileTables());
        var lines = Lines(Render(design.Physical));
        var headers = lines.Where(l => Regex.IsMatch(l, @"^    \S+\[""(order|Order|ördér)""\]")).ToList();
        Assert.Equal(3, headers.Count);
        var ids = lines.Where(l => l.StartsWith("    ", StringComparison.Ordinal) && !l.StartsWith("     ", StringComparison.Ordinal) && l.EndsWith('{'))
            .Select(l => l.Trim().Split('[', ' ')[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(headers, h => Assert.Matches(@"^    [Oo]rder_[0-9a-f]{6}\[", h));
        // "order" itself clashes with "Order" and "ördér", so its relationships use its hashed id too.
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^    order_[0-9a-f]{6} \|\|--o\{ order_item "));
    }

    [Fact]
    public void KeywordAndLongNamesAreAliased()
    {
        var lines = Lines(Render(ShopDesign.Build(extraTables: HostileTables()).Physical));
        Assert.Contains("    end_[\"end\"] {", lines);
        var longHeader = Assert.Single(lines, l => l.Contains(new string('x', 100), StringComparison.Ordinal));
        Assert.True(longHeader.IndexOf('[', StringComparison.Ordinal) <= 4 + 64, longHeader);
    }

    [Fact]
    public void OutputIsDeterministicWithLfLineEndings()
    {
        var first = Render(ShopDesign.Build(extraTables: HostileTables()).Physical);
        var second = Render(ShopDesign.Build(extraTables: HostileTables()).Physical);
        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeTokensSpellEveryLogicalTypeWithinTheAttributeAlphabet()
    {
        var types = new[]
        {
            LogicalType.String(200), LogicalType.Char(2), LogicalType.Decimal(12, 2), LogicalType.Enum(new[] { "a", "b c" }),
            LogicalType.ArrayOf(LogicalType.ArrayOf(LogicalType.Decimal(5, 1))), LogicalType.Money, LogicalType.Timestamp,
        };
        Assert.All(types, t => Assert.Matches(@"^[A-Za-z][A-Za-z0-9_\[\]]*$", MermaidText.TypeToken(t)));
        Assert.Equal("decimal_5_1[][]", MermaidText.TypeToken(types[4]));
    }

    private static Table[] HostileTables() => new[]
    {
        ShopDesign.Table("Order", new[] { ShopDesign.Id() }),
        ShopDesign.Table("ördér", new[] { ShopDesign.Id() }),
        ShopDesign.Table("end", new[] { ShopDesign.Id(), ShopDesign.Col("UK", LogicalType.Int, "integer") }),
        ShopDesign.Table("one", Array.Empty<Column>()),
        ShopDesign.Table(new string('x', 100), new[] { ShopDesign.Id() }),
        ShopDesign.Table("say \"hi\" 100% \\ direction TB; #amp;", new[] { ShopDesign.Id(), ShopDesign.Col("顧客", LogicalType.Text, "text") },
            foreignKeys: new[] { ShopDesign.Fk("fk \"quoted\" direction LR", "id", "order", required: true) }),
        ShopDesign.Table("顧客", new[] { ShopDesign.Id() }),
        ShopDesign.Table("2024 stats", new[] { ShopDesign.Id() }),
    };
}
