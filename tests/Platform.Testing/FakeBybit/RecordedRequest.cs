namespace Platform.Testing.FakeBybit;

/// <summary>A request the fake received: path, query (first value of each key) and the wall-clock time it arrived.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Query, DateTimeOffset ReceivedAt)
{
    public string? Symbol => Query.GetValueOrDefault("symbol");

    /// <summary>A numeric query parameter such as <c>start</c>, <c>end</c> or <c>limit</c>; null when absent.</summary>
    public long? Number(string name) =>
        Query.TryGetValue(name, out var value) && long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
}
