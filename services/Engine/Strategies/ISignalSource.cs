using Platform.Engine.Indicators;

namespace Platform.Engine.Strategies;

/// <summary>
/// Writes one <see cref="Signal"/> byte for every bar (buffers are reused, so each element must be
/// written), using only data up to and including that bar.
/// </summary>
internal interface ISignalSource
{
    void Write(IndicatorCache indicators, Span<byte> signals);
}
