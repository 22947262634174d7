using OmniGraph.Arrow.Ipc;
using OmniGraph.Arrow.Tests.TestSupport;

namespace OmniGraph.Arrow.Tests.Ipc;

/// <summary>
/// Corrupt or truncated input is a typed error, never a crash, a hang or wrong data. Files we write carry a
/// checksum, so every corruption must be reported; without the checksum (or for streams) structural validation
/// must still confine the outcome to a typed error or data that can be fully traversed safely.
/// </summary>
public sealed class CorruptionTests
{
    private const int TimeoutMs = 240_000;

    private static readonly Lazy<byte[]> s_smallFile = new(() =>
        ArrowFileWriter.WriteToArray(SampleData.AllTypesSchema, [SampleData.RandomAllTypes(30, seed: 31, nullRate: 0.2), SampleData.RandomAllTypes(3, seed: 32, nullRate: 0.5)], new ArrowWriteOptions { Alignment = 8 }));

    [Fact(Timeout = TimeoutMs)]
    public async Task EveryTruncation_OfAFile_IsATypedError()
    {
        await Task.Run(() =>
        {
            var file = s_smallFile.Value;
            for (var length = 0; length < file.Length; length++)
            {
                AssertRejected(file.AsMemory(0, length), $"truncated to {length} of {file.Length} bytes");
            }
        });
    }

    [Fact(Timeout = TimeoutMs)]
    public async Task DenseTruncationSample_OfAMultiMegabyteFile_IsATypedError()
    {
        await Task.Run(() =>
        {
            var file = ArrowFileWriter.WriteToArray(SampleData.AllTypesSchema, [SampleData.RandomAllTypes(40_000, seed: 33, nullRate: 0.1)]);
            Assert.True(file.Length > 3_000_000);
            var lengths = Enumerable.Range(0, 4096)
                .Concat(Enumerable.Range(file.Length - 4096, 4096))
                .Concat(Enumerable.Range(0, file.Length / 997).Select(i => i * 997));
            foreach (var length in lengths.Distinct())
            {
                AssertRejected(file.AsMemory(0, length), $"truncated to {length} of {file.Length} bytes");
            }
        });
    }

    /// <summary>Every byte of the file, changed in three different ways, is detected.</summary>
    [Fact(Timeout = TimeoutMs)]
    public async Task EverySingleByteChange_IsDetected()
    {
        await Task.Run(() =>
        {
            var original = s_smallFile.Value;
            var file = (byte[])original.Clone();
            foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                for (var position = 0; position < file.Length; position++)
                {
                    file[position] ^= mask;
                    AssertRejected(file, $"byte {position} ^ 0x{mask:x2}");
                    file[position] = original[position];
                }
            }
        });
    }

    [Fact(Timeout = TimeoutMs)]
    public async Task ThousandsOfRandomByteFlips_AreAllDetected()
    {
        await Task.Run(() =>
        {
            var random = new Random(20240601);
            var original = s_smallFile.Value;
            for (var trial = 0; trial < 5000; trial++)
            {
                var file = (byte[])original.Clone();
                var flips = trial % 4 == 0 ? random.Next(2, 17) : 1;
                for (var i = 0; i < flips; i++)
                {
                    file[random.Next(file.Length)] ^= (byte)random.Next(1, 256);
                }

                if (file.AsSpan().SequenceEqual(original))
                {
                    continue;
                }

                AssertRejected(file, $"trial {trial}");
            }
        });
    }

    /// <summary>Without a checksum only structure can be checked: every outcome is a typed error or fully traversable data.</summary>
    [Fact(Timeout = TimeoutMs)]
    public async Task UnchecksummedFile_ByteChanges_GiveTypedErrorsOrSafeData()
    {
        await Task.Run(() =>
        {
            var original = ArrowFileWriter.WriteToArray(SampleData.AllTypesSchema, [SampleData.RandomAllTypes(30, seed: 34, nullRate: 0.2)], new ArrowWriteOptions { WriteChecksum = false, Alignment = 8 });
            var file = (byte[])original.Clone();
            var random = new Random(5);
            for (var position = 0; position < file.Length; position++)
            {
                file[position] ^= (byte)random.Next(1, 256);
                AssertTypedErrorOrSafe(() => ArrowFileReader.ReadAll(file), $"byte {position}");
                file[position] = original[position];
            }
        });
    }

    [Fact(Timeout = TimeoutMs)]
    public async Task Stream_TruncationsAndByteChanges_GiveTypedErrorsOrSafeData()
    {
        await Task.Run(() =>
        {
            var original = ArrowStreamWriter.WriteToArray(SampleData.AllTypesSchema, [SampleData.RandomAllTypes(25, seed: 35, nullRate: 0.2), SampleData.RandomAllTypes(4, seed: 36, nullRate: 0)], new ArrowWriteOptions { Alignment = 8 });
            for (var length = 0; length < original.Length; length++)
            {
                AssertTypedErrorOrSafe(() => ArrowStreamReader.ReadAll(original.AsMemory(0, length)), $"truncated to {length}");
            }

            var file = (byte[])original.Clone();
            var random = new Random(6);
            for (var position = 0; position < file.Length; position++)
            {
                file[position] ^= (byte)random.Next(1, 256);
                AssertTypedErrorOrSafe(() => ArrowStreamReader.ReadAll(file), $"byte {position}");
                file[position] = original[position];
            }
        });
    }

    private static void AssertRejected(ReadOnlyMemory<byte> bytes, string what)
    {
        try
        {
            var reader = ArrowFileReader.Open(bytes);
            reader.ReadAllRecordBatches();
        }
        catch (OmniGraphException)
        {
            return;
        }
        catch (Exception other)
        {
            Assert.Fail($"{what}: expected OmniGraphException, got {other}");
        }

        Assert.Fail($"{what}: the corrupted file was read without error.");
    }

    private static void AssertTypedErrorOrSafe(Func<(ArrowSchema Schema, IReadOnlyList<RecordBatch> Batches)> read, string what)
    {
        try
        {
            var (schema, batches) = read();

            // Touch every value: accessors must stay in bounds for whatever structure passed validation.
            _ = ArrowJson.Render(schema, batches).ToJsonString();
        }
        catch (OmniGraphException)
        {
        }
        catch (Exception other)
        {
            Assert.Fail($"{what}: expected OmniGraphException or readable data, got {other}");
        }
    }
}
