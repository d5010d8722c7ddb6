using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.MarketData.Tests.Uploads;
using Platform.MarketData.Uploads;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;

namespace Platform.MarketData.Tests.Owners;

/// <summary>Uploading, deleting and ingesting are the admin's route class (docs/security.md, 2): the uploaders here are admins.</summary>
public sealed class OnlyTheUploaderOrAnAdminChangesAnUpload(MarketDataFactory factory) : IClassFixture<MarketDataFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private readonly Caller alice = Caller.Unique("alice", Roles.Admin);
    private readonly Caller bob = Caller.Unique("bob", Roles.Reader, Roles.Trader);

    [Fact]
    public async Task TheUploaderIsTheOwnerAndAReaderSeesIt()
    {
        var uploaded = await UploadAsync(alice);

        var listed = await FindAsync(Caller.Reader, Id(uploaded));

        Assert.Equal(alice.User, uploaded.GetProperty("owner").GetString());
        Assert.Equal(alice.User, listed?.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task ATradersDeleteOrIngestIs403AndTheUploadStays()
    {
        var id = Id(await UploadAsync(alice));

        using var deleted = await factory.CreateClient(bob).DeleteAsync($"/api/v1/marketdata/uploads/{id}", timeout.Token);
        using var ingested = await UploadRequests.IngestAsync(factory.CreateClient(bob), id);

        Assert.Equal(HttpStatusCode.Forbidden, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ingested.StatusCode);
        Assert.NotNull(await FindAsync(Caller.Reader, id));
        Assert.Equal(0, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "OWNUSDT"));
    }

    /// <summary>Only admins reach the delete route today, so another owner's delete is checked at the store.</summary>
    [Fact]
    public async Task TheStoreDeletesForTheUploaderButNotForAnother()
    {
        var id = Guid.Parse(Id(await UploadAsync(alice)));
        var store = factory.Services.GetRequiredService<UploadStore>();

        var refused = await store.DeleteAsync(id, new Changer(bob.User, Admin: false), timeout.Token);
        var stayed = await store.GetAsync(id, timeout.Token);
        var deleted = await store.DeleteAsync(id, new Changer(alice.User, Admin: false), timeout.Token);
        var missing = await store.DeleteAsync(id, new Changer(bob.User, Admin: false), timeout.Token);

        Assert.Equal(new UploadDeletion.Forbidden(alice.User), refused);
        Assert.NotNull(stayed);
        Assert.IsType<UploadDeletion.Deleted>(deleted);
        Assert.IsType<UploadDeletion.NotFound>(missing);
    }

    [Fact]
    public async Task AnUploadWithoutAnOwnerIsDeletedOnlyByAnAdmin()
    {
        var id = Guid.Parse(Id(await UploadAsync(alice)));
        await using (var connection = new NpgsqlConnection(factory.DatabaseConnectionString))
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE uploads SET owner = NULL WHERE id = @Id", new { Id = id }, cancellationToken: timeout.Token));
        }
        var store = factory.Services.GetRequiredService<UploadStore>();

        var byUploader = await store.DeleteAsync(id, new Changer(alice.User, Admin: false), timeout.Token);
        var byAdmin = await store.DeleteAsync(id, new Changer(bob.User, Admin: true), timeout.Token);

        Assert.Equal(new UploadDeletion.Forbidden(null), byUploader);
        Assert.IsType<UploadDeletion.Deleted>(byAdmin);
    }

    [Fact]
    public async Task AnotherAdminDeletesItAndThenItIs404()
    {
        var id = Id(await UploadAsync(alice));
        var admin = factory.CreateClient();

        using var deleted = await admin.DeleteAsync($"/api/v1/marketdata/uploads/{id}", timeout.Token);
        using var again = await admin.DeleteAsync($"/api/v1/marketdata/uploads/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task OwnerMeListsTheCallersOwnAndANameListsThatOwners()
    {
        var carol = Caller.Unique("carol", Roles.Admin);
        var alices = new[] { Id(await UploadAsync(alice)), Id(await UploadAsync(alice)) };
        var carols = Id(await UploadAsync(carol));

        var mine = await ListAsync(alice, "owner=me");
        var hers = await ListAsync(Caller.Reader, $"owner={carol.User}");

        Assert.Equal([alices[1], alices[0]], Ids(mine));
        Assert.Equal([carols], Ids(hers));
    }

    [Theory]
    [InlineData("owner=%20")]
    [InlineData("owner=a%00b")]
    public async Task ABlankOwnerFilterIs400(string query)
    {
        using var response = await factory.CreateClient(Caller.Reader).GetAsync($"/api/v1/marketdata/uploads?{query}", timeout.Token);

        await Problems.AssertValidationAsync(response, "owner", "owner must be 'me' or an owner's name: not blank, no NUL characters.");
    }

    /// <summary>A one-row file with a volume of its own, so that it is never a duplicate of another upload.</summary>
    private async Task<JsonElement> UploadAsync(Caller caller)
    {
        var volume = BitConverter.ToUInt32(Guid.NewGuid().ToByteArray());
        var content = Encoding.UTF8.GetBytes($"time,open,high,low,close,volume\n1704067200,1,2,0.5,1.5,{volume}\n");
        using var response = await UploadRequests.UploadAsync(factory.CreateClient(caller), "owned.csv", content, "OWNUSDT", "60");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        return body;
    }

    private async Task<JsonElement?> FindAsync(Caller caller, string id) =>
        (await ListAsync(caller, null)).GetProperty("items").EnumerateArray()
            .Select(item => (JsonElement?)item)
            .FirstOrDefault(item => item!.Value.GetProperty("upload_id").GetString() == id);

    private async Task<JsonElement> ListAsync(Caller caller, string? query) =>
        await factory.CreateClient(caller).GetFromJsonAsync<JsonElement>($"/api/v1/marketdata/uploads{(query is null ? "" : $"?{query}")}", timeout.Token);

    private static string Id(JsonElement upload) => upload.GetProperty("upload_id").GetString()!;

    private static string[] Ids(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(Id)];

    public void Dispose() => timeout.Dispose();
}
