namespace OmniGraph.Core.Tests.Errors;

/// <summary>Error messages stay a readable size whatever they quote (<see cref="ErrorText"/>), and I/O failures read as sentences (<see cref="IoErrorText"/>).</summary>
public sealed class ErrorTextTests
{
    [Fact]
    public void Quote_KeepsShortValues_AndShortensLongOnesSayingHowLong()
    {
        Assert.Equal("Person", ErrorText.Quote("Person"));
        Assert.Equal(new string('a', ErrorText.MaxQuotedChars), ErrorText.Quote(new string('a', ErrorText.MaxQuotedChars)));
        Assert.Equal(new string('A', 60) + "… (1,000 characters)", ErrorText.Quote(new string('A', 1_000)));
        Assert.Equal(string.Empty, ErrorText.Quote(null));
    }

    [Fact]
    public void Quote_NeverSplitsASurrogatePair()
    {
        var text = new string('a', 59) + "𝄞" + new string('b', 100);

        var quoted = ErrorText.Quote(text);

        Assert.StartsWith(new string('a', 59) + "…", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Bound_KeepsTheStartAndTheEnd_OfAHugeMessage()
    {
        var message = "type name '" + new string('A', 1_000_000) + "' is too long (at line 1, column 6)";

        var bounded = ErrorText.Bound(message);

        Assert.True(bounded.Length <= ErrorText.MaxMessageChars + 60, $"{bounded.Length} characters");
        Assert.StartsWith("type name 'AAAA", bounded, StringComparison.Ordinal);
        Assert.EndsWith("' is too long (at line 1, column 6)", bounded, StringComparison.Ordinal);
        Assert.Contains("characters left out]", bounded, StringComparison.Ordinal);
        Assert.Equal("short", ErrorText.Bound("short"));
    }

    [Fact]
    public void EveryOmniGraphException_IsBounded()
    {
        var error = new OmniGraphException(ErrorCodes.Internal, new string('x', 5_000_000));

        Assert.True(error.Message.Length <= ErrorText.MaxMessageChars + 60, $"{error.Message.Length} characters");
    }

    [Fact]
    public void IoReasons_AreSentencesWithoutFrameworkText()
    {
        Assert.Equal("permission denied", IoErrorText.Reason(new UnauthorizedAccessException("UnauthorizedAccess_IODenied_Path, /x")));
        Assert.Equal("it does not exist", IoErrorText.Reason(new FileNotFoundException("IO_FileNotFound_FileName, /x")));
        Assert.Equal("it does not exist", IoErrorText.Reason(new DirectoryNotFoundException("x")));
        Assert.Equal("something already exists at that path", IoErrorText.Reason(new IOException("IO_FileExists_Name, /x", 17)));
        Assert.Equal("no space left on the device", IoErrorText.Reason(new IOException("x", 28)));
        Assert.Equal("the file system is read-only", IoErrorText.Reason(new IOException("x", 30)));
        Assert.Equal("it is a directory", IoErrorText.Reason(new IOException("x", 21)));
        Assert.Equal("the device reported an I/O error", IoErrorText.Reason(new IOException("x", 5)));
        Assert.Equal("something already exists at that path", IoErrorText.Reason(new IOException("x", unchecked((int)0x80070050))));
        Assert.Equal("input/output failed (error 9999)", IoErrorText.Reason(new IOException("x", 9999)));
        Assert.Equal("cannot read data file '/tmp/x': permission denied", IoErrorText.Describe("read", "data file", "/tmp/x", new UnauthorizedAccessException()));
    }
}
