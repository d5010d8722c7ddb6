using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Testing.FakeBybit;

/// <summary>
/// A local stand-in for Bybit's public v5 market API (docs/bybit.md): a real Kestrel server on 127.0.0.1 and a free
/// port that serves deterministic candles for any symbol, interval and range (<see cref="FakeMarket"/>), recent trades,
/// the server time and instruments-info with cursor paging, with Bybit's envelope, key order, string values and
/// newest-first lists. Faults are scripted per request (<see cref="Enqueue"/>) or left on (<see cref="SetFault"/>), and
/// every request is recorded with its arrival time (<see cref="Requests"/>).
/// </summary>
public sealed class FakeBybitServer : IAsyncDisposable
{
    public const string KlinePath = "/v5/market/kline";
    public const string RecentTradePath = "/v5/market/recent-trade";
    public const string TimePath = "/v5/market/time";
    public const string InstrumentsPath = "/v5/market/instruments-info";

    private readonly WebApplication _app;
    private readonly FakeEndpoints _endpoints;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<ScriptedFault> _queued = [];
    private readonly List<ScriptedFault> _standing = [];
    private readonly ConcurrentDictionary<string, byte> _unknownSymbols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _listingTimes = new(StringComparer.Ordinal);

    private FakeBybitServer(WebApplication app)
    {
        _app = app;
        _endpoints = new FakeEndpoints(this);
    }

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:41234/</c>; use it as <c>Bybit:BaseUrl</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The market's now: the envelope <c>time</c>, the still-open candle and the newest trades follow it. Real time by default.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>No candle opens before this instant (BTCUSDT's launch, 2020-03-30, by default) unless the symbol has its own.</summary>
    public DateTimeOffset ListingTime { get; set; } = DateTimeOffset.FromUnixTimeMilliseconds(1_585_526_400_000);

    /// <summary>What instruments-info lists, in this order.</summary>
    public IReadOnlyList<FakeInstrument> Instruments { get; set; } =
    [
        FakeInstrument.Usdt("BTC", 1_585_526_400_000),
        FakeInstrument.Usdt("ETH", 1_615_766_400_000),
        FakeInstrument.Usdt("SOL", 1_635_206_400_000),
        FakeInstrument.Usdt("XRP", 1_620_000_000_000),
        FakeInstrument.Usdt("DOGE", 1_620_000_000_000),
    ];

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    internal long NowMilliseconds => Clock().ToUnixTimeMilliseconds();

    public static async Task<FakeBybitServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeBybitServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Requests about <paramref name="symbol"/> to <paramref name="path"/> (kline by default), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string symbol, string path = KlinePath) =>
        [.. Requests.Where(request => request.Path == path && request.Symbol == symbol)];

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>No candle of <paramref name="symbol"/> opens before <paramref name="listingTime"/>.</summary>
    public void SetListingTime(string symbol, DateTimeOffset listingTime) => _listingTimes[symbol] = listingTime;

    /// <summary>Kline and recent-trade answer this symbol with retCode 10001 "Not supported symbols".</summary>
    public void AddUnknownSymbol(string symbol) => _unknownSymbols[symbol] = 0;

    /// <summary>
    /// Answers the next request matching <paramref name="path"/> and <paramref name="symbol"/> (null matches any) with
    /// <paramref name="fault"/>, once. Queued faults are used in order, before standing ones.
    /// </summary>
    public void Enqueue(FakeFault fault, string? path = null, string? symbol = null)
    {
        lock (_gate)
        {
            _queued.Add(new ScriptedFault(fault, path, symbol));
        }
    }

    /// <summary>Answers every matching request with <paramref name="fault"/> until <see cref="ClearFaults"/>.</summary>
    public void SetFault(FakeFault fault, string? path = null, string? symbol = null)
    {
        lock (_gate)
        {
            _standing.Add(new ScriptedFault(fault, path, symbol));
        }
    }

    /// <summary>Removes queued and standing faults; unknown symbols stay unknown.</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _queued.Clear();
            _standing.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    internal bool IsUnknown(string symbol) => _unknownSymbols.ContainsKey(symbol);

    internal DateTimeOffset ListingTimeOf(string symbol) => _listingTimes.GetValueOrDefault(symbol, ListingTime);

    /// <summary>The normal answer to the request, or the same shape with an empty list.</summary>
    internal Task AnswerAsync(HttpContext context, CancellationToken cancellationToken, bool emptyList) =>
        _endpoints.AnswerAsync(context, emptyList, cancellationToken);

    private async Task HandleAsync(HttpContext context)
    {
        var request = new RecordedRequest(
            context.Request.Path.Value ?? "",
            context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value[0] ?? "", StringComparer.Ordinal),
            DateTimeOffset.UtcNow);
        FakeFault? fault;
        lock (_gate)
        {
            _requests.Add(request);
            var queued = _queued.FindIndex(scripted => scripted.Matches(request));
            if (queued >= 0)
            {
                fault = _queued[queued].Fault;
                _queued.RemoveAt(queued);
            }
            else
            {
                fault = _standing.Find(scripted => scripted.Matches(request))?.Fault;
            }
        }
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await (fault is null
                ? AnswerAsync(context, cancellation.Token, emptyList: false)
                : fault.WriteAsync(context, this, cancellation.Token));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client gave up on a delayed answer (its attempt timeout), or the fake is stopping: nobody is listening.
        }
    }

    private sealed record ScriptedFault(FakeFault Fault, string? Path, string? Symbol)
    {
        public bool Matches(RecordedRequest request) =>
            (Path is null || Path == request.Path) && (Symbol is null || Symbol == request.Symbol);
    }
}
