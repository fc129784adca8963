using System.Globalization;
using Zero.Arena.Play;
using Zero.Games;
using Zero.Games.Chess;

namespace Zero.Arena.Tournaments;

/// <summary>
/// Turns a finished arena game into a PGN game (chess only): the opening's start position (a FEN tag when it is not
/// the standard start), the opening moves and the game's, White and Black by colour, the result from White's side
/// and the termination reason. The tournament appends these to `--pgnout`; `zero uci-match` writes them too.
/// </summary>
public static class PgnRecord
{
    /// <summary>The PGN game, or null when the game is not chess.</summary>
    public static PgnGame? From<TGame, TMove>(GameReport<TGame, TMove> report, string firstName, string secondName, string eventName, int round, string timeControl)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        if (report is not GameReport<ChessPosition, ChessMove> chess)
        {
            return null;
        }
        var pgn = new PgnGame { Start = chess.Opening.Start };
        bool firstIsWhite = chess.Opening.Position.SideToMove == 0;
        pgn["Event"] = eventName;
        pgn["Site"] = "?";
        pgn["Date"] = "????.??.??";
        pgn["Round"] = round.ToString(CultureInfo.InvariantCulture);
        pgn["White"] = firstIsWhite ? firstName : secondName;
        pgn["Black"] = firstIsWhite ? secondName : firstName;
        int whiteResult = firstIsWhite ? chess.FirstResult : -chess.FirstResult;
        pgn.Result = whiteResult > 0 ? "1-0" : whiteResult < 0 ? "0-1" : "1/2-1/2";
        pgn["Result"] = pgn.Result;
        if (chess.Opening.Start.Fen != Fen.StartPosition)
        {
            pgn["SetUp"] = "1";
            pgn["FEN"] = chess.Opening.Start.Fen;
        }
        pgn["TimeControl"] = timeControl;
        pgn["Termination"] = chess.Reason;
        pgn["PlyCount"] = (chess.Opening.Moves.Count + chess.Moves.Count).ToString(CultureInfo.InvariantCulture);
        pgn.Moves.AddRange(chess.Opening.Moves);
        pgn.Moves.AddRange(chess.Moves);
        return pgn;
    }
}
