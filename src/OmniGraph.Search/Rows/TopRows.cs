namespace OmniGraph.Search;

/// <summary>
/// Keeps the best <c>limit</c> rows offered under a <see cref="RankOrder"/> (all of them when unbounded) in a binary heap
/// whose root is the worst row kept, so a row that cannot make the cut costs one comparison.
/// </summary>
internal sealed class TopRows
{
    private readonly RankOrder _order;
    private readonly int _limit;
    private ScoredRow[] _heap;
    private int _count;

    /// <param name="order">The ranking.</param>
    /// <param name="limit">Rows to keep; null keeps every row offered.</param>
    public TopRows(RankOrder order, int? limit)
    {
        _order = order;
        _limit = limit ?? int.MaxValue;
        _heap = new ScoredRow[Math.Clamp(limit ?? 16, 1, 1024)];
    }

    public int Count => _count;

    /// <summary>The worst row kept; only meaningful when <see cref="IsFull"/>.</summary>
    public ScoredRow Worst => _heap[0];

    public bool IsFull => _count >= _limit;

    public void Offer(RowLocation row, double score)
    {
        var candidate = new ScoredRow(row, score);
        if (_limit == int.MaxValue)
        {
            Append(candidate);
            return;
        }

        if (_count < _limit)
        {
            Append(candidate);
            SiftUp(_count - 1);
        }
        else if (_order.Compare(candidate, _heap[0]) < 0)
        {
            _heap[0] = candidate;
            SiftDown(0);
        }
    }

    /// <summary>The rows kept, best first.</summary>
    public ScoredRow[] ToRanked()
    {
        var result = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(result, _order);
        return result;
    }

    private void Append(ScoredRow row)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        _heap[_count++] = row;
    }

    // Max-heap under the rank order: a parent ranks after (is worse than) its children.
    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (_order.Compare(_heap[index], _heap[parent]) <= 0)
            {
                return;
            }

            (_heap[index], _heap[parent]) = (_heap[parent], _heap[index]);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var left = (index * 2) + 1;
            if (left >= _count)
            {
                return;
            }

            var worse = left + 1 < _count && _order.Compare(_heap[left + 1], _heap[left]) > 0 ? left + 1 : left;
            if (_order.Compare(_heap[worse], _heap[index]) <= 0)
            {
                return;
            }

            (_heap[index], _heap[worse]) = (_heap[worse], _heap[index]);
            index = worse;
        }
    }
}
