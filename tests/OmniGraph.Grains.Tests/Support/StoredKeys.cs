using OmniGraph.Storage;

namespace OmniGraph.Grains.Tests.Support;

/// <summary>Every object key a store holds, page after page, in ordinal order.</summary>
internal static class StoredKeys
{
    public static async Task<List<string>> AllAsync(IObjectStore store)
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(string.Empty, token);
            keys.AddRange(page.Objects.Select(static o => o.Key));
            token = page.ContinuationToken;
        }
        while (token is not null);

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
