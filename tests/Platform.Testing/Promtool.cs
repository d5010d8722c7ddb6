using System.Diagnostics;

namespace Platform.Testing;

/// <summary><c>promtool check metrics</c> (Debian package <c>prometheus</c>, installed by scripts/prerequisites.sh).</summary>
public static class Promtool
{
    /// <summary>The exit code and output of checking <paramref name="text"/>; a missing promtool throws rather than passing.</summary>
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string text, CancellationToken cancellationToken)
    {
        using var promtool = Process.Start(new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("promtool did not start");
        await promtool.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
        promtool.StandardInput.Close();
        var output = await promtool.StandardOutput.ReadToEndAsync(cancellationToken) + await promtool.StandardError.ReadToEndAsync(cancellationToken);
        await promtool.WaitForExitAsync(cancellationToken);
        return (promtool.ExitCode, output);
    }
}
