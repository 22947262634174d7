using System.Text;

namespace OmniGraph.Schema;

/// <summary>Renders values in <c>.pg</c> source syntax.</summary>
internal static class PgText
{
    /// <summary>Quotes a string using the only escapes the lexer accepts (<c>\" \\ \n \r \t</c>).</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendQuoted(builder, value);
        return builder.ToString();
    }

    public static StringBuilder AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;

                // Other characters (including other control characters) are legal raw inside a string literal.
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"');
    }
}
