using Zero.Rl.ClassicControl;
using Zero.Rl.Environments;
using Zero.Rl.Wrappers;

namespace Zero.Rl.Tests.Environments;

/// <summary>Single steps whose results are worked out by hand from the spec's equations (the arithmetic is in each test).</summary>
public sealed class ClassicControlHandComputedTests
{
    [Fact]
    public void CartPoleStep_FromRestPushRight_GivesExactFractions()
    {
        // temp = 10/1.1 = 100/11; θ̈ = −temp/(0.5·(4/3 − 0.1/1.1)) = −(100/11)/(41/66) = −600/41;
        // ẍ = temp − 0.05·θ̈/1.1 = 100/11 + 300/451 = 400/41. Euler with old values: x and θ stay 0,
        // ẋ = 0.02·400/41 = 8/41, θ̇ = −0.02·600/41 = −12/41.
        var env = new CartPole();
        var obs = new float[4];
        env.SetState([0, 0, 0, 0], obs);
        StepResult r = env.Step([1f], obs);
        var s = new double[4];
        env.GetState(s);
        Assert.Equal(0.0, s[0]);
        Assert.Equal(8.0 / 41, s[1], 15);
        Assert.Equal(0.0, s[2]);
        Assert.Equal(-12.0 / 41, s[3], 15);
        Assert.Equal(1.0, r.Reward);
        Assert.False(r.Terminated);
        Assert.Equal((float)(8.0 / 41), obs[1]);
    }

    [Fact]
    public void CartPoleStep_AfterTermination_GivesZeroRewardAndCounts()
    {
        var env = new CartPole();
        var obs = new float[4];
        env.SetState([2.399, 1.0, 0, 0], obs);
        StepResult first = env.Step([1f], obs);
        Assert.True(first.Terminated);
        Assert.Equal(1.0, first.Reward);
        Assert.Equal(0, env.StepsBeyondTerminated);
        StepResult second = env.Step([1f], obs);
        Assert.True(second.Terminated);
        Assert.Equal(0.0, second.Reward);
        Assert.Equal(1, env.StepsBeyondTerminated);
    }

    [Fact]
    public void CartPoleStep_SemiImplicitEuler_UpdatesVelocityFirst()
    {
        // Same accelerations as above; semi-implicit: ẋ = 8/41 first, then x = 0.02·8/41; θ̇ = −12/41, θ = −0.02·12/41.
        var env = new CartPole(semiImplicitEuler: true);
        var obs = new float[4];
        env.SetState([0, 0, 0, 0], obs);
        env.Step([1f], obs);
        var s = new double[4];
        env.GetState(s);
        Assert.Equal(0.02 * 8 / 41, s[0], 15);
        Assert.Equal(-0.02 * 12 / 41, s[2], 15);
    }

    [Fact]
    public void MountainCarStep_AtLeftWallMovingLeft_StopsTheCar()
    {
        // x = −1.2, v = −0.01, push left: v = −0.01 − 0.001 − 0.0025·cos(−3.6) = −0.008768…, x = −1.2088 → clipped to −1.2,
        // and since x == −1.2 with v < 0 the velocity becomes 0.
        var env = new MountainCar();
        var obs = new float[2];
        env.SetState([-1.2, -0.01], obs);
        env.Step([0f], obs);
        Assert.Equal(-1.2f, obs[0]);
        Assert.Equal(0f, obs[1]);
    }

    [Fact]
    public void MountainCarContinuousStep_ActionOutsideBounds_ClipsForceButChargesUnclippedAction()
    {
        // a = 3: force clipped to 1, but the cost is 0.1·3² = 0.9. From x = −π/6 (cos(3x) = 0), v = 0: v = 0.0015.
        var env = new MountainCarContinuous();
        var obs = new float[2];
        env.SetState([-Math.PI / 6, 0], obs);
        StepResult r = env.Step([3f], obs);
        Assert.Equal(-0.9, r.Reward, 12);
        var s = new double[2];
        env.GetState(s);
        Assert.Equal((double)(float)0.0015, s[1], 15);
        Assert.Equal((double)(float)(-Math.PI / 6 + 0.0015), s[0], 15);
    }

    [Fact]
    public void MountainCarContinuousStep_ReachingGoal_GivesHundredMinusActionCost()
    {
        var env = new MountainCarContinuous();
        var obs = new float[2];
        env.SetState([0.449, 0.05], obs);
        StepResult r = env.Step([0.5f], obs);
        Assert.True(r.Terminated);
        Assert.Equal(100 - (0.1 * 0.25), r.Reward, 12);
    }

