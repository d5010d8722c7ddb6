namespace Platform.Engine.Strategies;

/// <summary>
/// Per-bar signal bits written by a strategy at a bar's close. Entries and exits are separate so a
/// strategy can exit without reversing; the simulator masks the entry bits by direction and filters.
/// </summary>
internal static class Signal
{
    public const byte EnterLong = 1;
    public const byte EnterShort = 2;
    public const byte ExitLong = 4;
    public const byte ExitShort = 8;
    public const byte Entries = EnterLong | EnterShort;
    public const byte Exits = ExitLong | ExitShort;
    public const byte GoLong = EnterLong | ExitShort;
    public const byte GoShort = EnterShort | ExitLong;
}
