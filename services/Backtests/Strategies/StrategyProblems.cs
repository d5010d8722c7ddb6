using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Identity;

namespace Platform.Backtests.Strategies;

/// <summary>The ProblemDetails answers about strategies, shared with the endpoints that name a strategy by id.</summary>
internal static class StrategyProblems
{
    public static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem($"Strategy not found: no strategy has id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Strategy not found");

    public static ProblemHttpResult NotOwner(string? owner) => Ownership.Forbidden("strategy", owner);

    public static ProblemHttpResult NameTaken(string name) =>
        TypedResults.Problem(
            $"A strategy named '{name}' already exists.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Strategy name taken",
            extensions: new Dictionary<string, object?> { ["errors"] = Errors("name", "is already used by another strategy") });

    public static ProblemHttpResult HasBacktests(long id, long backtests) =>
        TypedResults.Problem(
            $"Strategy {id} has {backtests} backtest(s); deleting it would delete their results. Delete them first or pass force=true.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Strategy has backtests");

    public static ProblemHttpResult HasOthersBacktests(long id, long backtests) =>
        TypedResults.Problem(
            $"Strategy {id} has {backtests} backtest(s) of other owners; deleting it would delete their results, which only an admin may do.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Strategy has other owners' backtests");

    /// <summary>422 with the errors of <see cref="StrategyConfig.Check"/>, each naming its field: an unknown type, or what is wrong in its configuration.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        Unprocessable(
            errors.ContainsKey(StrategyConfig.TypeField) ? "Unknown strategy type" : "Invalid strategy parameters",
            errors.ToDictionary(e => e.Key, e => new[] { e.Value }));

    private static ProblemHttpResult Unprocessable(string title, Dictionary<string, string[]> errors) =>
        TypedResults.Problem(
            string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };
}
