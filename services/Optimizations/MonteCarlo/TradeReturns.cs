namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// The trades a Monte Carlo run resamples, in historical order. Each return is the trade's net result as a fraction of
/// the equity just before it (0.01 is +1 %), so a path compounds by multiplying (1 + r). Commissions, in the same unit,
/// are optional and only feed the fee stress (<see cref="MonteCarloOptions.FeeMultiplier"/>).
/// </summary>
internal sealed record TradeReturns(IReadOnlyList<double> Returns, IReadOnlyList<double>? Commissions = null)
{
    /// <summary>
    /// Converts a backtest's dollar results (net PnL and the commission it paid, per trade in order) into fractions of
    /// the equity before each trade, starting from <paramref name="initialCapital"/>. Trades after equity has reached
    /// zero risked nothing and get a return of 0.
    /// </summary>
    public static TradeReturns FromPnl(double initialCapital, IReadOnlyList<double> pnl, IReadOnlyList<double>? commissions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapital);
        if (commissions is not null && commissions.Count != pnl.Count)
        {
            throw new ArgumentException("There must be one commission per trade.", nameof(commissions));
        }

        var returns = new double[pnl.Count];
        var fees = commissions is null ? null : new double[pnl.Count];
        var equity = initialCapital;
        for (var i = 0; i < pnl.Count; i++)
        {
            if (equity > 0)
            {
                returns[i] = pnl[i] / equity;
                fees?[i] = commissions![i] / equity;
            }
            equity += pnl[i];
        }
        return new TradeReturns(returns, fees);
    }

    /// <summary>Errors keyed by snake_case field name; empty when the trades can be simulated.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Returns.Count == 0)
        {
            errors["returns"] = "must hold at least one trade";
        }
        else if (!Returns.All(double.IsFinite))
        {
            errors["returns"] = "must be finite numbers";
        }

        if (Commissions is null)
        {
            return errors;
        }
        if (Commissions.Count != Returns.Count)
        {
            errors["commissions"] = $"must hold one value per trade ({Returns.Count})";
        }
        else if (!Commissions.All(c => c is >= 0 && double.IsFinite(c)))
        {
            errors["commissions"] = "must be finite and not negative";
        }
        return errors;
    }
}
