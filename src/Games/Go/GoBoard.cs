using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Zero.Games.Go;

/// <summary>
/// The mutable rules core of Go: stones, strings ("chains") and liberties, updated incrementally — no flood fill
/// per move. <see cref="GoPosition{TFrame}"/> wraps a board it never changes again (copy-make: it clones, then
/// plays); random playouts (<see cref="GoPlayout"/>, <c>zero bench go</c>, the rollout evaluator) play on one board
/// in place.
/// <para>Layout: an (N+2)×(N+2) array with a ring of <see cref="GoColor.Edge"/> points, so a point's four
/// neighbours are <c>p − S, p − 1, p + 1, p + S</c> with S = N + 2 and never need a bounds check.</para>
/// <code>
///   E E E E E        point(row, col) = (row + 1)·S + (col + 1), row 0 at the top
///   E . . . E        chain[p]  representative point of p's string
///   E . . . E        next[p]   next stone of the same string (a circular list)
///   E . . . E        at the representative r: libs[r] pseudo-liberties, count[r] stones, hash[r] XOR of keys
///   E E E E E        empties   the empty points (a dense list + each point's index in it)
/// </code>
/// <para>Pseudo-liberties count (stone, empty neighbour) pairs, so a liberty shared by k stones counts k times.
/// They are exact for "has no liberty" (0) and, with <see cref="AdjacentCount"/>, for "p is the string's only
/// liberty": the string's pseudo-liberties all come from p exactly when their number equals the number of its
/// stones next to p. <see cref="Liberties"/> counts real liberties by walking the string.</para>
/// Not thread-safe while it changes; a board nobody plays on may be read from many threads.
/// </summary>
public sealed class GoBoard
{
    /// <summary>The widest padded row: a 25×25 board plus the edge ring.</summary>
    public const int MaxStride = GoRules.MaxSize + 2;

    /// <summary>Points in the largest padded board.</summary>
    public const int MaxPoints = MaxStride * MaxStride;

    private static readonly ulong[] Keys = CreateKeys();

    private readonly GoColor[] _color;
    private readonly short[] _chain;
    private readonly short[] _next;
    private readonly short[] _libs;
    private readonly short[] _count;
    private readonly ulong[] _chainHash;
    private readonly short[] _empties;
    private readonly short[] _emptyIndex;
    private int _emptyCount;

    /// <summary>An empty board of <paramref name="size"/>×<paramref name="size"/>, Black to move.</summary>
    /// <exception cref="ZeroException">The size is outside 2–25.</exception>
    public GoBoard(int size)
    {
        if (size is < 2 or > GoRules.MaxSize)
        {
            throw new ZeroException($"board size {size} is not supported: choose 2 to {GoRules.MaxSize}");
        }
        Size = size;
        Stride = size + 2;
        int points = Stride * Stride;
        _color = new GoColor[points];
        _chain = new short[points];
        _next = new short[points];
        _libs = new short[points];
        _count = new short[points];
        _chainHash = new ulong[points];
        _empties = new short[size * size];
        _emptyIndex = new short[points];
        for (int p = 0; p < points; p++)
        {
            int row = p / Stride - 1, col = p % Stride - 1;
            if (row < 0 || col < 0 || row >= size || col >= size)
            {
                RColor(p) = GoColor.Edge;
            }
            else
            {
                REmptyIndex(p) = (short)_emptyCount;
                REmpties(_emptyCount++) = (short)p;
            }
        }
        ToMove = GoColor.Black;
    }

    private GoBoard(GoBoard other)
    {
        Size = other.Size;
        Stride = other.Stride;
        _color = (GoColor[])other._color.Clone();
        _chain = (short[])other._chain.Clone();
        _next = (short[])other._next.Clone();
        _libs = (short[])other._libs.Clone();
        _count = (short[])other._count.Clone();
        _chainHash = (ulong[])other._chainHash.Clone();
        _empties = (short[])other._empties.Clone();
        _emptyIndex = (short[])other._emptyIndex.Clone();
        _emptyCount = other._emptyCount;
        ToMove = other.ToMove;
        KoPoint = other.KoPoint;
        Passes = other.Passes;
        StoneHash = other.StoneHash;
        BlackStones = other.BlackStones;
        WhiteStones = other.WhiteStones;
        CapturedByBlack = other.CapturedByBlack;
        CapturedByWhite = other.CapturedByWhite;
    }

