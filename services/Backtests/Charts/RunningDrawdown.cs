namespace Platform.Backtests.Charts;

/// <summary>
/// The charts' drawdown in percent (docs/api-behaviour.md, 2.12), worked out point by point in time order, so that the
/// charts and the full-resolution equity read (2.14) say the same: (equity − running max) / running max × 100.
/// </summary>
internal struct RunningDrawdown()
{
    private double _peak = double.NegativeInfinity;

    /// <summary>The drawdown at <paramref name="equity"/>, the next point of the curve.</summary>
    public double Next(double equity)
    {
        // A non-finite point (possible in a stored curve) neither sets the peak nor has a drawdown; a curve that has not
        // left 0 has no drawdown to speak of (the original divided by zero).
        if (!double.IsFinite(equity))
        {
            return double.NaN;
        }
        _peak = Math.Max(_peak, equity);
        return _peak == 0 ? 0 : (equity - _peak) / _peak * 100;
    }
}
