using System.ComponentModel.DataAnnotations;

namespace OmniGraph.Loading.Hosting;

/// <summary>Settings of loads and exports in a silo (<c>silo.AddOmniGraphLoading(options =&gt; ...)</c>).</summary>
public sealed class OmniGraphLoadingOptions
{
    /// <summary>
    /// Fragment writes a load session keeps in flight while it parses on. Default 4: enough to keep a disk busy while the
    /// parser runs on another core; each one holds one fragment's columns until its file is written.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxFragmentWritesInFlight { get; set; } = 4;

    /// <summary>Rows an export reads from a table grain per call. Default 8,192.</summary>
    [Range(1, int.MaxValue)]
    public int ExportPageRows { get; set; } = 8192;

    /// <summary>Bytes of JSONL an export accumulates before it hands a chunk on. Default 64 KiB.</summary>
    [Range(1024, int.MaxValue)]
    public int ExportChunkBytes { get; set; } = 64 * 1024;
}
