namespace Platform.Engine.Filters;

public enum TrendCondition
{
    /// <summary>Longs only while the higher close is above its average, shorts only while below.</summary>
    Aligned,

    /// <summary>Any entry only while the higher close is above its average (original <c>price_above</c>).</summary>
    PriceAbove,

    /// <summary>Any entry only while the higher close is below its average (original <c>price_below</c>).</summary>
    PriceBelow,
}
