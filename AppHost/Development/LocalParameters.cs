using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Development;

/// <summary>
/// Keeps the values Aspire generates for secret parameters in <c>&lt;data directory&gt;/parameters.json</c> (owner-only), so
/// that a local run finds the passwords its data was created with and the same API key as the run before.
/// A value configured as <c>Parameters:&lt;name&gt;</c> wins.
/// </summary>
public static class LocalParameters
{
    public static void KeepGeneratedValues(IDistributedApplicationBuilder builder, string path)
    {
        var stored = File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [] : [];
        var generated = builder.Resources.OfType<ParameterResource>()
            .Where(parameter => parameter.Default is GenerateParameterDefault
                && builder.Configuration[$"Parameters:{parameter.Name}"] is null
                && !stored.ContainsKey(parameter.Name))
            .ToList();
        foreach (var parameter in generated)
        {
            stored[parameter.Name] = parameter.Default!.GetDefaultValue();
        }
        if (generated.Count > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            OwnerOnlyFile.Write(path, JsonSerializer.Serialize(stored));
        }
        builder.Configuration.AddInMemoryCollection(
            stored.Where(value => builder.Configuration[$"Parameters:{value.Key}"] is null)
                .Select(value => KeyValuePair.Create<string, string?>($"Parameters:{value.Key}", value.Value)));
    }
}
