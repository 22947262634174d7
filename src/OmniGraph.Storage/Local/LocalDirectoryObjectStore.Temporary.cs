using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

public sealed partial class LocalDirectoryObjectStore
{
    /// <summary>
    /// Whether writes keep their bytes in unnamed files until they publish them (<see cref="TemporaryWrite"/>): asked
    /// for by <see cref="LocalObjectStoreOptions.UnnamedTemporaryFiles"/>, and turned off for good the first time the
    /// file system refuses one.
    /// </summary>
    private volatile bool _unnamedTemporaryFiles;

    /// <summary>
    /// Writes header and content to a new temporary file in the object's directory and flushes it to disk (an unnamed
    /// file where the file system has them); returns <c>null</c> when the directory is missing and
    /// <paramref name="createDirectory"/> is false.
    /// </summary>
    private TemporaryWrite? WriteTemporaryFile(string key, ObjectPaths paths, Ulid eTag, ReadOnlyMemory<byte> content, bool createDirectory)
    {
        // Temporary files named by writers that died (before unnamed files, or where there are none) still go away.
        SweepIfDue(paths.Directory);
        var missingDirectory = false;
        if (_unnamedTemporaryFiles && OpenUnnamedFile(key, paths, createDirectory, out missingDirectory) is { } unnamed)
        {
            try
            {
                WriteObjectBytes(unnamed, key, eTag, content, flush: true);
            }
            catch
            {
                unnamed.Dispose();
                throw;
            }

            return TemporaryWrite.Unnamed(unnamed, eTag, content.Length);
        }

        return missingDirectory ? null : WriteNamedTemporaryFile(key, paths, eTag, content, createDirectory);
    }

    /// <summary>
    /// Opens an unnamed file in the object's directory; <c>null</c> when the directory is missing and may not be created
    /// (<paramref name="missingDirectory"/>), or when the file system has no unnamed files (then never asked again).
    /// </summary>
    private SafeFileHandle? OpenUnnamedFile(string key, ObjectPaths paths, bool createDirectory, out bool missingDirectory)
    {
        missingDirectory = false;
        const int flags = LibC.OpenWriteOnly | LibC.OpenCloseOnExec;
        var descriptor = LibC.Open(paths.Directory, LibC.OpenTemporaryFile | flags, LibC.DefaultFileMode);
        if (descriptor < 0 && Marshal.GetLastPInvokeError() is LibC.ErrorNoEntry or LibC.ErrorNotDirectory)
        {
            // No directory yet (or a file where one belongs, which creating it reports as a named temporary file would).
            if (!createDirectory)
            {
                missingDirectory = true;
                return null;
            }

            LocalFiles.CreateDirectoryDurably(key, _root, paths.Directory);
            descriptor = LibC.Open(paths.Directory, LibC.OpenTemporaryFile | flags, LibC.DefaultFileMode);
        }

        if (descriptor >= 0)
        {
            return new SafeFileHandle(descriptor, ownsHandle: true);
        }

        var error = Marshal.GetLastPInvokeError();
        if (error is LibC.ErrorNotSupported or LibC.ErrorIsDirectory or LibC.ErrorInvalid)
        {
            // EOPNOTSUPP: the file system has no unnamed files; EISDIR or EINVAL: the kernel predates them.
            _unnamedTemporaryFiles = false;
            LocalObjectStoreLog.UnnamedTemporaryFilesUnsupported(_logger, paths.Directory, error);
            return null;
        }

        throw LocalIoErrors.FromErrno(key, "creating a temporary file in", paths.Directory, error);
    }

    /// <summary>Writes and flushes a named temporary file; <c>null</c> when the directory is missing and may not be created.</summary>
    private TemporaryWrite? WriteNamedTemporaryFile(string key, ObjectPaths paths, Ulid eTag, ReadOnlyMemory<byte> content, bool createDirectory)
    {
        var tempFile = paths.TempFileFor(eTag);
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(tempFile, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or FileNotFoundException)
        {
            // A create-new open fails with ENOENT only when the directory is missing. .NET picks the exception type by
            // checking the directory afterwards, so when another process creates it in between, the same failure
            // arrives as FileNotFoundException: both mean "no directory yet".
            if (!createDirectory)
            {
                return null;
            }

            LocalFiles.CreateDirectoryDurably(key, _root, paths.Directory);
            handle = File.OpenHandle(tempFile, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        try
        {
            // The handle is closed before publishing: .NET readers take a shared flock on open, which must
            // not meet the exclusive one this handle holds once the file is visible under the object's name.
            using (handle)
            {
                WriteObjectBytes(handle, key, eTag, content, flush: true);
            }

            return TemporaryWrite.Named(tempFile, eTag, content.Length);
        }
        catch
        {
            File.Delete(tempFile);
            throw;
        }
    }

    /// <summary>Writes an object file (header with the entity tag and the key-bound checksum, then the bytes); flushes it when asked.</summary>
    private static void WriteObjectBytes(SafeFileHandle handle, string key, Ulid eTag, ReadOnlyMemory<byte> content, bool flush)
    {
        Span<byte> header = stackalloc byte[ObjectFileHeader.Size];
        ObjectFileHeader.Write(header, eTag, ObjectChecksum.Compute(key, content.Span));
        RandomAccess.Write(handle, header, 0);
        RandomAccess.Write(handle, content.Span, ObjectFileHeader.Size);
        if (flush)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }
}
