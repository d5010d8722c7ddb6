namespace Platform.AppHost.Development;

/// <summary>Writes small files that hold secrets so that only their owner can read them, from the moment they exist.</summary>
public static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string path, string text)
    {
        if (File.Exists(path))
        {
            File.SetUnixFileMode(path, OwnerReadWrite);
        }
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = OwnerReadWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
