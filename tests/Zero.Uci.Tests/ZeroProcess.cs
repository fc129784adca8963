using Zero.Games.Chess;
using Zero.Arena.Engines;

namespace Zero.Uci.Tests;

/// <summary>
/// `dotnet zero.dll uci` as a child process, driven over its standard input and output the way a GUI drives it,
/// with helpers that check every `bestmove` and every `pv` move for legality. Used by the transcript tests.
/// </summary>
internal sealed class ZeroProcess : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ZeroProcess(UciClient client) => Client = client;

    public UciClient Client { get; }

    public static ZeroProcess Start(params string[] flags)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return new ZeroProcess(UciClient.Start("Zero", dotnet, [RepositoryPaths.ZeroDll, "uci", .. flags]));
    }

    public void Send(string line) => Client.Send(line);

    /// <summary>Reads until a line satisfies <paramref name="match"/>; every line read is collected. Fails the test on timeout.</summary>
    public (string Line, List<string> Seen) Expect(Func<string, bool> match, TimeSpan? timeout = null, string what = "the expected line")
    {
        var seen = new List<string>();
        string? line = Client.ReadUntil(match, timeout ?? Patience, seen.Add);
        Assert.True(line is not null, $"no {what}; transcript:\n{string.Join('\n', Client.Transcript.TakeLast(40))}\nstderr: {Client.ErrorTail}");
        return (line!, seen);
    }

    /// <summary>Reads to the next bestmove and checks it and every pv move in between against <paramref name="position"/>.</summary>
    public (ChessMove Best, List<string> Info) ExpectBestMove(ChessPosition position, TimeSpan? timeout = null)
    {
        var (line, seen) = Expect(l => l.StartsWith("bestmove", StringComparison.Ordinal), timeout, "bestmove");
        var info = seen.Where(l => l.StartsWith("info", StringComparison.Ordinal)).ToList();
        foreach (string i in info)
        {
            Assert.Equal(0, UciParticipant.CountIllegalPv(position, i));
        }
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(words.Length >= 2, $"'{line}' names no move");
        Assert.True(position.TryParseMove(words[1], out ChessMove best, out string? error), $"'{line}': {error}");
        if (words.Length >= 4)
        {
            Assert.Equal("ponder", words[2]);
            Assert.True(position.Play(best).TryParseMove(words[3], out _, out string? ponderError), $"'{line}': {ponderError}");
        }
        return (best, info);
    }

    /// <summary>`isready` and wait for `readyok`.</summary>
    public void Sync() => Client.WaitReady(Patience);

    public void Dispose() => Client.Dispose();
}
