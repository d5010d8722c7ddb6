using System.Collections;

namespace Platform.Kubernetes;

/// <summary>A YAML mapping that keeps its keys in insertion order, so the written text is the same on every run.</summary>
public sealed class YamlMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> entries = [];

    /// <summary>Adds an entry; a <see langword="null"/> value leaves the key out.</summary>
    public void Add(string key, object? value)
    {
        if (value is not null)
        {
            entries.Add(new(key, value));
        }
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
