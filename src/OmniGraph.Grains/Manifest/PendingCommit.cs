namespace OmniGraph.Grains.Manifest;

/// <summary>A commit accepted by the manifest grain and waiting for (or in) a round of the group committer.</summary>
internal sealed class PendingCommit(CommitRequest request, BranchInfo branch, List<TableCommitChange> changes, ManifestDocument manifest, SidecarAuditDocument? audit)
{
    public CommitRequest Request { get; } = request;

    public BranchInfo Branch { get; } = branch;

    /// <summary>Its table changes, in table-key order.</summary>
    public List<TableCommitChange> Changes { get; } = changes;

    /// <summary>The manifest version it publishes.</summary>
    public ManifestDocument Manifest { get; } = manifest;

    /// <summary>The audit entry the write owes once published (its sidecar carries it), or <c>null</c> when unaudited.</summary>
    public SidecarAuditDocument? Audit { get; } = audit;

    /// <summary>
    /// Whether its sidecar must outlive its completion: its audit entry could not be appended, and the heal that finds
    /// the sidecar appends it.
    /// </summary>
    public bool AuditOwed { get; set; }

    public string Tx => Request.Tx;

    /// <summary>Its own sidecar name: the batch's sidecar when it is the last member of its batch.</summary>
    public string SidecarKey { get; } = GraphObjectKeys.Sidecar(request.Tx);

    /// <summary>
    /// The last member of its batch, whose sidecar (format 3) carries the whole batch; itself until the committer takes it
    /// into a batch.
    /// </summary>
    public PendingCommit? BatchLast { get; set; }

    /// <summary>The sidecar that covers it: its batch's.</summary>
    public string BatchSidecarKey => (BatchLast ?? this).SidecarKey;

    /// <summary>What the writer waiting for it gets: the published commit, or why not.</summary>
    public TaskCompletionSource<CommitInfo> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The link other commits of its group carry to publish it (as their predecessor).</summary>
    public SidecarLinkDocument ToLink() => new()
    {
        Tx = Tx,
        CommitId = Request.CommitId,
        Tables = Tables(),
        Manifest = Manifest,
        Audit = Audit,
    };

    /// <summary>Its table changes as a sidecar stores them.</summary>
    public SidecarTableDocument[] Tables() =>
        [.. Changes.Select(static c => new SidecarTableDocument { Expected = StoredDocuments.ToDocument(c.Expected), Staged = StoredDocuments.ToDocument(c.Staged) })];
}
