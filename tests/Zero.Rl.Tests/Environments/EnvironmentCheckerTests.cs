using Zero.Rl.ClassicControl;
using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.Tests.Environments;

/// <summary>The checker passes every built-in environment and names the fix for typical mistakes in user environments.</summary>
public sealed class EnvironmentCheckerTests
{
    [Theory]
    [InlineData("CartPole-v1")]
    [InlineData("Acrobot-v1")]
    [InlineData("MountainCar-v0")]
    [InlineData("MountainCarContinuous-v0")]
    [InlineData("Pendulum-v1")]
    public void Check_BuiltInEnvironment_FindsNoError(string id)
    {
        IReadOnlyList<CheckProblem> problems = EnvironmentChecker.Check(() => ClassicControlCatalog.Make(id), steps: 1200);
        Assert.DoesNotContain(problems, p => p.IsError);
    }

    /// <summary>A user environment with the classic mistakes; each flag turns one on.</summary>
    private sealed class BrokenEnv(bool unseeded = false, bool partialObs = false, bool nanReward = false, bool acceptsBadAction = false, bool outOfBounds = false) : IEnvironment
    {
        private static int s_counter;
        private int _t;

        public Space ObservationSpace { get; } = BoxSpace.Uniform(-1f, 1f, 2);

        public Space ActionSpace { get; } = new DiscreteSpace(2);

        public void Reset(Span<float> observation, int? seed = null)
        {
            _t = 0;
            observation[0] = unseeded ? (Interlocked.Increment(ref s_counter) % 7) / 10f : 0.1f;
            if (!partialObs)
            {
                observation[1] = 0f;
            }
        }

        public StepResult Step(ReadOnlySpan<float> action, Span<float> observation)
        {
            if (!acceptsBadAction && action[0] >= 2)
            {
                throw new ArgumentException("bad action");
            }
            _t++;
            observation[0] = outOfBounds ? 5f : 0.2f;
            observation[1] = 0f;
            return new StepResult(nanReward ? double.NaN : 1.0, _t >= 10, false);
        }
    }

    [Theory]
    [InlineData("unseeded", "reseed")]
    [InlineData("partial", "unwritten")]
    [InlineData("nan", "finite")]
    [InlineData("bad-action", "ArgumentException")]
    [InlineData("bounds", "widen the ObservationSpace")]
    public void Check_BrokenEnvironment_ReportsHowToFixIt(string flaw, string hint)
    {
        IReadOnlyList<CheckProblem> problems = EnvironmentChecker.Check(() => new BrokenEnv(
            unseeded: flaw == "unseeded", partialObs: flaw == "partial", nanReward: flaw == "nan",
            acceptsBadAction: flaw == "bad-action", outOfBounds: flaw == "bounds"));
        Assert.Contains(problems, p => p.Message.Contains(hint, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CorrectUserEnvironment_FindsNothing()
    {
        Assert.Empty(EnvironmentChecker.Check(() => new BrokenEnv()));
    }

    [Fact]
    public void CheckOrThrow_BrokenEnvironment_ThrowsZeroExceptionWithEveryError()
    {
        var e = Assert.Throws<ZeroException>(() => EnvironmentChecker.CheckOrThrow(() => new BrokenEnv(nanReward: true)));
        Assert.Contains("rewards must be finite", e.Message);
    }
}
