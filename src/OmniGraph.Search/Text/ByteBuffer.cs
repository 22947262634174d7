namespace OmniGraph.Search;

/// <summary>A growable byte array for encoding postings; <see cref="ToArray"/> trims it to its length.</summary>
internal sealed class ByteBuffer
{
    private byte[] _bytes;

    public ByteBuffer(int capacity) => _bytes = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public void Add(byte value)
    {
        if (Length == _bytes.Length)
        {
            Grow();
        }

        _bytes[Length++] = value;
    }

    public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();

    private void Grow()
    {
        if (_bytes.Length >= Array.MaxLength)
        {
            SearchThrow.Error(SearchErrorCodes.IndexTooLarge, "A fragment's postings exceed the 2 GiB one buffer can hold; split the fragment into smaller ones.");
        }

        Array.Resize(ref _bytes, (int)Math.Min((long)_bytes.Length * 2, Array.MaxLength));
    }
}
