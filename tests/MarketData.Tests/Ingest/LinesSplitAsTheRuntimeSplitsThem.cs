using System.Text;
using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

/// <summary>
/// Lines read a block at a time are the lines <see cref="TextReader.ReadLine"/> finds: every line end, wherever a block
/// boundary falls, however the reader hands the text out.
/// </summary>
public sealed class LinesSplitAsTheRuntimeSplitsThem
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a\n")]
    [InlineData("a\r\nb")]
    [InlineData("a\rb\r")]
    [InlineData("\n\n\r\r\n")]
    [InlineData("a\n\rb")]
    public async Task ShortTexts(string text)
    {
        Assert.Equal(RuntimeLines(text), await BlockLinesAsync(new StringReader(text)));
        Assert.Equal(RuntimeLines(text), await BlockLinesAsync(new TrickleReader(text, 1)));
    }

    [Fact]
    public async Task ACarriageReturnEndingABlock()
    {
        // 65,535 characters, then \r\n: the \r is the last character of the first 64 Ki block, its \n the first of the next.
        var text = new string('x', 65_535) + "\r\nnext\r\n";
        Assert.Equal(["next"], (await BlockLinesAsync(new StringReader(text)))[1..]);
        Assert.Equal(RuntimeLines(text), await BlockLinesAsync(new StringReader(text)));
    }

    [Fact]
    public async Task LinesLongerThanABlock()
    {
        var text = new string('a', 200_000) + "\n" + new string('b', 70_000) + "\r" + new string('c', 131_072);
        Assert.Equal(RuntimeLines(text), await BlockLinesAsync(new StringReader(text)));
    }

    [Fact]
    public async Task RandomTextsInRandomPieces()
    {
        var random = new Random(61);
        string[] ends = ["\n", "\r", "\r\n"];
        for (var i = 0; i < 40; i++)
        {
            var text = new StringBuilder();
            var lines = random.Next(0, 3_000);
            for (var line = 0; line < lines; line++)
            {
                text.Append('v', random.Next(0, random.Next(10) == 0 ? 5_000 : 80)).Append(ends[random.Next(ends.Length)]);
            }
            if (random.Next(2) == 0)
            {
                text.Append("last");
            }
            var content = text.ToString();
            Assert.Equal(RuntimeLines(content), await BlockLinesAsync(new TrickleReader(content, random.Next(1, 70_000))));
        }
    }

    private static List<string> RuntimeLines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }

    private static async Task<List<string>> BlockLinesAsync(TextReader reader)
    {
        using var lines = new TextLines(reader);
        var read = new List<string>();
        while (await lines.ReadLineAsync(CancellationToken.None) is { } line)
        {
            read.Add(line);
        }
        return read;
    }

    /// <summary>A reader that hands out at most a few characters per read, as a network stream may.</summary>
    private sealed class TrickleReader(string text, int most) : TextReader
    {
        private int _position;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            var count = Math.Min(Math.Min(most, buffer.Length), text.Length - _position);
            text.AsSpan(_position, count).CopyTo(buffer.Span);
            _position += count;
            return ValueTask.FromResult(count);
        }
    }
}
