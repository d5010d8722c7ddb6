using System.Globalization;

namespace Platform.Engine.Rules;

internal static class Numbers
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
