namespace Platform.MarketData.Bybit;

/// <summary>One item of <c>/v5/market/instruments-info</c> (docs/bybit.md, 2.4); <see cref="LaunchTime"/> in UTC ms.</summary>
internal sealed record BybitInstrument(string Symbol, string Status, string BaseCoin, string QuoteCoin, string? ContractType, long? LaunchTime);
