using System.Diagnostics;

namespace Platform.AppHost;

/// <summary>Whether the container engine DCP would use (<c>ASPIRE_CONTAINER_RUNTIME</c>, else docker) answers.</summary>
public static class ContainerEngine
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool Answers()
    {
        var engine = System.Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(engine, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
