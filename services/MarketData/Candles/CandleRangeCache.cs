using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Platform.MarketData.Candles;

/// <summary>Settings of <see cref="CandleRangeCache"/> (<c>Candles:RangeCache</c>).</summary>
internal sealed class CandleRangeCacheOptions
{
    public const string Section = "Candles:RangeCache";

    /// <summary>The most the cached rows may take, in MiB; 0 turns the cache off. A million one-minute bars take 53 MiB.</summary>
    public int MaxMegabytes { get; set; } = 256;

    /// <summary>How long a range unread stays cached.</summary>
    public TimeSpan Idle { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The binary rows of whole, closed ranges read before (docs/api-behaviour.md, 4.14), kept under the version their series
/// had when they were read: a worker reading the same million bars again (another backtest, the next grid) gets them from
/// memory, and any write of the series moves its version, after which the old rows are never served again.
/// </summary>
internal sealed class CandleRangeCache(IOptions<CandleRangeCacheOptions> options) : IDisposable
{
    private readonly MemoryCache _rows = new(new MemoryCacheOptions { SizeLimit = (long)options.Value.MaxMegabytes << 20 });

    public bool IsOn => options.Value.MaxMegabytes > 0;

    public bool TryGet(CandleRange range, long version, out byte[] rows) => _rows.TryGetValue(Key(range, version), out rows!);

    public void Set(CandleRange range, long version, byte[] rows) =>
        _rows.Set(Key(range, version), rows, new MemoryCacheEntryOptions { Size = rows.Length, SlidingExpiration = options.Value.Idle });

    public void Dispose() => _rows.Dispose();

    private static (string, string, long, long, long) Key(CandleRange range, long version) =>
        (range.Symbol, range.Interval.Code, range.Start, range.End, version);
}
