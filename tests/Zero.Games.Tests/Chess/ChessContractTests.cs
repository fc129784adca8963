using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>
/// The shared game contract for chess. Games are capped at 200 plies. Features include the history planes, so the
/// canonical text for the hash check is the board (FEN without the clocks) and the outcome.
/// </summary>
public sealed class ChessContractTests : GameContractTests<ChessPosition, ChessMove>
{
    protected override int RandomGames => 60;

    protected override int MaxPlies => 200;

    protected override string Canonical(ChessPosition position) =>
        string.Join(' ', position.Fen.Split(' ')[..4]) + "|" + position.Outcome;
}
