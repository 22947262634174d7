namespace OmniGraph;

/// <summary>
/// What an operating-system I/O failure means, in our words: "permission denied", "no space left on the device", "it is
/// a directory". Messages never carry the framework's exception text (which may be a bare resource key in a trimmed
/// build); callers say what they were doing and to which path, and add <see cref="Reason"/>.
/// </summary>
public static class IoErrorText
{
    // errno values (Linux; macOS shares the low ones) and Win32 error codes, as IOException.HResult carries them.
    private const int EPerm = 1;
    private const int ENoEnt = 2;
    private const int EIo = 5;
    private const int EAcces = 13;
    private const int EBusy = 16;
    private const int EExist = 17;
    private const int ENotDir = 20;
    private const int EIsDir = 21;
    private const int ENFile = 23;
    private const int EMFile = 24;
    private const int ENoSpc = 28;
    private const int ERoFs = 30;
    private const int ENameTooLong = 36;
    private const int ENotEmpty = 39;
    private const int ELoop = 40;
    private const int EDQuot = 122;
    private const int Win32FileExists = 80;
    private const int Win32AlreadyExists = 183;
    private const int Win32DiskFull = 112;

    /// <summary>Why <paramref name="exception"/> failed, as a short clause (no path, no framework text).</summary>
    public static string Reason(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            FileNotFoundException or DirectoryNotFoundException => "it does not exist",
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "the path is too long",
            EndOfStreamException => "it ended before it was complete",
            IOException io => ReasonForCode(io.HResult),
            _ => "the operation failed",
        };
    }

    /// <summary>"cannot {verb} {what} '{path}': {reason}" (the path quoted with <see cref="ErrorText.Quote"/>).</summary>
    public static string Describe(string verb, string what, string path, Exception exception) =>
        $"cannot {verb} {what} '{ErrorText.Quote(path)}': {Reason(exception)}";

    /// <summary>Why an operation failed with error <paramref name="hresult"/>: an errno on Unix, an HRESULT or Win32 code on Windows.</summary>
    public static string ReasonForCode(int hresult)
    {
        // Unix: the errno itself. Windows: an HRESULT whose low word is the Win32 error.
        var code = (hresult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000) ? hresult & 0xFFFF : hresult;
        return code switch
        {
            EPerm or EAcces => "permission denied",
            ENoEnt => "it does not exist",
            EIo => "the device reported an I/O error",
            EBusy => "the file or device is busy",
            EExist or Win32FileExists or Win32AlreadyExists => "something already exists at that path",
            ENotDir => "a part of the path is not a directory",
            EIsDir => "it is a directory",
            ENFile or EMFile => "too many open files",
            ENoSpc or EDQuot or Win32DiskFull => "no space left on the device",
            ERoFs => "the file system is read-only",
            ENameTooLong => "the path is too long",
            ENotEmpty => "the directory is not empty",
            ELoop => "too many symbolic links in the path",
            _ => $"input/output failed (error {code})",
        };
    }
}
