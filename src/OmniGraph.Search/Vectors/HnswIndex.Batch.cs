namespace OmniGraph.Search;

public sealed partial class HnswIndex
{
    /// <summary>One node of a build batch: its level, the candidates its search found and the links it selected, per layer (reused across batches).</summary>
    private sealed class PendingInsert
    {
        private readonly List<(int Node, float Distance)>[] _found = new List<(int Node, float Distance)>[MaxLevel + 1];
        private readonly List<(int Node, float Distance)>[] _selected = new List<(int Node, float Distance)>[MaxLevel + 1];

        public int Node { get; private set; }

        public int Level { get; private set; }

        /// <summary>Entry points of the search on the node's top layer.</summary>
        public List<(int Node, float Distance)> Starts { get; } = [];

        public void Reset(int node, int level)
        {
            (Node, Level) = (node, level);
            Starts.Clear();
            for (var layer = 0; layer <= level; layer++)
            {
                Found(layer).Clear();
                Selected(layer).Clear();
            }
        }

        public List<(int Node, float Distance)> Found(int layer) => _found[layer] ??= [];

        public List<(int Node, float Distance)> Selected(int layer) => _selected[layer] ??= [];
    }

    /// <summary>The buffers one build thread uses to rewrite link lists.</summary>
    private sealed class LinkScratch(int capacity)
    {
        public int[] Links { get; } = new int[capacity + 1];

        public List<(int Node, float Distance)> Candidates { get; } = new(capacity + 1);

        public List<(int Node, float Distance)> Kept { get; } = new(capacity);
    }

    /// <summary>
    /// A back link to add, <see cref="Neighbour"/> → <see cref="Node"/> on <see cref="Layer"/>; ordered by neighbour, layer
    /// and node, so each neighbour's links are changed by one thread in the order a sequential insertion would use.
    /// </summary>
    private readonly record struct BackLink(int Neighbour, int Layer, int Node, float Distance) : IComparable<BackLink>
    {
        public int CompareTo(BackLink other) =>
            Neighbour != other.Neighbour ? Neighbour.CompareTo(other.Neighbour)
            : Layer != other.Layer ? Layer.CompareTo(other.Layer)
            : Node.CompareTo(other.Node);
    }
}
