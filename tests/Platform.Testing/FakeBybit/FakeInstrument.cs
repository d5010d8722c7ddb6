namespace Platform.Testing.FakeBybit;

/// <summary>An item of the fake's <c>instruments-info</c>; <see cref="LaunchTime"/> in UTC ms.</summary>
public sealed record FakeInstrument(string Symbol, string BaseCoin, string QuoteCoin, long LaunchTime, string Status = "Trading")
{
    /// <summary>A USDT perpetual such as <c>BTCUSDT</c>.</summary>
    public static FakeInstrument Usdt(string baseCoin, long launchTime) => new($"{baseCoin}USDT", baseCoin, "USDT", launchTime);
}
