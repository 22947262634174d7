using OmniGraph.Testing.Errors;
namespace OmniGraph.Storage.Tests.Keys;

/// <summary>The key and prefix rules in isolation (every backend applies them before any I/O).</summary>
public sealed class ObjectKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("a/b/c")]
    [InlineData("g1/node:Person@main")]
    [InlineData(".hidden/..dots/x.")]
    [InlineData("ünïcødé")]
    public void Validate_AcceptsValidKeys(string key)
    {
        ObjectKey.Validate(key);
        Assert.True(ObjectKey.IsValid(key));
        Assert.Null(ObjectKey.FindKeyViolation(key));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/a", "start with '/'")]
    [InlineData("a/", "end with '/'")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a/./b", "'.' or '..'")]
    [InlineData("a/../b", "'.' or '..'")]
    [InlineData("a\\b", "backslash")]
    [InlineData("a\u0001b", "control")]
    [InlineData("a\u007fb", "control")]
    [InlineData("a/.og-lock.b", ".og-")]
    [InlineData("a/b.og-obj/c", ".og-")]
    public void Validate_RejectsWithAReasonThatNamesTheRule(string key, string reasonFragment)
    {
        var error = ErrorAssert.Throws(ErrorCodes.InvalidObjectKey, () => ObjectKey.Validate(key));

        Assert.Contains(reasonFragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(key, error.Get(ErrorDetail.Key));
        Assert.False(ObjectKey.IsValid(key));
    }

    [Fact]
    public void Validate_CountsLengthInUtf8Bytes()
    {
        var fits = string.Join('/', Enumerable.Repeat(new string('é', 100), 5)) + "/" + new string('x', 19); // 5*200 + 5 + 19 = 1024 bytes
        var tooLong = fits + "x";

        Assert.True(ObjectKey.IsValid(fits));
        Assert.Contains("1024", ErrorAssert.Throws(ErrorCodes.InvalidObjectKey, () => ObjectKey.Validate(tooLong)).Message, StringComparison.Ordinal);
        Assert.False(ObjectKey.IsValid(new string('é', ObjectKey.MaxSegmentBytes / 2 + 1)));
    }

    [Fact]
    public void Validate_Null_IsAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => ObjectKey.Validate(null!));
        Assert.False(ObjectKey.IsValid(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a/")]
    [InlineData("a/b")]
    [InlineData("a/.")]
    [InlineData("a/..")]
    [InlineData(".og")]
    public void ValidatePrefix_AcceptsPrefixesThatCanBeginAKey(string prefix)
    {
        ObjectKey.ValidatePrefix(prefix);
        Assert.True(ObjectKey.IsValidPrefix(prefix));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/a")]
    [InlineData("a//")]
    [InlineData("./a")]
    [InlineData("a/../")]
    [InlineData("a\\")]
    [InlineData("a\tb")]
    [InlineData("a/.og-")]
    public void ValidatePrefix_RejectsPrefixesNoKeyCanBeginWith(string prefix)
    {
        ErrorAssert.Throws(ErrorCodes.InvalidObjectKey, () => ObjectKey.ValidatePrefix(prefix));
        Assert.False(ObjectKey.IsValidPrefix(prefix));
    }
}
