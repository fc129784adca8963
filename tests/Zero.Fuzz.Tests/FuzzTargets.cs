using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Zero.Engine.Models;
using Zero.Engine.Serialization;
using Zero.Games;
using Zero.Games.Chess;
using Zero.Games.ConnectFour;
using Zero.Games.Go;
using Zero.Games.TicTacToe;
using Zero.Rl.Algorithms;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Records;
using Zero.Uci.Protocol;

namespace Zero.Fuzz.Tests;

/// <summary>
/// Every parser of outside input, as a fuzz target: chess notation (FEN, SAN, UCI moves, PGN), the UCI `position` and
/// `go` lines and whole UCI sessions, the notation of the board games, run configs and command-line overrides, RL
/// configs, weights files, RL model files, the experience store's game records and SGF game records. The Slow counts
/// add up to more than 100,000 inputs. The GTP command loop is not a target yet (its transcript tests cover bad lines).
/// </summary>
public static class FuzzTargets
{
    private static readonly string[] Fens =
    [
        Zero.Games.Chess.Fen.StartPosition,
        "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
        "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1",
        "rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w KQkq f6 0 3",
        "8/1P4k1/8/8/8/8/5K2/8 w - - 0 1",
        "bqnb1rkr/pp3ppp/3ppn2/2p5/5P2/P2P4/NPP1P1PP/BQ1BNRKR w HFhf - 2 9",
        "4k3/8/8/8/8/8/8/4K2N w - - 120 10000",
    ];

    private static readonly ChessBoard[] Boards = Fens.Select(f => Zero.Games.Chess.Fen.TryParse(f, out ChessBoard b, out _) ? b : ChessBoard.Start).ToArray();

    private const string FenAlphabet = "pnbrqkPNBRQK12345678/ wb-KQkqabcdefghAH0123456789";
    private const string MoveAlphabet = "abcdefgh12345678NBRQKOo-x=+#qrbn0 ";

    public static FuzzTarget<string> Fen { get; } = new("FEN", 20_000,
        Mutations.TextOrNoise(Fens, FenAlphabet),
        text =>
        {
            if (Zero.Games.Chess.Fen.TryParse(text, out ChessBoard board, out _))
            {
                // A board that parses must format and parse back to itself.
                string again = Zero.Games.Chess.Fen.Format(in board);
                if (!Zero.Games.Chess.Fen.TryParse(again, out ChessBoard back, out string? error) || !back.Equals(board))
                {
                    throw new InvalidOperationException($"FEN round trip failed: {again} ({error})");
                }
            }
        });

    private static readonly string[] SanSeeds = ["e4", "Nf3", "O-O", "O-O-O", "exd5", "e8=Q+", "Qh4#", "Nbd7", "R1a3", "bxa8=N", "Kxe2", "0-0", "Bb5+", "h8=R#"];

    public static FuzzTarget<string> San { get; } = new("SAN", 12_000,
        Mutations.TextOrNoise(SanSeeds, MoveAlphabet),
        text =>
        {
            foreach (ChessBoard board in Boards)
            {
                if (Zero.Games.Chess.San.TryParse(in board, text, out ChessMove move, out _))
                {
                    Zero.Games.Chess.San.Format(in board, move);
                }
            }
        });

    private static readonly string[] UciMoveSeeds = ["e2e4", "e7e8q", "e1g1", "a7a8n", "0000", "b7b8r", "h1h8", "e1h1"];

    public static FuzzTarget<string> UciMove { get; } = new("UCI move", 12_000,
        Mutations.TextOrNoise(UciMoveSeeds, MoveAlphabet),
        text =>
        {
            foreach (ChessBoard board in Boards)
            {
                ChessPosition position = ChessPosition.FromBoard(board);
                if (position.TryParseMove(text, out ChessMove move, out _))
                {
                    position.Play(move);
                }
            }
        });

    private static readonly string[] PgnSeeds =
    [
        "[Event \"Casual\"]\n[Site \"?\"]\n[Date \"2024.01.01\"]\n[Round \"1\"]\n[White \"A\"]\n[Black \"B\"]\n[Result \"1-0\"]\n\n1. e4 e5 2. Nf3 Nc6 3. Bb5 {Ruy Lopez} a6 (3... Nf6 4. O-O) 4. Ba4 Nf6 5. O-O $1 Be7 1-0\n",
        "[Event \"?\"]\n[FEN \"8/1P4k1/8/8/8/8/5K2/8 w - - 0 1\"]\n[SetUp \"1\"]\n[Result \"*\"]\n\n1. b8=Q Kg6 *\n",
        "1. f3 e5 2. g4 Qh4# 0-1\n\n1. d4 d5 1/2-1/2\n",
        "[White \"x\"]\n\n1. e4 ; comment to end of line\n1... c5 2. Nf3 d6 *",
    ];

