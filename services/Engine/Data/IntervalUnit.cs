namespace Platform.Engine.Data;

public enum IntervalUnit
{
    Minute,
    Day,
    Week,
    Month,
}
