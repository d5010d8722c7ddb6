namespace Platform.MarketData.Uploads;

/// <summary>What <see cref="UploadStore.DeleteAsync"/> did.</summary>
internal abstract record UploadDeletion
{
    private UploadDeletion()
    {
    }

    public sealed record Deleted : UploadDeletion;

    public sealed record NotFound : UploadDeletion;

    /// <summary>Nothing deleted: the caller neither owns the upload nor is an admin.</summary>
    public sealed record Forbidden(string? Owner) : UploadDeletion;
}
