namespace Platform.Optimizations.WalkForward;

/// <summary>What walk-forward sizes count: calendar days (the contract's unit; docs/api-behaviour.md, 3.8) or candles.</summary>
internal enum WindowUnit
{
    Days,
    Bars,
}
