using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OmniGraph.Storage.Local;

/// <summary>
/// An exclusive lock on one key, held across processes with <c>flock(2)</c> on the key's lock file
/// (<c>.og-lock.&lt;leaf&gt;</c>). The lock file also carries the key's lease record.
/// </summary>
/// <remarks>
/// <para><c>flock</c> locks belong to an open file description, so two handles in one process exclude each
/// other exactly like two processes do, and the kernel drops the lock when a holder dies.</para>
/// <para>Lock files are removed when their object is deleted, which is only safe with the usual check: after
/// the lock is granted, the path must still name the inode we locked. A waiter that locked a file which the
/// previous holder unlinked sees a different (or no) inode at the path, and starts over on the new file.</para>
/// <para>Waiting uses non-blocking attempts with a short, growing delay rather than a blocking call, so a
/// waiter holds no thread, honours cancellation, and gives up after the configured timeout.</para>
/// </remarks>
internal sealed class KeyLock : IDisposable
{
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromMilliseconds(8);

    private readonly SafeFileHandle _handle;
    private readonly string _path;
    private readonly string _key;
    private long _recordLength;

    private KeyLock(SafeFileHandle handle, string path, string key, long recordLength)
    {
        _handle = handle;
        _path = path;
        _key = key;
        _recordLength = recordLength;
    }

    /// <summary>Whether the lock file holds a (possibly expired) lease record.</summary>
    public bool HasLeaseRecord => _recordLength > 0;

    /// <summary>
    /// Takes the lock on the key whose lock file is <paramref name="lockPath"/>; returns <c>null</c> when the
    /// key's directory does not exist (so neither does the object).
    /// </summary>
    public static async ValueTask<KeyLock?> AcquireAsync(string lockPath, string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var backoff = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            var fd = LibC.Open(lockPath, LibC.OpenReadWrite | LibC.OpenCreate | LibC.OpenCloseOnExec, LibC.DefaultFileMode);
            if (fd < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == LibC.ErrorNoEntry)
                {
                    return null;
                }

                throw LocalIoErrors.FromErrno(key, "opening lock file", lockPath, error);
            }

            var handle = new SafeFileHandle(fd, ownsHandle: true);
            var keep = false;
            try
            {
                while (LibC.FLock(fd, LibC.LockExclusive | LibC.LockNonBlocking) != 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == LibC.ErrorInterrupted)
                    {
                        continue;
                    }

                    if (error != LibC.ErrorWouldBlock)
                    {
                        throw LocalIoErrors.FromErrno(key, "locking", lockPath, error);
                    }

                    if (Stopwatch.GetElapsedTime(started) > timeout)
                    {
                        throw StoreErrors.Unavailable(
                            key,
                            $"timed out after {timeout.TotalSeconds:0.#} s waiting for the lock on object '{key}' ({lockPath}); another process may be stuck holding it");
                    }

                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                    backoff = backoff < s_maxBackoff ? backoff * 2 : s_maxBackoff;
                }

                if (LibC.Statx(fd, string.Empty, LibC.AtEmptyPath, LibC.StatxInode | LibC.StatxSize, out var locked) != 0)
                {
                    throw LocalIoErrors.FromErrno(key, "inspecting lock file", lockPath, Marshal.GetLastPInvokeError());
                }

                if (LibC.Statx(LibC.AtCurrentDirectory, lockPath, 0, LibC.StatxInode, out var current) == 0 && current.Inode == locked.Inode)
                {
                    keep = true;
                    return new KeyLock(handle, lockPath, key, (long)locked.Size);
                }

                // The previous holder deleted the object and unlinked this lock file while we waited: retry on
                // whatever file the path names now.
            }
            finally
            {
                if (!keep)
                {
                    handle.Dispose();
                }
            }
        }
    }

    /// <summary>Reads the lease record; <c>null</c> when there is none or it is torn.</summary>
    public LeaseState? ReadLease()
    {
        if (_recordLength == 0)
        {
            return null;
        }

        try
        {
            var buffer = new byte[(int)Math.Min(_recordLength, 4096)];
            var read = LocalFiles.ReadAtMost(_handle, buffer, 0);
            return LeaseRecord.TryParse(buffer.AsSpan(0, read), out var lease) ? lease : null;
        }
        catch (IOException exception)
        {
            throw LocalIoErrors.FromException(_key, "reading lease record", _path, exception);
        }
    }

    /// <summary>Replaces the lease record durably.</summary>
    public void WriteLease(LeaseState lease)
    {
        var bytes = LeaseRecord.Serialize(lease);
        try
        {
            RandomAccess.Write(_handle, bytes, 0);
            RandomAccess.SetLength(_handle, bytes.Length);
            RandomAccess.FlushToDisk(_handle);
            _recordLength = bytes.Length;
        }
        catch (IOException exception)
        {
            throw LocalIoErrors.FromException(_key, "writing lease record", _path, exception);
        }
    }

    /// <summary>Removes the lease record durably.</summary>
    public void ClearLease()
    {
        if (_recordLength == 0)
        {
            return;
        }

        try
        {
            RandomAccess.SetLength(_handle, 0);
            RandomAccess.FlushToDisk(_handle);
            _recordLength = 0;
        }
        catch (IOException exception)
        {
            throw LocalIoErrors.FromException(_key, "clearing lease record", _path, exception);
        }
    }

    /// <summary>
    /// Unlinks the lock file while still holding it, once its object is gone. Waiters on the old inode notice
    /// and retry (see the remarks on the type).
    /// </summary>
    public void RemoveFile()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException exception)
        {
            throw LocalIoErrors.FromException(_key, "removing lock file", _path, exception);
        }
    }

    /// <summary>Releases the lock (closing the descriptor drops the <c>flock</c>).</summary>
    public void Dispose() => _handle.Dispose();
}
