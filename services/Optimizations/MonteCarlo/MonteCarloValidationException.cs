namespace Platform.Optimizations.MonteCarlo;

/// <summary>Invalid simulation input; <see cref="Errors"/> maps each offending snake_case field to what is wrong with it.</summary>
internal sealed class MonteCarloValidationException(IReadOnlyDictionary<string, string> errors)
    : ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
