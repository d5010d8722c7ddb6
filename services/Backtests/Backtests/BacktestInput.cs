using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Engine.Data;
using Platform.ServiceDefaults.Identity;

namespace Platform.Backtests.Backtests;

/// <summary>Field checks of docs/api-behaviour.md, 2.5, shared by create, update and the multi-timeframe run.</summary>
internal static partial class BacktestInput
{
    public const double MaxInitialCapital = 1_000_000;
    public const int MaxLeverage = 100;
    public const double MaxCommission = 0.01;
    public const int MaxAdditionalTimeframes = 5;
    public const int MaxHtfFilters = 10;

    /// <summary>Backtests take these intervals only (no 360 or 720; docs/api-behaviour.md, 1.4).</summary>
    public static readonly string[] Timeframes = ["1", "3", "5", "15", "30", "60", "120", "240", "D", "W", "M"];

    public static void Symbol(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null || value.Length is < 1 or > 20 || !SymbolPattern().IsMatch(value))
        {
            errors["symbol"] = ["symbol must be 1 to 20 upper-case letters or digits ending in USDT, e.g. BTCUSDT."];
        }
    }

    public static Interval Timeframe(string field, string? value, Dictionary<string, string[]> errors)
    {
        if (value is null || Array.IndexOf(Timeframes, value) < 0 || !Interval.TryParse(value, out var interval))
        {
            errors[field] = [$"invalid timeframe '{value}': must be one of {string.Join(", ", Timeframes)}."];
            return default;
        }
        return interval;
    }

    public static void Dates(DateTimeOffset? start, DateTimeOffset? end, Dictionary<string, string[]> errors)
    {
        if (start is null)
        {
            errors["start_date"] = ["start_date is required."];
        }
        if (end is null)
        {
            errors["end_date"] = ["end_date is required."];
        }
        if (start is not null && end is not null && end <= start)
        {
            errors["end_date"] = ["end_date must be after start_date"];
        }
    }

    /// <summary>
    /// Refuses a range holding more than <paramref name="maxBars"/> bars at <paramref name="interval"/>, naming both dates
    /// (docs/api-behaviour.md, 2.5), so that no run is stored that could not fit in a worker's memory.
    /// </summary>
    public static void Bars(Interval interval, DateTimeOffset start, DateTimeOffset end, long maxBars, Dictionary<string, string[]> errors)
    {
        var bars = interval.BarsBetween(start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
        if (bars > maxBars)
        {
            string[] message = [$"start_date to end_date holds {bars} bars of timeframe {interval.Code}, more than the {maxBars} a run may hold; shorten the range or use a longer timeframe."];
            errors["start_date"] = message;
            errors["end_date"] = message;
        }
    }

    public static void InitialCapital(double? value, Dictionary<string, string[]> errors)
    {
        if (value is not (> 0 and <= MaxInitialCapital))
        {
            errors["initial_capital"] = [$"initial_capital must be greater than 0 and at most {MaxInitialCapital}."];
        }
    }

    public static void Leverage(int? value, Dictionary<string, string[]> errors)
    {
        if (value is < 1 or > MaxLeverage)
        {
            errors["leverage"] = [$"leverage must be between 1 and {MaxLeverage}."];
        }
    }

    public static void Commission(double? value, Dictionary<string, string[]> errors)
    {
        if (value is < 0 or > MaxCommission || value is { } commission && !double.IsFinite(commission))
        {
            errors["commission"] = [$"commission must be between 0 and {MaxCommission} (a fraction of notional per side)."];
        }
    }

    public static void AdditionalTimeframes(string[]? values, Dictionary<string, string[]> errors)
    {
        if (values is null)
        {
            return;
        }
        if (values.Length > MaxAdditionalTimeframes)
        {
            errors["additional_timeframes"] = [$"at most {MaxAdditionalTimeframes} additional timeframes."];
            return;
        }
        foreach (var value in values)
        {
            Timeframe("additional_timeframes", value, errors);
        }
    }

    public static void HtfFilters(JsonArray? filters, Dictionary<string, string[]> errors)
    {
        if (filters is { Count: > MaxHtfFilters })
        {
            errors["htf_filters"] = [$"at most {MaxHtfFilters} filters."];
        }
    }

    /// <summary>422 with the field errors: the request is well-formed JSON but its values are not acceptable.</summary>
    public static ProblemHttpResult Unprocessable(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "One or more fields are invalid.",
            Detail = string.Join(" ", errors.SelectMany(error => error.Value)),
        });

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem("Backtest not found", statusCode: StatusCodes.Status404NotFound, title: "Backtest not found");

    public static ProblemHttpResult NotOwner(string? owner) => Ownership.Forbidden("backtest", owner);

    [GeneratedRegex("^[A-Z0-9]+USDT$")]
    private static partial Regex SymbolPattern();
}
