using System.Text;
using OmniGraph.Ingest.Tests.Support;
using OmniGraph.Testing.Fuzz;
using Xunit.Abstractions;

namespace OmniGraph.Ingest.Tests.Fuzz;

/// <summary>
/// Seeded mutations of valid records against a schema with every type: the intake must either accept a line or
/// reject it with a typed <see cref="IngestException"/> naming line 1, never crash with another exception, and never
/// cost more than its size allows.
/// </summary>
public sealed class IntakeFuzzTests
{
    private const int Iterations = 20000;

    /// <summary>
    /// The work one line may cost, accepted or rejected: every mutant of these seeds (under 400 bytes) allocates under
    /// 64 KB, mostly the intake's own buffers; a line whose cost grows faster than its length breaks this.
    /// </summary>
    private static readonly AllocationBudget s_workBudget = new(FixedBytes: 256 << 10, BytesPerInputChar: 1024);

    private static readonly string[] s_seeds =
    [
        """{"type":"Item","data":{"name":"a","flag":true,"i32":-5,"i64":9007199254740993,"u32":7,"u64":18446744073709551615,"f32":0.1,"f64":-2.5e-3,"level":3}}""",
        """{"type":"Item","data":{"name":"b","day":"2024-02-29","at":"2024-06-01T12:00:00.5+02:00","payload":"base64:aGVsbG8=","tags":["x","ÿ\"q"],"counts":[1,2,3]}}""",
        """{"type":"Item","data":{"name":"c","days":[1,"1999-12-31"],"flags":[false],"ratios":[0.5],"embedding":[1,2,3],"role":"admin","code":"ABC"}}""",
        """{"edge":"Link","from":"a","to":"b","data":{"id":"l1","weight":1.5}}""",
        """{"data":{"weight":null},"to":"c","from":"c","edge":"link"}""",
        """{"type":"Note","data":{"id":"n1","text":"unkeyed \u00e9"}}""",
    ];

    private static readonly string[] s_fragments =
    [
        "\"", "{", "}", "[", "]", ",", ":", "null", "true", "false", "-", "0", "1e999", "-0.0", "1.5", "\"\\ud800\"", "\\", "\\u00",
        "\"id\"", "\"type\"", "\"edge\"", "\"data\"", "\"from\"", "\"to\"", "\"name\"", "\"x\"", "\"base64:@@\"", "\"base64:\"",
        "\"2024-13-40\"", "\"9999-12-31T23:59:59.999-23:59\"", "18446744073709551616", "-9223372036854775809", "[[]]", "{\"a\":{\"a\":1,\"a\":2}}",
        "\"_rowid\"", "\"src\"", "é", "🙂", "\t", " ", "\r",
    ];

    private readonly ITestOutputHelper _output;

