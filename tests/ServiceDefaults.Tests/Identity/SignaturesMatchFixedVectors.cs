using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.Tests.Identity;

/// <summary>
/// The signature of fixed calls against values computed outside .NET, from the canonical string as docs/security.md
/// (1.1) defines it, so that a change to the scheme on both ends at once still fails here.
/// </summary>
public sealed class SignaturesMatchFixedVectors
{
    private const string Secret = "platform-test-vector-secret";

    /// <summary>
    /// Each expected value is <c>hmac.new(secret, canonical.encode("utf-8"), hashlib.sha256).hexdigest()</c> in Python 3,
    /// where canonical is "\n".join(["PLATFORM-HMAC-SHA256", METHOD, decoded path and query, timestamp, request id,
    /// content hash, user, roles]); the first content hash is <c>hashlib.sha256(b'{"strategy_id":7,"symbol":"BTCUSDT"}').hexdigest()</c>.
    /// </summary>
    [Theory]
    [InlineData("post", "/api/v1/backtests/", "?note=a%20b&path=%2Fx", "0123456789abcdef0123456789abcdef",
        "25fead144faa4bb6f93af199e40aa1af4dbbc4c2b6b91b6da1f7b8a765c1f95f", "desk-a", "reader,trader",
        "9e95416645c58941b151929654e2e854a78fe191dbcd6f78b65d93a933e8c46c")]
    [InlineData("GET", "/openapi/v1.json", null, "fedcba9876543210fedcba9876543210",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "anonymous", "",
        "387db6ed97abef56ffd7a7ad4829943a96f0f7d651232da72a36b051f414eb31")]
    [InlineData("POST", "/api/v1/strategies/caf%C3%A9", "", "00112233445566778899aabbccddeeff",
        "UNSIGNED-PAYLOAD", "admin-key", "admin",
        "bbc1591e13c7a55b922ff3b4ae0209ca111217e5218664a83a83e0aa488f0fe6")]
    public void TheSignatureIsTheDocumentedHmac(
        string method, string path, string? query, string requestId, string contentHash, string user, string roles, string expected)
    {
        var call = new SignedCall(method, SignedIdentity.Target(path, query), 1717243200, requestId, contentHash, user, roles);

        Assert.Equal(expected, SignedIdentity.Sign(Secret, call));
    }

    [Fact]
    public void TheEmptyBodyHashIsTheSha256OfNothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SignedIdentity.EmptyContentHash);
}
