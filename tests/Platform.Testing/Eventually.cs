namespace Platform.Testing;

/// <summary>Waits on a condition with a timeout instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        T last;
        do
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }
            await Task.Delay(50, CancellationToken.None);
        }
        while (!cancellation.IsCancellationRequested);
        throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {last}");
    }
}
