using System.Text.Json;

namespace Platform.Engine.Rules;

internal sealed partial class RuleParser
{
    private TradeManagementDeclaration ReadManagement(JsonElement root)
    {
        DistanceDeclaration? stop = null, trailing = null, target = null;
        NumberRef? maxBars = null;
        if (root.TryGetProperty("risk", out var risk))
        {
            if (risk.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in risk.EnumerateObject())
                {
                    var path = $"risk.{property.Name}";
                    switch (property.Name)
                    {
                        case "stop_loss":
                            stop = ReadDistance(property.Value, path);
                            break;
                        case "trailing_stop":
                            trailing = ReadDistance(property.Value, path);
                            break;
                        case "take_profit":
                            target = ReadDistance(property.Value, path);
                            break;
                        case "max_bars":
                            maxBars = ReadCount(property.Value, path, minimum: 1, RuleLimits.MaxBarsInTrade);
                            break;
                        default:
                            Error(path, "is not a risk setting; expected stop_loss, trailing_stop, take_profit, max_bars");
                            break;
                    }
                }
            }
            else
            {
                Error("risk", "must be an object with stop_loss, trailing_stop, take_profit and/or max_bars");
            }
        }
        var sizing = root.TryGetProperty("sizing", out var s) ? ReadSizing(s) : null;
        if (sizing?.Kind == SizingKind.RiskPercent && stop is null && trailing is null)
        {
            Error("sizing.risk_pct", "sizes by the loss at the stop, so risk.stop_loss or risk.trailing_stop is required");
        }
        var pyramiding = root.TryGetProperty("pyramiding", out var p) ? ReadCount(p, "pyramiding", minimum: 1, RuleLimits.MaxPyramiding) : null;
        NumberRef? funding = null;
        if (root.TryGetProperty("funding", out var f))
        {
            if (f.ValueKind == JsonValueKind.Object && f.TryGetProperty("rate_per_8h", out var rate))
            {
                foreach (var property in f.EnumerateObject().Where(property => property.Name != "rate_per_8h"))
                {
                    Error($"funding.{property.Name}", "is not a funding setting; expected rate_per_8h");
                }
                funding = ReadNumber(rate, "funding.rate_per_8h");
            }
            else
            {
                Error("funding", "must be {rate_per_8h: fraction}, e.g. 0.0001 for 0.01 % every 8 hours");
            }
        }
        return new TradeManagementDeclaration(stop, trailing, target, maxBars, sizing, pyramiding, funding);
    }

    /// <summary><c>{percent: x}</c> or <c>{atr: multiple, period: n}</c>.</summary>
    private DistanceDeclaration? ReadDistance(JsonElement value, string path)
    {
        const string Shape = "must be {percent: x} or {atr: multiple, period: bars}";
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(path, Shape);
            return null;
        }
        var isAtr = value.TryGetProperty("atr", out var atr);
        var hasPercent = value.TryGetProperty("percent", out var percent);
        if (isAtr == hasPercent)
        {
            Error(path, Shape);
            return null;
        }
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is not ("atr" or "percent" or "period") || (property.Name == "period" && !isAtr))
            {
                Error($"{path}.{property.Name}", Shape);
                return null;
            }
        }
        var amount = ReadNumber(isAtr ? atr : percent, $"{path}.{(isAtr ? "atr" : "percent")}");
        var period = value.TryGetProperty("period", out var n) ? ReadCount(n, $"{path}.period", minimum: 1, RuleLimits.MaxAtrPeriod) : NumberRef.Of(14, $"{path}.period");
        return amount is null || period is null ? null : new DistanceDeclaration(isAtr, amount.Value, period.Value, path);
    }

    /// <summary><c>{fraction: f}</c>, <c>{notional: usdt}</c> or <c>{risk_pct: percent}</c>.</summary>
    private SizingDeclaration? ReadSizing(JsonElement value)
    {
        const string Shape = "must be one of {fraction: 0..1}, {notional: usdt} or {risk_pct: percent of equity lost at the stop}";
        if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Count() != 1)
        {
            Error("sizing", Shape);
            return null;
        }
        var property = value.EnumerateObject().Single();
        SizingKind? kind = property.Name switch
        {
            "fraction" => SizingKind.Fraction,
            "notional" => SizingKind.Notional,
            "risk_pct" => SizingKind.RiskPercent,
            _ => null,
        };
        if (kind is null)
        {
            Error($"sizing.{property.Name}", Shape);
            return null;
        }
        var path = $"sizing.{property.Name}";
        return ReadNumber(property.Value, path) is { } amount ? new SizingDeclaration(kind.Value, amount, path) : null;
    }
}
