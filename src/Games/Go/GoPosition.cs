using System.Text;

namespace Zero.Games.Go;

/// <summary>
/// Go as an <see cref="IGame{TSelf,TMove}"/>: an immutable position (copy-make: <see cref="Play"/> clones the
/// board and plays on the clone) over the incremental <see cref="GoBoard"/>, with the game's history for superko
/// and notation. Area scoring (Chinese or Tromp–Taylor), komi, handicap, pass, two passes end the game,
/// resignation.
/// <para><b>Board size and the static contract.</b> The contract fixes <c>ActionCount</c> and <c>InputShape</c>
/// per type, but Go is played on 2×2 to 25×25. The type parameter <typeparamref name="TFrame"/> is the network
/// frame (<see cref="Go9"/>, <see cref="Go13"/>, <see cref="Go19"/>, <see cref="Go25"/>): the policy has
/// F² + 1 actions (action = row·F + col, pass = F²) and the input is <see cref="PlaneCount"/> × F × F, for F =
/// TFrame.Size. A board of size N ≤ F sits in the frame's top-left corner; the on-board mask plane tells the
/// network where the board ends and the off-board actions are never legal, so one network can serve several
/// sizes. The catalog registers go9, go13, go (19) and go25, each starting on its full frame; other sizes come
/// from <see cref="Create"/> or the notation ("size 7 ...").</para>
/// <para><b>Symmetries.</b> The 8 board symmetries map the N×N board onto itself. <see cref="TransformAction"/>
/// is static and maps within the F×F frame, so the two agree exactly when N = F — the case self-play and
/// training use (a game type per trained size). For N &lt; F, <see cref="ApplySymmetry"/> still gives a correct
/// transformed position, but actions must be mapped with <see cref="TransformMove"/>.</para>
/// <para><b>End of game.</b> Two passes in a row, a resignation, or <see cref="MaxPlies"/> (3·N²) moves; the
/// result is the Tromp–Taylor count (every stone alive) plus komi — engines capture dead stones before
/// passing, and <see cref="GoScoring"/> estimates dead stones for GTP's final_score.</para>
/// <para><b>Hash</b> covers the stones, the player to move, the simple-ko point, a pending pass, the end of the
/// game and the rules; the superko history is not part of it.</para>
/// </summary>
public readonly partial struct GoPosition<TFrame> : IGame<GoPosition<TFrame>, GoMove>, IEquatable<GoPosition<TFrame>>, IFastPlayout
    where TFrame : struct, IGoFrame
{
    private const byte Ongoing = 0, BlackWins = 1, WhiteWins = 2, Drawn = 3;

    private readonly GoBoard _board;
    private readonly GoSetup _setup;
    private readonly GoHistory _history;
    private readonly int _ply;
    private readonly int _maxStones;
    private readonly byte _end;

    private GoPosition(GoBoard board, GoSetup setup, GoHistory history, int ply, int maxStones, byte end)
    {
        _board = board;
        _setup = setup;
        _history = history;
        _ply = ply;
        _maxStones = maxStones;
        _end = end;
    }

    public static string Name => TFrame.Name;
    public static int ActionCount => TFrame.Size * TFrame.Size + 1;
    public static int MaxMoves => TFrame.Size * TFrame.Size + 1;
    public static InputShape InputShape => new(PlaneCount, TFrame.Size, TFrame.Size);
    public static int SymmetryCount => 8;

    /// <summary>The empty frame-sized board, komi 7.5, Chinese rules, positional superko.</summary>
    public static GoPosition<TFrame> Initial { get; } = Create(new GoRules(TFrame.Size));

    /// <summary>The policy index of a pass: F².</summary>
    public static int PassAction => TFrame.Size * TFrame.Size;

    /// <summary>Starts a game on an empty board under <paramref name="rules"/>, Black first.</summary>
    /// <exception cref="ZeroException">The board is larger than this type's frame.</exception>
    public static GoPosition<TFrame> Create(GoRules rules) => Create(GoSetup.Empty(rules));

    /// <summary>Starts a game from a setup (handicap or free stones, first player).</summary>
    /// <exception cref="ZeroException">The board is larger than the frame, or a setup stone is misplaced.</exception>
    public static GoPosition<TFrame> Create(GoSetup setup)
    {
        if (setup.Rules.Size > TFrame.Size)
        {
            throw new ZeroException($"a {setup.Rules.Size}x{setup.Rules.Size} board does not fit the {TFrame.Name} frame ({TFrame.Size}x{TFrame.Size}): use go25");
        }
        GoBoard board = setup.CreateBoard();
        int stones = board.BlackStones + board.WhiteStones;
        var history = new GoHistory(GoMove.Pass, board.StoneHash, stones, board.ToMove, null);
        return new GoPosition<TFrame>(board, setup, history, 0, stones, Ongoing);
    }

    /// <summary>Starts a game with a fixed handicap (GTP placement, see <see cref="GoHandicap"/>); White moves first.</summary>
    /// <exception cref="ZeroException">The handicap does not fit the board.</exception>
    public static GoPosition<TFrame> CreateWithHandicap(GoRules rules, int stones) =>
        Create(new GoSetup(rules, GoHandicap.Fixed(rules.Size, stones), [], [], GoColor.White));

    /// <summary>Starts a game with freely placed handicap stones; White moves first.</summary>
    /// <exception cref="ZeroException">A stone is off the board or repeated.</exception>
    public static GoPosition<TFrame> CreateWithFreeHandicap(GoRules rules, IReadOnlyList<GoMove> stones) =>
        Create(new GoSetup(rules, stones, [], [], stones.Count > 0 ? GoColor.White : GoColor.Black));

    /// <summary>Replays <paramref name="moves"/> from <paramref name="setup"/>. Never throws.</summary>
    public static bool TryReplay(GoSetup setup, IReadOnlyList<GoMove> moves, out GoPosition<TFrame> position, out string? error)
    {
        position = Initial;
        try
        {
            position = Create(setup);
        }
        catch (ZeroException e)
        {
            error = e.Message;
            return false;
        }
        for (int i = 0; i < moves.Count; i++)
        {
            if (!position.IsLegal(moves[i], out string? why))
            {
                error = $"move {i + 1} ({GoCoordinates.Format(moves[i], setup.Rules.Size)}): {why}";
                return false;
            }
            position = position.Play(moves[i]);
        }
        error = null;
        return true;
    }

    /// <summary>The rules of the game (size, komi, rule set, ko rule).</summary>
    public GoRules Rules => _setup.Rules;

    /// <summary>How the game started (rules, setup stones, first player).</summary>
    public GoSetup Setup => _setup;

    /// <summary>Board edge length N.</summary>
    public int Size => _board.Size;

    /// <summary>The board. Shared with other positions: read it, never play on it (clone it first).</summary>
    public GoBoard Board => _board;

    /// <summary>The history, newest first (its moves, for records and GTP's undo by replay).</summary>
    public GoHistory History => _history;

    /// <summary>The moves played since the setup, oldest first.</summary>
    public GoMove[] Moves => _history.Moves();

    /// <summary>The last move, or null at the start.</summary>
    public GoMove? LastMove => _history.IsSetup ? null : _history.Move;

    /// <summary>The player to move.</summary>
    public GoColor ToMove => _board.ToMove;

    /// <summary>What is on (row, col), row 0 at the top.</summary>
    public GoColor this[int row, int col] => _board[row, col];

    /// <summary>Game length cap: 3·N² moves, after which the position is scored as it stands.</summary>
    public int MaxPlies => 3 * Size * Size;

    /// <summary>True when the last move was a resignation.</summary>
    public bool IsResigned => !_history.IsSetup && _history.Move.IsResign;

    /// <summary>The winner after the game ended (Empty for a draw or while it goes on).</summary>
    public GoColor Winner => _end switch { BlackWins => GoColor.Black, WhiteWins => GoColor.White, _ => GoColor.Empty };

    /// <summary>True when the game is over (two passes, resignation or the move cap).</summary>
    public bool IsOver => _end != Ongoing;

    public int Ply => _ply;
    public int SideToMove => _board.ToMove.Player();

    public GameResult? Outcome => _end switch
    {
        Ongoing => null,
        Drawn => GameResult.Draw,
        _ => (_end == BlackWins) == (_board.ToMove == GoColor.Black) ? GameResult.Win : GameResult.Loss,
    };

    public ulong Hash
    {
        get
        {
            ulong h = _board.StoneHash ^ RulesKey(_setup);
            if (_board.ToMove == GoColor.White) h ^= 0x6A09E667F3BCC909UL;
            if (_board.KoPoint != 0) h ^= SplitMix64.Mix(0xC0FFEEUL + (ulong)_board.KoPoint);
            if (_board.Passes > 0) h ^= 0xBB67AE8584CAA73BUL;
            if (_end != Ongoing) h ^= SplitMix64.Mix(0xE0DUL + _end);
            return h;
        }
    }

    private static ulong RulesKey(GoSetup setup)
    {
        GoRules r = setup.Rules;
        return SplitMix64.Mix(((ulong)r.Size << 40) ^ ((ulong)(long)Math.Round(r.Komi * 2 + 4096) << 8) ^ ((ulong)r.RuleSet << 4) ^ (ulong)r.Ko ^
                           ((ulong)setup.Handicap.Count << 56));
    }

    /// <summary>Area score from Black's side: Black's area − White's area − komi − handicap compensation
    /// (Tromp–Taylor count: every stone on the board is alive).</summary>
    public double Score()
    {
        (int black, int white) = _board.AreaScore();
        return black - white - _setup.Rules.Komi - _setup.WhiteHandicapBonus;
    }

    /// <summary>True when <paramref name="move"/> is legal here; <paramref name="reason"/> says why not ("occupied", "ko", ...).</summary>
    public bool IsLegal(GoMove move, out string? reason)
    {
        if (_end != Ongoing)
        {
            reason = "the game is over";
            return false;
        }
        if (move.IsPass || move.IsResign)
        {
            reason = null;
            return true;
        }
        if (move.Row >= Size || move.Col >= Size)
        {
            reason = $"off the {Size}x{Size} board";
            return false;
        }
        int p = _board.Point(move.Row, move.Col);
        GoColor c = _board.ToMove;
        if (_board[p] != GoColor.Empty)
        {
            reason = "the point is occupied";
        }
        else if (p == _board.KoPoint)
        {
            reason = "it retakes a ko at once";
        }
        else if (!Rules.SuicideAllowed && _board.IsSuicide(p, c))
        {
            reason = "suicide is not allowed under these rules";
        }
        else if (ViolatesSuperko(p, c))
        {
            reason = "it repeats an earlier position (superko)";
        }
        else
        {
            reason = null;
            return true;
        }
        return false;
    }

    /// <summary>True when the stone move on padded point <paramref name="point"/> is legal (fast path of <see cref="IsLegal(GoMove, out string?)"/>).</summary>
    public bool IsLegalPoint(int point) =>
        _end == Ongoing && _board.IsLegal(point, _board.ToMove, Rules.SuicideAllowed) && !ViolatesSuperko(point, _board.ToMove);

    private bool ViolatesSuperko(int point, GoColor color)
    {
        if (Rules.Ko == GoKoRule.Simple)
        {
            return false;
        }
        ulong after = _board.StoneHashAfter(point, color, out int stones);
        if (stones > _maxStones)
        {
            return false; // no earlier position had this many stones
        }
        return _history.Repeats(after, stones, color.Opponent(), Rules.Ko == GoKoRule.Situational);
    }

    public int GenerateMoves(Span<GoMove> moves)
    {
        if (_end != Ongoing)
        {
            return 0;
        }
        int n = 0;
        for (int row = 0; row < Size; row++)
        {
            for (int col = 0; col < Size; col++)
            {
                if (IsLegalPoint(_board.Point(row, col)))
                {
                    moves[n++] = GoMove.At(row, col);
                }
            }
        }
        moves[n++] = GoMove.Pass;
        return n;
    }

    /// <summary>Plays a legal move (a point, a pass or a resignation) and returns the new position.</summary>
    public GoPosition<TFrame> Play(GoMove move)
    {
        GoBoard board = _board.Clone();
        GoColor mover = board.ToMove;
        byte end = Ongoing;
        if (move.IsResign)
        {
            board.Pass();
            end = mover == GoColor.Black ? WhiteWins : BlackWins;
        }
        else if (move.IsPass)
        {
            board.Pass();
        }
        else
        {
            board.Play(board.Point(move.Row, move.Col), mover);
        }
        int stones = board.BlackStones + board.WhiteStones;
        var history = new GoHistory(move, board.StoneHash, stones, board.ToMove, _history);
        if (end == Ongoing && (board.Passes >= 2 || _ply + 1 >= 3 * board.Size * board.Size))
        {
            (int black, int white) = board.AreaScore();
            double score = black - white - _setup.Rules.Komi - _setup.WhiteHandicapBonus;
            end = score > 0 ? BlackWins : score < 0 ? WhiteWins : Drawn;
        }
        return new GoPosition<TFrame>(board, _setup, history, _ply + 1, Math.Max(_maxStones, stones), end);
    }

    /// <summary>
    /// One light-policy playout (<see cref="GoPlayout.RunLight"/>: capture or save strings in atari, else uniform
    /// moves that keep one-point eyes) on a copy of the board, scored by area with komi: +1 when the side to move
    /// wins, −1 when it loses, 0 for a draw. Superko is not checked inside playouts (simple ko only).
    /// </summary>
    public float Playout(ulong seed)
    {
        GoBoard board = _board.Clone();
        var random = new GoRandom(seed);
        GoPlayout.RunLight(board, ref random, 3 * board.Size * board.Size);
        (int black, int white) = board.AreaScore();
        double score = black - white - _setup.Rules.Komi - _setup.WhiteHandicapBonus;
        float blackValue = score > 0 ? 1f : score < 0 ? -1f : 0f;
        return _board.ToMove == GoColor.Black ? blackValue : -blackValue;
    }

    public int ActionIndex(GoMove move)
    {
        if (move.IsResign)
        {
            throw new ArgumentException("resignation has no policy action", nameof(move));
        }
        return move.IsPass ? PassAction : move.Row * TFrame.Size + move.Col;
    }

    /// <summary>The move of policy index <paramref name="action"/> (pass for F²).</summary>
    public static GoMove MoveOfAction(int action) =>
        action == PassAction ? GoMove.Pass : GoMove.At(action / TFrame.Size, action % TFrame.Size);

    public static int TransformAction(int action, int symmetry)
    {
        if (symmetry == 0 || action == PassAction)
        {
            return action;
        }
        (int row, int col) = GridSymmetry.Map(action / TFrame.Size, action % TFrame.Size, TFrame.Size, symmetry);
        return row * TFrame.Size + col;
    }

    /// <summary>Maps a move through symmetry <paramref name="symmetry"/> of this position's N×N board.</summary>
    public GoMove TransformMove(GoMove move, int symmetry) => GoPositionText.MapMove(move, Size, symmetry);

    public GoPosition<TFrame> ApplySymmetry(int symmetry)
    {
        if (symmetry == 0)
        {
            return this;
        }
        GoSetup setup = _setup.Transform(symmetry);
        GoPosition<TFrame> p = Create(setup);
        foreach (GoMove m in Moves)
        {
            p = p.Play(TransformMove(m, symmetry));
        }
        return p;
    }

    public string FormatMove(GoMove move) => GoCoordinates.Format(move, Size);

    public bool TryParseMove(string text, out GoMove move, out string? error)
    {
        if (!GoCoordinates.TryParse(text, Size, out move, out error))
        {
            return false;
        }
        if (!IsLegal(move, out string? reason))
        {
            error = $"{GoCoordinates.Format(move, Size)} is illegal: {reason}";
            return false;
        }
        return true;
    }

    public static bool TryParsePosition(string text, out GoPosition<TFrame> position, out string? error)
    {
        position = Initial;
        if (!GoPositionText.TryParse(text, TFrame.Size, out GoSetup setup, out GoMove[] moves, out error))
        {
            return false;
        }
        return TryReplay(setup, moves, out position, out error);
    }

    public string FormatPosition() => GoPositionText.Format(_setup, Moves);

    public string Render()
    {
        var sb = new StringBuilder();
        int n = Size;
        GoMove? last = LastMove;
        string letters = "   " + string.Join(' ', GoCoordinates.Letters[..n].ToCharArray()) + "\n";
        sb.Append(letters);
        for (int row = 0; row < n; row++)
        {
            sb.Append((n - row).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(2)).Append(' ');
            for (int col = 0; col < n; col++)
            {
                GoColor c = _board[row, col];
                char ch = c == GoColor.Black ? 'X' : c == GoColor.White ? 'O' : IsStarPoint(row, col, n) ? '+' : '.';
                bool isLast = last is { IsPoint: true } m && m.Row == row && m.Col == col;
                sb.Append(ch).Append(isLast ? ')' : col + 1 < n ? " " : "");
            }
            sb.Append(' ').Append((n - row).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        sb.Append(letters);
        sb.Append(_board.ToMove == GoColor.Black ? "Black (X)" : "White (O)").Append(" to move; captures X ")
          .Append(_board.CapturedByBlack).Append(", O ").Append(_board.CapturedByWhite)
          .Append("; komi ").Append(GoRules.FormatKomi(Rules.Komi)).Append('\n');
        return sb.ToString();
    }

    private static bool IsStarPoint(int row, int col, int n)
    {
        if (n < 7) return false;
        int edge = n >= 13 ? 3 : 2;
        bool r = row == edge || row == n - 1 - edge || (n % 2 == 1 && n >= 9 && row == n / 2);
        bool c = col == edge || col == n - 1 - edge || (n % 2 == 1 && n >= 9 && col == n / 2);
        return r && c;
    }

    public bool Equals(GoPosition<TFrame> other) => Hash == other.Hash && _ply == other._ply;
    public override bool Equals(object? obj) => obj is GoPosition<TFrame> p && Equals(p);
    public override int GetHashCode() => (int)Hash;
    public static bool operator ==(GoPosition<TFrame> a, GoPosition<TFrame> b) => a.Equals(b);
    public static bool operator !=(GoPosition<TFrame> a, GoPosition<TFrame> b) => !a.Equals(b);
    public override string ToString() => FormatPosition();
}
