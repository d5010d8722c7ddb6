using System.Text.Json.Nodes;

namespace Platform.AppHost.Tests.Publishing;

/// <summary>The manifest Aspire's own publisher writes for the AppHost, published once for the tests that read it.</summary>
public sealed class PublishedManifest : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public string Text { get; private set; } = "";

    public JsonNode Json => JsonNode.Parse(Text)!;

    public JsonObject Resources => Json["resources"]!.AsObject();

    public async Task InitializeAsync()
    {
        // Beside the committed one, so that the project paths in it are relative to the same folder.
        var path = Path.Combine(Repository.Root, $"aspire-manifest.{Guid.NewGuid():N}.json");
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                ["--publisher", "manifest", "--output-path", path], timeout.Token);
            await using var app = await builder.BuildAsync(timeout.Token);
            await app.RunAsync(timeout.Token);
            Text = await File.ReadAllTextAsync(path, timeout.Token);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
