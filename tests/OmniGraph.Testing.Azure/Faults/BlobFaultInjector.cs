using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace OmniGraph.Testing.Azure;

/// <summary>
/// Makes a blob client see chosen failures at chosen requests, and records every attempt. <see cref="InstallInto"/>
/// wraps the client's HTTP transport, the last step of the Azure.Core pipeline: each attempt (first or retried) passes
/// through it, and everything above it (the retry policy, the network timeout, the storage error parsing, the store's
/// own error mapping) runs exactly as it would against a failing service.
/// <code>
/// var faults = new BlobFaultInjector();
/// var store = AzuriteStores.Create(server, o => o.ConfigureClientOptions = faults.InstallInto);
/// faults.Inject(BlobFault.ServerBusy, r => r.Operation == BlobOperation.Put, times: 2);   // two 503s, then success
/// faults.Inject(BlobFault.TimeoutAfterApplying, r => r.IsFor("heads/main"), skip: 3);     // the 4th write of the head
/// </code>
/// Rules are tried in the order they were added; the first that is due fires. Thread-safe.
/// </summary>
public sealed class BlobFaultInjector
{
    private static readonly TimeSpan s_defaultNetworkTimeout = TimeSpan.FromSeconds(100);

    private readonly Lock _gate = new();
    private readonly List<BlobFaultRule> _rules = [];
    private readonly List<BlobAttempt> _attempts = [];

    /// <summary>How long a <see cref="BlobFault.Timeout"/> attempt waits before it fails. Default 50 ms.</summary>
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Every attempt seen so far, in the order they finished.</summary>
    public IReadOnlyList<BlobAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Puts this injector in front of a client's transport (use as <c>AzureBlobAccountOptions.ConfigureClientOptions</c>).</summary>
    public void InstallInto(BlobClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Transport = new FaultInjectingTransport(options.Transport, this);
    }

