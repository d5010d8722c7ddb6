using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class RunnerHonoursCancellation
{
    [Fact]
    public void AnAlreadyCancelledTokenStopsBeforeTheFirstWindow()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var reported = new List<int>();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(4, 2, 2)), progress: new Recorder(reported.Add), cancellationToken: cancellation.Token));
        Assert.Empty(reported);
    }

    [Fact]
    public void CancellingMidRunStopsBeforeTheNextWindow()
    {
        using var cancellation = new CancellationTokenSource();
        var reported = new List<int>();
        var progress = new Recorder(done =>
        {
            reported.Add(done);
            cancellation.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(4, 2, 2)), progress: progress, cancellationToken: cancellation.Token));
        Assert.Equal([1], reported);
    }

    [Fact]
    public void ProgressCountsEveryWindow()
    {
        var reported = new List<int>();

        WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(4, 2, 2)), progress: new Recorder(reported.Add));

        Assert.Equal([1, 2, 3], reported);
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the test sees every call before the run returns.</summary>
    private sealed class Recorder(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
