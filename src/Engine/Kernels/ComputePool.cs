namespace Zero.Engine.Kernels;

/// <summary>
/// A small fixed set of threads that runs the kernels' parallel loops (GEMM blocks, convolution chunks, optimizer
/// slices). Callers pass it explicitly: no kernel owns a hidden global pool, so a thread count chosen on the command
/// line reaches every kernel and a run with one thread is reproducible.
/// <para>
/// <see cref="Run"/> hands out task indices 0..count-1 dynamically to the caller's thread and <c>Threads − 1</c>
/// workers. Workers spin briefly after each job (a batch-1 network evaluation issues dozens of short jobs, and waking
/// a blocked thread costs tens of microseconds) and then block. A <see cref="Run"/> issued from inside a task, or
/// while another thread is using the pool, runs inline on the calling thread instead of deadlocking.
/// </para>
/// </summary>
public sealed class ComputePool : IDisposable
{
    private const int SpinIterations = 4_000;

    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private Job? _job;
    private long _generation;
    private int _sleepers;
    private int _busy;
    private bool _disposed;

    /// <summary>Creates a pool that runs loops on <paramref name="threads"/> threads (the caller's thread included).</summary>
    /// <exception cref="ArgumentOutOfRangeException">threads is below 1 or above 1024.</exception>
    public ComputePool(int threads)
    {
        if (threads < 1 || threads > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "Thread count must be between 1 and 1024; use 1 for a sequential, reproducible run.");
        }
        Threads = threads;
        _workers = new Thread[threads - 1];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"zero-compute-{i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>A shared one-thread pool: every loop runs inline on the caller's thread. Disposing it does nothing.</summary>
    public static ComputePool Sequential { get; } = new(1);

    /// <summary>Number of threads that run a loop, the caller's thread included.</summary>
    public int Threads { get; }

    /// <summary>
    /// Runs <paramref name="task"/>(i) for every i in [0, count), spread over the pool's threads, and returns when all
    /// have finished. The first exception thrown by a task is rethrown here after the others finished.
    /// </summary>
    public void Run(int count, Action<int> task)
    {
        if (count <= 0)
        {
            return;
        }
        if (count == 1 || _workers.Length == 0 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int i = 0; i < count; i++)
            {
                task(i);
            }
            return;
        }
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // 1. Publish the job, then wake the workers (a monitor pulse only when some are asleep).
            var job = new Job(task, count);
            Volatile.Write(ref _job, job);
            lock (_gate)
            {
                _generation++;
                if (_sleepers > 0)
                {
                    Monitor.PulseAll(_gate);
                }
            }
            // 2. Take part in the work ourselves; on a loaded machine the caller may well do all of it.
            job.Drain();
            // 3. Wait only for tasks that workers have claimed and not finished; a worker that wakes late finds the
            //    job exhausted and takes nothing.
            var spin = new SpinWait();
            while (Volatile.Read(ref job.Completed) < count)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
            if (job.Failure is { } failure)
            {
                throw new AggregateException("A parallel kernel task failed.", failure);
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/>(start, end) over [0, length) cut into at most <c>Threads × chunksPerThread</c>
    /// contiguous ranges, each at least <paramref name="minChunk"/> long (the last may be shorter).
    /// </summary>
    public void For(int length, int minChunk, Action<int, int> body, int chunksPerThread = 1)
    {
        if (length <= 0)
        {
            return;
        }
        int chunks = Math.Clamp(length / Math.Max(1, minChunk), 1, Threads * Math.Max(1, chunksPerThread));
        if (chunks == 1)
        {
            body(0, length);
            return;
        }
        Run(chunks, c => body((int)((long)length * c / chunks), (int)((long)length * (c + 1) / chunks)));
    }

    /// <summary>Stops the worker threads. A loop already running finishes first; later loops run on the caller's thread.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(this, Sequential) || _disposed)
        {
            return;
        }
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            spin.SpinOnce();
        }
        lock (_gate)
        {
            _disposed = true;
            _generation++;
            Monitor.PulseAll(_gate);
        }
        foreach (Thread worker in _workers)
        {
            worker.Join();
        }
    }

    private void WorkerLoop()
    {
        long seen = 0;
        while (true)
        {
            // 1. Spin a little for the next job, then sleep on the gate.
            long generation = Volatile.Read(ref _generation);
            for (int spin = 0; generation == seen && spin < SpinIterations; spin++)
            {
                Thread.SpinWait(8);
                generation = Volatile.Read(ref _generation);
            }
            if (generation == seen)
            {
                lock (_gate)
                {
                    while (_generation == seen && !_disposed)
                    {
                        _sleepers++;
                        Monitor.Wait(_gate);
                        _sleepers--;
                    }
                    generation = _generation;
                }
            }
            seen = generation;
            if (_disposed)
            {
                return;
            }
            // 2. Help with the current job (it may already be finished: then this takes nothing).
            Volatile.Read(ref _job)?.Drain();
        }
    }

    /// <summary>One <see cref="Run"/> call: its tasks are claimed by index, and completion is counted per task.</summary>
    private sealed class Job(Action<int> task, int count)
    {
        public int Next;
        public int Completed;
        public Exception? Failure;

        public void Drain()
        {
            while (true)
            {
                int i = Interlocked.Increment(ref Next) - 1;
                if (i >= count)
                {
                    return;
                }
                try
                {
                    task(i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref Failure, e, null);
                }
                Interlocked.Increment(ref Completed);
            }
        }
    }
}
