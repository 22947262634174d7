namespace OmniGraph.Grains.FailureInjection;

/// <summary>
/// A named point at a durable step of a write or a heal where tests inject failures. Failpoints are the static fields
/// of <see cref="Failpoints"/>, never strings, so a renamed or removed point breaks the build of every test using it.
/// </summary>
public sealed class Failpoint
{
    internal Failpoint(string name, string step, bool afterAcknowledgement = false)
    {
        Name = name;
        Step = step;
        AfterAcknowledgement = afterAcknowledgement;
    }

    /// <summary>A stable name, for logs and messages (<c>commit.sidecar_write</c>).</summary>
    public string Name { get; }

    /// <summary>The durable step it guards.</summary>
    public string Step { get; }

    /// <summary>
    /// Whether the step runs after the write it belongs to was acknowledged (in the background): failing it never fails
    /// the write, it leaves the write's sidecar to the heal.
    /// </summary>
    public bool AfterAcknowledgement { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
