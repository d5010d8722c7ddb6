using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Platform.AppHost.Running;
using Platform.ServiceDefaults;

namespace Platform.AppHost.Dashboard;

/// <summary>
/// Every two seconds reads each running project's <c>/health/ready</c> and <c>/metrics</c>, and keeps the last
/// few minutes of figures for the sparklines.
/// </summary>
internal sealed class ServiceProbe(Func<IReadOnlyList<ResourceStatus>> resources) : BackgroundService
{
    private const int KeptPoints = 90;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, ServiceFigures> _figures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MetricsScrape> _lastScrape = new(StringComparer.Ordinal);

    public ServiceFigures? Figures(string name) => _figures.GetValueOrDefault(name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (!stoppingToken.IsCancellationRequested)
        {
            var probes = resources()
                .Where(status => status is { Type: "project", Url: not null, ProcessId: not null })
                .Select(status => ProbeAsync(http, status.Name, status.Url!, stoppingToken));
            await Task.WhenAll(probes);
            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ProbeAsync(HttpClient http, string name, string url, CancellationToken cancellationToken)
    {
        var healthy = await AnswersAsync(http, url + Extensions.ReadyPath, cancellationToken);
        var metrics = await ReadAsync(http, url + Extensions.MetricsPath, cancellationToken);
        var previous = _figures.GetValueOrDefault(name) ?? new ServiceFigures(null, []);
        var history = previous.History;
        if (metrics is not null)
        {
            var scrape = MetricsScrape.From(DateTimeOffset.UtcNow, PrometheusText.Parse(metrics));
            if (_lastScrape.TryGetValue(name, out var earlier))
            {
                history = [.. history.TakeLast(KeptPoints - 1), scrape.Since(earlier)];
            }
            _lastScrape[name] = scrape;
        }
        _figures[name] = new ServiceFigures(healthy, history);
    }

    private static async Task<bool?> AnswersAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<string?> ReadAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetStringAsync(url, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}

/// <summary>Readiness as last probed (null when the service did not answer) and the recent figures, oldest first.</summary>
public sealed record ServiceFigures(bool? Healthy, IReadOnlyList<FigurePoint> History);
