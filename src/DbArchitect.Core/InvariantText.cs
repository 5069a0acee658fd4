using System.Globalization;

namespace DbArchitect.Core;

/// <summary>
/// The one way Core turns figures into text. Generated files, reasons and comments must read the same on every
/// machine: under de-DE "N0" writes 38.025.000 and a double 0,75, under ar-SA and fa-IR a negative number gets a
/// different minus sign and marks, under tr-TR "i".ToUpper() is "İ". Explicit calls are held to the invariant culture by
/// the analyzers (CA1304, CA1305, CA1311 are errors); an interpolated string is not checked by them, so one that
/// formats a number goes through <see cref="Format"/>, and callers that enter Core from a user's session run it
/// inside <see cref="Run{T}"/>.
/// </summary>
public static class InvariantText
{
    /// <summary>An interpolated string formatted with the invariant culture: <c>InvariantText.Format($"{rows:N0} rows")</c>.</summary>
    public static string Format(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A whole number with thousands separators: 38,025,000.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A whole number as code and configuration files read it: 38025000, -8.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The indefinite article of a sentence's first word for a name: "An" before a vowel letter (An Amazon DynamoDB, An
    /// Oracle 19c), "A" otherwise. Product names are read as spelt, so the letter decides.
    /// </summary>
    public static string Article(string name) =>
        name.Length > 0 && "AEIOUaeiou".Contains(name[0], StringComparison.Ordinal) ? "An" : "A";

    /// <summary>A number with separators and at most two decimals: 1,234.5.</summary>
    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs <paramref name="call"/> with the invariant culture as the current culture, restoring the caller's after:
    /// whatever text the call builds (an interpolated figure that escaped review included) reads the same on every
    /// machine. The culture flows into tasks the call starts.
    /// </summary>
    public static T Run<T>(Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return call();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
