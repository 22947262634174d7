using System.Runtime.CompilerServices;
using System.Text;
using OmniGraph.Arrow.Hashing;

namespace OmniGraph.Ingest;

/// <summary>
/// A compact set of UTF-8 byte keys (ids, unique tuples) with the row that holds each. Keys live in a few large
/// byte arenas and are indexed by an open-addressing table of entry numbers, so a million keys cost a few dozen
/// bytes each and no managed string. Enumeration order is insertion order (deterministic); hashing is XXH64, so
/// the layout does not depend on process-randomized hashing either.
/// </summary>
/// <remarks>Filled by the intake; read-only to consumers. Not thread-safe while being filled.</remarks>
public sealed class Utf8KeySet
{
    private const int FirstChunkSize = 4 * 1024;
    private const int MaxChunkSize = 1024 * 1024;

    private readonly List<byte[]> _chunks = [];
    private int _chunkUsed;
    private Entry[] _entries = new Entry[16];
    private Attachment[]? _attachments;
    private int[] _buckets = new int[32];
    private int _count;
    private long _arenaBytes;

    internal Utf8KeySet()
    {
    }

    /// <summary>Number of keys.</summary>
    public int Count => _count;

    /// <summary>Bytes held by the key arenas and tables (an estimate of the set's memory).</summary>
    public long MemoryBytes =>
        _arenaBytes
        + ((long)_entries.Length * Unsafe.SizeOf<Entry>())
        + ((long)(_attachments?.Length ?? 0) * Unsafe.SizeOf<Attachment>())
        + ((long)_buckets.Length * sizeof(int));

    /// <summary><c>true</c> when <paramref name="key"/> is in the set.</summary>
    public bool Contains(ReadOnlySpan<byte> key) => Find(key, Hash(key)) >= 0;

    /// <summary><c>true</c> when the UTF-8 encoding of <paramref name="key"/> is in the set.</summary>
    public bool Contains(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Contains(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Finds a key and the row holding it.</summary>
    public bool TryGetEntry(ReadOnlySpan<byte> key, out KeySetEntry entry)
    {
        var index = Find(key, Hash(key));
        entry = index >= 0 ? GetEntry(index) : default;
        return index >= 0;
    }

    /// <summary>The key at <paramref name="index"/> (insertion order).</summary>
    public ReadOnlySpan<byte> GetKey(int index)
    {
        ref readonly var entry = ref EntryAt(index);
        return _chunks[entry.Chunk].AsSpan(entry.Offset, entry.KeyLength);
    }

    /// <summary>The key at <paramref name="index"/> as a string (allocates; for messages and tests).</summary>
    public string GetKeyString(int index) => Encoding.UTF8.GetString(GetKey(index));

    /// <summary>The key at <paramref name="index"/> with its holding row.</summary>
    public KeySetEntry GetEntry(int index)
    {
        ref readonly var entry = ref EntryAt(index);
        return new KeySetEntry(index, entry.RowOrdinal, entry.Line);
    }

    /// <summary>Adds a key, or finds the existing one; returns <c>true</c> when it was added.</summary>
    internal bool TryAdd(ReadOnlySpan<byte> key, int rowOrdinal, long line, out int index)
    {
        var hash = Hash(key);
        index = Find(key, hash);
        if (index >= 0)
        {
            return false;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            if (_attachments is not null)
            {
                Array.Resize(ref _attachments, _entries.Length);
            }
        }

        if ((_count + 1) * 2 > _buckets.Length)
        {
            Rehash(_buckets.Length * 2);
        }

        index = _count++;
        ref var entry = ref _entries[index];
        (entry.Chunk, entry.Offset) = Store(key);
        entry.KeyLength = key.Length;
        entry.Hash = hash;
        entry.RowOrdinal = rowOrdinal;
        entry.Line = line;
        if (_attachments is not null)
        {
            _attachments[index] = new Attachment(-1, 0, 0);
        }

        Insert(index, hash);
        return true;
    }

    /// <summary>Moves the key at <paramref name="index"/> to a new holding row.</summary>
    internal void SetHolder(int index, int rowOrdinal, long line)
    {
        ref var entry = ref _entries[index];
        entry.RowOrdinal = rowOrdinal;
        entry.Line = line;
    }

    /// <summary>Bytes attached to the key at <paramref name="index"/> (for a unique tuple: the holder's id).</summary>
    internal ReadOnlySpan<byte> GetAttached(int index)
    {
        _ = EntryAt(index);
        if (_attachments is null)
        {
            return [];
        }

        var attachment = _attachments[index];
        return attachment.Chunk < 0 ? [] : _chunks[attachment.Chunk].AsSpan(attachment.Offset, attachment.Length);
    }

    /// <summary>Attaches bytes to the key at <paramref name="index"/>, replacing earlier ones (which stay in the arena).</summary>
    internal void SetAttached(int index, ReadOnlySpan<byte> attached)
    {
        _ = EntryAt(index);
        if (_attachments is null)
        {
            // Only unique-tuple sets attach bytes; id sets never pay for the side table.
            _attachments = new Attachment[_entries.Length];
            _attachments.AsSpan().Fill(new Attachment(-1, 0, 0));
        }

        if (GetAttached(index).SequenceEqual(attached) && _attachments[index].Chunk >= 0)
        {
            return;
        }

        var (chunk, offset) = Store(attached);
        _attachments[index] = new Attachment(chunk, offset, attached.Length);
    }

    private static uint Hash(ReadOnlySpan<byte> key) => (uint)XxHash64.Hash(key);

    private ref readonly Entry EntryAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        return ref _entries[index];
    }

    private int Find(ReadOnlySpan<byte> key, uint hash)
    {
        var mask = _buckets.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var candidate = _buckets[slot] - 1;
            if (candidate < 0)
            {
                return -1;
            }

            ref readonly var entry = ref _entries[candidate];
            if (entry.Hash == hash && entry.KeyLength == key.Length && _chunks[entry.Chunk].AsSpan(entry.Offset, entry.KeyLength).SequenceEqual(key))
            {
                return candidate;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Insert(int index, uint hash)
    {
        var mask = _buckets.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (_buckets[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _buckets[slot] = index + 1;
    }

    private void Rehash(int size)
    {
        _buckets = new int[size];
        for (var i = 0; i < _count; i++)
        {
            Insert(i, _entries[i].Hash);
        }
    }

    private (int Chunk, int Offset) Store(ReadOnlySpan<byte> bytes)
    {
        if (_chunks.Count == 0 || _chunks[^1].Length - _chunkUsed < bytes.Length)
        {
            // Chunks grow geometrically up to a cap, so small sets stay small and large ones never copy keys.
            var size = _chunks.Count == 0 ? FirstChunkSize : Math.Min(_chunks[^1].Length * 2, MaxChunkSize);
            var chunk = new byte[Math.Max(size, bytes.Length)];
            _chunks.Add(chunk);
            _arenaBytes += chunk.Length;
            _chunkUsed = 0;
        }

        var offset = _chunkUsed;
        bytes.CopyTo(_chunks[^1].AsSpan(offset));
        _chunkUsed += bytes.Length;
        return (_chunks.Count - 1, offset);
    }

    private struct Entry
    {
        public uint Hash;
        public int Chunk;
        public int Offset;
        public int KeyLength;
        public int RowOrdinal;
        public long Line;
    }

    private readonly record struct Attachment(int Chunk, int Offset, int Length);
}