    /// <summary>Board edge length N.</summary>
    public int Size { get; }

    /// <summary>Row length of the padded array, N + 2.</summary>
    public int Stride { get; }

    /// <summary>Number of entries of the padded array, (N + 2)².</summary>
    public int PointCount => Stride * Stride;

    /// <summary>The player to move.</summary>
    public GoColor ToMove { get; private set; }

    /// <summary>The point the player to move may not play because it retakes a single-stone ko at once; 0 for none.</summary>
    public int KoPoint { get; private set; }

    /// <summary>Consecutive passes just played (2 ends the game).</summary>
    public int Passes { get; private set; }

    /// <summary>XOR of the Zobrist keys of every stone (the whole-board colouring; nothing else).</summary>
    public ulong StoneHash { get; private set; }

    /// <summary>Black stones on the board.</summary>
    public int BlackStones { get; private set; }

    /// <summary>White stones on the board.</summary>
    public int WhiteStones { get; private set; }

    /// <summary>White stones Black has captured.</summary>
    public int CapturedByBlack { get; private set; }

    /// <summary>Black stones White has captured.</summary>
    public int CapturedByWhite { get; private set; }

    /// <summary>Number of empty points.</summary>
    public int EmptyCount => _emptyCount;

    /// <summary>The empty points (in no particular order).</summary>
    public ReadOnlySpan<short> Empties => _empties.AsSpan(0, _emptyCount);

    /// <summary>What is on padded point <paramref name="point"/>.</summary>
    public GoColor this[int point] => _color[point];

    /// <summary>What is on (row, col), row 0 at the top.</summary>
    public GoColor this[int row, int col] => _color[Point(row, col)];

    /// <summary>The padded index of (row, col), row 0 at the top.</summary>
    public int Point(int row, int col) => (row + 1) * Stride + col + 1;

    /// <summary>The row (0 at the top) of a padded point.</summary>
    public int Row(int point) => point / Stride - 1;

    /// <summary>The column (0 at the left) of a padded point.</summary>
    public int Col(int point) => point % Stride - 1;

    /// <summary>True when the padded point is on the board.</summary>
    public bool OnBoard(int point) => (uint)point < (uint)_color.Length && _color[point] != GoColor.Edge;

    /// <summary>Overwrites this board with <paramref name="other"/> (same size), reusing the arrays: playouts restart from a position without allocating.</summary>
    /// <exception cref="ArgumentException">The sizes differ.</exception>
    public void CopyFrom(GoBoard other)
    {
        if (other.Size != Size)
        {
            throw new ArgumentException($"cannot copy a {other.Size}x{other.Size} board into a {Size}x{Size} one", nameof(other));
        }
        other._color.CopyTo(_color, 0);
        other._chain.CopyTo(_chain, 0);
        other._next.CopyTo(_next, 0);
        other._libs.CopyTo(_libs, 0);
        other._count.CopyTo(_count, 0);
        other._chainHash.CopyTo(_chainHash, 0);
        other._empties.CopyTo(_empties, 0);
        other._emptyIndex.CopyTo(_emptyIndex, 0);
        _emptyCount = other._emptyCount;
        ToMove = other.ToMove;
        KoPoint = other.KoPoint;
        Passes = other.Passes;
        StoneHash = other.StoneHash;
        BlackStones = other.BlackStones;
        WhiteStones = other.WhiteStones;
        CapturedByBlack = other.CapturedByBlack;
        CapturedByWhite = other.CapturedByWhite;
    }

    /// <summary>A deep copy (the search's copy-make).</summary>
    public GoBoard Clone() => new(this);

    /// <summary>The Zobrist key of a <paramref name="color"/> stone on padded point <paramref name="point"/>.</summary>
    public static ulong Key(int point, GoColor color) => Keys[point * 2 + (int)color - 1];

