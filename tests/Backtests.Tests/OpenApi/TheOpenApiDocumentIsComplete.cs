using System.Text.Json;
using Platform.Backtests.Tests.Backtests;
using Platform.Testing.OpenApi;
using Xunit.Abstractions;

namespace Platform.Backtests.Tests.OpenApi;

public sealed class TheOpenApiDocumentIsComplete(ApiOnlyBacktestsFactory factory, ITestOutputHelper output) : IClassFixture<ApiOnlyBacktestsFactory>
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
        CommittedDocument.AssertCurrent("backtests", served);
    }
}
