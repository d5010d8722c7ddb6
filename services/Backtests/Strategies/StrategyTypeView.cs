using Platform.Engine.Strategies;

namespace Platform.Backtests.Strategies;

/// <summary>A built-in strategy type of the engine with its parameter schema, as <c>GET /api/v1/strategies/types</c> lists it.</summary>
internal sealed record StrategyTypeView(string Name, string Description, IReadOnlyList<ParameterView> Parameters)
{
    public static IReadOnlyList<StrategyTypeView> All { get; } =
        [.. StrategyCatalog.Default.Strategies.Select(d => new StrategyTypeView(d.Name, d.Description, [.. d.Parameters.Select(ParameterView.From)]))];
}

/// <summary>One parameter: <see cref="Type"/> is <c>int</c>, <c>decimal</c> or <c>bool</c>.</summary>
internal sealed record ParameterView(
    string Name,
    string Type,
    object Default,
    double? Min,
    double? Max,
    string Description)
{
    public static ParameterView From(ParameterSchema schema) => new(
        schema.Name,
        schema.Type switch
        {
            ParameterType.Int => "int",
            ParameterType.Decimal => "decimal",
            _ => "bool",
        },
        schema.Default,
        schema.Min,
        schema.Max,
        schema.Description);
}
