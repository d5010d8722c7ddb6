namespace Platform.Optimizations.Tests.Runs;

/// <summary>The service's migration scripts, in the order they apply, for tests that upgrade a database written before one.</summary>
internal static class MigrationScripts
{
    public static List<(string Name, string Text)> All()
    {
        var assembly = typeof(Platform.Optimizations.Runs.OptimizationRuns).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name, reader.ReadToEnd());
            })];
    }
}
