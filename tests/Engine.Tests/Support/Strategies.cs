using Platform.Engine.Strategies;

namespace Platform.Engine.Tests.Support;

internal static class Strategies
{
    public static StrategySpec Create(string name, params (string Key, double Value)[] parameters) =>
        StrategyCatalog.Default.Create(name, parameters.ToDictionary(p => p.Key, p => p.Value));
}
