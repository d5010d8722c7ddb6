using Platform.MarketData.Uploads;

namespace Platform.MarketData.Ingest;

/// <summary>How many of its upload's stored bytes a running ingest has read; read by the heartbeat of its job.</summary>
internal sealed class IngestProgress
{
    private ChunkStream? _content;

    public long BytesRead => Volatile.Read(ref _content)?.BytesRead ?? 0;

    public void Follow(ChunkStream content) => Volatile.Write(ref _content, content);
}
