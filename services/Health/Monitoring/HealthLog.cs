namespace Platform.Health.Monitoring;

internal static partial class HealthLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Health probe of {Component} failed")]
    public static partial void ProbeFailed(ILogger logger, Exception exception, string component);
}
