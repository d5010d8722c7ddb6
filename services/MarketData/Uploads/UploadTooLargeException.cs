namespace Platform.MarketData.Uploads;

/// <summary>An upload, or the text it inflates to, is above a limit of <see cref="UploadOptions"/>: 413 with the message.</summary>
internal sealed class UploadTooLargeException(string message) : Exception(message);
