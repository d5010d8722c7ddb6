using System.Net;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class RepeatedOutagesOpenTheCircuit(CircuitBreakingFactory factory) : IClassFixture<CircuitBreakingFactory>
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(1);

    // An arrival can come late on a loaded machine, never before the circuit has let it through.
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task FourFailedAttemptsOpenTheCircuitSoLaterCallsAre503WithoutReachingBybit()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.SetFault(FakeFault.ServerError(504), FakeBybitServer.KlinePath, "OUTAGEUSDT");
        var client = factory.CreateClient();

        using var first = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=OUTAGEUSDT", timeout.Token);
        using var second = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=OUTAGEUSDT", timeout.Token);
        using var third = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=OTHERUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal(BreakDuration, second.Headers.RetryAfter?.Delta);
        Assert.Equal(BreakDuration, third.Headers.RetryAfter?.Delta);
        // Three attempts of the first call, and the fourth (the first of the second call) opened the circuit.
        Assert.Equal(4, factory.Bybit.RequestsFor("OUTAGEUSDT").Count);
        Assert.Empty(factory.Bybit.RequestsFor("OTHERUSDT"));

        factory.Bybit.ClearFaults();
        await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=OUTAGEUSDT", timeout.Token);
                return response.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10),
            "the circuit to close");
        // The circuit let the next request through once BreakDuration had passed since the fourth attempt opened it.
        var outage = factory.Bybit.RequestsFor("OUTAGEUSDT");
        Assert.InRange(outage[4].ReceivedAt - outage[3].ReceivedAt, BreakDuration, BreakDuration + Late);
    }
}

/// <summary>A circuit that opens after four failed attempts out of four and stays open one second.</summary>
public sealed class CircuitBreakingFactory : MarketDataFactory
{
    protected override void ConfigureBybit(IDictionary<string, string> settings)
    {
        settings["Bybit:Resilience:MinimumThroughput"] = "4";
        settings["Bybit:Resilience:BreakDuration"] = "00:00:01";
    }
}
