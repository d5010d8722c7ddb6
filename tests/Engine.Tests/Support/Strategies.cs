using Platform.Engine.Strategies;

namespace Platform.Engine.Tests.Support;

internal static class Strategies
{
    public static StrategySpec Create(string name, params (string Key, double Value)[] parameters) =>
        StrategyCatalog.Default.Create(name, parameters.ToDictionary(p => p.Key, p => p.Value));

    /// <summary>Parameters written as "fast=5,slow=20".</summary>
    public static StrategySpec Parse(string name, string parameters) => Create(
        name,
        [.. parameters.Split(',').Select(p => p.Split('=')).Select(kv => (kv[0], double.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture)))]);
}
