namespace Platform.AppHost.Dashboard;

/// <summary>
/// Reads levels from the simple console format: a record starts with <c>info: </c>, <c>warn: </c>, <c>fail: </c>...
/// and its message follows on indented lines, which take the level of the record they belong to.
/// </summary>
public static class LogLines
{
    private static readonly string[] Levels = ["trce", "dbug", "info", "warn", "fail", "crit"];

    public static IReadOnlyList<LogLine> Parse(IEnumerable<string> lines)
    {
        var parsed = new List<LogLine>();
        string? level = null;
        foreach (var line in lines)
        {
            if (line.Length > 5 && line[4] == ':' && line[5] == ' ' && Levels.Contains(line[..4]))
            {
                level = line[..4];
            }
            else if (!line.StartsWith(' '))
            {
                level = null;
            }
            parsed.Add(new LogLine(level, line));
        }
        return parsed;
    }

    public static IEnumerable<LogLine> Filter(IEnumerable<LogLine> lines, string? search, string? level) =>
        lines.Where(line =>
            (string.IsNullOrEmpty(level) || line.Level == level)
            && (string.IsNullOrEmpty(search) || line.Text.Contains(search, StringComparison.OrdinalIgnoreCase)));
}

public sealed record LogLine(string? Level, string Text);
