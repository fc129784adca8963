using Zero.Games;
using Zero.Search.Evaluation;

namespace Zero.Search.Mcts;

/// <summary>The search threads' loop: gather leaves, evaluate them, expand and back up (steps 1–3 of the class remarks).</summary>
public sealed partial class PuctSearch<TGame, TMove>
{
    private Exception? _error;

    /// <summary>Records a search thread's failure and stops the others (Wait rethrows it).</summary>
    private void Fail(Exception error)
    {
        lock (_gate)
        {
            _error ??= error;
            _stopReason ??= StopReason.Stopped;
            _stopRequested = true;
        }
    }

    /// <summary>Rethrows a search thread's failure after Wait joined the threads; the tree is reset (it holds in-flight marks).</summary>
    private void ThrowIfFailed()
    {
        Exception? error = _error;
        if (error is null)
        {
            return;
        }
        _error = null;
        _tree.Reset();
        _rootNoised = false;
        Volatile.Write(ref _running, false);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
    }

    /// <summary>
    /// Decides, with the lock held, how many playouts the next gather may take (it also stops when its batch is full):
    /// 0 means this thread is done.
    /// Applies the time, playout and visit limits and smart pruning (which also stops once the solver has proven the
    /// root), and records the stop reason.
    /// </summary>
    private int NextBudget()
    {
        if (_stopRequested)
        {
            return 0;
        }
        if (_limits.Infinite)
        {
            return int.MaxValue;
        }
        TimeSpan elapsed = _time.GetElapsedTime(_startTimestamp);
        if (_limits.Time is { } time && elapsed >= time)
        {
            return Finish(StopReason.Limit);
        }
        long rootVisits = _tree.Nodes[0].Visits;
        long budget = int.MaxValue;
        long remaining = long.MaxValue;
        if (_limits.Playouts > 0)
        {
            budget = Math.Min(budget, _limits.Playouts - _playouts - _inFlight);
            remaining = _limits.Playouts - _playouts;
        }
        if (_limits.Visits > 0)
        {
            budget = Math.Min(budget, _limits.Visits - rootVisits - _inFlight);
            remaining = Math.Min(remaining, _limits.Visits - rootVisits);
        }
        if (budget <= 0)
        {
            return _inFlight == 0 ? Finish(StopReason.Limit) : 0;
        }
        if (Options.SmartPruningFactor > 0)
        {
            if (Options.Solver && _tree.Nodes[0].Proof.IsKnown)
            {
                // The root is solved: further playouts would only repeat the proof.
                return _inFlight == 0 ? Finish(StopReason.SmartPruning) : 0;
            }
            if (_limits.Time is { } t && _playouts > 0 && elapsed > TimeSpan.Zero)
            {
                double rate = _playouts / elapsed.TotalSeconds;
                remaining = Math.Min(remaining, (long)(rate * (t - elapsed).TotalSeconds));
            }
            if (remaining != long.MaxValue && CannotBeOvertaken(remaining / Options.SmartPruningFactor))
            {
                return _inFlight == 0 ? Finish(StopReason.SmartPruning) : 0;
            }
        }
        return (int)budget;
    }

    private int Finish(StopReason reason)
    {
        _stopReason ??= reason;
        _stopRequested = true;
        return 0;
    }

    /// <summary>True when the most visited root move leads every other by more than <paramref name="remaining"/> visits.</summary>
    private bool CannotBeOvertaken(double remaining)
    {
        Node[] nodes = _tree.Nodes;
        ref Node root = ref nodes[0];
        if (root.State != NodeState.Expanded)
        {
            return false;
        }
        if (root.ChildCount == 1)
        {
            return true;
        }
        int best = 0, second = 0;
        for (int c = root.FirstChild; c < root.FirstChild + root.ChildCount; c++)
        {
            int n = nodes[c].Visits;
            if (n > best)
            {
                second = best;
                best = n;
            }
            else if (n > second)
            {
                second = n;
            }
        }
        return second + remaining < best;
    }

