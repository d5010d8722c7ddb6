using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Kubernetes;

/// <summary>
/// Writes a <see cref="YamlMap"/> of maps, lists and scalars as block-style YAML with two-space indents and LF line ends.
/// Strings that YAML would read as something else (numbers, booleans, flow or comment syntax) are double-quoted.
/// </summary>
public static partial class YamlWriter
{
    public static string Write(YamlMap document)
    {
        var text = new StringBuilder();
        WriteMap(text, document, 0);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, YamlMap map, int indent)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            // The first key of a map inside a list item shares the "- " line.
            text.Append(first && indent < 0 ? "" : new string(' ', Math.Abs(indent)));
            first = false;
            text.Append(Scalar(key)).Append(':');
            WriteValue(text, value, Math.Abs(indent));
        }
    }

    private static void WriteValue(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case YamlMap map when map.Any():
                text.Append('\n');
                WriteMap(text, map, indent + 2);
                break;
            case IEnumerable<object> list when list.Any():
                text.Append('\n');
                WriteList(text, list, indent);
                break;
            default:
                text.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static void WriteList(StringBuilder text, IEnumerable<object> list, int indent)
    {
        foreach (var item in list)
        {
            text.Append(' ', indent).Append("- ");
            if (item is YamlMap map && map.Any())
            {
                WriteMap(text, map, -(indent + 2));
            }
            else
            {
                text.Append(Inline(item)).Append('\n');
            }
        }
    }

    /// <summary>A scalar, or an empty map or list in flow style.</summary>
    private static string Inline(object value) => value switch
    {
        YamlMap map when !map.Any() => "{}",
        IEnumerable<object> list when !list.Any() => "[]",
        _ => Scalar(value),
    };

    private static string Scalar(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        string text when Plain().IsMatch(text) && !Ambiguous().IsMatch(text) => text,
        string text => $"\"{text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\"",
        _ => throw new ArgumentException($"No YAML form for {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>Characters that never need quotes, starting with one that cannot open YAML syntax.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_./$(][A-Za-z0-9_./$()+=\-;,@ ]*$")]
    private static partial Regex Plain();

    /// <summary>Plain strings that YAML 1.1 or 1.2 would read as a number, boolean or null.</summary>
    [GeneratedRegex(@"^([-+]?[0-9][0-9_.]*([eE][-+]?[0-9]+)?|true|false|yes|no|on|off|y|n|null|~)$|\s$", RegexOptions.IgnoreCase)]
    private static partial Regex Ambiguous();
}
