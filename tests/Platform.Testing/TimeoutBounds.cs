using Xunit;

namespace Platform.Testing;

/// <summary>
/// How far a measured wait may stray from the configured timeout that ended it. Earlier by at most
/// <see cref="TimerTick"/>: timers count on the system's coarse clock (a tick of a few milliseconds), which can put their
/// expiry a tick ahead of a <see cref="System.Diagnostics.Stopwatch"/>. Later by at most <see cref="Slack"/>: the time a
/// loaded two-core machine may take to run the expiry and carry the answer back.
/// </summary>
public static class TimeoutBounds
{
    public static readonly TimeSpan TimerTick = TimeSpan.FromMilliseconds(10);

    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    /// <summary>Asserts that <paramref name="elapsed"/> is <paramref name="configured"/>, within the bounds above.</summary>
    public static void AssertEndedAt(TimeSpan configured, TimeSpan elapsed) =>
        Assert.InRange(elapsed, configured - TimerTick, configured + Slack);
}
