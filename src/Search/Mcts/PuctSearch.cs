using Zero.Games;
using Zero.Search.Evaluation;

namespace Zero.Search.Mcts;

/// <summary>
/// Parallel, batched PUCT Monte Carlo tree search as in AlphaZero, over any <see cref="IGame{TSelf,TMove}"/> and
/// any <see cref="IEvaluator{TGame,TMove}"/>. One instance owns one tree for one game: set the position, search,
/// play on (the chosen subtree is kept). Called by MctsPlayer, `zero analyze`, `zero bench search` and self-play.
/// </summary>
/// <remarks>
/// Blocking: <see cref="Start"/> returns at once; <see cref="Stop"/> asks the threads to finish their current
/// gather and returns at once; <see cref="Wait"/> blocks until they have finished and returns the result;
/// <see cref="Search"/> is Start + Wait. <see cref="Snapshot"/> may be called while a search runs. Changing the
/// position while a search runs throws.
///
/// Each search thread repeats (see PuctSearch.Worker.cs):
/// 1. Under the tree lock, select up to BatchSize leaves from the root by PUCT, adding a virtual loss along each
///    path; a selection that reaches a leaf already in flight is a collision and is undone after the gather.
/// 2. Without the lock, evaluate the new leaves in one evaluator call.
/// 3. Under the lock, expand each leaf (softmax of the legal moves' logits → priors) and back its value up the
///    path, negated at every ply, removing the virtual loss.
/// The lock is held only for tree work; evaluation, which dominates with a network, runs in parallel.
/// </remarks>
public sealed partial class PuctSearch<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private readonly IEvaluator<TGame, TMove> _evaluator;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly Tree<TMove> _tree;
    private readonly Worker[] _workers;
    private readonly float[] _noise;
    private Thread[] _threads = [];
    private TGame _rootPosition;
    private bool _rootNoised;

    // State of the current search, guarded by _gate.
    private SearchLimits _limits = SearchLimits.FromPlayouts(1);
    private long _startTimestamp;
    private TimeSpan _elapsed;
    private long _playouts;
    private long _inFlight;
    private long _collisions;
    private StopReason? _stopReason;
    private volatile bool _stopRequested;
    private bool _running;

    /// <param name="evaluator">Evaluates leaves; shared by the search threads (each creates its own batch).</param>
    /// <param name="options">Search parameters.</param>
    /// <param name="time">The clock for time limits and nodes/s; the system clock when null.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public PuctSearch(IEvaluator<TGame, TMove> evaluator, MctsOptions options, TimeProvider? time = null)
    {
        options.Validate();
        _evaluator = evaluator;
        Options = options;
        _time = time ?? TimeProvider.System;
        _random = new Random(options.Seed);
        _tree = new Tree<TMove>(options.MaxNodes);
        _workers = new Worker[options.Threads];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Worker(this, evaluator.CreateBatch(options.BatchSize));
        }
        _noise = new float[TGame.MaxMoves];
        _rootPosition = TGame.Initial;
    }

    public MctsOptions Options { get; }

    /// <summary>The evaluator's name, for reports.</summary>
    public string EvaluatorName => _evaluator.Name;

    /// <summary>The position the next search starts from.</summary>
    public TGame RootPosition => _rootPosition;

    /// <summary>Nodes in the tree now.</summary>
    public int TreeNodes
    {
        get
        {
            lock (_gate)
            {
                return _tree.Count;
            }
        }
    }

    /// <summary>True between <see cref="Start"/> and the end of <see cref="Wait"/>.</summary>
    public bool IsRunning => Volatile.Read(ref _running);

    /// <summary>
    /// Sets the position to search. With <see cref="MctsOptions.ReuseTree"/>, a position equal to the root or one or
    /// two plies below it (our move, then the opponent's) keeps that subtree and its statistics; anything else
    /// starts a new tree. Positions are matched by hash and ply.
    /// </summary>
    /// <exception cref="InvalidOperationException">A search is running.</exception>
    public void SetPosition(in TGame position)
    {
        lock (_gate)
        {
            ThrowIfRunning();
            if (Options.ReuseTree && TryFindDescendant(position, out int node))
            {
                _tree.Reroot(node);
                if (node != 0)
                {
                    _rootNoised = false;
                }
            }
            else
            {
                _tree.Reset();
                _rootNoised = false;
            }
            _rootPosition = position;
        }
    }

    /// <summary>Advances the root by <paramref name="move"/> (legal in the root position), keeping its subtree when reuse is on.</summary>
    /// <exception cref="InvalidOperationException">A search is running.</exception>
    public void Play(TMove move) => SetPosition(_rootPosition.Play(move));

    /// <summary>Forgets the tree (a new game).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            ThrowIfRunning();
            _tree.Reset();
            _rootNoised = false;
            _rootPosition = TGame.Initial;
        }
    }

    /// <summary>Starts searching from <see cref="RootPosition"/> on <see cref="MctsOptions.Threads"/> threads; returns at once.</summary>
    /// <exception cref="InvalidOperationException">A search is running, or the root position is over.</exception>
    /// <exception cref="ArgumentException">The limits are invalid.</exception>
    public void Start(SearchLimits limits)
    {
        limits.Validate();
        lock (_gate)
        {
            ThrowIfRunning();
            if (_rootPosition.Outcome is not null)
            {
                throw new InvalidOperationException("the game is over in the root position: there is nothing to search");
            }
            _limits = limits;
            _playouts = 0;
            _inFlight = 0;
            _collisions = 0;
            _stopReason = null;
            _stopRequested = false;
            _elapsed = TimeSpan.Zero;
            _startTimestamp = _time.GetTimestamp();
            ApplyRootNoise();
            Volatile.Write(ref _running, true);
            _threads = new Thread[_workers.Length];
            for (int i = 0; i < _threads.Length; i++)
            {
                Worker worker = _workers[i];
                _threads[i] = new Thread(worker.Run) { IsBackground = true, Name = $"zero-search-{i}" };
            }
        }
        foreach (Thread t in _threads)
        {
            t.Start();
        }
    }

    /// <summary>Asks the search to stop after the gathers in progress; returns at once. Harmless when idle.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopReason ??= StopReason.Stopped;
            _stopRequested = true;
        }
    }

    /// <summary>Blocks until the search has stopped, then returns its result.</summary>
    /// <exception cref="InvalidOperationException">No search was started.</exception>
    public SearchResult<TMove> Wait()
    {
        if (!IsRunning)
        {
            throw new InvalidOperationException("no search is running: call Start first");
        }
        foreach (Thread t in _threads)
        {
            t.Join();
        }
        lock (_gate)
        {
            _elapsed = _time.GetElapsedTime(_startTimestamp);
            ThrowIfFailed();
            Volatile.Write(ref _running, false);
            return BuildResult();
        }
    }

    /// <summary>Searches <see cref="RootPosition"/> within <paramref name="limits"/> and returns the result; blocks.</summary>
    /// <exception cref="InvalidOperationException">A search is running, or the root position is over.</exception>
    public SearchResult<TMove> Search(SearchLimits limits, CancellationToken cancellation = default)
    {
        Start(limits);
        using CancellationTokenRegistration registration = cancellation.Register(Stop);
        return Wait();
    }

    /// <summary>The statistics so far; safe while a search runs (for progress lines).</summary>
    public SearchResult<TMove> Snapshot()
    {
        lock (_gate)
        {
            if (IsRunning)
            {
                _elapsed = _time.GetElapsedTime(_startTimestamp);
            }
            return BuildResult();
        }
    }

    private void ThrowIfRunning()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("a search is running: call Stop and Wait before changing the position");
        }
    }

    /// <summary>Finds the node for <paramref name="position"/> at depth 0, 1 or 2 below the root (lock held).</summary>
    private bool TryFindDescendant(in TGame position, out int node)
    {
        node = 0;
        if (Matches(_rootPosition, position))
        {
            return true;
        }
        Node[] nodes = _tree.Nodes;
        ref Node root = ref nodes[0];
        if (root.State != NodeState.Expanded || position.Ply <= _rootPosition.Ply)
        {
            return false;
        }
        for (int c = root.FirstChild; c < root.FirstChild + root.ChildCount; c++)
        {
            TGame child = _rootPosition.Play(_tree.Moves[c]);
            if (Matches(child, position))
            {
                node = c;
                return true;
            }
            ref Node n = ref nodes[c];
            if (n.State != NodeState.Expanded || position.Ply != child.Ply + 1)
            {
                continue;
            }
            for (int g = n.FirstChild; g < n.FirstChild + n.ChildCount; g++)
            {
                if (Matches(child.Play(_tree.Moves[g]), position))
                {
                    node = g;
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Matches(in TGame a, in TGame b) => a.Hash == b.Hash && a.Ply == b.Ply;

    /// <summary>Mixes Dirichlet noise into the root priors once per root (lock held; the root must be expanded).</summary>
    private void ApplyRootNoise()
    {
        ref Node root = ref _tree.Nodes[0];
        if (!Options.Noise || _rootNoised || root.State != NodeState.Expanded || root.ChildCount == 0)
        {
            return;
        }
        Span<float> eta = _noise.AsSpan(0, root.ChildCount);
        Dirichlet.Sample(_random, Options.DirichletAlpha, eta);
        float eps = Options.NoiseFraction;
        for (int c = 0; c < root.ChildCount; c++)
        {
            ref Node child = ref _tree.Nodes[root.FirstChild + c];
            child.Prior = (1 - eps) * child.Prior + eps * eta[c];
        }
        _rootNoised = true;
    }

    /// <summary>Builds the result from the tree (lock held).</summary>
    private SearchResult<TMove> BuildResult()
    {
        Node[] nodes = _tree.Nodes;
        ref Node root = ref nodes[0];
        var moves = new List<MoveStats<TMove>>(Math.Max(0, (int)root.ChildCount));
        var policy = new float[TGame.ActionCount];
        int best = -1;
        long totalVisits = 0;
        if (root.State == NodeState.Expanded)
        {
            for (int c = root.FirstChild; c < root.FirstChild + root.ChildCount; c++)
            {
                ref Node n = ref nodes[c];
                TMove move = _tree.Moves[c];
                int action = _rootPosition.ActionIndex(move);
                float q = n.Proof.IsKnown ? n.Proof.Value : n.Visits > 0 ? (float)(n.W / n.Visits) : float.NaN;
                moves.Add(new MoveStats<TMove>(move, action, n.Visits, q, n.Prior)
                {
                    Proven = n.Proof.IsKnown ? n.Proof.Result : null,
                    ProvenPlies = n.Proof.IsKnown ? n.Proof.Plies + 1 : 0,
                });
                policy[action] += n.Visits;
                totalVisits += n.Visits;
                if (best < 0 || IsBetter(nodes, c, best))
                {
                    best = c;
                }
            }
        }
        if (totalVisits > 0)
        {
            for (int a = 0; a < policy.Length; a++)
            {
                policy[a] /= totalVisits;
            }
        }
        TMove bestMove = best >= 0 ? _tree.Moves[best] : FirstLegalMove();
        return new SearchResult<TMove>
        {
            BestMove = bestMove,
            Value = root.Proof.IsKnown ? root.Proof.Result.Flip().ToValue() : root.Visits > 0 ? (float)(-root.W / root.Visits) : 0f,
            Proven = root.Proof.IsKnown ? root.Proof.Result.Flip() : null,
            ProvenPlies = root.Proof.Plies,
            Moves = moves,
            PrincipalVariation = PrincipalVariation(),
            Playouts = _playouts,
            Visits = root.Visits,
            TreeNodes = _tree.Count,
            Collisions = _collisions,
            Elapsed = _elapsed,
            StopReason = _stopReason ?? StopReason.Limit,
            PolicyTarget = policy,
        };
    }

    /// <summary>
    /// With the solver, a proven win (the shortest) first and a proven loss (the longest) last; then most visits; ties go
    /// to the higher Q, then the higher prior.
    /// </summary>
    private bool IsBetter(Node[] nodes, int a, int b)
    {
        ref Node x = ref nodes[a];
        ref Node y = ref nodes[b];
        int proofs = CompareProofs(x.Proof, y.Proof);
        if (proofs != 0)
        {
            return proofs > 0;
        }
        if (x.Visits != y.Visits)
        {
            return x.Visits > y.Visits;
        }
        double qx = x.Visits > 0 ? x.W / x.Visits : double.NegativeInfinity;
        double qy = y.Visits > 0 ? y.W / y.Visits : double.NegativeInfinity;
        if (qx != qy)
        {
            return qx > qy;
        }
        return x.Prior > y.Prior;
    }

    private List<TMove> PrincipalVariation()
    {
        var pv = new List<TMove>();
        Node[] nodes = _tree.Nodes;
        int node = 0;
        while (nodes[node].State == NodeState.Expanded && nodes[node].ChildCount > 0)
        {
            int best = nodes[node].FirstChild;
            for (int c = best + 1; c < nodes[node].FirstChild + nodes[node].ChildCount; c++)
            {
                if (IsBetter(nodes, c, best))
                {
                    best = c;
                }
            }
            if (nodes[best].Visits == 0)
            {
                break;
            }
            pv.Add(_tree.Moves[best]);
            node = best;
        }
        return pv;
    }

    private TMove FirstLegalMove()
    {
        var buffer = new TMove[TGame.MaxMoves];
        return _rootPosition.GenerateMoves(buffer) > 0 ? buffer[0] : default;
    }
}
