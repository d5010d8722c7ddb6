using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Platform.Backtests.Tests.Reports;

/// <summary>
/// A PDF read back with PdfPig as a reader would see it: per page, its lines of text (words on one baseline, left to
/// right, joined by single spaces), and the document's metadata.
/// </summary>
internal sealed class PdfText
{
    private PdfText(IReadOnlyList<IReadOnlyList<string>> pages, string? title, string? author, string? subject)
    {
        Pages = pages;
        Title = title;
        Author = author;
        Subject = subject;
    }

    public IReadOnlyList<IReadOnlyList<string>> Pages { get; }

    public string? Title { get; }

    public string? Author { get; }

    public string? Subject { get; }

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(Lines).ToList();
        return new PdfText(pages, document.Information.Title, document.Information.Author, document.Information.Subject);
    }

    /// <summary>The lines of page <paramref name="number"/> (from 1) that follow the line <paramref name="header"/>, up to the footer rule.</summary>
    public IReadOnlyList<string> LinesAfter(int number, string header) =>
        [.. Pages[number - 1].SkipWhile(line => line != header).Skip(1).TakeWhile(line => !line.StartsWith("Backtest #", StringComparison.Ordinal))];

    private static IReadOnlyList<string> Lines(Page page) =>
        [.. page.GetWords()
            .GroupBy(word => Math.Round(word.BoundingBox.Bottom, 0))
            .OrderByDescending(line => line.Key)
            .Select(line => string.Join(' ', line.OrderBy(word => word.BoundingBox.Left).Select(word => word.Text)))];
}
