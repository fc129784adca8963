using System.Globalization;
using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Games;
using Zero.Games.Chess;

namespace Zero.Arena.Play;

/// <summary>
/// Plays one game between two participants and decides it: the one game loop of the arena, of `zero match`, of
/// training's evaluation (through <see cref="GameRunner"/>) and of `zero uci-match`. Zero's own rules check every
/// move (an illegal or unreadable move loses, with the reason) and end the game (mate, stalemate, repetition, fifty
/// moves, material, a Connect Four line, ...). The referee keeps the clocks itself: the time from the request to the
/// answer is taken off the mover's clock, and a move that comes after the flag (plus the margin) loses on time even
/// when it arrives. Draws and resignations are adjudicated by the engines' scores (<see cref="Adjudication"/>).
/// Participant 0 (<c>first</c>) moves first from the opening position.
/// </summary>
public static class Referee
{
    /// <summary>Plays from <paramref name="opening"/> until the game is decided.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was set.</exception>
    public static GameReport<TGame, TMove> Play<TGame, TMove>(
        IParticipant<TGame, TMove> first,
        IParticipant<TGame, TMove> second,
        Opening<TGame, TMove> opening,
        GameSettings settings,
        CancellationToken cancellation = default)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        // 1. Set up: the opening is played without clocks; each participant's clock starts full.
        IParticipant<TGame, TMove>[] players = [first, second];
        var texts = new List<string>();
        TGame position = opening.Start;
        foreach (TMove m in opening.Moves)
        {
            texts.Add(position.FormatMove(m));
            position = position.Play(m);
        }
        int startSide = position.SideToMove;
        var moves = new List<TMove>();
        var legal = new TMove[TGame.MaxMoves];
        var remaining = new TimeSpan[2];
        var lowest = new TimeSpan?[2];
        var made = new int[2];
        for (int p = 0; p < 2; p++)
        {
            remaining[p] = settings.Limits[p].Base ?? TimeSpan.Zero;
            lowest[p] = settings.Limits[p].Base;
        }
        Adjudication rules = settings.Adjudication;
        int drawCount = 0;
        var resignCount = new int[2];
        var winningCount = new int[2];

        GameReport<TGame, TMove> End(int firstResult, Termination termination, string reason, int? faulty) =>
            new(opening, moves, position, firstResult, termination, reason, faulty, lowest);

        // 2. Move loop: ask the mover, check time and legality, play, adjudicate.
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            if (position.Outcome is GameResult outcome)
            {
                int forMover = (sbyte)outcome;
                int firstResult = position.SideToMove == startSide ? forMover : -forMover;
                return End(firstResult, Termination.Rules, RulesReason(position, firstResult, players), null);
            }
            if (rules.MaxPlies > 0 && texts.Count >= rules.MaxPlies)
            {
                return End(0, Termination.MaxMoves, $"draw: the game reached {rules.MaxPlies} plies", null);
            }
            int mover = position.SideToMove == startSide ? 0 : 1;
            SearchLimit limit = settings.Limits[mover];
            TimeSpan deadline = limit.HasClock ? remaining[mover] + settings.Margin
                : limit.MoveTime is { } st ? st + settings.Margin
                : settings.UntimedBound;
            if (deadline < TimeSpan.Zero)
            {
                deadline = TimeSpan.Zero;
            }
            TimeSpan[]? bySide = null;
            if (limit.HasClock)
            {
                bySide = new TimeSpan[2];
                for (int side = 0; side < 2; side++)
                {
                    int who = side == startSide ? 0 : 1;
                    bySide[side] = settings.Limits[who].HasClock ? remaining[who] : remaining[mover];
                }
            }
            TimeSpan[] increments = new TimeSpan[2];
            for (int side = 0; side < 2; side++)
            {
                int who = side == startSide ? 0 : 1;
                increments[side] = settings.Limits[who].HasClock ? settings.Limits[who].Increment : limit.Increment;
            }
            int movesToGo = limit.MovesPerPeriod > 0 ? limit.MovesPerPeriod - (made[mover] % limit.MovesPerPeriod) : 0;
            var request = new MoveRequest<TGame, TMove>(opening.Start, texts, position, limit, bySide, increments, movesToGo, deadline, cancellation);

            long started = TimeProvider.System.GetTimestamp();
            MoveReply<TMove> reply = players[mover].Think(request);
            TimeSpan used = TimeProvider.System.GetElapsedTime(started);
            cancellation.ThrowIfCancellationRequested();
            string name = players[mover].Name;
            int moverLoses = mover == 0 ? -1 : 1;

