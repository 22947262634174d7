using System.ComponentModel.DataAnnotations;

namespace OmniGraph.Storage;

/// <summary>Settings of a <see cref="LocalDirectoryObjectStore"/>.</summary>
public sealed class LocalObjectStoreOptions
{
    /// <summary>Directory that holds the store; relative paths resolve against the current directory.</summary>
    public string RootPath { get; set; } = string.Empty;

    /// <summary>Create the root directory (and its parents) when it does not exist. Default <c>true</c>.</summary>
    public bool CreateRootIfMissing { get; set; } = true;

    /// <summary>
    /// Age after which a temporary file left by an interrupted write is removed. Default 5 minutes; it must
    /// comfortably exceed the longest write, because a younger temporary file may belong to a live writer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "10675199.02:48:05.4775807")]
    public TimeSpan TemporaryFileMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Keep a write's bytes in an unnamed file (<c>O_TMPFILE</c>) until it is published, so a process killed mid-write
    /// leaves nothing behind (a recovery directory holds only sidecars). Default <c>true</c>; where the file system has
    /// no unnamed files the store falls back to named temporary files by itself. <c>false</c> always names them.
    /// </summary>
    public bool UnnamedTemporaryFiles { get; set; } = true;

    /// <summary>Walk the whole tree on open and remove stale temporary files. Default <c>false</c>: each directory is swept lazily when it is next written.</summary>
    public bool RemoveStaleTemporaryFilesOnOpen { get; set; }

    /// <summary>How long a conditional write, delete or lease operation waits for another holder of the key lock. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true)]
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