    /// <summary>The representative point of the string at <paramref name="point"/> (which must hold a stone).</summary>
    public int ChainOf(int point) => _chain[CheckStone(point)];

    /// <summary>Pseudo-liberties of the string at <paramref name="point"/> (for the consistency tests).</summary>
    internal int PseudoLiberties(int point) => RLibs(RChain(point));

    /// <summary>Stones in the string at <paramref name="point"/>.</summary>
    public int ChainSize(int point) => _count[_chain[CheckStone(point)]];

    /// <summary>XOR of the keys of the string at <paramref name="point"/> (for the consistency tests).</summary>
    internal ulong ChainHash(int point) => RChainHash(RChain(point));

    /// <summary>The next stone of the string at <paramref name="point"/> (a circular list).</summary>
    public int NextInChain(int point) => _next[CheckStone(point)];

    /// <summary>The position of <paramref name="point"/> in <see cref="Empties"/> (for the consistency tests).</summary>
    internal int EmptyIndex(int point) => REmptyIndex(point);

    /// <summary>How many of <paramref name="point"/>'s neighbours belong to the string with representative <paramref name="chain"/>.</summary>
    public int AdjacentCount(int point, int chain) => AdjacentCountFast(CheckOnBoard(point), CheckStone(chain));

    private int AdjacentCountFast(int point, int chain)
    {
        GoColor c = RColor(chain);
        int n = 0;
        int s = Stride;
        if (RColor(point - s) == c && RChain(point - s) == chain) n++;
        if (RColor(point - 1) == c && RChain(point - 1) == chain) n++;
        if (RColor(point + 1) == c && RChain(point + 1) == chain) n++;
        if (RColor(point + s) == c && RChain(point + s) == chain) n++;
        return n;
    }

    /// <summary>True when the string with representative <paramref name="chain"/> has <paramref name="point"/> as its only liberty.</summary>
    public bool IsLastLiberty(int point, int chain) => IsLastLibertyFast(CheckOnBoard(point), CheckStone(chain));

    private bool IsLastLibertyFast(int point, int chain) => RLibs(chain) == AdjacentCountFast(point, chain);

    /// <summary>Real liberties of the string at <paramref name="point"/> (a stone), counting at most <paramref name="cap"/>.</summary>
    public int Liberties(int point, int cap = int.MaxValue)
    {
        CheckStone(point);
        Span<ulong> seen = stackalloc ulong[(MaxPoints + 63) / 64];
        int libs = 0;
        int s = Stride;
        int q = point;
        do
        {
            libs += CountNew(q - s, seen) + CountNew(q - 1, seen) + CountNew(q + 1, seen) + CountNew(q + s, seen);
            if (libs >= cap)
            {
                return cap;
            }
            q = RNext(q);
        }
        while (q != point);
        return libs;
    }

    /// <summary>Writes up to <paramref name="destination"/>.Length liberties of the string at <paramref name="point"/>; returns how many.</summary>
    public int LibertyPoints(int point, Span<int> destination)
    {
        CheckStone(point);
        Span<ulong> seen = stackalloc ulong[(MaxPoints + 63) / 64];
        int n = 0;
        int q = point;
        int s = Stride;
        do
        {
            foreach (int nb in (ReadOnlySpan<int>)[q - s, q - 1, q + 1, q + s])
            {
                if (RColor(nb) == GoColor.Empty && (seen[nb >> 6] & (1UL << nb)) == 0)
                {
                    seen[nb >> 6] |= 1UL << nb;
                    if (n == destination.Length)
                    {
                        return n;
                    }
                    destination[n++] = nb;
                }
            }
            q = RNext(q);
        }
        while (q != point);
        return n;
    }

    private int CountNew(int point, Span<ulong> seen)
    {
        if (RColor(point) != GoColor.Empty || (seen[point >> 6] & (1UL << point)) != 0)
        {
            return 0;
        }
        seen[point >> 6] |= 1UL << point;
        return 1;
    }

