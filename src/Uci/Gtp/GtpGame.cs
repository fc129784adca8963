using Zero.Games;
using Zero.Games.Go;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;
using Zero.Uci.Protocol;

namespace Zero.Uci.Gtp;

/// <summary>
/// One Go game in network frame <typeparamref name="TFrame"/> for <see cref="GtpEngine"/>: the positions played so
/// far (a stack, so undo is a pop), the moves with their colours (for printsgf), and the PUCT search over the
/// evaluator <see cref="GoEvaluatorFactory"/> chose. GTP lets a controller play moves out of turn and play on after
/// two passes; the first gets a pass inserted for the other side, the second restarts the game from the stones on
/// the board (the superko history starts again there).
/// </summary>
public sealed class GtpGame<TFrame> : IGtpGame
    where TFrame : struct, IGoFrame
{
    private readonly List<GoPosition<TFrame>> _positions = [];
    private readonly List<SgfMove> _record = [];
    private readonly List<int> _recordLengths = [];
    private readonly IEvaluator<GoPosition<TFrame>, GoMove> _evaluator;
    private readonly PuctSearch<GoPosition<TFrame>, GoMove> _search;
    private readonly ulong _seed;
    private GoSetup _setup;
    private Task<SearchResult<GoMove>>? _waiter;

    /// <summary>An empty board under <paramref name="rules"/>, searched with the options' evaluator and parameters.</summary>
    public GtpGame(GoRules rules, OptionValues options, TimeProvider? time = null)
    {
        int seed = (int)options.GetLong(GtpOptions.Seed);
        _seed = (ulong)seed + 1;
        (_evaluator, EvaluatorNote) = GoEvaluatorFactory.Create<TFrame>(options.GetString(GtpOptions.Weights), rules.Size, seed);
        _search = new PuctSearch<GoPosition<TFrame>, GoMove>(_evaluator, GtpOptions.ToMctsOptions(options), time);
        _setup = GoSetup.Empty(rules);
        _positions.Add(GoPosition<TFrame>.Create(_setup));
    }

    private GoPosition<TFrame> Current => _positions[^1];

    public int Size => Current.Size;
    public GoRules Rules => _setup.Rules;
    public GoColor ToMove => Current.ToMove;
    public int MoveCount => _positions.Count - 1;
    public bool IsEmpty => _positions.Count == 1 && Current.Board.BlackStones + Current.Board.WhiteStones == 0;
    public string EvaluatorNote { get; }
    public bool IsSearching => _waiter is { IsCompleted: false };

    public IReadOnlyList<GoMove> Stones()
    {
        var stones = new List<GoMove>();
        GoPosition<TFrame> p = Current;
        for (int row = 0; row < p.Size; row++)
        {
            for (int col = 0; col < p.Size; col++)
            {
                if (p[row, col] is GoColor.Black or GoColor.White)
                {
                    stones.Add(GoMove.At(row, col));
                }
            }
        }
        return stones;
    }

    public string Render() => Current.Render().TrimEnd('\n');

    public bool IsLegal(GoColor color, GoMove move)
    {
        GoPosition<TFrame> p = Resumed(Current);
        if (color != p.ToMove)
        {
            p = p.Play(GoMove.Pass);
        }
        return p.IsLegal(move, out _);
    }

    public bool TryPlay(GoColor color, GoMove move, out string? error)
    {
        Finish();
        GoPosition<TFrame> p = Resumed(Current);
        var added = new List<SgfMove>();
        if (color != p.ToMove)
        {
            if (p.Board.Passes > 0)
            {
                error = "out of turn right after a pass (a pass for the other side would end the game)";
                return false;
            }
            p = p.Play(GoMove.Pass);
            added.Add(new SgfMove(color.Opponent(), GoMove.Pass));
        }
        if (!p.IsLegal(move, out error))
        {
            return false;
        }
        _positions.Add(p.Play(move));
        _recordLengths.Add(_record.Count);
        _record.AddRange(added);
        if (!move.IsResign)
        {
            _record.Add(new SgfMove(color, move));
        }
        return true;
    }

    /// <summary>After two passes GTP plays on: a new start from the stones on the board, same rules and player to move.</summary>
    private GoPosition<TFrame> Resumed(GoPosition<TFrame> p)
    {
        if (!p.IsOver || p.IsResigned)
        {
            return p;
        }
        var handicap = new List<GoMove>();
        var black = new List<GoMove>();
        var white = new List<GoMove>();
        for (int row = 0; row < p.Size; row++)
        {
            for (int col = 0; col < p.Size; col++)
            {
                GoMove m = GoMove.At(row, col);
                switch (p[row, col])
                {
                    case GoColor.Black:
                        (_setup.Handicap.Contains(m) ? handicap : black).Add(m);
                        break;
                    case GoColor.White:
                        white.Add(m);
                        break;
                }
            }
        }
        return GoPosition<TFrame>.Create(new GoSetup(_setup.Rules, handicap, black, white, p.ToMove));
    }

    public bool Undo()
    {
        Finish();
        if (_positions.Count <= 1)
        {
            return false;
        }
        _positions.RemoveAt(_positions.Count - 1);
        int length = _recordLengths[^1];
        _recordLengths.RemoveAt(_recordLengths.Count - 1);
        _record.RemoveRange(length, _record.Count - length);
        return true;
    }

    public bool TrySetKomi(double komi, out string? error)
    {
        Finish();
        GoSetup setup = _setup with { Rules = _setup.Rules.WithKomi(komi) };
        var positions = new List<GoPosition<TFrame>> { GoPosition<TFrame>.Create(setup) };
        for (int i = 1; i < _positions.Count; i++)
        {
            GoMove move = _positions[i].LastMove ?? GoMove.Pass;
            GoPosition<TFrame> p = Resumed(positions[^1]);
            if (p.ToMove != _positions[i].ToMove.Opponent())
            {
                p = p.Play(GoMove.Pass);
            }
            if (!p.IsLegal(move, out error))
            {
                return false;
            }
            positions.Add(p.Play(move));
        }
        _setup = setup;
        _positions.Clear();
        _positions.AddRange(positions);
        _search.Clear();
        error = null;
        return true;
    }

    public bool TrySetHandicap(IReadOnlyList<GoMove> stones, out string? error)
    {
        try
        {
            var setup = new GoSetup(_setup.Rules, stones, [], [], stones.Count > 0 ? GoColor.White : GoColor.Black);
            GoPosition<TFrame> p = GoPosition<TFrame>.Create(setup);
            _setup = setup;
            _positions.Clear();
            _positions.Add(p);
            _record.Clear();
            _recordLengths.Clear();
            error = null;
            return true;
        }
        catch (ZeroException e)
        {
            error = e.Message;
            return false;
        }
    }

    public void StartSearch(GoColor color, SearchLimits limits)
    {
        Finish();
        GoPosition<TFrame> root = Resumed(Current);
        if (color != root.ToMove && !root.IsOver)
        {
            root = root.Play(GoMove.Pass);
        }
        if (root.IsOver)
        {
            return; // a resigned game: nothing to search, Snapshot and Wait report no candidates
        }
        _search.SetPosition(root);
        _search.Start(limits);
        _waiter = Task.Factory.StartNew(_search.Wait, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void StopSearch() => _search.Stop();

    public GtpAnalysis Snapshot() => _waiter is null ? Empty : Convert(_search.Snapshot());

    public GtpAnalysis Wait()
    {
        if (_waiter is null)
        {
            return Empty;
        }
        SearchResult<GoMove> result = _waiter.GetAwaiter().GetResult();
        _waiter = null;
        return Convert(result);
    }

    private static GtpAnalysis Empty => new([], 0, 0, 0.5);

    /// <summary>Waits for a search that was answered from a snapshot (its threads finish a gather) before the next use.</summary>
    private void Finish()
    {
        if (_waiter is not null)
        {
            _search.Stop();
            try
            {
                _waiter.Wait();
            }
            catch (AggregateException)
            {
                // reported when it was answered
            }
            _waiter = null;
        }
    }

    private GtpAnalysis Convert(SearchResult<GoMove> result)
    {
        List<MoveStats<GoMove>> ranked = result.Moves.Where(m => m.Visits > 0).ToList();
        ranked.Sort(MoveSelection.CompareBestFirst);
        var candidates = new List<GtpCandidate>(ranked.Count);
        foreach (MoveStats<GoMove> m in ranked)
        {
            double w = Math.Clamp((m.Q + 1) / 2, 0, 1);
            double lcb = Math.Clamp(w - 1.96 * Math.Sqrt(w * (1 - w) / m.Visits), 0, 1);
            IReadOnlyList<GoMove> pv = result.PrincipalVariation.Count > 0 && result.PrincipalVariation[0] == m.Move
                ? result.PrincipalVariation
                : [m.Move];
            candidates.Add(new GtpCandidate(m.Move, m.Visits, w, m.Prior, lcb, pv));
        }
        return new GtpAnalysis(candidates, result.Visits, result.Playouts, Math.Clamp((result.Value + 1) / 2, 0, 1));
    }

    public GoFinalScore FinalScore() => GoScoring.Final(Current, 1000, _seed);

    public int DeadStonesOf(GoColor color)
    {
        GoFinalScore score = FinalScore();
        GoBoard board = Current.Board;
        return score.Dead.Count(m => board[m.Row, m.Col] == color);
    }

    public float[] Ownership(int playouts) => GoScoring.Ownership(Current.Board, playouts, _seed, out _, out _);

    public string ToSgf()
    {
        GoPosition<TFrame> p = Current;
        string? result = p.IsResigned ? (p.Winner == GoColor.Black ? "B+R" : "W+R") : null;
        var game = new SgfGame(_setup, _record.ToArray()) { Result = result, PlayerBlack = null, PlayerWhite = "Zero" };
        return SgfWriter.Write(game);
    }

    public bool TryLoadSgf(string text, int? moveNumber, out string? error)
    {
        if (!SgfReader.TryRead(text, out SgfGame? game, out error))
        {
            return false;
        }
        if (game!.Setup.Rules.Size > TFrame.Size)
        {
            error = $"the record's {game.Setup.Rules.Size}x{game.Setup.Rules.Size} board does not fit this frame";
            return false;
        }
        int count = moveNumber is { } n ? Math.Clamp(n - 1, 0, game.Moves.Count) : game.Moves.Count;
        GoSetup setup = game.Setup with { Rules = new GoRules(game.Setup.Rules.Size, game.Setup.Rules.Komi, _setup.Rules.RuleSet, _setup.Rules.Ko) };
        var positions = new List<GoPosition<TFrame>>();
        var record = new List<SgfMove>();
        var lengths = new List<int>();
        try
        {
            positions.Add(GoPosition<TFrame>.Create(setup));
        }
        catch (ZeroException e)
        {
            error = e.Message;
            return false;
        }
        for (int i = 0; i < count; i++)
        {
            SgfMove m = game.Moves[i];
            GoPosition<TFrame> p = positions[^1];
            lengths.Add(record.Count);
            if (m.Color != p.ToMove)
            {
                p = p.Play(GoMove.Pass);
                record.Add(new SgfMove(m.Color.Opponent(), GoMove.Pass));
            }
            if (!p.IsLegal(m.Move, out string? why))
            {
                error = $"move {i + 1} ({GoCoordinates.Format(m.Move, setup.Rules.Size)}) is illegal: {why}";
                return false;
            }
            positions.Add(p.Play(m.Move));
            record.Add(m);
        }
        _setup = setup;
        _positions.Clear();
        _positions.AddRange(positions);
        _record.Clear();
        _record.AddRange(record);
        _recordLengths.Clear();
        _recordLengths.AddRange(lengths);
        Finish();
        _search.Clear();
        return true;
    }

    public void Dispose()
    {
        Finish();
        (_evaluator as IDisposable)?.Dispose();
    }
}
