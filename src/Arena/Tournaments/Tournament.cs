using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Arena.Play;
using Zero.Arena.Statistics;
using Zero.Games;

namespace Zero.Arena.Tournaments;

/// <summary>
/// Runs a tournament: round robin or gauntlet, each round one opening per pairing played
/// <see cref="TournamentOptions.GamesPerRound"/> times with the colours swapped, several rounds at once.
/// <list type="number">
/// <item>The schedule is every (round, pairing); rounds already in the results database are counted, not replayed.</item>
/// <item>Each worker thread owns one instance of each entrant it meets and plays whole rounds (both games of a
/// pair), so a pair is complete before it is stored and counted.</item>
/// <item>Before each game both participants get ready (`isready`); one that cannot (crashed, stalled) is replaced with
/// `--recover` (a game it still cannot start is lost by forfeit), and without it the tournament stops.</item>
/// <item>Each finished round goes to the database in one transaction, to the tallies and to the observer; the SPRT,
/// when given, is checked on the first entrant's pairs and stops the tournament once decided.</item>
/// </list>
/// Used by `zero arena`, `zero match` and `zero uci-match`.
/// </summary>
public sealed class Tournament<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private readonly IReadOnlyList<Entrant<TGame, TMove>> _entrants;
    private readonly IReadOnlyList<Opening<TGame, TMove>> _openings;
    private readonly OpeningOrder _order;
    private readonly TournamentOptions _options;
    private readonly (int A, int B)[] _pairings;
    private readonly MatchTally[,] _tallies;
    private readonly Lock _lock = new();
    private int _gamesFinished;
    private int _gamesEnded;

    public Tournament(IReadOnlyList<Entrant<TGame, TMove>> entrants, IReadOnlyList<Opening<TGame, TMove>> openings, OpeningOrder order, TournamentOptions options)
    {
        if (entrants.Count < 2)
        {
            throw new ZeroException("a tournament needs two or more participants");
        }
        if (openings.Count == 0)
        {
            throw new ZeroException("a tournament needs at least one opening");
        }
        _entrants = entrants;
        _openings = openings;
        _order = order;
        _options = options;
        _pairings = options.Kind == TournamentKind.Gauntlet
            ? [.. Enumerable.Range(1, entrants.Count - 1).Select(j => (0, j))]
            : [.. from i in Enumerable.Range(0, entrants.Count) from j in Enumerable.Range(i + 1, entrants.Count - i - 1) select (i, j)];
        _tallies = new MatchTally[entrants.Count, entrants.Count];
        for (int i = 0; i < entrants.Count; i++)
        {
            for (int j = 0; j < entrants.Count; j++)
            {
                _tallies[i, j] = MatchTally.Empty;
            }
        }
    }

    /// <summary>Called (under the tournament's lock, one at a time) after each round of a pairing is stored.</summary>
    public Action<RoundResult<TGame, TMove>>? RoundFinished { get; init; }

    /// <summary>Called for each game as it ends (under the lock), before its round is stored.</summary>
    public Action<int, GameReport<TGame, TMove>, int, int>? GameFinished { get; init; }

    /// <summary>The entrants, in order.</summary>
    public IReadOnlyList<Entrant<TGame, TMove>> Entrants => _entrants;

    /// <summary>The pairings (A, B) in schedule order.</summary>
    public IReadOnlyList<(int A, int B)> Pairings => _pairings;

    /// <summary>Games finished so far (resumed ones included).</summary>
    public int GamesFinished => _gamesFinished;

    /// <summary>Entrant <paramref name="i"/>'s tally against <paramref name="j"/>, from i's side.</summary>
    public MatchTally Tally(int i, int j)
    {
        lock (_lock)
        {
            return _tallies[i, j];
        }
    }

    /// <summary>Entrant <paramref name="i"/>'s tally against everyone, from i's side.</summary>
    public MatchTally Total(int i)
    {
        lock (_lock)
        {
            MatchTally sum = MatchTally.Empty;
            for (int j = 0; j < _entrants.Count; j++)
            {
                sum += _tallies[i, j];
            }
            return sum;
        }
    }

    /// <summary>The SPRT's LLR and decision on the first entrant's pairs, or null without an SPRT.</summary>
    public (double Llr, SprtDecision Decision)? SprtState()
    {
        if (_options.Sprt is not { } sprt)
        {
            return null;
        }
        double llr = sprt.Llr(Total(0).Pentanomial);
        return (llr, sprt.Decide(llr));
    }

    /// <summary>Plays the tournament (or what is left of it) and says how it ended.</summary>
    public TournamentOutcome Run(CancellationToken cancellation = default)
    {
        // 1. The schedule, minus the rounds the database already holds.
        using ResultStore? store = _options.DatabasePath is { } path ? ResultStore.Open(path, _options.Signature) : null;
        var done = new HashSet<(int, int)>();
        int resumed = 0;
        if (store is not null)
        {
            foreach (IGrouping<(int Round, int Pairing), StoredGame> round in store.Load().GroupBy(g => (g.Round, g.Pairing)))
            {
                StoredGame[] games = [.. round.OrderBy(g => g.Game)];
                if (games.Length != _options.GamesPerRound || round.Key.Pairing >= _pairings.Length)
                {
                    continue;
                }
                done.Add(round.Key);
                Count(round.Key.Pairing, games.Select(g => (g.First, g.FirstResult, g.Faulty, Enum.Parse<Termination>(g.Termination))).ToArray());
                resumed += games.Length;
                _gamesFinished += games.Length;
            }
        }
        var schedule = new List<(int Round, int Pairing)>();
        for (int r = 0; r < _options.Rounds; r++)
        {
            for (int p = 0; p < _pairings.Length; p++)
            {
                if (!done.Contains((r, p)))
                {
                    schedule.Add((r, p));
                }
            }
        }
        if (SprtState() is { Decision: not SprtDecision.Continue })
        {
            return new TournamentOutcome(resumed, true, null, false);
        }

        // 2. The workers.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        int next = -1;
        string? error = null;
        bool decided = false;
        Exception? failure = null;
        var workers = new Thread[Math.Max(1, Math.Min(_options.Concurrency, schedule.Count))];
        for (int t = 0; t < workers.Length; t++)
        {
            workers[t] = new Thread(() =>
            {
                var seats = new IParticipant<TGame, TMove>?[_entrants.Count];
                try
                {
                    int k;
                    while (!stop.IsCancellationRequested && (k = Interlocked.Increment(ref next)) < schedule.Count)
                    {
                        (int round, int pairing) = schedule[k];
                        string? problem = PlayRound(round, pairing, seats, store, stop.Token);
                        if (problem is not null)
                        {
                            lock (_lock)
                            {
                                error ??= problem;
                            }
                            stop.Cancel();
                        }
                        else if (SprtState() is { Decision: not SprtDecision.Continue })
                        {
                            decided = true;
                            stop.Cancel();
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    stop.Cancel();
                }
                finally
                {
                    foreach (IParticipant<TGame, TMove>? seat in seats)
                    {
                        seat?.Dispose();
                    }
                }
            })
            { IsBackground = true, Name = $"zero-arena-{t}" };
            workers[t].Start();
        }
        foreach (Thread worker in workers)
        {
            worker.Join();
        }
        if (failure is not null)
        {
            throw failure is ZeroException ? failure : new ZeroException($"a tournament game failed: {failure.Message}", failure);
        }
        return new TournamentOutcome(resumed, decided, error, cancellation.IsCancellationRequested && error is null && !decided);
    }

    /// <summary>Plays one round of one pairing; returns why the tournament must stop, or null.</summary>
    private string? PlayRound(int round, int pairing, IParticipant<TGame, TMove>?[] seats, ResultStore? store, CancellationToken cancellation)
    {
        (int a, int b) = _pairings[pairing];
        Opening<TGame, TMove> opening = _openings[_order.For(round)];
        var reports = new List<GameReport<TGame, TMove>>();
        var firsts = new List<int>();
        for (int g = 0; g < _options.GamesPerRound; g++)
        {
            // Two games a round: the opening with colours swapped. One game a round: colours alternate by round.
            int first = (g + (_options.GamesPerRound == 1 ? round : 0)) % 2 == 0 ? a : b, second = first == a ? b : a;
            GameReport<TGame, TMove> report;
            string? secondProblem = null;
            string? problem = Ready(first, seats, out string? firstProblem) ?? Ready(second, seats, out secondProblem);
            if (problem is not null)
            {
                return problem;
            }
            if (firstProblem is not null || secondProblem is not null)
            {
                // With --recover a participant that still cannot start a game loses it by forfeit.
                bool firstFails = firstProblem is not null;
                string reason = firstFails ? firstProblem! : secondProblem!;
                report = new GameReport<TGame, TMove>(opening, [], opening.Position, firstFails ? -1 : 1,
                    reason.StartsWith("stall", StringComparison.Ordinal) ? Termination.Stall : Termination.Disconnect,
                    $"{_entrants[firstFails ? first : second].Name} forfeits ({reason})", firstFails ? 0 : 1, [null, null]);
            }
            else
            {
                var settings = new GameSettings([_entrants[first].Limit, _entrants[second].Limit],
                    _entrants[first].Margin > _entrants[second].Margin ? _entrants[first].Margin : _entrants[second].Margin,
                    _options.UntimedBound, _options.Adjudication);
                report = Referee.Play(seats[first]!, seats[second]!, opening, settings, cancellation);
            }
            reports.Add(report);
            firsts.Add(first);
            lock (_lock)
            {
                _gamesEnded = Math.Max(_gamesEnded, _gamesFinished);
                GameFinished?.Invoke(++_gamesEnded, report, first, second);
            }
        }

        // Store the whole round at once, then count it.
        var stored = new List<StoredGame>();
        for (int g = 0; g < reports.Count; g++)
        {
            GameReport<TGame, TMove> r = reports[g];
            int first = firsts[g], second = first == a ? b : a;
            string moves = string.Join(' ', MoveTexts(r));
            stored.Add(new StoredGame(round, pairing, g, first, second, r.FirstResult, r.Termination.ToString(), r.Reason,
                r.Faulty is { } f ? (f == 0 ? first : second) : null, r.Opening.Start.FormatPosition(), moves));
        }
        store?.SaveRound(stored);
        lock (_lock)
        {
            Count(pairing, stored.Select(s => (s.First, s.FirstResult, s.Faulty, Enum.Parse<Termination>(s.Termination))).ToArray());
            _gamesFinished += reports.Count;
            if (_options.PgnPath is { } pgnPath)
            {
                foreach ((GameReport<TGame, TMove> r, int first) in reports.Zip(firsts))
                {
                    int second = first == a ? b : a;
                    string tc = _entrants[first].Limit.ToString();
                    if (PgnRecord.From(r, _entrants[first].Name, _entrants[second].Name, _options.Event, round + 1, tc) is { } pgn)
                    {
                        File.AppendAllText(pgnPath, Zero.Games.Chess.PgnWriter.Write(pgn));
                    }
                }
            }
            RoundFinished?.Invoke(new RoundResult<TGame, TMove>(round, a, b, reports, firsts, _gamesFinished));
        }
        return null;
    }

    /// <summary>
    /// Makes entrant <paramref name="who"/>'s seat ready for a game. Returns why the tournament must stop (no
    /// --recover), or null; <paramref name="forfeit"/> is set when, even after a restart, it cannot play.
    /// </summary>
    private string? Ready(int who, IParticipant<TGame, TMove>?[] seats, out string? forfeit)
    {
        forfeit = null;
        seats[who] ??= _entrants[who].Create();
        string? problem = seats[who]!.NewGame();
        if (problem is null)
        {
            return null;
        }
        if (!_options.Recover)
        {
            return $"{_entrants[who].Name}: {problem}; the tournament stops (give --recover to restart it and go on)";
        }
        seats[who]!.Dispose();
        seats[who] = _entrants[who].Create();
        forfeit = seats[who]!.NewGame();
        return null;
    }

    private void Count(int pairing, (int First, int FirstResult, int? Faulty, Termination Termination)[] games)
    {
        lock (_lock)
        {
            (int a, int b) = _pairings[pairing];
            int[] forA = [.. games.Select(g => g.First == a ? g.FirstResult : -g.FirstResult)];
            Termination[] faultsA = [.. games.Where(g => g.Faulty == a).Select(g => g.Termination)];
            Termination[] faultsB = [.. games.Where(g => g.Faulty == b).Select(g => g.Termination)];
            if (forA.Length == 2)
            {
                _tallies[a, b] = _tallies[a, b].AddPair(forA[0], forA[1], faultsA);
                _tallies[b, a] = _tallies[b, a].AddPair(-forA[0], -forA[1], faultsB);
            }
            else
            {
                foreach (var g in games)
                {
                    int r = g.First == a ? g.FirstResult : -g.FirstResult;
                    _tallies[a, b] = _tallies[a, b].AddGame(r, g.Faulty == a ? g.Termination : null);
                    _tallies[b, a] = _tallies[b, a].AddGame(-r, g.Faulty == b ? g.Termination : null);
                }
            }
        }
    }

    /// <summary>The opening's and the game's moves in the game's notation, from the opening's start position.</summary>
    public static List<string> MoveTexts(GameReport<TGame, TMove> report)
    {
        var texts = new List<string>();
        TGame p = report.Opening.Start;
        foreach (TMove m in report.Opening.Moves.Concat(report.Moves))
        {
            texts.Add(p.FormatMove(m));
            p = p.Play(m);
        }
        return texts;
    }
}
