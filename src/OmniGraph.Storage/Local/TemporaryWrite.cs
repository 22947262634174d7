using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OmniGraph.Storage.Local;

/// <summary>
/// The flushed bytes of one write, waiting to be published under their object's name with the entity tag they carry.
/// Where the file system allows it they are an unnamed file (<c>O_TMPFILE</c>) held open by this process: it has no name
/// until it is published, and the kernel frees it if the process dies first, so a crashed writer leaves nothing behind.
/// Otherwise they are a temporary file in the object's directory (<see cref="LocalFileNames.TempPrefix"/>), which a
/// crashed writer leaves for the sweep.
/// </summary>
internal sealed class TemporaryWrite : IDisposable
{
    private readonly SafeFileHandle? _unnamed;

    private TemporaryWrite(SafeFileHandle? unnamed, string? path, Ulid eTag, int length)
    {
        _unnamed = unnamed;
        Path = path;
        ETag = eTag;
        Length = length;
    }

    /// <summary>The temporary file's path; <c>null</c> for an unnamed file.</summary>
    public string? Path { get; }

    /// <summary>The entity tag the object gets.</summary>
    public Ulid ETag { get; }

    /// <summary>The object's length in bytes (without the header).</summary>
    public int Length { get; }

    /// <summary>Whether the bytes are still there to publish (not yet published, discarded, or swept).</summary>
    public bool IsPending => _unnamed is { } handle ? !handle.IsClosed : File.Exists(Path);

    /// <summary>Bytes in an unnamed file; the write owns <paramref name="handle"/>.</summary>
    public static TemporaryWrite Unnamed(SafeFileHandle handle, Ulid eTag, int length) => new(handle, null, eTag, length);

    /// <summary>Bytes in the temporary file <paramref name="path"/>.</summary>
    public static TemporaryWrite Named(string path, Ulid eTag, int length) => new(null, path, eTag, length);

    /// <summary>
    /// Gives the bytes the name <paramref name="path"/> in one atomic step that never replaces an existing name
    /// (<c>link</c>, or <c>linkat</c> of the unnamed file); returns 0, or the <c>errno</c> of the failure (<c>EEXIST</c>
    /// when the name is taken).
    /// </summary>
    public int LinkTo(string path)
    {
        if (_unnamed is null)
        {
            return LibC.Link(Path!, path) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }

        var added = false;
        try
        {
            _unnamed.DangerousAddRef(ref added);
            var descriptor = string.Create(CultureInfo.InvariantCulture, $"/proc/self/fd/{_unnamed.DangerousGetHandle()}");
            return LibC.LinkAt(LibC.AtCurrentDirectory, descriptor, LibC.AtCurrentDirectory, path, LibC.AtSymlinkFollow) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            if (added)
            {
                _unnamed.DangerousRelease();
            }
        }
    }

    /// <summary>Lets go of the bytes: closes the unnamed file (freed unless it was linked) or deletes the temporary name.</summary>
    public void Dispose()
    {
        if (_unnamed is not null)
        {
            _unnamed.Dispose();
        }
        else
        {
            File.Delete(Path!);
        }
    }
}
