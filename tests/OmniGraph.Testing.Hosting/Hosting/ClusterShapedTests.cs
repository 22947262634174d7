namespace OmniGraph.Testing.Hosting;

/// <summary>
/// A test class whose test hosts deploy on <see cref="Shape"/>: the cluster-shape dimension of a grain-level suite.
/// The suite is an abstract class deriving from this one; one sealed class per shape runs it, e.g.
/// <code>
/// public sealed class WriteAtomicityOnOneSilo() : WriteAtomicityTests(ClusterShape.OneSilo);
/// public sealed class WriteAtomicityOnThreeSilosRandom() : WriteAtomicityTests(ClusterShape.ThreeSilosRandom);
/// </code>
/// Every host the tests start (through <see cref="TestSiloOptions"/>) takes the shape from <see cref="ClusterShape.Current"/>,
/// which the constructor sets for the test's flow.
/// </summary>
public abstract class ClusterShapedTests
{
    /// <summary>Sets the shape for the hosts this test starts.</summary>
    protected ClusterShapedTests(ClusterShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        ClusterShape.Current = shape;
    }

    /// <summary>The shape the test's clusters have.</summary>
    protected ClusterShape Shape { get; }
}
