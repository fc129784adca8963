using Zero.Games.Chess;
using Zero.Arena.Engines;

namespace Zero.Uci.Tests.Protocol;

/// <summary>
/// Puts polyglot (the Debian package) in front of `zero uci` and plays through it as an xboard GUI would:
/// xboard, protover 2, new, a fixed time per move, then user moves; every move polyglot relays must be legal.
/// </summary>
public sealed class PolyglotTests
{
    [PolyglotFact]
    public void Polyglot_XboardGameThroughZeroUci_RelaysLegalMoves()
    {
        string folder = Directory.CreateTempSubdirectory("zero-polyglot-").FullName;
        try
        {
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            string ini = Path.Combine(folder, "zero.ini");
            File.WriteAllText(ini, $"""
                [PolyGlot]
                EngineDir = {folder}
                EngineCommand = {dotnet} {RepositoryPaths.ZeroDll} uci --threads 1
                Book = false
                Log = false
                [Engine]
                """);
            using UciClient gui = UciClient.Start("polyglot", ExternalProgram.Find("polyglot")!, [ini]);
            var patience = TimeSpan.FromSeconds(60);
            gui.Send("xboard");
            gui.Send("protover 2");
            Assert.NotNull(gui.ReadUntil(l => l.Contains("done=1", StringComparison.Ordinal), patience));
            Assert.Contains(gui.Transcript, l => l.Contains("myname=\"Zero", StringComparison.Ordinal));
            gui.Send("new");
            gui.Send("st 1");

            ChessPosition position = ChessPosition.Initial;
            Span<ChessMove> moves = new ChessMove[ChessPosition.MaxMoves];
            for (int round = 0; round < 4 && position.Outcome is null; round++)
            {
                // Our move: the first legal one (e2e4 to start), as xboard's `usermove`.
                string ours = round == 0 ? "e2e4" : position.FormatMove(moves[..position.GenerateMoves(moves)][0]);
                Assert.True(position.TryParseMove(ours, out ChessMove mine, out _));
                position = position.Play(mine);
                gui.Send($"usermove {ours}");

                // Zero's answer, relayed by polyglot as `move X`.
                string? reply = gui.ReadUntil(l => l.StartsWith("move ", StringComparison.Ordinal), patience);
                Assert.True(reply is not null, $"no move from polyglot; transcript:\n{string.Join('\n', gui.Transcript.TakeLast(20))}");
                string text = reply!["move ".Length..].Trim();
                Assert.True(position.TryParseMove(text, out ChessMove theirs, out string? error), $"polyglot relayed '{reply}': {error}");
                position = position.Play(theirs);
            }
            gui.Send("quit");
            Assert.True(gui.WaitForExit(TimeSpan.FromSeconds(15)), "polyglot did not exit after quit");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
