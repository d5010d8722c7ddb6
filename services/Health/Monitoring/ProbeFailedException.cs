namespace Platform.Health.Monitoring;

/// <summary>A dependency answered, but not as healthy; the message is short and safe to show to API clients.</summary>
internal sealed class ProbeFailedException(string message) : Exception(message);
