namespace Platform.Engine.Filters;

public enum MovingAverageKind
{
    Sma,
    Ema,
}
