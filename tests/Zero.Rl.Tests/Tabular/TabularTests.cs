using Zero.Rl.Tabular;

namespace Zero.Rl.Tests.Tabular;

/// <summary>
/// Dynamic programming and tabular learning against known facts: the Bellman optimality fixed point, exhaustive
/// search over deterministic policies, the closed form of a recycling-robot policy, and Sutton &amp; Barto's
/// published gridworld values (Figures 3.2, 3.5 and 4.1).
/// </summary>
public sealed class TabularTests
{
    private static readonly double[] Figure32 =
    [
        3.3, 8.8, 4.4, 5.3, 1.5,
        1.5, 3.0, 2.3, 1.9, 0.5,
        0.1, 0.7, 0.7, 0.4, -0.4,
        -1.0, -0.4, -0.4, -0.6, -1.2,
        -1.9, -1.3, -1.2, -1.4, -2.0,
    ];

    private static readonly double[] Figure35 =
    [
        22.0, 24.4, 22.0, 19.4, 17.5,
        19.8, 22.0, 19.8, 17.8, 16.0,
        17.8, 19.8, 17.8, 16.0, 14.4,
        16.0, 17.8, 16.0, 14.4, 13.0,
        14.4, 16.0, 14.4, 13.0, 11.7,
    ];

    private static readonly double[] Figure41 =
    [
        0, -14, -20, -22,
        -14, -18, -20, -20,
        -20, -20, -18, -14,
        -22, -20, -14, 0,
    ];

    [Theory]
    [InlineData(0.9, 0.6, 2.0, 1.0, 0.9)]
    [InlineData(0.5, 0.2, 3.0, 0.5, 0.95)]
    [InlineData(0.8, 0.9, 1.0, 0.9, 0.5)]
    [InlineData(0.1, 0.1, 5.0, 4.9, 0.99)]
    public void ValueIteration_RecyclingRobot_IsTheBellmanFixedPointAndBeatsEveryPolicy(double alpha, double beta, double rSearch, double rWait, double gamma)
    {
        FiniteMdp mdp = RecyclingRobot.Create(alpha, beta, rSearch, rWait);
        var result = DynamicProgramming.ValueIteration(mdp, gamma, 1e-12);

        // 1. v* = max_a Σ p (r + γ v*) in both states.
        for (int s = 0; s < 2; s++)
        {
            double best = Enumerable.Range(0, 3).Where(a => mdp.IsAvailable(s, a)).Max(a => mdp.Backup(s, a, result.Values, gamma));
            Assert.Equal(best, result.Values[s], 9);
        }

        // 2. v* equals the best of the 2 × 3 deterministic policies, each solved exactly, in every state.
        double[] bestValues = [double.NegativeInfinity, double.NegativeInfinity];
        foreach (int high in new[] { RecyclingRobot.Search, RecyclingRobot.Wait })
        {
            foreach (int low in new[] { RecyclingRobot.Search, RecyclingRobot.Wait, RecyclingRobot.Recharge })
            {
                double[] v = DynamicProgramming.SolveDeterministicPolicy(mdp, [high, low], gamma);
                bestValues[0] = Math.Max(bestValues[0], v[0]);
                bestValues[1] = Math.Max(bestValues[1], v[1]);
            }
        }
        Assert.Equal(bestValues[0], result.Values[0], 8);
        Assert.Equal(bestValues[1], result.Values[1], 8);

        // 3. The greedy policy achieves v*.
        double[] vGreedy = DynamicProgramming.SolveDeterministicPolicy(mdp, result.Policy, gamma);
        Assert.Equal(result.Values[0], vGreedy[0], 8);
        Assert.Equal(result.Values[1], vGreedy[1], 8);
    }

    [Fact]
    public void SolveDeterministicPolicy_SearchHighRechargeLow_MatchesClosedForm()
    {
        // v(h) = rs + γ[α v(h) + (1−α) v(l)], v(l) = γ v(h) ⇒ v(h) = rs / (1 − γα − γ²(1−α)).
        const double alpha = 0.7, rs = 2, gamma = 0.9;
        FiniteMdp mdp = RecyclingRobot.Create(alpha, 0.4, rs, 1);
        double[] v = DynamicProgramming.SolveDeterministicPolicy(mdp, [RecyclingRobot.Search, RecyclingRobot.Recharge], gamma);
        double vh = rs / (1 - (gamma * alpha) - (gamma * gamma * (1 - alpha)));
        Assert.Equal(vh, v[0], 12);
        Assert.Equal(gamma * vh, v[1], 12);
    }

