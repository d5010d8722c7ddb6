using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class RunnerIsDeterministic
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSameInputGivesTheSameDocument(bool anchored)
    {
        var plan = WalkForwardCase.Plan(new WindowSettings(3, 1, 1, Mode: anchored ? WindowMode.Anchored : WindowMode.Rolling));

        var first = ResultJson.Serialize(WalkForwardCase.Run(plan));
        var second = ResultJson.Serialize(WalkForwardCase.Run(plan));

        Assert.Equal(first, second);
    }
}
