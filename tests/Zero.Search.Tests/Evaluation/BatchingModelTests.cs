using Zero.Search.Evaluation;
using Zero.Search.Tests.Fakes;

namespace Zero.Search.Tests.Evaluation;

/// <summary>The batching decorator under concurrency: every caller gets its own results, calls are merged, errors reach callers.</summary>
public sealed class BatchingModelTests
{
    private const int InputSize = 5;
    private const int PolicySize = 3;

    [Fact]
    public void Evaluate_ManyThreads_EachCallerGetsItsOwnResultsAndCallsAreMerged()
    {
        var inner = new FakeModel(InputSize, PolicySize, hasWdl: true) { Delay = TimeSpan.FromMilliseconds(1) };
        using var batching = new BatchingModel(inner, maxBatch: 64, maxWait: TimeSpan.FromMilliseconds(2));
        const int threads = 8, callsPerThread = 40;
        int failures = 0;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var rng = new Random(t);
            var inputs = new float[7 * InputSize];
            var logits = new float[7 * PolicySize];
            var values = new float[7];
            var wdl = new float[7 * 3];
            var expectedLogits = new float[PolicySize];
            for (int call = 0; call < callsPerThread; call++)
            {
                int count = 1 + rng.Next(7);
                for (int i = 0; i < inputs.Length; i++)
                {
                    inputs[i] = (float)rng.NextDouble();
                }
                batching.Evaluate(inputs.AsSpan(0, count * InputSize), count, logits, values, wdl);
                for (int i = 0; i < count; i++)
                {
                    inner.Expected(inputs.AsSpan(i * InputSize, InputSize), expectedLogits, out float v);
                    if (values[i] != v || !expectedLogits.AsSpan().SequenceEqual(logits.AsSpan(i * PolicySize, PolicySize))
                        || wdl[3 * i + 1] != 0.5f)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(0, failures);
        Assert.False(inner.Overlapped, "the inner model must only be called from the worker thread");
        Assert.True(inner.Calls < threads * callsPerThread, $"{inner.Calls} inner calls for {threads * callsPerThread} requests: nothing was merged");
        Assert.True(inner.MaxBatchSeen <= 64);
        Assert.Equal(inner.Calls, batching.Batches);
    }

    [Fact]
    public void Evaluate_RequestLargerThanMaxBatch_EvaluatedInChunks()
    {
        var inner = new FakeModel(InputSize, PolicySize);
        using var batching = new BatchingModel(inner, maxBatch: 4, maxWait: TimeSpan.Zero);
        const int count = 10;
        var inputs = Enumerable.Range(0, count * InputSize).Select(i => i * 0.01f).ToArray();
        var logits = new float[count * PolicySize];
        var values = new float[count];
        batching.Evaluate(inputs, count, logits, values, []);
        var expected = new float[PolicySize];
        for (int i = 0; i < count; i++)
        {
            inner.Expected(inputs.AsSpan(i * InputSize, InputSize), expected, out float v);
            Assert.Equal(v, values[i]);
            Assert.Equal(expected, logits.AsSpan(i * PolicySize, PolicySize).ToArray());
        }
        Assert.Equal(3, inner.Calls);
        Assert.Equal(4, inner.MaxBatchSeen);
    }

    [Fact]
    public void Evaluate_InnerThrows_CallerGetsErrorAndModelKeepsWorking()
    {
        var inner = new FakeModel(InputSize, PolicySize) { Throw = true };
        using var batching = new BatchingModel(inner, maxBatch: 8, maxWait: TimeSpan.Zero);
        var inputs = new float[InputSize];
        var e = Assert.Throws<InvalidOperationException>(() => batching.Evaluate(inputs, 1, new float[PolicySize], new float[1], []));
        Assert.Contains("fake model failure", e.Message, StringComparison.Ordinal);
        inner.Throw = false;
        var values = new float[1];
        batching.Evaluate(inputs, 1, new float[PolicySize], values, []);
        Assert.Equal(0f, values[0]);
    }

    [Fact]
    public void Evaluate_AfterDispose_Throws()
    {
        var batching = new BatchingModel(new FakeModel(InputSize, PolicySize), maxBatch: 8, maxWait: TimeSpan.Zero);
        batching.Dispose();
        Assert.Throws<ObjectDisposedException>(() => batching.Evaluate(new float[InputSize], 1, new float[PolicySize], new float[1], []));
    }
}