    /// <summary>
    /// True when <paramref name="color"/> may play on <paramref name="point"/> by the basic rules: the point is
    /// empty, it does not retake the simple ko (when <paramref name="color"/> is to move), and it is not suicide
    /// unless <paramref name="suicideAllowed"/>. Superko is the position's business, not the board's.
    /// </summary>
    public bool IsLegal(int point, GoColor color, bool suicideAllowed) =>
        (uint)point < (uint)_color.Length && IsLegalFast(point, color, suicideAllowed);

    internal bool IsLegalFast(int point, GoColor color, bool suicideAllowed)
    {
        if (RColor(point) != GoColor.Empty || (point == KoPoint && color == ToMove))
        {
            return false;
        }
        return suicideAllowed || !IsSuicideFast(point, color);
    }

    /// <summary>True when a <paramref name="color"/> stone on the empty <paramref name="point"/> would have no liberty and capture nothing.</summary>
    public bool IsSuicide(int point, GoColor color) => IsSuicideFast(CheckOnBoard(point), color);

    private bool IsSuicideFast(int point, GoColor color)
    {
        int s = Stride;
        if (RColor(point - s) == GoColor.Empty || RColor(point - 1) == GoColor.Empty ||
            RColor(point + 1) == GoColor.Empty || RColor(point + s) == GoColor.Empty)
        {
            return false;
        }
        return SuicideNeighbour(point, point - s, color) && SuicideNeighbour(point, point - 1, color) &&
               SuicideNeighbour(point, point + 1, color) && SuicideNeighbour(point, point + s, color);
    }

    // False when the neighbour keeps the stone alive: a friendly string with another liberty, or an enemy string captured.
    private bool SuicideNeighbour(int point, int neighbour, GoColor color)
    {
        GoColor c = RColor(neighbour);
        if (c == GoColor.Edge)
        {
            return true;
        }
        bool lastLiberty = IsLastLibertyFast(point, RChain(neighbour));
        return c == color ? lastLiberty : !lastLiberty;
    }

    /// <summary>True when <paramref name="point"/> is an empty one-point eye of <paramref name="color"/>: every neighbour
    /// is its stone or the edge, and the diagonals hold at most one enemy stone (none at the edge).</summary>
    public bool IsEye(int point, GoColor color) => IsEyeFast(CheckOnBoard(point), color);

    internal bool IsEyeFast(int point, GoColor color)
    {
        int s = Stride;
        GoColor o = color.Opponent();
        if (RColor(point) != GoColor.Empty || !FriendOrEdge(RColor(point - s), color) || !FriendOrEdge(RColor(point - 1), color) ||
            !FriendOrEdge(RColor(point + 1), color) || !FriendOrEdge(RColor(point + s), color))
        {
            return false;
        }
        int enemy = 0, edge = 0;
        Tally(RColor(point - s - 1));
        Tally(RColor(point - s + 1));
        Tally(RColor(point + s - 1));
        Tally(RColor(point + s + 1));
        return edge > 0 ? enemy == 0 : enemy <= 1;

        void Tally(GoColor c)
        {
            if (c == o) enemy++;
            else if (c == GoColor.Edge) edge++;
        }
    }

    private int CheckOnBoard(int point) => OnBoard(point) ? point
        : throw new ArgumentOutOfRangeException(nameof(point), point, "not a point of the board: use Point(row, col)");

