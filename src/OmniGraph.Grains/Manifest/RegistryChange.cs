namespace OmniGraph.Grains.Manifest;

/// <summary>
/// One change of the branch registry, as <c>ManifestGrain.UpdateRegistryAsync</c> applies it: how to take it back from
/// the in-memory state when its write fails, and how to recognise it in a registry read back from the store. The second
/// is what makes a write whose answer was lost safe to settle: the request may have been applied (a timeout or a 5xx
/// after the service acted, and the client's retry refused because the blob has moved on — by this very write), so the
/// registry is read again, and if it holds exactly this change (the create's fresh incarnation, the delete's tombstone
/// with its own deletion time) the change is done; anything else is a stranger's write, checked and refused as usual.
/// </summary>
/// <param name="Undo">Takes the change back from the in-memory state.</param>
/// <param name="Landed">Whether a registry read from the store holds this very change.</param>
internal readonly record struct RegistryChange(Action Undo, Func<ManifestGrainState, bool> Landed);
