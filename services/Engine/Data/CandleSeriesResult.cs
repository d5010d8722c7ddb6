namespace Platform.Engine.Data;

/// <summary>Either a valid series or the first invalid row.</summary>
public sealed record CandleSeriesResult(CandleSeries? Series, InvalidCandle? Error)
{
    public bool IsValid => Series is not null;
}

/// <summary>The first row that failed validation; <see cref="Index"/> is -1 when the columns differ in length.</summary>
public sealed record InvalidCandle(int Index, string Field, string Reason);
