namespace Platform.Engine;

/// <summary>Invalid engine input; <see cref="Errors"/> maps each offending field to what is wrong with it.</summary>
public sealed class EngineValidationException(IReadOnlyDictionary<string, string> errors)
    : ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
