using System.Globalization;
using Zero.Rl.ClassicControl;

namespace Zero.Rl.Tests.Environments;

/// <summary>
/// Steps each port from given states with given actions and compares state, reward and termination with the
/// golden trajectories of Golden/classic_control_golden.py (Gymnasium's step code typed out, run with NumPy).
/// </summary>
public sealed class ClassicControlGoldenTests
{
    private sealed record Case(string Env, double[] Start, string[] Actions, List<(double[] State, double Reward, bool Terminated)> Steps);

    private static List<Case> LoadCases()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Golden", "golden.txt");
        var cases = new List<Case>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("case ", StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ');
                int stateAt = Array.IndexOf(parts, "state");
                int actionsAt = Array.IndexOf(parts, "actions");
                double[] start = parts[(stateAt + 1)..actionsAt].Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                cases.Add(new Case(parts[1], start, parts[(actionsAt + 1)..], []));
            }
            else if (line.Trim().Length > 0)
            {
                string[] fields = line.Split('|');
                double[] state = fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                cases[^1].Steps.Add((state, double.Parse(fields[1], CultureInfo.InvariantCulture), fields[2].Trim() == "True"));
            }
        }
        return cases;
    }

    private static ClassicControlEnvironment Create(string name) => name switch
    {
        "CartPole" => new CartPole(),
        "Acrobot" => new Acrobot(),
        "MountainCar" => new MountainCar(),
        "MountainCarContinuous" => new MountainCarContinuous(),
        "Pendulum" => new Pendulum(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [InlineData("CartPole", 1e-13)]
    [InlineData("Acrobot", 1e-11)]
    [InlineData("MountainCar", 1e-15)]
    [InlineData("MountainCarContinuous", 1e-15)]
    [InlineData("Pendulum", 1e-13)]
    public void Step_FromGivenStates_MatchesGymnasiumGoldenTrajectory(string env, double tolerance)
    {
        List<Case> cases = LoadCases().Where(c => c.Env == env).ToList();
        Assert.NotEmpty(cases);
        foreach (Case c in cases)
        {
            ClassicControlEnvironment e = Create(env);
            var obs = new float[e.ObservationSpace.FlatSize];
            e.SetState(c.Start, obs);
            var state = new double[c.Start.Length];
            for (int t = 0; t < c.Steps.Count; t++)
            {
                float action = float.Parse(c.Actions[t], CultureInfo.InvariantCulture);
                var r = e.Step([action], obs);
                e.GetState(state);
                (double[] expected, double reward, bool terminated) = c.Steps[t];
                for (int i = 0; i < state.Length; i++)
                {
                    double scale = Math.Max(1.0, Math.Abs(expected[i]));
                    Assert.True(Math.Abs(state[i] - expected[i]) <= tolerance * scale,
                        $"{env} from [{string.Join(", ", c.Start)}], step {t}, state[{i}]: {state[i]:R} vs golden {expected[i]:R}");
                }
                Assert.Equal(reward, r.Reward, 12);
                Assert.Equal(terminated, r.Terminated);
                Assert.False(r.Truncated);
            }
        }
    }
}
