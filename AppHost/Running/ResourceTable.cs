using System.Text;

namespace Platform.AppHost.Running;

/// <summary>The console table printed once the platform is up.</summary>
public static class ResourceTable
{
    public static string Render(IReadOnlyList<ResourceStatus> statuses)
    {
        string[] headers = ["RESOURCE", "TYPE", "STATE", "PID", "URL"];
        var rows = statuses
            .Select(status => new[] { status.Name, status.Type, status.State.ToString().ToLowerInvariant(), status.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", status.Url ?? "-" })
            .ToList();
        var widths = headers.Select((header, column) => rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        var table = new StringBuilder();
        foreach (var row in rows.Prepend(headers))
        {
            table.AppendLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
        return table.ToString();
    }
}