    [Fact]
    public void EvaluatePolicy_Example35RandomPolicy_MatchesFigure32()
    {
        FiniteMdp mdp = Gridworld.Example35();
        double[] v = DynamicProgramming.EvaluatePolicy(mdp, DynamicProgramming.UniformPolicy(mdp), 0.9);
        for (int s = 0; s < 25; s++)
        {
            Assert.True(Math.Abs(v[s] - Figure32[s]) <= 0.051, $"state {mdp.StateNames[s]}: {v[s]:F3} vs {Figure32[s]}");
        }
    }

    [Fact]
    public void ValueIteration_Example35_MatchesFigure35()
    {
        FiniteMdp mdp = Gridworld.Example35();
        var result = DynamicProgramming.ValueIteration(mdp, 0.9);
        for (int s = 0; s < 25; s++)
        {
            Assert.True(Math.Abs(result.Values[s] - Figure35[s]) <= 0.051, $"state {mdp.StateNames[s]}: {result.Values[s]:F3} vs {Figure35[s]}");
        }
    }

    [Fact]
    public void EvaluatePolicy_Example41RandomPolicy_MatchesFigure41()
    {
        FiniteMdp mdp = Gridworld.Example41();
        double[] v = DynamicProgramming.EvaluatePolicy(mdp, DynamicProgramming.UniformPolicy(mdp), 1.0, 1e-9);
        for (int s = 0; s < 16; s++)
        {
            Assert.Equal(Figure41[s], v[s], 5);
        }
    }

    [Fact]
    public void QLearning_RecyclingRobot_ConvergesToTheBellmanFixedPoint()
    {
        FiniteMdp mdp = RecyclingRobot.Create(0.8, 0.5, 2.0, 1.0);
        const double gamma = 0.8;
        var vi = DynamicProgramming.ValueIteration(mdp, gamma);
        double[][] q = TabularLearning.QLearning(mdp, gamma, 400_000, 0.3, new RandomSource(11));
        for (int s = 0; s < 2; s++)
        {
            Assert.True(Math.Abs(TabularLearning.MaxAvailable(mdp, q[s], s) - vi.Values[s]) < 0.05,
                $"{mdp.StateNames[s]}: max Q = {TabularLearning.MaxAvailable(mdp, q[s], s):F4}, v* = {vi.Values[s]:F4}");
            for (int a = 0; a < 3; a++)
            {
                if (mdp.IsAvailable(s, a))
                {
                    Assert.True(Math.Abs(q[s][a] - mdp.Backup(s, a, vi.Values, gamma)) < 0.05, $"Q({mdp.StateNames[s]}, {mdp.ActionNames[a]})");
                }
            }
        }
    }

    [Fact]
    public void QLearning_Example35_FindsOptimalValues()
    {
        FiniteMdp mdp = Gridworld.Example35();
        var vi = DynamicProgramming.ValueIteration(mdp, 0.9);
        double[][] q = TabularLearning.QLearning(mdp, 0.9, 2_000_000, 0.5, new RandomSource(3));
        for (int s = 0; s < 25; s++)
        {
            double v = TabularLearning.MaxAvailable(mdp, q[s], s);
            Assert.True(Math.Abs(v - vi.Values[s]) < 0.3, $"{mdp.StateNames[s]}: {v:F3} vs v* {vi.Values[s]:F3}");
        }
    }

    [Fact]
    public void TdZero_Example35RandomPolicy_ApproachesPolicyEvaluation()
    {
        FiniteMdp mdp = Gridworld.Example35();
        double[][] pi = DynamicProgramming.UniformPolicy(mdp);
        double[] exact = DynamicProgramming.EvaluatePolicy(mdp, pi, 0.9);
        double[] td = TabularLearning.TdZero(mdp, pi, 0.9, 2_000_000, new RandomSource(4));
        for (int s = 0; s < 25; s++)
        {
            Assert.True(Math.Abs(td[s] - exact[s]) < 0.3, $"{mdp.StateNames[s]}: TD {td[s]:F3} vs {exact[s]:F3}");
        }
    }

    [Fact]
    public void FiniteMdp_ProbabilitiesNotSummingToOne_ThrowsNamingTheTransition()
    {
        var e = Assert.Throws<ArgumentException>(() => new FiniteMdp(["a"], ["go"], [[[new Transition(0, 0.5, 1)]]]));
        Assert.Contains("a --go-->", e.Message);
    }
}
