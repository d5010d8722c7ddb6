using System.Text.RegularExpressions;

namespace Platform.Kubernetes.Tests;

public sealed partial class NoSecretValueIsCommitted
{
    private static IEnumerable<string> Committed(string pattern) =>
        Directory.EnumerateFiles(RenderedOverlays.Tree, pattern, SearchOption.AllDirectories);

    [Fact]
    public void TheCommittedYamlHoldsNoSecretObjectAndNoLiteralSecret()
    {
        Assert.All(Committed("*.yaml"), file =>
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(@"(?m)^kind: Secret\b", text);
            Assert.DoesNotMatch(@"(?m)^\s*(stringData|data):", text);
            Assert.All(text.Split('\n').Where(line => SecretWord().IsMatch(ShellVariable().Replace(line, ""))),
                line => Assert.Matches(Reference(), line));
        });
    }

    [Fact]
    public void SecretsAreGeneratedOnlyFromGitIgnoredEnvFiles()
    {
        Assert.All(RenderedOverlays.Overlays, overlay =>
        {
            var directory = Path.Combine(RenderedOverlays.Tree, "overlays", overlay);
            var kustomization = File.ReadAllText(Path.Combine(directory, "kustomization.yaml"));
            var generator = kustomization[kustomization.IndexOf("secretGenerator:", StringComparison.Ordinal)..];
            Assert.DoesNotContain("literals:", generator, StringComparison.Ordinal);
            Assert.All(Regex.Matches(generator, @"- (secrets/\S+\.env)\n"), match =>
                Assert.True(File.Exists(Path.Combine(directory, match.Groups[1].Value + ".example")), match.Value));
            Assert.Contains("secrets/*.env", File.ReadAllLines(Path.Combine(directory, ".gitignore")));
        });
    }

    [Fact]
    public void TheEnvExamplesHoldOnlyPlaceholdersForSecrets()
    {
        var lines = Committed("*.env.example").SelectMany(File.ReadAllLines).Where(line => !line.StartsWith('#')).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines.Where(line => SecretKey().IsMatch(line[..line.IndexOf('=')])), line =>
            Assert.EndsWith($"={Placeholders.SecretValue}", line, StringComparison.Ordinal));
        Assert.All(lines.Where(line => line.Contains("assword=", StringComparison.Ordinal)), line =>
            Assert.Matches($"assword={Placeholders.SecretValue}(;|,|$)", line));
        Assert.All(lines.Where(line => line.Contains("://", StringComparison.Ordinal) && line.Contains('@', StringComparison.Ordinal)), line =>
            Assert.Matches($":{Placeholders.SecretValue}@", line));
    }

    [GeneratedRegex(@"(?i)password|secret|api_?key|token|(?<![a-z])hash")]
    private static partial Regex SecretWord();

    /// <summary>
    /// The only lines that may mention a secret: references to a Secret, never a value, and the switch that keeps the
    /// service account token out of the pods.
    /// </summary>
    [GeneratedRegex(@"^\s*(- )?((secretRef|secretKeyRef|secretGenerator):|(name|key): ([a-z0-9-]+-secrets|[A-Z_]+)|secretName: [a-z0-9-]+|""?\$\([A-Z_]+\)""?|secrets/[a-z0-9-]+\.env|automountServiceAccountToken: false)$")]
    private static partial Regex Reference();

    /// <summary>A shell's or Kubernetes' reference to an environment variable, which the container reads from its Secret.</summary>
    [GeneratedRegex(@"\$(\([A-Z_][A-Z0-9_]*\)|\{[A-Z_][A-Z0-9_]*\}|[A-Z_][A-Z0-9_]*)")]
    private static partial Regex ShellVariable();

    [GeneratedRegex(@"(?i)(password|secret|hash)$")]
    private static partial Regex SecretKey();
}