    /// <summary>
    /// PUCT: the child of <paramref name="parent"/> maximising Q + U, with U = C(s)·P·√N_parent/(1 + N_child) and
    /// C(s) = ln((1 + N_parent + c_base)/c_base) + c_init. Counts include virtual loss (an in-flight visit is scored as a
    /// loss for the chooser); an unvisited child gets the first-play urgency value. Ties go to the first child.
    /// With the solver, a child proven to win for the chooser is taken at once (the shortest win), a proven loss only
    /// when every child is one (the longest), and a proven draw scores its exact Q of 0.
    /// </summary>
    private int SelectChild(int parent)
    {
        Node[] nodes = _tree.Nodes;
        ref Node p = ref nodes[parent];
        int first = p.FirstChild, end = p.FirstChild + p.ChildCount;
        double parentN = p.Visits + p.VirtualLoss;
        double cs = Math.Log((1 + parentN + Options.CBase) / Options.CBase) + Options.CInit;
        double explore = cs * Math.Sqrt(parentN);

        double fpu = Options.FpuValue;
        if (Options.Fpu == FpuMode.Reduction)
        {
            double visitedPolicy = 0;
            for (int c = first; c < end; c++)
            {
                if (nodes[c].Visits + nodes[c].VirtualLoss > 0)
                {
                    visitedPolicy += nodes[c].Prior;
                }
            }
            double parentQ = p.Visits > 0 ? -p.W / p.Visits : 0;
            fpu = parentQ - Options.FpuValue * Math.Sqrt(visitedPolicy);
        }

        int best = first;
        double bestScore = double.NegativeInfinity;
        bool solver = Options.Solver, open = false;
        int win = -1, loss = -1;
        for (int c = first; c < end; c++)
        {
            ref Node n = ref nodes[c];
            int visits = n.Visits + n.VirtualLoss;
            double w = n.W;
            if (solver && n.Proof.IsKnown)
            {
                Proof proof = n.Proof;
                if (proof.Result == GameResult.Win)
                {
                    win = win < 0 || proof.Plies < nodes[win].Proof.Plies ? c : win;
                    continue;
                }
                if (proof.Result == GameResult.Loss)
                {
                    loss = loss < 0 || proof.Plies > nodes[loss].Proof.Plies ? c : loss;
                    continue;
                }
                w = 0; // a proven draw: its exact value on every visit
            }
            open = true;
            double q = visits > 0 ? (w - n.VirtualLoss) / visits : fpu;
            double score = q + explore * n.Prior / (1 + visits);
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }
        if (win >= 0)
        {
            return win;
        }
        return open || loss < 0 ? best : loss;
    }

    /// <summary>What a gathered selection ended on.</summary>
    private enum LeafKind : byte
    {
        Evaluate,
        Exact,
        Collision,
    }

    /// <summary>One search thread's buffers, reused for every gather; nothing here allocates per node.</summary>
    private sealed class Worker
    {
        private readonly PuctSearch<TGame, TMove> _search;
        private readonly IEvaluationBatch<TGame, TMove> _batch;
        private readonly TGame[] _positions;
        private readonly int[] _pathStart;
        private readonly int[] _pathLength;
        private readonly LeafKind[] _kind;
        private readonly int[] _batchIndex;
        private readonly float[] _exact;
        private readonly TMove[] _moves = new TMove[TGame.MaxMoves];
        private readonly float[] _priors = new float[TGame.MaxMoves];
        private int[] _path = new int[1024];
        private int _pathCount;
        private int _leafCount;
        private int _leaves;

        public Worker(PuctSearch<TGame, TMove> search, IEvaluationBatch<TGame, TMove> batch)
        {
            _search = search;
            _batch = batch;
            // Terminal and capped leaves need no evaluation, so a gather may hold more leaves than the batch.
            int records = 2 * search.Options.BatchSize + search.Options.CollisionLimit;
            _positions = new TGame[records];
            _pathStart = new int[records];
            _pathLength = new int[records];
            _kind = new LeafKind[records];
            _batchIndex = new int[records];
            _exact = new float[records];
        }

