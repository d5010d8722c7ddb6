using System.Text.RegularExpressions;

namespace Platform.AppHost.Running;

/// <summary>
/// Removes the colour codes projects write because the AppHost sets <c>DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION</c>
/// (as Aspire does), so log files and the dashboard's level filter see the plain <c>info: </c> prefix.
/// </summary>
public static partial class AnsiEscapes
{
    public static string Strip(string line) => line.Contains('\u001b') ? ControlSequence().Replace(line, "") : line;

    [GeneratedRegex(@"\u001b\[[0-9;?]*[ -/]*[@-~]")]
    private static partial Regex ControlSequence();
}
