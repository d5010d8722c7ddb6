using Microsoft.Extensions.Options;
using Platform.Health.Monitoring;

namespace Platform.Health.Bybit;

/// <summary>
/// Reuses the last Bybit server-time check, success or failure, for <see cref="HealthOptions.BybitCacheDuration"/>, and
/// lets concurrent health requests share one call, so probes never hammer the exchange.
/// </summary>
internal sealed class BybitTimeCache(IOptions<HealthOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ComponentReport? _last;

    public async Task<ComponentReport> GetAsync(Func<CancellationToken, Task<ComponentReport>> check, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.LastCheck < options.Value.BybitCacheDuration)
            {
                return last;
            }
            _last = await check(cancellationToken);
            return _last;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
