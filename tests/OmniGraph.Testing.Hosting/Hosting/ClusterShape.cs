namespace OmniGraph.Testing.Hosting;

/// <summary>
/// How a test cluster is laid out: how many silos, and where grains go. The grain-level suites run on each shape
/// (<see cref="ClusterShapedTests"/>: one sealed class per shape): one silo; three silos with Orleans' default placement; three silos with
/// random placement, so the grains of one graph land on different silos and every call between them crosses silos.
/// </summary>
/// <param name="Silos">Silos started at deploy.</param>
/// <param name="RandomPlacement">Place every grain on a random silo (instead of Orleans' default).</param>
public sealed record ClusterShape(int Silos, bool RandomPlacement)
{
    private static readonly AsyncLocal<ClusterShape?> s_current = new();

    /// <summary>One silo (what an embedded engine runs).</summary>
    public static ClusterShape OneSilo { get; } = new(1, RandomPlacement: false);

    /// <summary>Three silos, default placement.</summary>
    public static ClusterShape ThreeSilos { get; } = new(3, RandomPlacement: false);

    /// <summary>Three silos, random placement: a graph's grains spread over the silos.</summary>
    public static ClusterShape ThreeSilosRandom { get; } = new(3, RandomPlacement: true);

    /// <summary>Two silos, default placement (the gateway tests: one silo dies, the client goes on through the other).</summary>
    public static ClusterShape TwoSilos { get; } = new(2, RandomPlacement: false);

    /// <summary>
    /// The shape a test host deploys when its options name none: <see cref="OneSilo"/>, or the shape of the running
    /// <see cref="ClusterShapedTests"/> class. Flows with the test (an async-local value set by the test class's
    /// constructor, which xunit runs in the flow of the test), so the hosts' start helpers need no shape parameter.
    /// </summary>
    public static ClusterShape Current
    {
        get => s_current.Value ?? OneSilo;
        internal set => s_current.Value = value;
    }

    /// <inheritdoc />
    public override string ToString() => Silos == 1 ? "1 silo" : $"{Silos} silos{(RandomPlacement ? ", random placement" : string.Empty)}";
}
