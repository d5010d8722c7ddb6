namespace Platform.AppHost.Development;

/// <summary>
/// An exclusive lock on <c>.platform/apphost.lock</c>, so that a second <c>run</c> fails clearly. The operating system
/// drops the lock with the process, so a crashed AppHost never blocks the next one.
/// </summary>
public sealed class InstanceLock : IDisposable
{
    private readonly FileStream _file;

    private InstanceLock(FileStream file) => _file = file;

    public static InstanceLock Acquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "apphost.lock");
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }
            return new InstanceLock(file);
        }
        catch (IOException)
        {
            var owner = File.Exists(path) ? ReadOwner(path) : "another process";
            throw new DistributedApplicationException(
                $"The platform is already running from {dataDirectory} (AppHost process {owner}). Stop it first, or run with another AppHost:DataDirectory and AppHost:Ports:gateway.");
        }
    }

    public void Dispose() => _file.Dispose();

    private static string ReadOwner(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
