using System.Text.Json;
using Platform.Testing.OpenApi;
using Xunit.Abstractions;

namespace Platform.Optimizations.Tests.OpenApi;

public sealed class TheOpenApiDocumentIsComplete(ApiOnlyOptimizationsFactory factory, ITestOutputHelper output) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    [Fact]
    public async Task EveryOperationHasItsWordsExamplesErrorsAndKeyRequirement()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var served = await factory.CreateClient().GetStringAsync("/openapi/v1.json", timeout.Token);
        var document = JsonDocument.Parse(served).RootElement;
        var completeness = DocumentCompleteness.Of(document);

        output.WriteLine(completeness.Figures);
        Assert.True(completeness.Gaps.Count == 0, string.Join(Environment.NewLine, completeness.Gaps));
        CommittedDocument.AssertCurrent("optimizations", served);
    }
}
