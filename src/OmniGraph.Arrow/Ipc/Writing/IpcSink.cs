using System.Buffers;

namespace OmniGraph.Arrow.Ipc.Writing;

/// <summary>
/// Where IPC bytes go (an <see cref="IBufferWriter{T}"/> or a <see cref="Stream"/>). Tracks the position, which
/// alignment is computed against, and a running CRC-32C of everything written for the file checksum.
/// </summary>
internal sealed class IpcSink
{
    private static readonly byte[] s_zeros = new byte[ArrowWriteOptions.MaxAlignment];

    private readonly IBufferWriter<byte>? _bufferWriter;
    private readonly Stream? _stream;
    private readonly bool _trackChecksum;

    public IpcSink(IBufferWriter<byte> bufferWriter, bool trackChecksum)
    {
        _bufferWriter = bufferWriter;
        _trackChecksum = trackChecksum;
    }

    public IpcSink(Stream stream, bool trackChecksum)
    {
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        _stream = stream;
        _trackChecksum = trackChecksum;
    }

    /// <summary>Bytes written so far.</summary>
    public long Position { get; private set; }

    /// <summary>CRC-32C of every byte written so far (when tracking).</summary>
    public uint Crc { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (_trackChecksum)
        {
            Crc = Crc32C.Append(Crc, bytes);
        }

        if (_stream is not null)
        {
            _stream.Write(bytes);
        }
        else
        {
            _bufferWriter!.Write(bytes);
        }

        Position += bytes.Length;
    }

    /// <summary>Writes zero bytes until <see cref="Position"/> is a multiple of <paramref name="alignment"/>.</summary>
    public void PadTo(int alignment)
    {
        var padding = (int)(-Position & (alignment - 1));
        Write(s_zeros.AsSpan(0, padding));
    }
}
