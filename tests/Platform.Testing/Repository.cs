namespace Platform.Testing;

/// <summary>The repository's working tree, found from the test's output directory.</summary>
public static class Repository
{
    public static readonly string Root = FindRoot(AppContext.BaseDirectory);

    private static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Platform.sln above {start}.");
    }
}
