using Zero.Engine.Kernels;

namespace Zero.Engine.Tests.Kernels;

public sealed class ComputePoolTests
{
    [Fact]
    public void Run_ManyTasks_RunsEachIndexExactlyOnce()
    {
        using var pool = new ComputePool(3);
        for (int round = 0; round < 50; round++)
        {
            var hits = new int[97];
            pool.Run(hits.Length, i => Interlocked.Increment(ref hits[i]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void Run_TaskThrows_RethrowsAfterAllFinished()
    {
        using var pool = new ComputePool(2);
        int done = 0;
        var e = Assert.Throws<AggregateException>(() => pool.Run(20, i =>
        {
            if (i == 5)
            {
                throw new InvalidOperationException("boom");
            }
            Interlocked.Increment(ref done);
        }));
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Equal(19, done);
        int after = 0;
        pool.Run(4, _ => Interlocked.Increment(ref after));
        Assert.Equal(4, after);
    }

    [Fact]
    public void Run_NestedCall_RunsInlineWithoutDeadlock()
    {
        using var pool = new ComputePool(2);
        int total = 0;
        pool.Run(4, _ => pool.Run(3, _ => Interlocked.Increment(ref total)));
        Assert.Equal(12, total);
    }

    [Fact]
    public void For_Ranges_CoverLengthWithoutOverlap()
    {
        using var pool = new ComputePool(4);
        var hits = new int[1001];
        pool.For(hits.Length, 10, (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                Interlocked.Increment(ref hits[i]);
            }
        }, chunksPerThread: 3);
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void Constructor_ZeroThreads_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComputePool(0));
    }
}