    public IntakeFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void MutatedLines_FailOnlyWithTypedErrors()
    {
        var random = new Random(20240601);
        var accepted = 0;
        var rejected = new Dictionary<string, int>(StringComparer.Ordinal);
        var largest = 0L;
        for (var i = 0; i < Iterations; i++)
        {
            var line = Mutate(Encoding.UTF8.GetBytes(s_seeds[random.Next(s_seeds.Length)]), random);
            var mode = (LoadMode)random.Next(3);
            var chunk = random.Next(2) == 0 ? int.MaxValue : random.Next(1, 16);
            IngestException? exception;
            long bytes;
            try
            {
                (exception, bytes) = AllocationBudget.Measure(() => TryFeed(line, mode, chunk));
            }
            catch (Exception unexpected)
            {
                Assert.Fail($"iteration {i}: {unexpected.GetType().Name} for input {Show(line)}: {unexpected}");
                throw;
            }

            largest = Math.Max(largest, bytes);
            Assert.True(bytes <= s_workBudget.For(line.Length), $"iteration {i}: {bytes} bytes allocated (budget {s_workBudget.For(line.Length)}) for input {Show(line)}");
            if (exception is null)
            {
                accepted++;
                continue;
            }

            Assert.Equal(1, exception.Line);
            Assert.False(string.IsNullOrEmpty(exception.Code));
            Assert.StartsWith(exception is IngestException { Code: ErrorCodes.InvalidData } && exception.Message.StartsWith("invalid strict JSON", StringComparison.Ordinal) ? "invalid strict JSON at line 1: " : "line 1: ", exception.Message);
            rejected[exception.Code] = rejected.GetValueOrDefault(exception.Code) + 1;
        }

        _output.WriteLine($"{Iterations} lines, at most {largest} bytes allocated for one: {accepted} accepted, rejected by code: {string.Join(", ", rejected.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}"))}");
        Assert.Equal(Iterations, accepted + rejected.Values.Sum());
        Assert.True(accepted > Iterations / 50, $"only {accepted} mutated lines were accepted");
        Assert.True(rejected.Count >= 5, "the mutations should reach at least five error families");
    }

    /// <summary>Whole files of mutated lines, fed in random chunks: an error names a line that exists.</summary>
    [Fact]
    public void MutatedFiles_ReportAnExistingLine()
    {
        var random = new Random(777);
        for (var file = 0; file < 300; file++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 30))
                .Select(_ => random.Next(4) == 0 ? Mutate(Encoding.UTF8.GetBytes(s_seeds[random.Next(s_seeds.Length)]), random) : Encoding.UTF8.GetBytes(s_seeds[random.Next(3)].Replace("\"name\":\"", $"\"name\":\"{random.Next()}", StringComparison.Ordinal)))
                .ToList();
            var input = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();
            var lineCount = input.Count(b => b == (byte)'\n') + 1;
            try
            {
                IntakeRun.Load(Schemas.Everything, input, (LoadMode)random.Next(3), random.Next(1, 64));
            }
            catch (IngestException exception)
            {
                Assert.InRange(exception.Line, 1, lineCount);
            }
            catch (Exception exception)
            {
                Assert.Fail($"file {file}: {exception.GetType().Name}: {exception}");
            }
        }
    }

    /// <summary>Feeds one line; returns the typed rejection, or <c>null</c> when the line was accepted (any other exception escapes).</summary>
    private static IngestException? TryFeed(byte[] line, LoadMode mode, int chunk)
    {
        try
        {
            Feed(line, mode, chunk);
            return null;
        }
        catch (IngestException exception)
        {
            return exception;
        }
    }

    private static void Feed(byte[] line, LoadMode mode, int chunk)
    {
        var intake = new JsonlIntake(Schemas.Everything, mode);
        var input = line.Append((byte)'\n').ToArray();
        for (var offset = 0; offset < input.Length; offset += chunk)
        {
            intake.Feed(input.AsSpan(offset, Math.Min(chunk, input.Length - offset)));
        }

        intake.Complete();
        while (intake.TryTakeFragment(out _))
        {
        }
    }

    private static byte[] Mutate(byte[] line, Random random)
    {
        var bytes = new List<byte>(line);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var position = random.Next(bytes.Count);
            // Half the mutations swap a whole value, which keeps the line well formed and reaches the typing rules.
            switch (random.Next(2) == 0 ? 5 : random.Next(5))
            {
                case 0:
                    // Any byte but a line feed: a single-line mutation stays one line.
                    bytes[position] = (byte)random.Next(256) is var b && b == (byte)'\n' ? (byte)'\v' : b;
                    break;
                case 1:
                    bytes.RemoveRange(position, Math.Min(random.Next(1, 8), bytes.Count - position));
                    break;
                case 2:
                    bytes.InsertRange(position, Encoding.UTF8.GetBytes(s_fragments[random.Next(s_fragments.Length)]));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 16), bytes.Count - position);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(position, length));
                    break;
                case 4:
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                default:
                    ReplaceValue(bytes, random);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Swaps the value after a random ':' for a fragment: keeps most of the line well formed, so typing and validation get exercised.</summary>
    private static void ReplaceValue(List<byte> bytes, Random random)
    {
        var colons = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] == (byte)':').ToList();
        if (colons.Count == 0)
        {
            return;
        }

        var start = colons[random.Next(colons.Count)] + 1;
        var end = start;
        var depth = 0;
        var inString = false;
        while (end < bytes.Count)
        {
            var b = bytes[end];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    end++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']' or (byte)',')
            {
                if (depth == 0)
                {
                    break;
                }

                if (b != (byte)',')
                {
                    depth--;
                }
            }

            end++;
        }

        bytes.RemoveRange(start, Math.Min(end, bytes.Count) - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(s_fragments[random.Next(s_fragments.Length)]));
    }

    private static string Show(byte[] line) => Encoding.UTF8.GetString(line).Replace("\n", "\\n", StringComparison.Ordinal);
}
