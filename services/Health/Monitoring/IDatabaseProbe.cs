namespace Platform.Health.Monitoring;

/// <summary>Checks that PostgreSQL answers a query (replaceable in tests; docs/api-behaviour.md, 5.8).</summary>
internal interface IDatabaseProbe
{
    Task ProbeAsync(CancellationToken cancellationToken);
}
