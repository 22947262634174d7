using System.Runtime.InteropServices;

namespace OmniGraph.Storage.Local;

/// <summary>
/// The few libc calls the local backend needs and .NET does not expose with the required semantics:
/// <list type="bullet">
/// <item><c>link</c>: atomic create-if-absent (fails with <c>EEXIST</c>, never replaces), which
/// <c>File.Move(overwrite: false)</c> only emulates with a racy existence check on some file systems.</item>
/// <item><c>rename</c>: atomic replace, called directly so nothing checks the target first.</item>
/// <item><c>open</c> + <c>flock</c>: cross-process key locks. .NET's own <c>open</c> takes a shared
/// <c>flock</c> on every file it opens for reading, which would block our exclusive locks, so lock files
/// are opened here.</item>
/// <item><c>statx</c>: inode numbers, to tell whether a lock file was unlinked and recreated while we waited.</item>
/// <item><c>fsync</c> on a directory, which .NET refuses to open.</item>
/// <item><c>open(O_TMPFILE)</c> + <c>linkat</c>: a file without a name, given one only when it is published, so a
/// writer that dies first leaves nothing behind.</item>
/// </list>
/// Linux only (errno values and flags are the generic Linux ones, identical on x64 and arm64, except
/// <c>O_DIRECTORY</c>, which arm64 numbers differently: <see cref="OpenTemporaryFile"/>).
/// </summary>
internal static partial class LibC
{
    private const string Library = "libc";

    // errno values (asm-generic/errno-base.h).
    public const int ErrorNoEntry = 2;          // ENOENT
    public const int ErrorInterrupted = 4;      // EINTR
    public const int ErrorWouldBlock = 11;      // EAGAIN / EWOULDBLOCK
    public const int ErrorExists = 17;          // EEXIST
    public const int ErrorNotDirectory = 20;    // ENOTDIR
    public const int ErrorIsDirectory = 21;     // EISDIR
    public const int ErrorInvalid = 22;         // EINVAL
    public const int ErrorNotSupported = 95;    // EOPNOTSUPP

    // open(2) flags (asm-generic/fcntl.h).
    public const int OpenReadOnly = 0x0;        // O_RDONLY
    public const int OpenWriteOnly = 0x1;       // O_WRONLY
    public const int OpenReadWrite = 0x2;       // O_RDWR
    public const int OpenCreate = 0x40;         // O_CREAT
    public const int OpenCloseOnExec = 0x80000; // O_CLOEXEC

    /// <summary>
    /// <c>O_TMPFILE</c>: <c>__O_TMPFILE</c> (020000000) with <c>O_DIRECTORY</c>, which is 0200000 in asm-generic (x64) but
    /// 040000 on arm64 (arch/arm64/include/uapi/asm/fcntl.h).
    /// </summary>
    public static readonly int OpenTemporaryFile = 0x400000 | (RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x4000 : 0x10000);

    // flock(2) operations.
    public const int LockExclusive = 2;         // LOCK_EX
    public const int LockNonBlocking = 4;       // LOCK_NB

    // statx(2) arguments.
    public const int AtCurrentDirectory = -100; // AT_FDCWD
    public const int AtEmptyPath = 0x1000;      // AT_EMPTY_PATH
    public const int AtSymlinkFollow = 0x400;   // AT_SYMLINK_FOLLOW
    public const uint StatxInode = 0x100;       // STATX_INO
    public const uint StatxSize = 0x200;        // STATX_SIZE

    /// <summary>Default permission bits of files the store creates (before the process umask).</summary>
    public const int DefaultFileMode = 0x1B6; // 0666

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int fd);

    [LibraryImport(Library, EntryPoint = "flock", SetLastError = true)]
    public static partial int FLock(int fd, int operation);

    [LibraryImport(Library, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Link(string existingPath, string newPath);

    [LibraryImport(Library, EntryPoint = "linkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LinkAt(int existingDirectoryFd, string existingPath, int newDirectoryFd, string newPath, int flags);

    [LibraryImport(Library, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Rename(string oldPath, string newPath);

    [LibraryImport(Library, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int directoryFd, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>
    /// <c>struct statx</c> (linux/stat.h). Its layout is fixed by the kernel ABI on every architecture, unlike
    /// <c>struct stat</c>; only the fields the store reads are mapped.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;
    }
}
