namespace OmniGraph.Grains.Manifest;

/// <summary>
/// Branch creation on the manifest grain, internal until the branch commands arrive (Step 6): it exists now so the lazy
/// fork path of table chains is part of the format from the start and is tested.
/// </summary>
internal interface IManifestBranchControl : IGrainWithStringKey
{
    /// <summary>Creates branch <paramref name="name"/> at the head of <paramref name="fromBranch"/>: a registry entry only (no manifest, no commit).</summary>
    Task<OmniGraph.Engine.BranchInfo> ForkBranchAsync(string name, string fromBranch);
}
