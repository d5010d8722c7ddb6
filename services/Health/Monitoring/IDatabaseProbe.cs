namespace Platform.Health.Monitoring;

/// <summary>Checks that PostgreSQL answers a query (contract §9: replaceable in tests).</summary>
internal interface IDatabaseProbe
{
    Task ProbeAsync(CancellationToken cancellationToken);
}
