namespace OmniGraph.Search;

/// <summary>A growable int array (token streams while a fragment index is built).</summary>
internal sealed class IntBuffer
{
    private int[] _items;

    public IntBuffer(int capacity) => _items = new int[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    public void Add(int value)
    {
        if (Count == _items.Length)
        {
            if (_items.Length >= Array.MaxLength)
            {
                SearchThrow.Error(SearchErrorCodes.IndexTooLarge, "A fragment holds more tokens than one index can address; split the fragment into smaller ones.");
            }

            Array.Resize(ref _items, (int)Math.Min((long)_items.Length * 2, Array.MaxLength));
        }

        _items[Count++] = value;
    }
}
