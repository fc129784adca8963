using System.Diagnostics;
using System.Threading.Channels;

namespace Zero.Search.Evaluation;

/// <summary>
/// Serves many concurrent searches with one model: every caller of <see cref="Evaluate"/> posts its positions to a
/// channel and blocks; one worker thread forms batches of up to <c>maxBatch</c> positions (or whatever arrived within
/// <c>maxWait</c> of the first request), makes one inner call, and hands each caller its slice of the results.
/// Self-play runs many games against one network this way; thread-safe.
/// </summary>
/// <remarks>
/// Steps of the worker loop:
/// 1. Block until one request is queued; it starts the batch.
/// 2. Take further requests while they fit in <c>maxBatch</c>; when the queue is empty, sleep until one arrives or
///    the deadline (first request + <c>maxWait</c>) passes. A request that does not fit starts the next batch.
/// 3. Copy the inputs side by side, call the inner model once (a request larger than <c>maxBatch</c> alone is
///    evaluated in chunks), copy each request's outputs back and wake its caller. An exception from the inner model
///    is rethrown in every caller of that batch.
/// Each calling thread reuses one request object, so a call allocates nothing after the first.
/// </remarks>
public sealed class BatchingModel : IBatchModel, IDisposable
{
    private readonly IBatchModel _inner;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxWait;
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly ThreadLocal<Request> _requests;
    private readonly Thread _worker;
    private readonly float[] _inputs;
    private readonly float[] _logits;
    private readonly float[] _values;
    private readonly float[] _wdl;
    private long _batches;
    private long _positions;

    /// <param name="inner">The model to call; only the worker thread calls it.</param>
    /// <param name="maxBatch">Most positions per inner call.</param>
    /// <param name="maxWait">How long a batch waits for more requests after the first arrives.</param>
    public BatchingModel(IBatchModel inner, int maxBatch, TimeSpan maxWait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _inner = inner;
        _maxBatch = maxBatch;
        _maxWait = maxWait;
        _inputs = new float[maxBatch * inner.InputSize];
        _logits = new float[maxBatch * inner.PolicySize];
        _values = new float[maxBatch];
        _wdl = inner.HasWdl ? new float[maxBatch * 3] : [];
        _requests = new ThreadLocal<Request>(() => new Request());
        _worker = new Thread(WorkerLoop) { IsBackground = true, Name = "zero-batching-model" };
        _worker.Start();
    }

    public string Name => _inner.Name;
    public int InputSize => _inner.InputSize;
    public int PolicySize => _inner.PolicySize;
    public bool HasWdl => _inner.HasWdl;

    /// <summary>Inner calls made so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Positions evaluated so far; <c>Positions / Batches</c> is the mean batch size.</summary>
    public long Positions => Interlocked.Read(ref _positions);

