using Xunit;

namespace OmniGraph.Testing.Errors;

/// <summary>
/// Asserts that code fails with an OmniGraph error of one code: the exception is exactly <see cref="OmniGraphException"/>
/// (or the subclass asked for), and its <see cref="OmniGraphException.Code"/> is the expected one. The typed details are
/// then read from the returned error (<c>error.Get(ErrorDetail.Table)</c>).
/// </summary>
public static class ErrorAssert
{
    /// <summary>Asserts that <paramref name="testCode"/> throws an <see cref="OmniGraphException"/> with <paramref name="code"/>.</summary>
    public static OmniGraphException Throws(string code, Func<object?> testCode) => Throws<OmniGraphException>(code, testCode);

    /// <summary>Asserts that <paramref name="testCode"/> throws an <see cref="OmniGraphException"/> with <paramref name="code"/>.</summary>
    public static OmniGraphException Throws(string code, Action testCode) => Check<OmniGraphException>(code, Assert.Throws<OmniGraphException>(testCode));

    /// <summary>Asserts that <paramref name="testCode"/> throws exactly <typeparamref name="T"/> with <paramref name="code"/>.</summary>
    public static T Throws<T>(string code, Func<object?> testCode)
        where T : OmniGraphException => Check<T>(code, Assert.Throws<T>(testCode));

    /// <summary>Asserts that <paramref name="testCode"/> fails with an <see cref="OmniGraphException"/> with <paramref name="code"/>.</summary>
    public static Task<OmniGraphException> ThrowsAsync(string code, Func<Task> testCode) => ThrowsAsync<OmniGraphException>(code, testCode);

    /// <summary>Asserts that <paramref name="testCode"/> fails with exactly <typeparamref name="T"/> with <paramref name="code"/>.</summary>
    public static async Task<T> ThrowsAsync<T>(string code, Func<Task> testCode)
        where T : OmniGraphException => Check<T>(code, await Assert.ThrowsAsync<T>(testCode));

    private static T Check<T>(string code, T error)
        where T : OmniGraphException
    {
        Assert.True(code == error.Code, $"expected error code {code}, got {error.Code}: {error.Message}");
        return error;
    }
}
