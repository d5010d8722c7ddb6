using System.Text.Json.Serialization;

namespace Platform.MarketData.Bybit;

/// <summary>The five-key envelope of every answer (docs/bybit.md, 1.2); <c>result</c> is <c>{}</c> or null on errors.</summary>
internal sealed record BybitEnvelope<TResult>(int? RetCode, string? RetMsg, TResult? Result, long Time)
    where TResult : class;

/// <summary>Only the status keys of the envelope, read before the typed result is.</summary>
internal sealed record BybitStatus(int? RetCode, string? RetMsg);

/// <summary>Kline rows are arrays of seven strings: startTime, open, high, low, close, volume, turnover (docs/bybit.md, 2.1).</summary>
internal sealed record BybitKlineResult(string? Symbol, string? Category, IReadOnlyList<string[]>? List);

internal sealed record BybitTradeResult(string? Category, IReadOnlyList<BybitTradeRow>? List);

internal sealed record BybitTradeRow(string ExecId, string Price, string Size, string Side, string Time);

internal sealed record BybitTimeResult(string? TimeSecond, string? TimeNano);

internal sealed record BybitInstrumentsResult(string? Category, IReadOnlyList<BybitInstrumentRow>? List, string? NextPageCursor);

internal sealed record BybitInstrumentRow(
    string Symbol, string? Status, string? BaseCoin, string? QuoteCoin, string? ContractType, string? LaunchTime);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BybitStatus))]
[JsonSerializable(typeof(BybitEnvelope<BybitKlineResult>))]
[JsonSerializable(typeof(BybitEnvelope<BybitTradeResult>))]
[JsonSerializable(typeof(BybitEnvelope<BybitTimeResult>))]
[JsonSerializable(typeof(BybitEnvelope<BybitInstrumentsResult>))]
internal sealed partial class BybitJsonContext : JsonSerializerContext;