    [Fact]
    public void PendulumStep_FromBottomAtRestWithMaxTorque_MatchesHandValues()
    {
        // θ = 0, θ̇ = 0, u = 3 → clipped to 2. Cost = 0 + 0 + 0.001·4 = 0.004. θ̇' = (15·sin0 + 3·2)·0.05 = 0.3; θ' = 0.015.
        var env = new Pendulum();
        var obs = new float[3];
        env.SetState([0, 0], obs);
        StepResult r = env.Step([3f], obs);
        Assert.Equal(-0.004, r.Reward, 15);
        var s = new double[2];
        env.GetState(s);
        Assert.Equal(0.3, s[1], 15);
        Assert.Equal(0.015, s[0], 15);
        Assert.Equal((float)Math.Cos(0.015), obs[0]);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(Math.PI + 0.5, -Math.PI + 0.5)]
    [InlineData(-Math.PI - 0.5, Math.PI - 0.5)]
    [InlineData(-7.0, -7.0 + (2 * Math.PI))]
    [InlineData(13.0, 13.0 - (4 * Math.PI))]
    public void AngleNormalize_NegativeAndLargeAngles_FollowsPythonModulo(double x, double expected) =>
        Assert.Equal(expected, Pendulum.AngleNormalize(x), 12);

    [Fact]
    public void AcrobotWrap_AngleBeyondPi_WrapsByWholeTurns()
    {
        Assert.Equal(3.5 - (2 * Math.PI), Acrobot.Wrap(3.5, -Math.PI, Math.PI), 15);
        Assert.Equal(-7 + (2 * Math.PI), Acrobot.Wrap(-7, -Math.PI, Math.PI), 15);
    }

    [Fact]
    public void AcrobotReset_AnySeed_StateIsFloat32AndWithinBounds()
    {
        var env = new Acrobot();
        var obs = new float[6];
        var s = new double[4];
        for (int seed = 0; seed < 20; seed++)
        {
            env.Reset(obs, seed);
            env.GetState(s);
            foreach (double v in s)
            {
                Assert.Equal(v, (double)(float)v);
                Assert.InRange(v, -0.1, 0.1);
            }
        }
    }

    [Fact]
    public void Acrobot_TipAboveBar_TerminatesWithZeroReward()
    {
        // θ1 = π (link 1 up): −cos π − cos(π + θ2) = 1 + cos θ2 > 1 for small θ2; zero velocities keep it there for a step.
        var env = new Acrobot();
        var obs = new float[6];
        env.SetState([Math.PI - 0.01, 0.0, 0, 0], obs);
        StepResult r = env.Step([1f], obs);
        Assert.True(r.Terminated);
        Assert.Equal(0.0, r.Reward);
    }

    [Theory]
    [InlineData("CartPole-v1", 500)]
    [InlineData("Acrobot-v1", 500)]
    [InlineData("MountainCar-v0", 200)]
    [InlineData("MountainCarContinuous-v0", 999)]
    [InlineData("Pendulum-v1", 200)]
    public void Make_Registration_TruncatesAtTheGymnasiumLimit(string id, int limit)
    {
        var entry = ClassicControlCatalog.Find(id);
        Assert.Equal(limit, entry.MaxEpisodeSteps);
        IEnvironment env = ClassicControlCatalog.Make(id);
        Assert.IsType<TimeLimit>(env);
    }

    [Fact]
    public void TimeLimit_PendulumAt200Steps_TruncatesWithoutTerminating()
    {
        IEnvironment env = ClassicControlCatalog.Make("Pendulum-v1");
        var obs = new float[3];
        env.Reset(obs, 7);
        for (int t = 1; t <= 200; t++)
        {
            StepResult r = env.Step([0.5f], obs);
            Assert.False(r.Terminated);
            Assert.Equal(t == 200, r.Truncated);
        }
    }

    [Fact]
    public void TimeLimit_TerminatingOnTheLastStep_ReportsBoth()
    {
        var inner = new CartPole();
        var env = new TimeLimit(inner, 1);
        var obs = new float[4];
        env.Reset(obs, 0);
        inner.SetState([2.399, 1.0, 0, 0], obs);
        StepResult r = env.Step([1f], obs);
        Assert.True(r.Terminated);
        Assert.True(r.Truncated);
    }

    [Fact]
    public void Reset_SameSeed_SameObservationAndUnseededContinuesStream()
    {
        var a = new CartPole();
        var b = new CartPole();
        var oa = new float[4];
        var ob = new float[4];
        a.Reset(oa, 42);
        b.Reset(ob, 42);
        Assert.Equal(oa, ob);
        a.Reset(oa);
        b.Reset(ob);
        Assert.Equal(oa, ob);
        b.Reset(ob, 42);
        Assert.NotEqual(oa, ob);
        foreach (float v in oa)
        {
            Assert.InRange(v, -0.05f, 0.05f);
        }
    }

    [Fact]
    public void Make_UnknownId_ThrowsListingKnownEnvironments()
    {
        var e = Assert.Throws<ZeroException>(() => ClassicControlCatalog.Make("CartPole-v9"));
        Assert.Contains("CartPole-v1", e.Message);
    }

    [Fact]
    public void Step_DiscreteActionOutOfRange_ThrowsWithExpectedRange()
    {
        var env = new CartPole();
        var obs = new float[4];
        env.Reset(obs, 0);
        var e = Assert.Throws<ArgumentException>(() => env.Step([2f], obs));
        Assert.Contains("0..1", e.Message);
    }
}
