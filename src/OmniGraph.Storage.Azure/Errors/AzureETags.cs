using Azure;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// Entity tags as the store hands them out: the service's tag without the HTTP quotes (<c>0x8DC...</c>), identical
/// whether it came from a response header or a listing, and quoted again for <c>If-Match</c>.
/// </summary>
internal static class AzureETags
{
    public static string ToText(ETag? eTag)
    {
        var text = eTag?.ToString() ?? throw new InvalidOperationException("the service returned no entity tag");
        return Unquote(text);
    }

    public static ETag ToCondition(string text) => new('"' + Unquote(text) + '"');

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;
}