    /// <summary>
    /// Makes the attempts that match <paramref name="when"/> (all when <c>null</c>) fail with <paramref name="fault"/>:
    /// after letting <paramref name="skip"/> matching attempts through, the next <paramref name="times"/> ones
    /// (<see cref="int.MaxValue"/>: all of them).
    /// </summary>
    public BlobFaultRule Inject(BlobFault fault, Func<BlobRequest, bool>? when = null, int skip = 0, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var rule = new BlobFaultRule(fault, when ?? (static _ => true), skip, times);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>The attempts that matched <paramref name="when"/>.</summary>
    public int CountAttempts(Func<BlobRequest, bool> when)
    {
        ArgumentNullException.ThrowIfNull(when);
        lock (_gate)
        {
            return _attempts.Count(a => when(a.Request));
        }
    }

    /// <summary>Forgets the recorded attempts (after a test's setup, say), keeping the rules.</summary>
    public void ClearAttempts()
    {
        lock (_gate)
        {
            _attempts.Clear();
        }
    }

    /// <summary>Forgets every rule and recorded attempt.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _attempts.Clear();
        }
    }

    /// <summary>Sends one attempt through <paramref name="inner"/>, or fails it as a due rule says.</summary>
    internal async ValueTask ProcessAsync(HttpMessage message, HttpPipelineTransport inner)
    {
        var request = BlobRequest.From(message.Request);
        var fault = Choose(request);
        int? status = null;
        try
        {
            await ApplyAsync(fault, message, inner).ConfigureAwait(false);
            status = message.HasResponse ? message.Response.Status : null;
        }
        finally
        {
            lock (_gate)
            {
                _attempts.Add(new BlobAttempt(request, fault, status));
            }
        }
    }

    private BlobFault? Choose(BlobRequest request)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.TryFire(request))
                {
                    return rule.Fault;
                }
            }

            return null;
        }
    }

    private async ValueTask ApplyAsync(BlobFault? fault, HttpMessage message, HttpPipelineTransport inner)
    {
        switch (fault?.Kind)
        {
            case null:
                await inner.ProcessAsync(message).ConfigureAwait(false);
                break;
            case BlobFaultKind.Respond:
                message.Response = InjectedResponse.Error(message.Request, fault.Status, fault.ErrorCode!);
                break;
            case BlobFaultKind.RespondAfterApplying:
                await inner.ProcessAsync(message).ConfigureAwait(false);
                message.Response.Dispose();
                message.Response = InjectedResponse.Error(message.Request, fault.Status, fault.ErrorCode!);
                break;
            case BlobFaultKind.Timeout:
                await TimeOutAsync(message).ConfigureAwait(false);
                break;
            case BlobFaultKind.TimeoutAfterApplying:
                await inner.ProcessAsync(message).ConfigureAwait(false);
                message.Response.Dispose();
                await TimeOutAsync(message).ConfigureAwait(false);
                break;
            case BlobFaultKind.Hang:
                await HangUntilNetworkTimeoutAsync(message).ConfigureAwait(false);
                break;
            case BlobFaultKind.ConnectionDropped:
                // What the HTTP transport raises when a connection is refused or reset: a status-less failure.
                throw new RequestFailedException(0, "injected: the connection was dropped", new HttpRequestException("Connection reset by peer (injected)"));
            case BlobFaultKind.CorruptBody:
                await inner.ProcessAsync(message).ConfigureAwait(false);
                await CorruptBodyAsync(message).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Fails the attempt as the pipeline's network timeout does, after <see cref="TimeoutDelay"/>: a cancellation the
    /// caller did not ask for, which the retry policy treats as transient (the caller's own cancellation still wins).
    /// </summary>
    private async Task TimeOutAsync(HttpMessage message)
    {
        await Task.Delay(TimeoutDelay, message.CancellationToken).ConfigureAwait(false);
        throw new TaskCanceledException("injected: the attempt timed out (no answer from the service)");
    }

    /// <summary>
    /// Waits until the pipeline gives up on the attempt: its network timeout (which cancels the message's token) or the
    /// caller's cancellation. The pipeline turns that into its own timeout failure, as for a service that never answers.
    /// </summary>
    private static async Task HangUntilNetworkTimeoutAsync(HttpMessage message)
    {
        // The network timeout cancels the message's token; the longest default is only a backstop for a pipeline without one.
        using var backstop = CancellationTokenSource.CreateLinkedTokenSource(message.CancellationToken);
        backstop.CancelAfter(message.NetworkTimeout ?? s_defaultNetworkTimeout);
        await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, backstop.Token).ConfigureAwait(false);
    }

    private static async Task CorruptBodyAsync(HttpMessage message)
    {
        if (message.Response.ContentStream is not { } body)
        {
            return;
        }

        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, message.CancellationToken).ConfigureAwait(false);
        var bytes = copy.ToArray();
        if (bytes.Length > 0)
        {
            bytes[bytes.Length / 2] ^= 0x5A;
        }

        var original = message.Response;
        message.Response = InjectedResponse.WithContent(original, bytes);
        original.Dispose();
    }
}

/// <summary>One rule of a <see cref="BlobFaultInjector"/>, with how often it matched and fired.</summary>
public sealed class BlobFaultRule
{
    private readonly Func<BlobRequest, bool> _when;
    private readonly int _skip;
    private readonly int _times;

    internal BlobFaultRule(BlobFault fault, Func<BlobRequest, bool> when, int skip, int times)
    {
        Fault = fault;
        _when = when;
        _skip = skip;
        _times = times;
    }

    /// <summary>The failure it injects.</summary>
    public BlobFault Fault { get; }

    /// <summary>Attempts that matched, fired or not.</summary>
    public int Matched { get; private set; }

    /// <summary>Attempts it failed.</summary>
    public int Fired { get; private set; }

    /// <summary>Counts a matching attempt; returns whether the rule fails it. The injector holds its lock.</summary>
    internal bool TryFire(BlobRequest request)
    {
        if (!_when(request))
        {
            return false;
        }

        Matched++;
        if (Matched <= _skip || Fired >= _times)
        {
            return false;
        }

        Fired++;
        return true;
    }
}

/// <summary>One attempt the injector saw.</summary>
/// <param name="Request">The request.</param>
/// <param name="Fault">The fault it injected, or <c>null</c> when it let the attempt through untouched.</param>
/// <param name="Status">The HTTP status the pipeline got, or <c>null</c> when the attempt ended without an answer.</param>
public sealed record BlobAttempt(BlobRequest Request, BlobFault? Fault, int? Status);
