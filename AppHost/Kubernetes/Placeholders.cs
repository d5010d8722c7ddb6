using System.Text.RegularExpressions;
using Platform.AppHost.Model;

namespace Platform.AppHost.Kubernetes;

/// <summary>
/// Resolves manifest placeholders the way Aspir8 does (spec/aspire-contract.md §4.1 step 4): hosts become Service
/// names (or the operator's hosts), http URLs become <c>http://&lt;name&gt;:8080</c>, and parameter values become a
/// placeholder the operator replaces, so that no secret is ever generated into the tree.
/// </summary>
public sealed partial class Placeholders(PlatformModel model, Func<string, string> host)
{
    public const string SecretValue = "replace-me";

    public string Resolve(string expression) =>
        Placeholder().Replace(expression, match => Value(match.Groups["resource"].Value, match.Groups["path"].Value));

    private string Value(string resource, string path) => path switch
    {
        "connectionString" => Resolve(model.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == resource).ConnectionStringExpression),
        "value" => SecretValue,
        "bindings.http.targetPort" => $"{Workload.HttpPort}",
        "bindings.http.url" => $"http://{resource}:{Workload.HttpPort}",
        "bindings.tcp.host" => host(resource),
        "bindings.tcp.port" => $"{(resource == model.Postgres.Name ? PostgresServerResource.Port : RedisResource.Port)}",
        _ => throw new InvalidOperationException($"No Kubernetes value for {{{resource}.{path}}}."),
    };

    [GeneratedRegex(@"\{(?<resource>[^{}.]+)\.(?<path>[^{}]+)\}")]
    private static partial Regex Placeholder();
}
