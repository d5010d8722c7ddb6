using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Platform.MarketData.Tests.Uploads;

/// <summary>The gzip limits of docs/api-behaviour.md, 4.7, with the service's defaults (1 GiB of text, a ratio of 100).</summary>
public sealed class GzipBombsAreRefusedUnread(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task AGigabyteOfZerosIs413AfterLittleOutputAndNothingIsStored()
    {
        // 64 gzip members of 16 MiB of zeros each: 1 GiB of text from about 1 MiB, the ratio of a gzip bomb.
        var member = Gzip(new byte[16 << 20]);
        var bomb = new byte[member.Length * 64];
        for (var copy = 0; copy < 64; copy++)
        {
            member.CopyTo(bomb, copy * member.Length);
        }

        var uploadsBefore = await CountAsync(factory.DatabaseConnectionString, "uploads");
        var chunksBefore = await CountAsync(factory.DatabaseConnectionString, "upload_chunks");

        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), "bomb.csv.gz", bomb, "BOMBUSDT");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = System.Text.RegularExpressions.Regex.Match(
            problem.GetProperty("detail").GetString()!,
            "^The gzip data inflates more than 100 times \\(([0-9]+) bytes from the first ([0-9]+)\\): refused as a likely gzip bomb\\.$");
        Assert.True(detail.Success, problem.GetProperty("detail").GetString());
        // The refusal came after a few MiB of output, not after the whole gigabyte, at a ratio above 100.
        var inflated = long.Parse(detail.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var compressed = long.Parse(detail.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(inflated, 1L << 20, 8L << 20);
        Assert.True(inflated > 100 * compressed, $"{inflated} bytes from {compressed}");
        Assert.Equal(uploadsBefore, await CountAsync(factory.DatabaseConnectionString, "uploads"));
        Assert.Equal(chunksBefore, await CountAsync(factory.DatabaseConnectionString, "upload_chunks"));
    }

    [Fact]
    public async Task AnOrdinaryGzipUploadIsStoredWithItsInflatedSize()
    {
        var text = Minutes(20_000);
        var compressed = Gzip(text);

        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), "minutes.csv.gz", compressed, "INFLATEUSDT", "1");
        var upload = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(compressed.Length, upload.GetProperty("size").GetInt64());
        Assert.Equal(text.Length, upload.GetProperty("inflated_size").GetInt64());
        Assert.True(upload.GetProperty("compressed").GetBoolean());
    }

    internal static byte[] Gzip(byte[] text)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(text);
        }
        return compressed.ToArray();
    }

    internal static byte[] Minutes(int count)
    {
        var rows = new StringBuilder("open_time,open,high,low,close,volume\n");
        for (var minute = 0; minute < count; minute++)
        {
            var open = 100 + minute % 97 * 0.25;
            rows.Append(1_704_067_200_000L + minute * 60_000L).Append(',').Append(open).Append(',').Append(open + 1).Append(',').Append(open - 1)
                .Append(',').Append(open + 0.5).Append(',').Append(minute % 13).Append('\n');
        }
        return Encoding.UTF8.GetBytes(rows.ToString());
    }

    internal static async Task<long> CountAsync(string? connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}

public sealed class GzipUploadsAreHeldToTheirInflatedSize(SmallInflationFactory factory) : IClassFixture<SmallInflationFactory>
{
    [Fact]
    public async Task TextBeyondTheInflatedCapIs413AndNothingIsStored()
    {
        var text = GzipBombsAreRefusedUnread.Minutes(5_000);
        var uploadsBefore = await GzipBombsAreRefusedUnread.CountAsync(factory.DatabaseConnectionString, "uploads");

        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), "long.csv.gz", GzipBombsAreRefusedUnread.Gzip(text), "CAPPEDUSDT", "1");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.True(text.Length > SmallInflationFactory.MaxInflatedBytes);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(
            $"The gzip data inflates to more than the {SmallInflationFactory.MaxInflatedBytes} bytes an upload may hold.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(uploadsBefore, await GzipBombsAreRefusedUnread.CountAsync(factory.DatabaseConnectionString, "uploads"));
    }

    [Fact]
    public async Task PlainTextIsHeldOnlyToTheUploadSize()
    {
        var text = GzipBombsAreRefusedUnread.Minutes(5_000);

        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), "plain.csv", text, "PLAINUSDT", "1");
        var upload = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text.Length, upload.GetProperty("inflated_size").GetInt64());
    }

    [Fact]
    public async Task GzipTextWithinTheCapIsIngested()
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "short.csv.gz", GzipBombsAreRefusedUnread.Gzip(GzipBombsAreRefusedUnread.Minutes(1_000)), "SHORTUSDT", "1");

        var report = await UploadRequests.IngestOkAsync(client, id);

        Assert.Equal(1_000, report.GetProperty("inserted").GetInt64());
    }
}

/// <summary>A market data service whose gzip uploads may inflate to 64 KiB of text at most.</summary>
public sealed class SmallInflationFactory : MarketDataFactory
{
    public const long MaxInflatedBytes = 64 * 1024;

    public SmallInflationFactory() => Set("Uploads:MaxInflatedBytes", MaxInflatedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
