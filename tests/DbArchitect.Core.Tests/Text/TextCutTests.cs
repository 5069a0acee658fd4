using System.Globalization;
using System.Text;

namespace DbArchitect.Core.Tests.Text;

public sealed class TextCutTests
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public void TextWithinTheLimitIsKeptUnchanged()
    {
        Assert.Equal("abc😀", TextCut.ToLength("abc😀", 5));
        Assert.Equal("abc😀", TextCut.ToUtf8Bytes("abc😀", 7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AnEmojiAtTheCutIsKeptWholeOrLeftOut(int offset)
    {
        var text = new string('a', offset) + string.Concat(Enumerable.Repeat("😀", 20));
        for (var limit = 2; limit < text.Length; limit++)
        {
            var cut = TextCut.ToLength(text, limit);
            Assert.True(cut.Length <= limit, $"{cut.Length} > {limit}");
            Assert.EndsWith("…", cut, StringComparison.Ordinal);
            Strict.GetBytes(cut); // throws on half a surrogate pair
            Assert.StartsWith(cut[..^1], text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("e\u0301")] // e + combining acute
    [InlineData("👩‍👩‍👧")] // a ZWJ family
    [InlineData("🇫🇷")] // a flag: two regional indicators
    [InlineData("👍🏽")] // an emoji with a skin-tone modifier
    public void ACutNeverSplitsATextElement(string element)
    {
        var text = string.Concat(Enumerable.Repeat("x" + element, 30));
        for (var limit = 1; limit < text.Length; limit++)
        {
            var cut = TextCut.ToLength(text, limit, mark: string.Empty);
            Assert.True(cut.Length <= limit);
            var elements = new StringInfo(cut);
            for (var i = 0; i < elements.LengthInTextElements; i++)
            {
                Assert.Contains(elements.SubstringByTextElements(i, 1), new[] { "x", element });
            }
        }
    }

    [Fact]
    public void ByteLimitCountsUtf8AndTheMark()
    {
        var cut = TextCut.ToUtf8Bytes("ééééé", 8); // é is 2 bytes, … is 3
        Assert.Equal("éé…", cut);
        Assert.True(Encoding.UTF8.GetByteCount(cut) <= 8);
    }

    [Fact]
    public void ALimitSmallerThanTheMarkIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TextCut.ToLength("abcdef", 2, "..."));
}
