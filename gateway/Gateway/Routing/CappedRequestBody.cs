namespace Platform.Gateway.Routing;

/// <summary>
/// A request body without a declared length, held to <paramref name="limit"/> bytes: the read that would pass it fails as
/// Kestrel's own limit does (<see cref="BadHttpRequestException"/>, 413), and <see cref="Exceeded"/> says so afterwards.
/// </summary>
internal sealed class CappedRequestBody(Stream inner, long limit) : Stream
{
    private long _read;

    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            Exceeded = true;
            throw new BadHttpRequestException($"The request body passed the route's {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }
        return read;
    }
}
