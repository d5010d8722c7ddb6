using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.AppHost.Running;

/// <summary>
/// Values of the model's parameters for local runs: generated once (22 characters, like Aspire's default) and kept in
/// <c>.platform/parameters.json</c>, readable only by the owner, so data directories keep working across runs.
/// </summary>
public static class Parameters
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static IReadOnlyDictionary<string, string> LoadOrGenerate(string dataDirectory, IEnumerable<Model.ParameterResource> parameters)
    {
        var path = Path.Combine(dataDirectory, "parameters.json");
        var values = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];
        var changed = false;
        foreach (var parameter in parameters.Where(parameter => !values.ContainsKey(parameter.Name)))
        {
            values[parameter.Name] = RandomNumberGenerator.GetString(Alphabet, parameter.MinLength);
            changed = true;
        }
        if (changed)
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, JsonSerializer.Serialize(values));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return values;
    }
}
