namespace Platform.Gateway.Tests;

/// <summary>The cancellation token every test call passes: no call may hang a run.</summary>
internal static class TestContext
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
