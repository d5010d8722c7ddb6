using Platform.Candles;

namespace Platform.ServiceDefaults.Tests.Candles;

public sealed class OnlyRequestErrorsArePermanent
{
    [Theory]
    [InlineData(400, true)]
    [InlineData(404, true)]
    [InlineData(422, true)]
    [InlineData(408, false)]
    [InlineData(429, false)]
    [InlineData(499, true)]
    [InlineData(500, false)]
    [InlineData(502, false)]
    [InlineData(399, false)]
    public void AFailedReadIsRetriedUnlessTheRequestItselfIsWrong(int statusCode, bool permanent) =>
        Assert.Equal(permanent, new CandleFeedException(statusCode, "candles").IsPermanent);
}
