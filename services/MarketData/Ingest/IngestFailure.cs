using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.MarketData.Ingest;

/// <summary>Why an ingest wrote nothing, as the problem a client sees (docs/api-behaviour.md, 4.10); a strict refusal names the rejected rows.</summary>
internal sealed record IngestFailure(int Status, string Title, string Detail, long? Rejected = null, IReadOnlyList<RejectedRow>? RejectedRows = null)
{
    public ProblemHttpResult ToResult() => TypedResults.Problem(
        Detail,
        statusCode: Status,
        title: Title,
        extensions: Rejected is null ? null : new Dictionary<string, object?> { ["rejected"] = Rejected, ["rejected_rows"] = RejectedRows });
}
