using System.Globalization;
using System.Text;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// Words of a redis-cli input line: every word double-quoted, with backslash, double quote and every control byte
/// escaped (\\, \", \n, \r, \t, \xHH) as redis-cli's argument splitter reads them, so a value from the requirements is
/// always exactly one argument and never ends the line.
/// </summary>
public static class RedisCliText
{
    public static string Word(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                        {
                            text.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
                        }
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    public static string Line(IEnumerable<string> words) => string.Join(" ", words.Select(Word));
}
