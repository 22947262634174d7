using Orleans.Runtime;

namespace Orleans.InProcess.Invocation;

/// <summary>A reference to a grain through no particular interface (<see cref="IGrainContext.GrainReference"/>); cast it to call it.</summary>
internal sealed class UntypedGrainReference : GrainReference
{
    internal UntypedGrainReference(GrainBinding binding, GrainId grainId)
        : base(binding, grainId)
    {
    }
}
