using System.Globalization;
using System.IO.Compression;

namespace Platform.MarketData.Uploads;

/// <summary>
/// Gunzips a stream while holding it to <see cref="UploadOptions.MaxInflatedBytes"/> and
/// <see cref="UploadOptions.MaxCompressionRatio"/> (docs/api-behaviour.md, 4.7): the read that crosses either throws
/// <see cref="UploadTooLargeException"/>, so a gzip bomb stops after about 1 MiB of output instead of being inflated whole.
/// </summary>
internal sealed class BoundedGzipStream : ReadOnlyStream
{
    /// <summary>Output below which the ratio is not judged: small files say little about it and cannot hurt.</summary>
    public const long RatioJudgedFrom = 1 << 20;

    private readonly CountingStream _compressed;
    private readonly GZipStream _gzip;
    private readonly UploadOptions _limits;

    public BoundedGzipStream(Stream compressed, UploadOptions limits, bool leaveOpen = false)
    {
        _compressed = new CountingStream(compressed, leaveOpen);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
        _limits = limits;
    }

    /// <summary>Bytes inflated so far.</summary>
    public long Inflated { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _gzip.ReadAsync(buffer, cancellationToken));

    public override int Read(Span<byte> buffer) => Count(_gzip.Read(buffer));

    public override async ValueTask DisposeAsync()
    {
        await _gzip.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        Inflated += read;
        if (Inflated > _limits.MaxInflatedBytes)
        {
            throw new UploadTooLargeException(string.Create(
                CultureInfo.InvariantCulture, $"The gzip data inflates to more than the {_limits.MaxInflatedBytes} bytes an upload may hold."));
        }
        if (Inflated > RatioJudgedFrom && Inflated > _limits.MaxCompressionRatio * _compressed.BytesRead)
        {
            throw new UploadTooLargeException(string.Create(
                CultureInfo.InvariantCulture,
                $"The gzip data inflates more than {_limits.MaxCompressionRatio} times ({Inflated} bytes from the first {_compressed.BytesRead}): refused as a likely gzip bomb."));
        }
        return read;
    }

    /// <summary>Counts the compressed bytes the inflater has taken.</summary>
    private sealed class CountingStream(Stream inner, bool leaveOpen) : ReadOnlyStream
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            BytesRead += read;
            return read;
        }

        public override async ValueTask DisposeAsync()
        {
            if (!leaveOpen)
            {
                await inner.DisposeAsync();
            }
            GC.SuppressFinalize(this);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
