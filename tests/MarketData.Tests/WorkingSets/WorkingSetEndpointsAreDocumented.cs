using System.Text.Json;

namespace Platform.MarketData.Tests.WorkingSets;

public sealed class WorkingSetEndpointsAreDocumented(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task TheMultiTimeframeDescriptionExplainsPartialWindows()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", _timeout)).RootElement;

        var mtf = document.GetProperty("paths").GetProperty("/api/v1/marketdata/bybit/mtf").GetProperty("get");
        Assert.Contains("include_partial=1", mtf.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(mtf.GetProperty("parameters").EnumerateArray(), parameter => parameter.GetProperty("name").GetString() == "include_partial");
    }

    [Fact]
    public async Task ResetTakesFormFields()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", _timeout)).RootElement;

        var content = document.GetProperty("paths").GetProperty("/api/v1/marketdata/bybit/reset").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/x-www-form-urlencoded", out _));
    }
}