    public static FuzzTarget<string> Pgn { get; } = new("PGN", 8_000,
        Mutations.TextOrNoise(PgnSeeds, "[]{}()\"$;. 0123456789-=+#/*abcdefghNBRQKO\n"),
        text => PgnReader.TryReadAll(text, out _, out _));

    private static readonly string[] PositionSeeds =
    [
        "position startpos",
        "position startpos moves e2e4 e7e5 g1f3 b8c6 f1c4 g8f6 e1g1",
        "position fen r3k2r/pppq1ppp/2npbn2/4p3/4P3/2NPBN2/PPPQ1PPP/R3K2R w KQkq - 0 1 moves e1c1 e8c8",
        "position fen 8/1P4k1/8/8/8/8/5KP1/8 w - - 0 1 moves b7b8n g7f6",
        "position startpos moves g1f3 g8f6 f3g1 f6g8 g1f3 g8f6 f3g1 f6g8 g1f3",
    ];

    public static FuzzTarget<string> UciPositionLine { get; } = new("UCI position line", 12_000,
        Mutations.TextOrNoise(PositionSeeds, "positionstartfenmoves abcdefgh12345678/KQRBNPkqrbnp-w "),
        line =>
        {
            if (UciPosition.TryParse(line, out ChessPosition position, out _))
            {
                UciPosition.SearchableRoot(position, out _);
            }
        });

    private static readonly string[] GoSeeds =
    [
        "wtime 60000 btime 60000 winc 1000 binc 1000", "movetime 500", "nodes 1000", "depth 5", "infinite", "ponder wtime 1000 btime 1000",
        "searchmoves e2e4 d2d4 nodes 100", "mate 3", "movestogo 40 wtime 100000 btime 100000",
    ];

