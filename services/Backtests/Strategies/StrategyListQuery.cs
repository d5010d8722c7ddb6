using Microsoft.AspNetCore.Mvc;

namespace Platform.Backtests.Strategies;

/// <summary>
/// The query of <c>GET /api/v1/strategies/</c>: optional filters (<c>owner</c> is read with
/// <see cref="Platform.ServiceDefaults.Identity.Ownership.ListFilter"/>), <c>limit</c> clamped to 1–1000, <c>offset</c> ≥ 0.
/// </summary>
internal sealed record StrategyListQuery(
    [property: FromQuery(Name = "is_active")] bool? IsActive,
    [property: FromQuery(Name = "strategy_type")] string? StrategyType,
    string? Owner,
    int? Limit,
    int? Offset)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public int ClampedLimit => Math.Clamp(Limit ?? DefaultLimit, 1, MaxLimit);

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Offset < 0)
        {
            errors["offset"] = ["offset must be 0 or more."];
        }
        // PostgreSQL text cannot hold NUL characters: such a filter would fail the query instead of matching nothing.
        if (StrategyType?.Contains('\0') == true)
        {
            errors["strategy_type"] = ["strategy_type must not contain NUL characters."];
        }
        return errors;
    }
}
