namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// Endpoint metadata: an example of the request body (<see cref="Status"/> null) or of the response with
/// <see cref="Status"/>, for <see cref="ContentType"/> or, when null, every JSON content of it (every content of a form). <see cref="Value"/> is
/// serialized as the service serializes its answers; a string is JSON text for a JSON content and the body itself otherwise.
/// </summary>
public sealed record ApiExample(int? Status, string? ContentType, object Value);