    public static FuzzTarget<string> UciGoLine { get; } = new("UCI go line", 12_000,
        Mutations.TextOrNoise(GoSeeds, "wtimebincsdeptmovnxfp 0123456789-"),
        words => GoParameters.TryParse(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), out GoParameters _, out _));

    private static readonly string[] SessionSeeds =
    [
        "uci", "isready", "ucinewgame", "setoption name Threads value 1", "setoption name MultiPV value 3", "setoption name Hash value 1",
        "setoption name UCI_ShowWDL value true", "position startpos moves e2e4", "position fen 8/8/8/4k3/8/8/3K4/8 w - - 0 1",
        "go nodes 20", "go nodes 5 searchmoves e2e4", "go depth 1", "go movetime 5", "go wtime 50 btime 50", "stop", "ponderhit",
        "go ponder nodes 10", "d", "debug on", "position startpos moves f2f3 e7e5 g2g4 d8h4",
    ];

    /// <summary>Whole UCI sessions: every `go` must end in exactly one `bestmove`, and no line may reach the engine's catch-all.</summary>
    public static FuzzTarget<string[]> UciSession { get; } = new("UCI session", 2_000,
        Mutations.TextOrNoise(SessionSeeds, "gonodesptiarwhfm 0123456789").ArrayOf().Select(lines => lines.Take(12).Append("isready").ToArray()),
        lines =>
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var engine = new UciEngine(TextWriter.Synchronized(output), TextWriter.Synchronized(error)) { InfoInterval = TimeSpan.FromSeconds(10) };
            engine.Handle("setoption name Threads value 1");
            int gos = 0;
            foreach (string line in lines)
            {
                string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 0 && words[0] == "quit")
                {
                    break;
                }
                gos += words.Length > 0 && words[0] == "go" ? 1 : 0;
                engine.Handle(line);
            }
            engine.Handle("quit");
            string text = output.ToString();
            int bestmoves = text.Split('\n').Count(l => l.StartsWith("bestmove ", StringComparison.Ordinal));
            if (bestmoves != gos)
            {
                throw new InvalidOperationException($"{gos} go lines but {bestmoves} bestmove lines");
            }
            if (error.ToString().Contains("error while handling", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("an internal error reached the catch-all: " + error.ToString().Split('\n').First(l => l.Contains("error while", StringComparison.Ordinal)));
            }
        },
        TimeSpan.FromSeconds(20));

    public static FuzzTarget<string> GameNotation { get; } = new("tic-tac-toe and Connect Four notation", 12_000,
        Mutations.TextOrNoise(["5127", "4453", "-", "", "1234567", "4444445", "123456789", "44444444"], "0123456789- "),
        text =>
        {
            if (TicTacToePosition.TryParsePosition(text, out TicTacToePosition t, out _))
            {
                t.TryParseMove(text, out _, out _);
            }
            if (ConnectFourPosition.TryParsePosition(text, out ConnectFourPosition c, out _))
            {
                c.TryParseMove(text, out _, out _);
            }
        });

    private static readonly string[] RunConfigSeeds = [RunConfig.Default("tictactoe").ToJson(), RunConfig.Default("connect4").ToJson(), "{}", "{\"selfPlay\": {\"playouts\": 5}}"];

    public static FuzzTarget<string> RunConfigFile { get; } = new("run config (run.json / --config)", 6_000,
        Mutations.TextOrNoise(RunConfigSeeds, "{}[]\":,0123456789.-e truefalsn"),
        json => OnlyZeroException(() => RunConfig.Parse(json, "fuzz.json")));

    private static readonly string[] OverrideSeeds =
    [
        "selfPlay.playouts=100", "training.learningRate=0.01", "limits.time=1h30m", "evaluation.baselines=random,perfect",
        "training.learningRateDropGenerations=[100,200]", "network.blocks=2", "selfPlay.resignThreshold=-0.9", "training.optimizer=adam",
    ];

    public static FuzzTarget<string> RunConfigOverride { get; } = new("train override section.field=value", 6_000,
        Mutations.TextOrNoise(OverrideSeeds, "selfPlay.trainingvu=0123456789,[]-\""),
        text => OnlyZeroException(() => RunConfig.Load("tictactoe", null, [text])));

    private static readonly string[] RlConfigSeeds =
    [
        JsonSerializer.Serialize(Presets.Ppo("CartPole-v1"), ModelFile.Json), JsonSerializer.Serialize(Presets.Dqn("CartPole-v1"), ModelFile.Json),
        JsonSerializer.Serialize(Presets.Sac("Pendulum-v1"), ModelFile.Json), "{\"learning_rate\": \"lin_1e-3\", \"n_envs\": 4}", "{\"net_arch\": [64, 64]}",
    ];

    public static FuzzTarget<string> RlConfig { get; } = new("RL config (--config)", 6_000,
        Mutations.TextOrNoise(RlConfigSeeds, "{}[]\":,0123456789.-e_lin auto"),
        json => OnlyZeroException(() =>
        {
            try
            {
                ConfigFile.Apply(Presets.Ppo("CartPole-v1"), json, "fuzz.json");
            }
            finally
            {
                try
                {
                    ConfigFile.Apply(Presets.Dqn("CartPole-v1"), json, "fuzz.json");
                }
                finally
                {
                    ConfigFile.Apply(Presets.Sac("Pendulum-v1"), json, "fuzz.json");
                }
            }
        }));

    private static readonly Lazy<byte[][]> WeightsSeeds = new(() =>
    {
        string dir = Path.Combine(Path.GetTempPath(), "zero-fuzz-seeds-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var seeds = new List<byte[]>();
        foreach (PolicyValueNetConfig config in new[] { new PolicyValueNetConfig(2, 3, 3, 1, 4, 9), new PolicyValueNetConfig(3, 6, 7, 1, 4, 7, ValueHidden: 8) })
        {
            string path = Path.Combine(dir, $"w{seeds.Count}.weights");
            WeightsFile.Save(path, new PolicyValueNet(config, new Random(1)));
            seeds.Add(File.ReadAllBytes(path));
        }
        Directory.Delete(dir, true);
        return [.. seeds];
    });

    public static FuzzTarget<byte[]> WeightsContainer { get; } = new("weights file (container)", 8_000,
        Gen.Constant(0).SelectMany(_ => Mutations.Bytes(WeightsSeeds.Value, fixChecksum: true)),
        bytes =>
        {
            try
            {
                TensorFile.Read(bytes, "fuzz.weights");
            }
            catch (WeightsFileException)
            {
                // documented
            }
        });

    public static FuzzTarget<byte[]> WeightsNetwork { get; } = new("weights file (network load)", 2_000,
        Gen.Constant(0).SelectMany(_ => Mutations.Bytes(WeightsSeeds.Value, fixChecksum: true)),
        bytes =>
        {
            string path = Path.Combine(Path.GetTempPath(), $"zero-fuzz-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}-{Guid.NewGuid():N}.weights");
            File.WriteAllBytes(path, bytes);
            try
            {
                WeightsFile.LoadPolicyValueNet(path);
            }
            catch (WeightsFileException)
            {
                // documented
            }
            finally
            {
                File.Delete(path);
            }
        });

    private static readonly Lazy<byte[][]> ModelSeeds = new(() =>
    {
        string dir = Path.Combine(Path.GetTempPath(), "zero-fuzz-models-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        IAgent[] agents =
        [
            new Ppo("CartPole-v1", Presets.Ppo("CartPole-v1") with { NetArch = [4] }, 1),
            new Dqn("CartPole-v1", Presets.Dqn("CartPole-v1") with { NetArch = [4], BufferSize = 100 }, 1),
            new Sac("Pendulum-v1", Presets.Sac("Pendulum-v1") with { NetArch = [4], BufferSize = 100 }, 1),
        ];
        var seeds = new List<byte[]>();
        foreach (IAgent agent in agents)
        {
            string path = Path.Combine(dir, $"m{seeds.Count}.zrl");
            agent.Save(path);
            seeds.Add(File.ReadAllBytes(path));
        }
        Directory.Delete(dir, true);
        return [.. seeds];
    });

    public static FuzzTarget<byte[]> RlModel { get; } = new("RL model file (.zrl)", 6_000,
        Gen.Constant(0).SelectMany(_ => Mutations.Bytes(ModelSeeds.Value, fixChecksum: true)),
        bytes => OnlyZeroException(() => AgentFile.Load(bytes, "fuzz.zrl")),
        // A header in range may still ask for a 10-million-transition replay buffer, allocated when the agent is built:
        // seconds on a busy machine, not a hang.
        TimeSpan.FromSeconds(20));

    private static readonly byte[][] RecordSeeds =
    [
        GameRecordCodec.Encode(new GameRecord
        {
            Game = "connect4", Generation = 3, Outcome = 1,
            Moves = [new RecordedMove(3, 0.1f, [new VisitCount(3, 40), new VisitCount(2, 10)]), RecordedMove.Unsearched(4), new RecordedMove(3, -0.2f, [new VisitCount(3, 7)])],
        }),
        GameRecordCodec.Encode(new GameRecord { Game = "tictactoe", Generation = 0, Outcome = 0, Flags = GameRecordFlags.Resigned, ResignPly = 1, Moves = [RecordedMove.Unsearched(4)] }),
    ];

    public static FuzzTarget<byte[]> GameRecord { get; } = new("stored game record", 12_000,
        Mutations.Bytes(RecordSeeds, fixChecksum: false),
        bytes => GameRecordCodec.TryDecode(bytes, out _, out _));

    /// <summary>Every target, in the order the Slow suite runs and reports them.</summary>
    private static readonly string[] SgfSeeds =
    [
        "(;GM[1]FF[4]CA[UTF-8]SZ[9]KM[7]RU[Chinese]PB[Black]PW[White]RE[B+R];B[ee];W[gc];B[cg];W[];B[tt])",
        "(;GM[1]FF[4]SZ[19]HA[2]KM[0.5]AB[pd][dp];W[dd];B[pp]C[a comment with \\] escaped];W[qc](;B[qd])(;B[pc]))",
        "(;FF[4]GM[1]SZ[5]AW[cc]AB[bc][cb];W[bb];B[ba];W[ab])",
        "(;GM[1]FF[4]SZ[13]DT[2026-12-08]KM[6.5];B[gg];W[dd];B[jj];W[dj];B[jd])",
    ];

    public static FuzzTarget<string> Sgf { get; } = new("SGF game record", 12_000,
        Mutations.TextOrNoise(SgfSeeds, "()[];:\\ABWCGMFSZKHaRUPEtcdejqs0123456789.+-"),
        text =>
        {
            if (!SgfReader.TryRead(text, out SgfGame? game, out _) || game is null)
            {
                return;
            }
            // A record that reads either replays under the rules or is refused with a message; a replayed game
            // writes an SGF that reads back to the same number of moves.
            OnlyZeroException(() =>
            {
                GoPosition<Go25> position = game.ToPosition<Go25>();
                string written = SgfWriter.Write(SgfGame.FromPosition(position));
                GoPosition<Go25> again = SgfReader.Read(written).ToPosition<Go25>();
                if (again.Moves.Length != position.Moves.Length)
                {
                    throw new InvalidOperationException($"SGF round trip changed the game: {position.Moves.Length} moves, {again.Moves.Length} after writing");
                }
            });
        });

    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        Fen, San, UciMove, Pgn, UciPositionLine, UciGoLine, UciSession, GameNotation, RunConfigFile, RunConfigOverride, RlConfig,
        WeightsContainer, WeightsNetwork, RlModel, GameRecord, Sgf,
    ];

    private static void OnlyZeroException(Action action)
    {
        try
        {
            action();
        }
        catch (ZeroException)
        {
            // the documented refusal, with a message for the user
        }
    }
}