        public void Run()
        {
            PuctSearch<TGame, TMove> s = _search;
            var spinner = default(SpinWait);
            try
            {
                while (true)
                {
                    // 1. Gather.
                    int evaluations;
                    lock (s._gate)
                    {
                        int budget = s.NextBudget();
                        if (budget == 0)
                        {
                            break;
                        }
                        evaluations = Gather(budget);
                    }
                    if (_leaves == 0)
                    {
                        // Every selection hit another thread's in-flight leaf: undo them, back off, then sleep.
                        lock (s._gate)
                        {
                            Apply();
                        }
                        spinner.SpinOnce();
                        continue;
                    }
                    spinner.Reset();

                    // 2. Evaluate.
                    if (evaluations > 0)
                    {
                        _batch.Run();
                    }

                    // 3. Expand and back up.
                    lock (s._gate)
                    {
                        Apply();
                    }
                }
            }
            catch (Exception e)
            {
                s.Fail(e);
            }
            finally
            {
                _batch.Clear();
                _pathCount = 0;
                _leafCount = 0;
            }
        }

        /// <summary>
        /// Selects leaves (lock held) until the batch is full, <paramref name="budget"/> playouts are taken, the collision
        /// limit is hit or the leaf records run out; returns how many leaves need the evaluator.
        /// </summary>
        private int Gather(int budget)
        {
            PuctSearch<TGame, TMove> s = _search;
            int leaves = 0, collisions = 0, evaluations = 0;
            int collisionLimit = s.Options.CollisionLimit, batchSize = s.Options.BatchSize;
            _leafCount = 0;
            _pathCount = 0;
            while (evaluations < batchSize && leaves < budget && collisions < collisionLimit && _leafCount < _kind.Length)
            {
                int i = _leafCount++;
                _pathStart[i] = _pathCount;
                int node = 0;
                TGame position = s._rootPosition;
                Push(0);
                Node[] nodes = s._tree.Nodes;
                // A proven node below the root ends the selection like a terminal one: its value is exact.
                while (nodes[node].State == NodeState.Expanded && (node == 0 || !nodes[node].Proof.IsKnown))
                {
                    node = s.SelectChild(node);
                    position = position.Play(s._tree.Moves[node]);
                    Push(node);
                }
                ref Node leaf = ref nodes[node];
                switch (leaf.State)
                {
                    case NodeState.Unexpanded when position.Outcome is { } result:
                        leaf.State = NodeState.Terminal;
                        leaf.Value = result.ToValue();
                        if (s.Options.Solver)
                        {
                            leaf.Proof = Proof.Terminal(result);
                        }
                        _kind[i] = LeafKind.Exact;
                        _exact[i] = leaf.Value;
                        leaves++;
                        break;
                    case NodeState.Unexpanded:
                        leaf.State = NodeState.Pending;
                        _kind[i] = LeafKind.Evaluate;
                        _positions[i] = position;
                        _batchIndex[i] = _batch.Count;
                        _batch.Add(position);
                        leaves++;
                        evaluations++;
                        break;
                    case NodeState.Pending:
                        _kind[i] = LeafKind.Collision;
                        collisions++;
                        break;
                    case NodeState.Expanded: // proven by the solver: its exact value for its side to move
                        _kind[i] = LeafKind.Exact;
                        _exact[i] = -leaf.Proof.Value;
                        leaves++;
                        break;
                    default: // Terminal or Capped: the value is known
                        _kind[i] = LeafKind.Exact;
                        _exact[i] = leaf.Value;
                        leaves++;
                        break;
                }
                _pathLength[i] = _pathCount - _pathStart[i];
                foreach (int n in _path.AsSpan(_pathStart[i], _pathLength[i]))
                {
                    nodes[n].VirtualLoss++;
                }
            }
            s._inFlight += leaves;
            _leaves = leaves;
            return evaluations;
        }

