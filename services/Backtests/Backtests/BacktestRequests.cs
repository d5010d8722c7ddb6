using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Json;

namespace Platform.Backtests.Backtests;

/// <summary>Body of <c>POST /</c> (docs/api-behaviour.md, 2.5); every field nullable so that a missing one is named, not a bind failure.</summary>
internal sealed record CreateBacktestRequest(
    long? StrategyId,
    string? Symbol,
    string? Timeframe,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    double? InitialCapital,
    int? Leverage,
    double? Commission,
    JsonElement? Config,
    string[]? AdditionalTimeframes,
    JsonElement? HtfFilters)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public JsonObject? ConfigObject => Config is { ValueKind: JsonValueKind.Object } config ? JsonObject.Create(config) : null;

    [System.Text.Json.Serialization.JsonIgnore]
    public JsonArray? HtfFilterArray => HtfFilters is { ValueKind: JsonValueKind.Array } filters ? JsonArray.Create(filters) : null;

    /// <summary>400 errors: JSON fields of the wrong shape or with a repeated name.</summary>
    public Dictionary<string, string[]> CheckShape()
    {
        var errors = new Dictionary<string, string[]>();
        JsonInput.Check(Config, "config", JsonValueKind.Object, errors);
        JsonInput.Check(HtfFilters, "htf_filters", JsonValueKind.Array, errors);
        return errors;
    }

    public Dictionary<string, string[]> Validate(long maxBars)
    {
        var errors = new Dictionary<string, string[]>();
        if (StrategyId is not > 0)
        {
            errors["strategy_id"] = ["strategy_id is required and must be greater than 0."];
        }
        BacktestInput.Symbol(Symbol, errors);
        var interval = BacktestInput.Timeframe("timeframe", Timeframe, errors);
        BacktestInput.Dates(StartDate, EndDate, errors);
        if (interval.Code is not null && StartDate is { } start && EndDate is { } end && end > start)
        {
            BacktestInput.Bars(interval, start, end, maxBars, errors);
        }
        BacktestInput.InitialCapital(InitialCapital, errors);
        BacktestInput.Leverage(Leverage, errors);
        BacktestInput.Commission(Commission, errors);
        BacktestInput.AdditionalTimeframes(AdditionalTimeframes, errors);
        BacktestInput.HtfFilters(HtfFilterArray, errors);
        return errors;
    }
}

/// <summary>
/// Body of <c>PUT /{id}</c> (docs/api-behaviour.md, 2.6): absent fields stay as they are; present ones are checked like
/// on create.
/// </summary>
internal sealed record UpdateBacktestRequest(
    long? StrategyId,
    string? Symbol,
    string? Timeframe,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    double? InitialCapital,
    int? Leverage,
    double? Commission,
    JsonElement? Config,
    string? Status)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public JsonObject? ConfigObject => Config is { ValueKind: JsonValueKind.Object } config ? JsonObject.Create(config) : null;

    /// <summary>400 errors: a config of the wrong shape or with a repeated name.</summary>
    public Dictionary<string, string[]> CheckShape()
    {
        var errors = new Dictionary<string, string[]>();
        JsonInput.Check(Config, "config", JsonValueKind.Object, errors);
        return errors;
    }

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (StrategyId is <= 0)
        {
            errors["strategy_id"] = ["strategy_id must be greater than 0."];
        }
        if (Symbol is not null)
        {
            BacktestInput.Symbol(Symbol, errors);
        }
        if (Timeframe is not null)
        {
            BacktestInput.Timeframe("timeframe", Timeframe, errors);
        }
        if (StartDate is not null && EndDate is not null)
        {
            BacktestInput.Dates(StartDate, EndDate, errors);
        }
        if (InitialCapital is not null)
        {
            BacktestInput.InitialCapital(InitialCapital, errors);
        }
        BacktestInput.Leverage(Leverage, errors);
        BacktestInput.Commission(Commission, errors);
        if (Status is not null && Array.IndexOf(BacktestStatus.All, Status) < 0)
        {
            errors["status"] = [$"status must be one of {string.Join(", ", BacktestStatus.All)}."];
        }
        return errors;
    }
}

/// <summary>
/// Query of <c>GET /</c> (docs/api-behaviour.md, 2.3): <c>limit</c> is clamped to 1–1000; unknown sort keys and
/// directions are refused; <c>owner</c> is read with <see cref="Ownership.ListFilter"/>.
/// </summary>
internal sealed record ListBacktestsQuery(
    [property: FromQuery(Name = "strategy_id")] long? StrategyId,
    string? Symbol,
    string? Status,
    string? Owner,
    int? Limit,
    int? Offset,
    [property: FromQuery(Name = "order_by")] string? OrderBy,
    [property: FromQuery(Name = "order_dir")] string? OrderDir)
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    public Dictionary<string, string[]> Errors { get; } = [];

    public BacktestFilter? Validate(ClaimsPrincipal user)
    {
        var owner = Ownership.ListFilter(user, Owner, Errors);
        if (Status is not null && Array.IndexOf(BacktestStatus.All, Status) < 0)
        {
            Errors["status"] = [$"status must be one of {string.Join(", ", BacktestStatus.All)}."];
        }
        var orderBy = OrderBy ?? "created_at";
        if (!BacktestStore.SortColumns.ContainsKey(orderBy))
        {
            Errors["order_by"] = [$"order_by must be one of {string.Join(", ", BacktestStore.SortColumns.Keys)}."];
        }
        var direction = (OrderDir ?? "desc").ToLowerInvariant();
        if (direction is not ("asc" or "desc"))
        {
            Errors["order_dir"] = ["order_dir must be asc or desc."];
        }
        if (Offset is < 0)
        {
            Errors["offset"] = ["offset must be 0 or more."];
        }
        return Errors.Count > 0
            ? null
            : new BacktestFilter(
                StrategyId is > 0 ? StrategyId : null,
                string.IsNullOrEmpty(Symbol) ? null : Symbol.ToUpperInvariant(),
                Status,
                owner,
                Math.Clamp(Limit ?? DefaultLimit, 1, MaxLimit),
                Offset ?? 0,
                orderBy,
                direction == "desc");
    }
}
