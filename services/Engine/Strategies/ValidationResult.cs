namespace Platform.Engine.Strategies;

/// <summary>A validated value, or errors keyed by the field they concern.</summary>
public sealed record ValidationResult<T>(T? Value, IReadOnlyDictionary<string, string> Errors)
    where T : class
{
    public bool IsValid => Value is not null;

    public static ValidationResult<T> Success(T value) => new(value, new Dictionary<string, string>());

    public static ValidationResult<T> Failure(IReadOnlyDictionary<string, string> errors) => new(null, errors);
}
