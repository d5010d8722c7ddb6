namespace Platform.MarketData.Ingest;

/// <summary>
/// The lines of a text, read a block at a time and handed out as spans of the block, so that a million lines cost no string
/// each. A line ends at <c>\n</c>, <c>\r</c> or <c>\r\n</c>, as <see cref="TextReader.ReadLine"/> has it; the last line
/// needs no end. A line longer than the block grows it.
/// </summary>
internal sealed class TextLines(TextReader reader) : IDisposable
{
    private const int BlockChars = 1 << 16;

    private char[] _block = new char[BlockChars];
    private int _start;
    private int _end;
    private bool _ended;

    /// <summary>
    /// The next whole line of what has been read, valid until the next <see cref="FillAsync"/>; false when the block holds
    /// no whole line (the rest of a line may still come).
    /// </summary>
    public bool TryRead(out ReadOnlySpan<char> line)
    {
        var pending = _block.AsSpan(_start, _end - _start);
        var at = pending.IndexOfAny('\r', '\n');
        // A carriage return at the very end may be the first half of \r\n: its line waits for the next block.
        if (at < 0 || (at == pending.Length - 1 && pending[at] == '\r' && !_ended))
        {
            if (!_ended || pending.IsEmpty || at >= 0)
            {
                line = default;
                return false;
            }
            line = pending;
            _start = _end;
            return true;
        }
        line = pending[..at];
        _start += at + (pending[at] == '\r' && at + 1 < pending.Length && pending[at + 1] == '\n' ? 2 : 1);
        return true;
    }

    /// <summary>Reads the next block of text; false once the text has ended and every line of it has been read.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }
        var pending = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_block, _start, _block, 0, pending);
            (_start, _end) = (0, pending);
        }
        if (_end == _block.Length)
        {
            Array.Resize(ref _block, _block.Length * 2);
        }
        int read;
        try
        {
            read = await reader.ReadAsync(_block.AsMemory(_end), cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            throw CandleFileContent.CorruptGzip(exception);
        }
        _end += read;
        _ended = read == 0;
        return !_ended || _end > _start;
    }

    /// <summary>The next line as a string, reading as needed; null at the end of the text.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryRead(out var line))
            {
                return line.ToString();
            }
            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    public void Dispose() => reader.Dispose();
}
