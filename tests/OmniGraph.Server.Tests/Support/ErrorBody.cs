using System.Net;
using System.Text.Json;

namespace OmniGraph.Server.Tests.Support;

/// <summary>Assertions on the error envelope <c>{"error", "code", "details"?}</c>.</summary>
internal static class ErrorBody
{
    /// <summary>Asserts <paramref name="response"/> has <paramref name="status"/> and an envelope with <paramref name="code"/>; returns the envelope.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement.Clone();
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("error").GetString()));
        return root;
    }
}