    private int CheckStone(int point) => OnBoard(point) && _color[point] != GoColor.Empty ? point
        : throw new ArgumentOutOfRangeException(nameof(point), point, "not a stone of the board");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref GoColor RColor(int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_color), i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref short RChain(int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_chain), i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref short RNext(int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_next), i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref short RLibs(int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_libs), i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref short RCount(int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_count), i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref ulong RChainHash(int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_chainHash), i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref short REmpties(int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_empties), i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref short REmptyIndex(int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_emptyIndex), i);

    private static bool FriendOrEdge(GoColor c, GoColor color) => c == color || c == GoColor.Edge;

    /// <summary>
    /// The stone hash and stone count after <paramref name="color"/> plays the legal <paramref name="point"/>, without
    /// playing it (for superko checks): the new stone, minus captured strings, minus the own string on suicide.
    /// </summary>
    public ulong StoneHashAfter(int point, GoColor color, out int stonesAfter)
    {
        CheckOnBoard(point);
        int s = Stride;
        GoColor o = color.Opponent();
        ulong hash = StoneHash ^ Key(point, color);
        int stones = BlackStones + WhiteStones + 1;
        Span<int> nbs = [point - s, point - 1, point + 1, point + s];
        Span<int> seen = stackalloc int[4];
        int seenCount = 0;
        foreach (int nb in nbs)
        {
            if (RColor(nb) != o)
            {
                continue;
            }
            int r = RChain(nb);
            if (seen[..seenCount].Contains(r) || !IsLastLibertyFast(point, r))
            {
                continue;
            }
            seen[seenCount++] = r;
            hash ^= RChainHash(r);
            stones -= RCount(r);
        }
        if (seenCount == 0 && IsSuicideFast(point, color))
        {
            hash ^= Key(point, color);
            stones--;
            seenCount = 0;
            foreach (int nb in nbs)
            {
                if (RColor(nb) != color)
                {
                    continue;
                }
                int r = RChain(nb);
                if (!seen[..seenCount].Contains(r))
                {
                    seen[seenCount++] = r;
                    hash ^= RChainHash(r);
                    stones -= RCount(r);
                }
            }
        }
        stonesAfter = stones;
        return hash;
    }

    /// <summary>
    /// Plays <paramref name="color"/> on the empty <paramref name="point"/>: captures enemy strings left without a
    /// liberty, then removes the own string if it has none (only reachable when suicide is allowed), sets the ko
    /// point and gives the move to the opponent. Returns the number of enemy stones captured. The caller checks
    /// legality first (<see cref="IsLegal"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The point is not an empty point of the board or the colour is not a stone.</exception>
    public int Play(int point, GoColor color)
    {
        if (!OnBoard(point) || _color[point] != GoColor.Empty || color is not (GoColor.Black or GoColor.White))
        {
            throw new ArgumentException($"cannot play {color} on point {point}: it must be an empty point of the board", nameof(point));
        }
        return PlayFast(point, color);
    }

    /// <summary><see cref="Play"/> without the argument check, for playouts that picked the point from <see cref="Empties"/>.</summary>
    internal int PlayFast(int point, GoColor color)
    {
        int captured = PlaceStone(point, color, out int capturedPoint);
        int rep = RChain(point);
        KoPoint = captured == 1 && RCount(rep) == 1 && RLibs(rep) == 1 ? capturedPoint : 0;
        if (RLibs(rep) == 0)
        {
            RemoveChain(rep);
            KoPoint = 0;
        }
        ToMove = color.Opponent();
        Passes = 0;
        return captured;
    }

    /// <summary>The player to move passes: the move goes to the opponent and the ko ban lifts.</summary>
    public void Pass()
    {
        ToMove = ToMove.Opponent();
        KoPoint = 0;
        Passes++;
    }

    /// <summary>
    /// Puts a setup stone (handicap, SGF AB/AW) on the empty <paramref name="point"/> without changing the player to
    /// move. Returns false, changing nothing, when the stone would capture or have no liberty.
    /// </summary>
    public bool Place(int point, GoColor color)
    {
        if (!OnBoard(point) || RColor(point) != GoColor.Empty || IsSuicideFast(point, color) || StoneHashAfterCaptures(point, color))
        {
            return false;
        }
        PlaceStone(point, color, out _);
        KoPoint = 0;
        return true;
    }

    private bool StoneHashAfterCaptures(int point, GoColor color)
    {
        StoneHashAfter(point, color, out int after);
        return after != BlackStones + WhiteStones + 1;
    }

    /// <summary>Sets the player to move (setup positions where White moves first).</summary>
    public void SetToMove(GoColor color)
    {
        ToMove = color;
        KoPoint = 0;
    }

    private int PlaceStone(int point, GoColor color, out int capturedPoint)
    {
        int s = Stride;
        GoColor o = color.Opponent();
        RemoveEmpty(point);
        RColor(point) = color;
        RChain(point) = (short)point;
        RNext(point) = (short)point;
        RCount(point) = 1;
        ulong key = Key(point, color);
        RChainHash(point) = key;
        StoneHash ^= key;
        if (color == GoColor.Black) BlackStones++; else WhiteStones++;

        int libs = 0;
        libs += Touch(point - s);
        libs += Touch(point - 1);
        libs += Touch(point + 1);
        libs += Touch(point + s);
        RLibs(point) = (short)libs;

        MergeIfFriend(point, point - s, color);
        MergeIfFriend(point, point - 1, color);
        MergeIfFriend(point, point + 1, color);
        MergeIfFriend(point, point + s, color);

        int captured = 0;
        capturedPoint = 0;
        captured += CaptureIfDead(point - s, o, ref capturedPoint);
        captured += CaptureIfDead(point - 1, o, ref capturedPoint);
        captured += CaptureIfDead(point + 1, o, ref capturedPoint);
        captured += CaptureIfDead(point + s, o, ref capturedPoint);
        if (color == GoColor.Black) CapturedByBlack += captured; else CapturedByWhite += captured;
        return captured;
    }

    // An empty neighbour is a liberty of the new stone; a stone neighbour loses the (stone, point) pseudo-liberty.
    private int Touch(int neighbour)
    {
        GoColor c = RColor(neighbour);
        if (c == GoColor.Empty)
        {
            return 1;
        }
        if (c != GoColor.Edge)
        {
            RLibs(RChain(neighbour))--;
        }
        return 0;
    }

    private void MergeIfFriend(int point, int neighbour, GoColor color)
    {
        if (RColor(neighbour) != color)
        {
            return;
        }
        int a = RChain(neighbour), b = RChain(point);
        if (a == b)
        {
            return;
        }
        if (RCount(a) < RCount(b))
        {
            (a, b) = (b, a);
        }
        // relabel the smaller string b into a, then splice the two circular lists
        int q = b;
        do
        {
            RChain(q) = (short)a;
            q = RNext(q);
        }
        while (q != b);
        (RNext(a), RNext(b)) = (RNext(b), RNext(a));
        RCount(a) += RCount(b);
        RLibs(a) += RLibs(b);
        RChainHash(a) ^= RChainHash(b);
    }

    private int CaptureIfDead(int neighbour, GoColor enemy, ref int capturedPoint)
    {
        if (RColor(neighbour) != enemy || RLibs(RChain(neighbour)) != 0)
        {
            return 0;
        }
        capturedPoint = neighbour;
        return RemoveChain(RChain(neighbour));
    }

    private int RemoveChain(int rep)
    {
        int s = Stride;
        int stones = RCount(rep);
        GoColor color = RColor(rep);
        StoneHash ^= RChainHash(rep);
        if (color == GoColor.Black) BlackStones -= stones; else WhiteStones -= stones;
        int q = rep;
        do
        {
            RColor(q) = GoColor.Empty;
            AddEmpty(q);
            Free(q - s);
            Free(q - 1);
            Free(q + 1);
            Free(q + s);
            q = RNext(q);
        }
        while (q != rep);
        return stones;
    }

    // A removed stone gives each neighbouring stone's string a pseudo-liberty back (the removed string's own
    // not-yet-removed stones count too; that string is gone, so the number is never read).
    private void Free(int neighbour)
    {
        GoColor c = RColor(neighbour);
        if (c is GoColor.Black or GoColor.White)
        {
            RLibs(RChain(neighbour))++;
        }
    }

    private void RemoveEmpty(int point)
    {
        int index = REmptyIndex(point);
        short last = REmpties(--_emptyCount);
        REmpties(index) = last;
        REmptyIndex(last) = (short)index;
    }

    private void AddEmpty(int point)
    {
        REmptyIndex(point) = (short)_emptyCount;
        REmpties(_emptyCount++) = (short)point;
    }

    /// <summary>Swaps two entries of the empty list (playouts use this to draw moves without replacement).</summary>
    internal void SwapEmpties(int i, int j)
    {
        short a = REmpties(i), b = REmpties(j);
        REmpties(i) = b;
        REmpties(j) = a;
        REmptyIndex(b) = (short)i;
        REmptyIndex(a) = (short)j;
    }

    /// <summary>
    /// Area score by Tromp–Taylor counting: each player's stones plus the empty points that reach only that
    /// player's stones. <paramref name="dead"/>, when given, marks padded points whose stones count as removed
    /// (dead-stone estimation); they then score as empty points.
    /// </summary>
    public (int Black, int White) AreaScore(ReadOnlySpan<bool> dead = default)
    {
        int points = PointCount;
        Span<GoColor> colors = stackalloc GoColor[points];
        for (int p = 0; p < points; p++)
        {
            GoColor c = RColor(p);
            colors[p] = !dead.IsEmpty && dead[p] && c is GoColor.Black or GoColor.White ? GoColor.Empty : c;
        }
        return AreaScore(colors, Stride);
    }

    /// <summary>Tromp–Taylor area score of a padded colour array with row length <paramref name="stride"/>.</summary>
    public static (int Black, int White) AreaScore(ReadOnlySpan<GoColor> colors, int stride)
    {
        Span<GoColor> owners = stackalloc GoColor[colors.Length];
        AreaOwners(colors, stride, owners);
        int black = 0, white = 0;
        foreach (GoColor o in owners)
        {
            if (o == GoColor.Black) black++;
            else if (o == GoColor.White) white++;
        }
        return (black, white);
    }

    /// <summary>The owner of every point of this board by Tromp–Taylor counting (Empty for neutral and off-board points).</summary>
    public void AreaOwners(Span<GoColor> owners) => AreaOwners(_color, Stride, owners);

    /// <summary>
    /// The owner of every point of a padded colour array: a stone's colour, the colour an empty region reaches
    /// when it reaches only one, else Empty (also for Edge).
    /// </summary>
    public static void AreaOwners(ReadOnlySpan<GoColor> colors, int stride, Span<GoColor> owners)
    {
        int points = colors.Length;
        Span<bool> visited = stackalloc bool[points];
        Span<short> stack = stackalloc short[points];
        Span<short> region = stackalloc short[points];
        for (int p = 0; p < points; p++)
        {
            GoColor c = colors[p];
            if (c is GoColor.Black or GoColor.White)
            {
                owners[p] = c;
            }
            else if (c == GoColor.Edge)
            {
                owners[p] = GoColor.Empty;
            }
            else if (!visited[p])
            {
                int size = 0, top = 0;
                bool reachesBlack = false, reachesWhite = false;
                stack[top++] = (short)p;
                visited[p] = true;
                while (top > 0)
                {
                    int q = stack[--top];
                    region[size++] = (short)q;
                    foreach (int nb in (ReadOnlySpan<int>)[q - stride, q - 1, q + 1, q + stride])
                    {
                        GoColor n = colors[nb];
                        if (n == GoColor.Empty)
                        {
                            if (!visited[nb])
                            {
                                visited[nb] = true;
                                stack[top++] = (short)nb;
                            }
                        }
                        else if (n == GoColor.Black) reachesBlack = true;
                        else if (n == GoColor.White) reachesWhite = true;
                    }
                }
                GoColor owner = reachesBlack == reachesWhite ? GoColor.Empty : reachesBlack ? GoColor.Black : GoColor.White;
                foreach (short q in region[..size])
                {
                    owners[q] = owner;
                }
            }
        }
    }

    /// <summary>Forgets pending passes (a playout from a finished game's final position starts afresh).</summary>
    public void ClearPasses() => Passes = 0;

    private static ulong[] CreateKeys()
    {
        var keys = new ulong[MaxPoints * 2];
        ulong state = 0x5A17_60_00_0000_0001UL;
        for (int i = 0; i < keys.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            keys[i] = SplitMix64.Mix(state);
        }
        return keys;
    }
}
