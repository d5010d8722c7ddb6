namespace Platform.Kubernetes.Tests;

public sealed class YamlWriterQuotesWhatYamlWouldMisread
{
    [Fact]
    public void ScalarsThatYamlWouldReadAsSomethingElseAreQuoted()
    {
        var yaml = YamlWriter.Write(new YamlMap
        {
            { "plain", "platform/backtests" },
            { "number", "2" },
            { "boolean", "yes" },
            { "flow", "a: b" },
            { "quote", "say \"hi\"\\" },
            { "lines", "one\ntwo" },
            { "integer", 3 },
            { "flag", false },
            { "skipped", null },
        });

        Assert.Equal(
            "plain: platform/backtests\nnumber: \"2\"\nboolean: \"yes\"\nflow: \"a: b\"\nquote: \"say \\\"hi\\\"\\\\\"\nlines: \"one\\ntwo\"\ninteger: 3\nflag: false\n",
            yaml);
    }

    [Fact]
    public void EmptyMapsAndListsAreWrittenInFlowStyleAndListsOfMapsShareTheDashLine()
    {
        var yaml = YamlWriter.Write(new YamlMap
        {
            { "map", new YamlMap() },
            { "list", Array.Empty<object>() },
            { "items", new object[] { new YamlMap { { "name", "a" }, { "port", 1 } }, new YamlMap(), "b" } },
        });

        Assert.Equal("map: {}\nlist: []\nitems:\n- name: a\n  port: 1\n- {}\n- b\n", yaml);
    }

    [Fact]
    public void AValueWithoutAYamlFormIsRejected()
    {
        Assert.Throws<ArgumentException>(() => YamlWriter.Write(new YamlMap { { "when", DateTime.UnixEpoch } }));
        Assert.Throws<ArgumentException>(() => YamlWriter.Write(new YamlMap { { "nested", new object[] { new object[] { "a" } } } }));
    }
}