        /// <summary>Expands evaluated leaves and backs every leaf up (lock held), then resets the gather.</summary>
        private void Apply()
        {
            PuctSearch<TGame, TMove> s = _search;
            int leaves = 0, collisions = 0;
            for (int i = 0; i < _leafCount; i++)
            {
                ReadOnlySpan<int> path = _path.AsSpan(_pathStart[i], _pathLength[i]);
                switch (_kind[i])
                {
                    case LeafKind.Evaluate:
                        int b = _batchIndex[i];
                        float value = _batch.Value(b);
                        Expand(path[^1], _positions[i], _batch.PolicyLogits(b), value);
                        Backup(path, value);
                        leaves++;
                        break;
                    case LeafKind.Exact:
                        Backup(path, _exact[i]);
                        leaves++;
                        break;
                    default:
                        foreach (int n in path)
                        {
                            s._tree.Nodes[n].VirtualLoss--;
                        }
                        collisions++;
                        break;
                }
            }
            s._inFlight -= leaves;
            s._playouts += leaves;
            s._collisions += collisions;
            _batch.Clear();
            _pathCount = 0;
            _leafCount = 0;
        }

        /// <summary>Gives <paramref name="node"/> its children (priors = softmax of the legal moves' logits), or caps it when the tree is full.</summary>
        private void Expand(int node, in TGame position, ReadOnlySpan<float> logits, float value)
        {
            PuctSearch<TGame, TMove> s = _search;
            int count = position.GenerateMoves(_moves);
            if (!s._tree.TryAllocate(count, out int first))
            {
                ref Node capped = ref s._tree.Nodes[node];
                capped.State = NodeState.Capped;
                capped.Value = value;
                if (s.Options.OnMemoryFull == MemoryFullBehavior.Stop)
                {
                    s.Finish(StopReason.MemoryFull);
                }
                return;
            }

            // Softmax over the legal moves only, at the policy temperature.
            float inverseTemperature = 1f / s.Options.PolicyTemperature;
            float max = float.NegativeInfinity;
            for (int m = 0; m < count; m++)
            {
                _priors[m] = logits[position.ActionIndex(_moves[m])] * inverseTemperature;
                max = Math.Max(max, _priors[m]);
            }
            float sum = 0;
            for (int m = 0; m < count; m++)
            {
                _priors[m] = MathF.Exp(_priors[m] - max);
                sum += _priors[m];
            }
            Node[] nodes = s._tree.Nodes; // after TryAllocate, which may have grown the arrays
            TMove[] moves = s._tree.Moves;
            for (int m = 0; m < count; m++)
            {
                nodes[first + m] = Node.Create(_priors[m] / sum);
                moves[first + m] = _moves[m];
            }
            ref Node n = ref nodes[node];
            n.FirstChild = first;
            n.ChildCount = (short)count;
            n.Value = value;
            n.State = NodeState.Expanded;
            if (node == 0)
            {
                s.ApplyRootNoise();
            }
        }

        /// <summary>
        /// Adds the leaf's value to every node on the path, negated at each ply, and removes the virtual loss. With the
        /// solver: 1. while the node below was proven just now (or is the proven leaf), try to prove this one from its
        /// children; 2. a proven node adds its exact value, and the nodes above it get that value, negated at each ply.
        /// </summary>
        private void Backup(ReadOnlySpan<int> path, float leafValue)
        {
            PuctSearch<TGame, TMove> s = _search;
            Node[] nodes = s._tree.Nodes;
            bool solver = s.Options.Solver;
            bool proving = solver && nodes[path[^1]].Proof.IsKnown;
            double x = -leafValue; // the leaf node stores values from its chooser's (the opponent's) point of view
            for (int j = path.Length - 1; j >= 0; j--)
            {
                ref Node n = ref nodes[path[j]];
                if (solver)
                {
                    // 1. Only a child's new proof can prove its parent; an already proven node changes nothing above.
                    if (proving && j < path.Length - 1)
                    {
                        proving = !n.Proof.IsKnown && s.TryProve(path[j]);
                    }
                    // 2. The exact value of a proven node (a leaf's is already in x).
                    if (n.Proof.IsKnown)
                    {
                        x = n.Proof.Value;
                    }
                }
                n.Visits++;
                n.W += x;
                n.VirtualLoss--;
                x = -x;
            }
        }

        private void Push(int node)
        {
            if (_pathCount == _path.Length)
            {
                Array.Resize(ref _path, _path.Length * 2);
            }
            _path[_pathCount++] = node;
        }
    }
}
