using Zero.Arena.Engines;
using Zero.Arena.Participants;

namespace Zero.Arena.Tests.Engines;

/// <summary>Specs for the fake UCI engine (fake-uci.sh beside the tests, run by bash) that fails in a chosen way.</summary>
internal static class FakeEngine
{
    public static string Script => Path.Combine(AppContext.BaseDirectory, "Engines", "fake-uci.sh");

    public static EngineSpec Spec(string name, string mode, int after, SearchLimit limit, double pingSeconds = 2) => new()
    {
        Name = name,
        Command = "bash",
        Arguments = [Script, mode, after.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        Limit = limit,
        Ping = TimeSpan.FromSeconds(pingSeconds),
    };
}
