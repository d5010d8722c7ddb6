namespace Platform.Engine.Rules;

/// <summary>
/// Numbers of a document with its parameters set: each is checked where it is used (a period must be a whole number of
/// bars), and an error names the path it was written at and the parameter that gave the value.
/// </summary>
internal sealed class Bindings(IReadOnlyDictionary<string, double> values, SortedDictionary<string, string> errors)
{
    public IReadOnlyDictionary<string, string> Errors => errors;

    public double Value(NumberRef number) => number.Parameter is { } name ? values[name] : number.Literal;

    public double Number(NumberRef number, double min, double max)
    {
        var value = Value(number);
        if (value < min || value > max)
        {
            Fail(number, $"must be between {Numbers.Format(min)} and {Numbers.Format(max)}");
        }
        return value;
    }

    /// <summary>A value that must be greater than 0 and at most <paramref name="max"/>.</summary>
    public double Positive(NumberRef number, double max)
    {
        var value = Value(number);
        if (!(value > 0) || value > max)
        {
            Fail(number, $"must be greater than 0 and at most {Numbers.Format(max)}");
        }
        return value;
    }

    public int Count(NumberRef number, int minimum, int maximum)
    {
        var value = Value(number);
        if (value != Math.Round(value) || value < minimum || value > maximum)
        {
            Fail(number, $"must be a whole number from {minimum} to {maximum}");
            return minimum;
        }
        return (int)value;
    }

    /// <summary>Why a literal bar count is unusable, or null; parameters are checked by <see cref="Count"/>.</summary>
    public static string? CountError(double value, int minimum, int maximum) =>
        value != Math.Round(value) || value < minimum || value > maximum ? $"must be a whole number from {minimum} to {maximum}" : null;

    private void Fail(NumberRef number, string message) =>
        errors.TryAdd(number.Path, number.Parameter is { } name ? $"{message} (parameter {name} is {Numbers.Format(values[name])})" : message);
}
