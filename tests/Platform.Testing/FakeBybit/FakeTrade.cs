namespace Platform.Testing.FakeBybit;

/// <summary>A public trade the fake serves; <see cref="Side"/> is <c>Buy</c> or <c>Sell</c> as Bybit spells it.</summary>
public sealed record FakeTrade(string ExecId, long Time, decimal Price, decimal Size, string Side);