    /// <summary>Queues the positions and blocks until the worker has evaluated them. Thread-safe.</summary>
    /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
    public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl)
    {
        if (count == 0)
        {
            return;
        }
        Request request = _requests.Value!;
        request.Prepare(count, InputSize, PolicySize, HasWdl);
        inputs[..(count * InputSize)].CopyTo(request.Inputs);
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(BatchingModel));
        }
        _arrivals.Release();
        request.Done.Wait();
        if (request.Error is { } error)
        {
            throw new InvalidOperationException($"network '{Name}' failed: {error.Message}", error);
        }
        request.Logits.AsSpan(0, count * PolicySize).CopyTo(policyLogits);
        request.Values.AsSpan(0, count).CopyTo(values);
        if (HasWdl && !wdl.IsEmpty)
        {
            request.Wdl.AsSpan(0, count * 3).CopyTo(wdl);
        }
    }

    private void WorkerLoop()
    {
        var batch = new List<Request>();
        Request? carried = null;
        ChannelReader<Request> reader = _queue.Reader;
        while (true)
        {
            // 1. The first request of the batch. The semaphore counts queued requests (and the final wake-up
            //    from Dispose), so the worker sleeps without polling while no search needs it.
            Request? first = carried;
            carried = null;
            if (first is null && !reader.TryRead(out first))
            {
                if (reader.Completion.IsCompleted)
                {
                    return;
                }
                _arrivals.Wait();
                continue;
            }
            batch.Clear();
            batch.Add(first);
            int total = first.Count;

            // 2. More requests until full or the deadline passes.
            long deadline = Stopwatch.GetTimestamp() + (long)(_maxWait.TotalSeconds * Stopwatch.Frequency);
            while (total < _maxBatch)
            {
                if (reader.TryRead(out Request? next))
                {
                    if (total + next.Count > _maxBatch)
                    {
                        carried = next;
                        break;
                    }
                    batch.Add(next);
                    total += next.Count;
                    continue;
                }
                long left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0 || !_arrivals.Wait(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency)))
                {
                    break;
                }
            }

            // 3. Evaluate and hand out.
            Run(batch, total);
        }
    }

    private void Run(List<Request> batch, int total)
    {
        Exception? error = null;
        try
        {
            if (batch.Count == 1 && total > _maxBatch)
            {
                RunOversized(batch[0]);
            }
            else
            {
                int offset = 0;
                foreach (Request r in batch)
                {
                    r.Inputs.AsSpan(0, r.Count * InputSize).CopyTo(_inputs.AsSpan(offset * InputSize));
                    offset += r.Count;
                }
                Call(_inputs, 0, total);
                offset = 0;
                foreach (Request r in batch)
                {
                    _logits.AsSpan(offset * PolicySize, r.Count * PolicySize).CopyTo(r.Logits);
                    _values.AsSpan(offset, r.Count).CopyTo(r.Values);
                    if (HasWdl)
                    {
                        _wdl.AsSpan(offset * 3, r.Count * 3).CopyTo(r.Wdl);
                    }
                    offset += r.Count;
                }
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        foreach (Request r in batch)
        {
            r.Error = error;
            r.Done.Set();
        }
    }

    private void RunOversized(Request r)
    {
        for (int start = 0; start < r.Count; start += _maxBatch)
        {
            int n = Math.Min(_maxBatch, r.Count - start);
            r.Inputs.AsSpan(start * InputSize, n * InputSize).CopyTo(_inputs);
            Call(_inputs, 0, n);
            _logits.AsSpan(0, n * PolicySize).CopyTo(r.Logits.AsSpan(start * PolicySize));
            _values.AsSpan(0, n).CopyTo(r.Values.AsSpan(start));
            if (HasWdl)
            {
                _wdl.AsSpan(0, n * 3).CopyTo(r.Wdl.AsSpan(start * 3));
            }
        }
    }

    private void Call(float[] inputs, int start, int count)
    {
        _inner.Evaluate(inputs.AsSpan(start, count * InputSize), count, _logits.AsSpan(0, count * PolicySize),
            _values.AsSpan(0, count), HasWdl ? _wdl.AsSpan(0, count * 3) : []);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _positions, count);
    }

    /// <summary>Stops the worker after the queued requests; later calls throw.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _arrivals.Release();
        _worker.Join();
        _requests.Dispose();
    }

    /// <summary>One caller's pending call; reused by its thread.</summary>
    private sealed class Request
    {
        public float[] Inputs = [];
        public float[] Logits = [];
        public float[] Values = [];
        public float[] Wdl = [];
        public int Count;
        public Exception? Error;
        public readonly ManualResetEventSlim Done = new(false);

        public void Prepare(int count, int inputSize, int policySize, bool hasWdl)
        {
            Count = count;
            Error = null;
            Done.Reset();
            if (Values.Length < count)
            {
                Inputs = new float[count * inputSize];
                Logits = new float[count * policySize];
                Values = new float[count];
                Wdl = hasWdl ? new float[count * 3] : [];
            }
        }
    }
}
