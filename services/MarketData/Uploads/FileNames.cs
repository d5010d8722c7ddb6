using System.Text;

namespace Platform.MarketData.Uploads;

/// <summary>Client file names are kept only as a label: reduced to a safe base name, never used as a path.</summary>
internal static class FileNames
{
    private const int MaxLength = 200;

    public static string Sanitize(string? clientName)
    {
        var name = (clientName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var safe = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            safe.Append(char.IsLetterOrDigit(character) || character is '.' or '-' or '_' or ' ' or ',' ? character : '_');
        }
        var result = safe.ToString().Trim().TrimStart('.');
        if (result.Length > MaxLength)
        {
            result = result[^MaxLength..];
        }
        return result.Length == 0 ? "upload" : result;
    }
}
