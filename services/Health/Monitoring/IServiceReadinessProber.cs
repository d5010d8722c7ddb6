namespace Platform.Health.Monitoring;

/// <summary>Asks a platform service whether it is ready; throws when it is not (contract §9: replaceable in tests).</summary>
internal interface IServiceReadinessProber
{
    Task ProbeAsync(string service, CancellationToken cancellationToken);
}
