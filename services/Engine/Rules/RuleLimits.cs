namespace Platform.Engine.Rules;

/// <summary>Bounds on a rule document, so that validating and running one stays cheap whatever a user sends.</summary>
internal static class RuleLimits
{
    public const int MaxParameters = 32;
    public const int MaxIndicators = 32;

    /// <summary>Conditions in one rule, counting every node of its tree.</summary>
    public const int MaxConditions = 64;

    /// <summary>Nesting of all/any/not in one rule.</summary>
    public const int MaxDepth = 8;

    public const int MaxPeriod = 10_000;
    public const int MaxBarsAgo = 5_000;
    public const int MaxPyramiding = 100;
    public const int MaxBarsInTrade = 1_000_000;

    /// <summary>Bounds of an ATR distance, as the simulator's settings take them.</summary>
    public const double MaxAtrMultiple = 100;
    public const int MaxAtrPeriod = 1_000;

    /// <summary>Bybit caps funding far below this; anything larger is a typo (a percent written as a fraction).</summary>
    public const double MaxFundingRate = 0.05;
    public const int MaxNameLength = 32;
}
