using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

public sealed partial class LocalDirectoryObjectStore
{
    /// <inheritdoc />
    public ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Get, ObjectStoreMetrics.LocalBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            if (IsWriting(key))
            {
                return AfterWriteAsync(key, () => Get(key));
            }

            return ValueTask.FromResult(Get(key));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<StoredObject>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.RangeGet, ObjectStoreMetrics.LocalBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            OperationArguments.ValidateRange(offset, length);
            if (IsWriting(key))
            {
                return AfterWriteAsync(key, () => GetRange(key, offset, length));
            }

            return ValueTask.FromResult(GetRange(key, offset, length));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<StoredObject>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Properties, ObjectStoreMetrics.LocalBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            if (IsWriting(key))
            {
                return AfterWriteAsync(key, () => GetProperties(key));
            }

            return ValueTask.FromResult(GetProperties(key));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ObjectProperties?>(exception);
        }
    }

    private ObjectProperties? GetProperties(string key)
    {
        var paths = PathsOf(key);
        try
        {
            var info = TryReadInfo(key, paths.DataFile);
            return info?.ToProperties(key, IsLeased(key, paths.LockFile));
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(key, "reading properties of", paths.DataFile, exception);
        }
    }

    private StoredObject Get(string key)
    {
        var paths = PathsOf(key);
        try
        {
            using var handle = LocalFiles.TryOpenForRead(paths.DataFile) ?? throw new ObjectNotFoundException(key, Location);
            var fileLength = RandomAccess.GetLength(handle);
            if (fileLength > Array.MaxLength)
            {
                throw StoreErrors.Unavailable(key, $"object '{key}' is {fileLength - ObjectFileHeader.Size} bytes, too large to read whole; read it in ranges");
            }

            // One read brings header and content; the content is handed out as a slice, without a copy.
            var buffer = GC.AllocateUninitializedArray<byte>((int)Math.Max(fileLength, ObjectFileHeader.Size));
            var read = LocalFiles.ReadAtMost(handle, buffer, 0);
            var info = ParseHeader(key, paths.DataFile, buffer.AsSpan(0, read), fileLength);
            if (read != fileLength)
            {
                throw StoreErrors.Unavailable(key, $"object file '{paths.DataFile}' changed while it was read (expected {fileLength} bytes, read {read})");
            }

            var content = buffer.AsMemory(ObjectFileHeader.Size, (int)info.ContentLength);
            if (info.Checksum is { } expected && ObjectChecksum.Compute(key, content.Span) != expected)
            {
                throw CorruptFile(key, paths.DataFile, "its checksum does not match its bytes and key (it was damaged, cut short, or copied from another object)");
            }

            return new StoredObject(content, info.ETag, info.ContentLength);
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(key, "reading", paths.DataFile, exception);
        }
    }

    /// <remarks>The header is checked; the checksum is not, since it covers the whole object (the engine reads whole objects).</remarks>
    private StoredObject GetRange(string key, long offset, int length)
    {
        var paths = PathsOf(key);
        try
        {
            using var handle = LocalFiles.TryOpenForRead(paths.DataFile) ?? throw new ObjectNotFoundException(key, Location);
            var fileLength = RandomAccess.GetLength(handle);
            Span<byte> header = stackalloc byte[ObjectFileHeader.Size];
            var info = ParseHeader(key, paths.DataFile, header[..LocalFiles.ReadAtMost(handle, header, 0)], fileLength);
            var start = Math.Min(offset, info.ContentLength);
            var count = (int)Math.Min(length, info.ContentLength - start);
            var content = GC.AllocateUninitializedArray<byte>(count);
            var read = LocalFiles.ReadAtMost(handle, content, ObjectFileHeader.Size + start);
            if (read != count)
            {
                throw StoreErrors.Unavailable(key, $"object file '{paths.DataFile}' changed while it was read (expected {count} bytes at offset {start}, read {read})");
            }

            return new StoredObject(content, info.ETag, info.ContentLength);
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(key, "reading", paths.DataFile, exception);
        }
    }

    /// <summary>Header and size of a data file; <c>null</c> when the object does not exist.</summary>
    private ObjectFileInfo? TryReadInfo(string key, string dataFile)
    {
        using var handle = LocalFiles.TryOpenForRead(dataFile);
        if (handle is null)
        {
            return null;
        }

        return ReadInfo(key, dataFile, handle);
    }

    private ObjectFileInfo ReadInfo(string key, string dataFile, SafeFileHandle handle)
    {
        var fileLength = RandomAccess.GetLength(handle);
        Span<byte> header = stackalloc byte[ObjectFileHeader.Size];
        return ParseHeader(key, dataFile, header[..LocalFiles.ReadAtMost(handle, header, 0)], fileLength);
    }

    private static ObjectFileInfo ParseHeader(string key, string dataFile, ReadOnlySpan<byte> header, long fileLength)
    {
        if (fileLength < ObjectFileHeader.Size || !ObjectFileHeader.TryParse(header, out var eTag, out var lastModified, out var checksum))
        {
            throw CorruptFile(key, dataFile, "missing or damaged object header");
        }

        return new ObjectFileInfo(eTag, lastModified, fileLength - ObjectFileHeader.Size, checksum);
    }

    /// <summary>Whether an unexpired lease is recorded for the key, read without taking its lock.</summary>
    /// <remarks>
    /// A lease record is rewritten with one small write, so an unlocked reader sees the old record, the new
    /// one, or (rarely) a torn one that fails its checksum and reads as "not leased"; that is as good as a
    /// read that happened a moment earlier or later.
    /// </remarks>
    private bool IsLeased(string key, string lockFile)
    {
        var fd = LibC.Open(lockFile, LibC.OpenReadOnly | LibC.OpenCloseOnExec, 0);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == LibC.ErrorNoEntry ? false : throw LocalIoErrors.FromErrno(key, "opening lock file", lockFile, error);
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        Span<byte> buffer = stackalloc byte[512];
        var read = LocalFiles.ReadAtMost(handle, buffer, 0);
        return read > 0 && LeaseRecord.TryParse(buffer[..read], out var lease) && lease.IsActiveAt(Now);
    }

    private static CorruptObjectException CorruptFile(string key, string dataFile, string detail) =>
        new(key, $"object file '{dataFile}' is not a valid store object ({detail}); it was not written by this store or was damaged outside it");
}