            // Faults first: a dead engine, then the clock (a late move loses even when it came), then legality.
            if (reply.Kind == ReplyKind.Disconnect)
            {
                return End(moverLoses, Termination.Disconnect, $"{name} disconnects ({reply.Detail})", mover);
            }
            if (reply.Kind == ReplyKind.Late)
            {
                return End(moverLoses, Termination.TimeLoss, $"{name} loses on time{(reply.Detail is null ? "" : $" ({reply.Detail})")}", mover);
            }
            if (limit.HasClock)
            {
                remaining[mover] -= used;
                if (remaining[mover] < -settings.Margin)
                {
                    return End(moverLoses, Termination.TimeLoss,
                        string.Create(CultureInfo.InvariantCulture, $"{name} loses on time (flag fell {-remaining[mover].TotalMilliseconds:F0} ms before the move)"), mover);
                }
            }
            else if (limit.MoveTime is { } moveTime && used > moveTime + settings.Margin)
            {
                return End(moverLoses, Termination.TimeLoss,
                    string.Create(CultureInfo.InvariantCulture, $"{name} loses on time ({used.TotalMilliseconds:F0} ms for a {moveTime.TotalMilliseconds:F0} ms move)"), mover);
            }
            if (reply.Kind == ReplyKind.Illegal)
            {
                return End(moverLoses, Termination.IllegalMove, $"{name} plays an illegal move '{reply.Text}' ({reply.Detail})", mover);
            }
            int count = position.GenerateMoves(legal);
            if (Array.IndexOf(legal, reply.Move, 0, count) < 0)
            {
                return End(moverLoses, Termination.IllegalMove,
                    $"{name} plays an illegal move '{position.FormatMove(reply.Move)}' in position '{position.FormatPosition()}'", mover);
            }
            texts.Add(position.FormatMove(reply.Move));
            moves.Add(reply.Move);
            position = position.Play(reply.Move);

            // The clock after the move: increment, and a new period after every MovesPerPeriod moves.
            if (limit.HasClock)
            {
                if (remaining[mover] < TimeSpan.Zero)
                {
                    remaining[mover] = TimeSpan.Zero;
                }
                lowest[mover] = remaining[mover] < lowest[mover] ? remaining[mover] : lowest[mover];
                remaining[mover] += limit.Increment;
                made[mover]++;
                if (limit.MovesPerPeriod > 0 && made[mover] % limit.MovesPerPeriod == 0)
                {
                    remaining[mover] += limit.Base!.Value;
                }
            }
            else
            {
                made[mover]++;
            }

            // 3. Adjudication by the scores the engines report.
            EngineScore? score = reply.Score;
            if (rules.DrawMoveCount > 0)
            {
                int moveNumber = texts.Count / 2 + 1;
                bool quiet = score is { IsMate: false } s && Math.Abs(s.Centipawns) <= rules.DrawScore;
                drawCount = moveNumber >= rules.DrawMoveNumber && quiet && !IsIrreversible(position) ? drawCount + 1 : 0;
                if (drawCount >= 2 * rules.DrawMoveCount && position.Outcome is null)
                {
                    return End(0, Termination.AdjudicatedDraw, "draw by adjudication (scores near zero)", null);
                }
            }
            if (rules.ResignMoveCount > 0)
            {
                resignCount[mover] = score is { } s1 && s1.IsLosingBy(rules.ResignScore) ? resignCount[mover] + 1 : 0;
                winningCount[mover] = score is { } s2 && s2.IsWinningBy(rules.ResignScore) ? winningCount[mover] + 1 : 0;
                if (resignCount[mover] >= rules.ResignMoveCount && (!rules.ResignTwoSided || winningCount[1 - mover] >= rules.ResignMoveCount)
                    && position.Outcome is null)
                {
                    return End(moverLoses, Termination.AdjudicatedResign, $"{name} resigns (adjudication)", null);
                }
            }
        }
    }

    /// <summary>A capture or pawn move in chess (the fifty-move counter restarted): fastchess restarts the draw count.</summary>
    private static bool IsIrreversible<TGame>(TGame after) =>
        after is ChessPosition chess && chess.Board.HalfmoveClock == 0;

    private static string RulesReason<TGame, TMove>(TGame final, int firstResult, IParticipant<TGame, TMove>[] players)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        string? how = final is ChessPosition chess ? chess.OutcomeReason : null;
        string who = firstResult == 0 ? "draw" : $"{players[firstResult > 0 ? 0 : 1].Name} wins";
        return how is null ? who : $"{who} by {how}";
    }
}
