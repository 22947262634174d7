namespace OmniGraph.Search.Embeddings.Tests;

/// <summary>Asserts a typed refusal: an <see cref="OmniGraphException"/> with the expected stable code.</summary>
internal static class Errors
{
    public static OmniGraphException Expect(string code, Action action)
    {
        var error = Assert.Throws<OmniGraphException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }

    public static async Task<OmniGraphException> ExpectAsync(string code, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<OmniGraphException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }
}
