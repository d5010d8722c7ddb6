namespace Platform.Engine.Charts;

public sealed record DownsampledSeries(long[] Time, double[] Values);
