using Platform.Engine.Backtesting;
using Platform.Engine.Strategies;

namespace Platform.Engine.Rules;

/// <summary>Turns a document and its parameter values into series and condition plans, checking each number where it is used.</summary>
internal sealed class RuleBinder(Bindings bindings)
{
    private readonly Dictionary<string, BoundIndicator> indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> higherWarmUp = new(StringComparer.Ordinal);

    public BoundRules Bind(RuleDocument document)
    {
        foreach (var declaration in document.Indicators)
        {
            indicators[declaration.Name] = BindIndicator(declaration);
        }
        var groups = new List<(ConditionPlan Condition, byte Bits)>();
        var warmUp = 0;
        foreach (var (kind, condition) in document.Rules.OrderBy(rule => rule.Key))
        {
            var (plan, bars) = BindCondition(condition);
            warmUp = Math.Max(warmUp, bars);
            var same = groups.FindIndex(group => group.Condition.Key == plan.Key);
            if (same < 0)
            {
                groups.Add((plan, Bit(kind)));
            }
            else
            {
                groups[same] = (groups[same].Condition, (byte)(groups[same].Bits | Bit(kind)));
            }
        }
        return new BoundRules(new RuleSignals([.. groups]), BindManagement(document.Management), new RuleWarmUp(warmUp, higherWarmUp), bindings.Errors);
    }

    private static byte Bit(RuleKind kind) => kind switch
    {
        RuleKind.EnterLong => Signal.EnterLong,
        RuleKind.ExitLong => Signal.ExitLong,
        RuleKind.EnterShort => Signal.EnterShort,
        _ => Signal.ExitShort,
    };

    private BoundIndicator BindIndicator(IndicatorDeclaration declaration)
    {
        var type = declaration.Type;
        var arguments = type.Arguments
            .Select(argument => argument.IsInteger
                ? bindings.Count(declaration.Arguments[argument.Name], (int)argument.Min, (int)argument.Max)
                : bindings.Number(declaration.Arguments[argument.Name], argument.Min, argument.Max))
            .ToArray();
        var (source, sourceWarmUp) = declaration.Source is { } reference ? OwnSeries(reference) : (null, 0);
        var outputs = type.Outputs.Select((_, output) => (SeriesPlan)new IndicatorSeriesPlan(type, source, arguments, output)).ToArray();
        return new BoundIndicator(declaration, outputs, type.WarmUp(arguments) + sourceWarmUp);
    }

    /// <summary>A series on the timeframe of the indicator that reads it.</summary>
    private (SeriesPlan Plan, int WarmUp) OwnSeries(SeriesRef reference)
    {
        if (!indicators.TryGetValue(reference.Name, out var indicator))
        {
            return (new PriceSeriesPlan(reference.Name), 0);
        }
        return (indicator.Output(reference.Output), indicator.WarmUp);
    }

    /// <summary>A series as a rule reads it at each bar of the run's own interval.</summary>
    private (SeriesPlan Plan, int WarmUp) BaseSeries(SeriesRef reference)
    {
        var (plan, warmUp) = OwnSeries(reference);
        if (!indicators.TryGetValue(reference.Name, out var indicator) || indicator.Declaration.Timeframe is not { } timeframe)
        {
            return (plan, warmUp);
        }
        higherWarmUp[timeframe.Code] = Math.Max(higherWarmUp.GetValueOrDefault(timeframe.Code), warmUp);
        return (new HigherTimeframePlan(plan, timeframe), 0);
    }

    private (OperandPlan Plan, int WarmUp) BindOperand(Operand operand)
    {
        if (operand.Number is { } number)
        {
            return (new OperandPlan(null, bindings.Value(number), 0), 0);
        }
        var lag = bindings.Count(operand.BarsAgo, 0, RuleLimits.MaxBarsAgo);
        var (series, warmUp) = BaseSeries(operand.Series!);
        return (new OperandPlan(series, 0, lag), warmUp + lag);
    }

    private (ConditionPlan Plan, int WarmUp) BindCondition(Condition condition)
    {
        switch (condition)
        {
            case Comparison comparison:
                var (left, leftWarmUp) = BindOperand(comparison.Left);
                var (right, rightWarmUp) = BindOperand(comparison.Right);
                var crossing = comparison.Kind is ComparisonKind.CrossesAbove or ComparisonKind.CrossesBelow ? 1 : 0;
                return (new ComparisonPlan(left, comparison.Kind, right), Math.Max(leftWarmUp, rightWarmUp) + crossing);
            case Between between:
                var (value, valueWarmUp) = BindOperand(between.Value);
                var (low, lowWarmUp) = BindOperand(between.Low);
                var (high, highWarmUp) = BindOperand(between.High);
                ConditionPlan[] both = [new ComparisonPlan(value, ComparisonKind.GreaterOrEqual, low), new ComparisonPlan(value, ComparisonKind.LessOrEqual, high)];
                return (new AllPlan(both), Math.Max(valueWarmUp, Math.Max(lowWarmUp, highWarmUp)));
            case Trend trend:
                var (series, seriesWarmUp) = BindOperand(trend.Value);
                var bars = bindings.Count(trend.Bars, 1, RuleLimits.MaxBarsAgo);
                return (new TrendPlan(series, trend.Rising, bars), seriesWarmUp + bars);
            case NotOf not:
                var (inner, innerWarmUp) = BindCondition(not.Item);
                return (new NotPlan(inner), innerWarmUp);
            case AllOf all:
                var allItems = all.Items.Select(BindCondition).ToArray();
                return (new AllPlan([.. allItems.Select(item => item.Plan)]), allItems.Max(item => item.WarmUp));
            default:
                var anyItems = ((AnyOf)condition).Items.Select(BindCondition).ToArray();
                return (new AnyPlan([.. anyItems.Select(item => item.Plan)]), anyItems.Max(item => item.WarmUp));
        }
    }

    private BoundManagement BindManagement(TradeManagementDeclaration management) => new(
        BindDistance(management.StopLoss, maxPercent: 99.99),
        BindDistance(management.TrailingStop, maxPercent: 99.99),
        BindDistance(management.TakeProfit, maxPercent: 10_000),
        management.MaxBars is { } maxBars ? bindings.Count(maxBars, 1, RuleLimits.MaxBarsInTrade) : null,
        management.Sizing?.Kind,
        management.Sizing is { } sizing ? bindings.Positive(sizing.Value, sizing.Kind switch
        {
            SizingKind.Fraction => 1,
            SizingKind.RiskPercent => 100,
            _ => 1e12,
        }) : 0,
        management.Pyramiding is { } pyramiding ? bindings.Count(pyramiding, 1, RuleLimits.MaxPyramiding) : null,
        management.FundingRatePer8Hours is { } funding ? bindings.Number(funding, -RuleLimits.MaxFundingRate, RuleLimits.MaxFundingRate) : null);

    private PriceDistance? BindDistance(DistanceDeclaration? distance, double maxPercent) => distance switch
    {
        null => null,
        { IsAtr: true } => PriceDistance.Atr(bindings.Positive(distance.Value, RuleLimits.MaxAtrMultiple), bindings.Count(distance.AtrPeriod, 1, RuleLimits.MaxAtrPeriod)),
        _ => PriceDistance.Percent(bindings.Positive(distance.Value, maxPercent)),
    };

    private sealed record BoundIndicator(IndicatorDeclaration Declaration, SeriesPlan[] Outputs, int WarmUp)
    {
        public SeriesPlan Output(string? name) => Outputs[name is null ? 0 : Declaration.Type.Outputs.ToList().IndexOf(name)];
    }
}
