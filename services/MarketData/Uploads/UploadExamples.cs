namespace Platform.MarketData.Uploads;

/// <summary>Bodies of the upload and ingest endpoints as their OpenAPI operations show them (docs/api-behaviour.md, 4.7–4.10 and 4.15).</summary>
internal static class UploadExamples
{
    public const string Upload = """
        {
          "upload_id": "5f0c2d9e8a7b4c1d9e3f2a1b0c9d8e7f", "filename": "btcusdt_60.csv.gz", "size": 1048576, "symbol": "BTCUSDT", "interval": "60",
          "format": "csv", "compressed": true, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
          "created_at": "2024-03-02T09:00:00", "mtime": 1709370000.0, "duplicate": false, "inflated_size": 6291456, "owner": "admin"
        }
        """;

    public const string List = """{"items": [""" + Upload + """], "total": 1}""";

    public const string IngestReport = """
        {
          "upload_id": "5f0c2d9e8a7b4c1d9e3f2a1b0c9d8e7f", "symbol": "BTCUSDT", "interval": "60", "format": "csv", "layout": "generic",
          "strict": false, "ingested": 8759, "inserted": 8700, "updated": 59, "duplicates": 2, "skipped": 1, "rejected": 1,
          "rejected_rows": [{"row": 4180, "reason": "high is below low"}],
          "earliest_ms": 1672531200000, "latest_ms": 1704063600000,
          "gaps": [{"start": 1688166000000, "end": 1688166000000, "missing_bars": 1}],
          "updated_working_set": 500
        }
        """;

    public const string IngestJob = """
        {
          "job_id": "1c6f5a2e-9b3d-4e8f-a7c1-2d3e4f5a6b7c", "upload_id": "5f0c2d9e8a7b4c1d9e3f2a1b0c9d8e7f", "symbol": "BTCUSDT", "interval": "1",
          "format": "csv", "strict": false, "status": "running", "bytes_read": 12582912, "bytes_total": 52428800, "progress": 0.24,
          "attempts": 1, "created_at": "2024-03-02T09:00:00", "started_at": "2024-03-02T09:00:01", "finished_at": null, "report": null, "error": null
        }
        """;
}
