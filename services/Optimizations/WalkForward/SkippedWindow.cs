namespace Platform.Optimizations.WalkForward;

/// <summary>A planned window that gave no result, and why (e.g. no combination scored in-sample; docs/api-behaviour.md, 3.9).</summary>
internal sealed record SkippedWindow(int WindowId, string Reason);
