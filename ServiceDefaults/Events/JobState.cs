namespace Platform.ServiceDefaults.Events;

/// <summary>
/// One reading of a job for its event stream: <paramref name="View"/> as <c>GET</c> of the job answers it, whether the job
/// has ended, and <paramref name="Version"/>, the values whose change is worth an event (the job's row, without what moves
/// on its own such as a lease or the elapsed time).
/// </summary>
public sealed record JobState<TView>(TView View, bool Ended, object Version);
