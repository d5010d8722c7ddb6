namespace Platform.AppHost.LocalServers;

/// <summary>
/// A resource's connection string once Aspire has allocated its endpoints (<see cref="ConnectionStringAvailableEvent"/>),
/// for the AppHost's own health checks and set-up, which run only after that.
/// </summary>
public sealed class KnownConnectionString
{
    private string? _value;

    private KnownConnectionString()
    {
    }

    public string Value => _value ?? throw new InvalidOperationException("The connection string is not known yet.");

    public static KnownConnectionString Of(IDistributedApplicationBuilder builder, IResourceWithConnectionString resource)
    {
        var known = new KnownConnectionString();
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, cancellationToken) =>
            known._value = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
        return known;
    }
}
