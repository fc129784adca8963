using Zero.Arena.Engines;
using Zero.Uci.Gtp;

namespace Zero.Uci.Tests.Gtp;

/// <summary>`dotnet zero.dll gtp` as a child process, driven as a Go GUI drives it; the transcript tests' helper.</summary>
internal sealed class GtpProcess : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private GtpProcess(GtpClient client) => Client = client;

    public GtpClient Client { get; }

    public static GtpProcess Start(params string[] flags)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string[] defaults = flags.Contains("--playouts") ? ["--threads", "1"] : ["--threads", "1", "--playouts", "100"];
        return new GtpProcess(GtpClient.Start("Zero", dotnet, [RepositoryPaths.ZeroDll, "gtp", .. defaults, .. flags]));
    }

    /// <summary>Sends a command and returns its reply; fails the test when none comes.</summary>
    public GtpReply Ask(string command)
    {
        GtpReply? reply = Client.Command(command, Patience);
        Assert.True(reply is not null, $"no reply to '{command}'; transcript:\n{string.Join('\n', Client.Transcript.TakeLast(30))}\nstderr: {Client.ErrorTail}");
        return reply!;
    }

    /// <summary>Sends a command that must succeed and returns its text.</summary>
    public string Ok(string command)
    {
        GtpReply reply = Ask(command);
        Assert.True(reply.Success, $"'{command}' failed: {reply.Text}");
        return reply.Text;
    }

    /// <summary>Sends a command that must fail and returns its message.</summary>
    public string Error(string command)
    {
        GtpReply reply = Ask(command);
        Assert.False(reply.Success, $"'{command}' should fail but answered '{reply.Text}'");
        return reply.Text;
    }

    /// <summary>Reads raw lines until one satisfies <paramref name="match"/>; fails the test on timeout.</summary>
    public List<string> ReadUntil(Func<string, bool> match, string what)
    {
        var seen = new List<string>();
        string? line = Client.ReadUntil(match, Patience, seen.Add);
        Assert.True(line is not null, $"no {what}; transcript:\n{string.Join('\n', Client.Transcript.TakeLast(30))}\nstderr: {Client.ErrorTail}");
        return seen;
    }

    public void Dispose() => Client.Dispose();
}
