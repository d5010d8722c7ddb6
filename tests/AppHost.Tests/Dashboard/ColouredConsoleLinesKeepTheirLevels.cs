using Platform.AppHost.Dashboard;
using Platform.AppHost.Running;

namespace Platform.AppHost.Tests.Dashboard;

public sealed class ColouredConsoleLinesKeepTheirLevels
{
    [Fact]
    public void TheColourCodesOfTheSimpleConsoleFormatAreRemovedBeforeLevelsAreRead()
    {
        string[] written =
        [
            "\u001b[40m\u001b[32minfo\u001b[39m\u001b[22m\u001b[49m: Microsoft.Hosting.Lifetime[14]",
            "      Now listening on: http://localhost:5103",
            "\u001b[40m\u001b[1m\u001b[33mwarn\u001b[39m\u001b[22m\u001b[49m: Platform.Backtests.Queue[0]",
            "      Lease lost",
            "plain line without codes",
        ];

        var lines = LogLines.Parse(written.Select(AnsiEscapes.Strip));

        Assert.Equal(["info", "info", "warn", "warn", null], lines.Select(line => line.Level));
        Assert.Equal("info: Microsoft.Hosting.Lifetime[14]", lines[0].Text);
        Assert.Equal("warn: Platform.Backtests.Queue[0]", lines[2].Text);
        Assert.Same(written[4], AnsiEscapes.Strip(written[4]));
    }
}
