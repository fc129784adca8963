using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.ClassicControl;

/// <summary>
/// CartPole-v1, ported from Gymnasium's <c>classic_control/cartpole.py</c>: explicit Euler (or semi-implicit)
/// over τ = 0.02 s in float64, observation in float32, reward +1 on every step including the terminating one
/// (0 and <see cref="StepsBeyondTerminated"/> counting when stepped after termination), terminated when
/// |x| &gt; 2.4 or |θ| &gt; 12°. Truncation (500 steps) is the <see cref="Wrappers.TimeLimit"/> wrapper's job.
/// State layout: [x, ẋ, θ, θ̇].
/// </summary>
public sealed class CartPole : ClassicControlEnvironment
{
    private const double Gravity = 9.8;
    private const double MassCart = 1.0;
    private const double MassPole = 0.1;
    private const double TotalMass = MassPole + MassCart;
    private const double Length = 0.5;
    private const double PoleMassLength = MassPole * Length;
    private const double ForceMag = 10.0;
    private const double Tau = 0.02;

    /// <summary>12·2π/360 rad, as Gymnasium computes it.</summary>
    public const double ThetaThresholdRadians = 12 * 2 * Math.PI / 360;

    /// <summary>Cart position limit.</summary>
    public const double XThreshold = 2.4;

    private int _stepsBeyondTerminated = -1;

    /// <summary>Creates CartPole; <paramref name="semiImplicitEuler"/> selects Gymnasium's "semi-implicit euler" integrator, <paramref name="suttonBartoReward"/> the 0 / −1 reward.</summary>
    public CartPole(bool semiImplicitEuler = false, bool suttonBartoReward = false) : base(4)
    {
        SemiImplicitEuler = semiImplicitEuler;
        SuttonBartoReward = suttonBartoReward;
        float[] high = [(float)(XThreshold * 2), float.PositiveInfinity, (float)(ThetaThresholdRadians * 2), float.PositiveInfinity];
        ObservationSpace = new BoxSpace(high.Select(h => -h).ToArray(), high);
    }

    /// <summary>True for the semi-implicit integrator (velocity first).</summary>
    public bool SemiImplicitEuler { get; }

    /// <summary>True for the Sutton–Barto reward (0 per step, −1 at termination).</summary>
    public bool SuttonBartoReward { get; }

    /// <summary>Steps taken after the terminating one (Gymnasium warns about these); −1 while not terminated.</summary>
    public int StepsBeyondTerminated => _stepsBeyondTerminated;

    /// <summary>Reset bounds: each state variable is drawn from U(low, high) (Gymnasium's options low/high).</summary>
    public double ResetLow { get; set; } = -0.05;

    /// <inheritdoc cref="ResetLow"/>
    public double ResetHigh { get; set; } = 0.05;

    /// <inheritdoc/>
    public override Space ObservationSpace { get; }

    /// <inheritdoc/>
    public override Space ActionSpace { get; } = new DiscreteSpace(2);

    /// <inheritdoc/>
    protected override void ResetState()
    {
        for (int i = 0; i < 4; i++)
        {
            State[i] = Random.Uniform(ResetLow, ResetHigh);
        }
        _stepsBeyondTerminated = -1;
    }

    /// <inheritdoc/>
    protected override void OnStateSet() => _stepsBeyondTerminated = -1;

    /// <inheritdoc/>
    protected override void WriteObservation(Span<float> observation)
    {
        for (int i = 0; i < 4; i++)
        {
            observation[i] = (float)State[i];
        }
    }

    /// <inheritdoc/>
    public override StepResult Step(ReadOnlySpan<float> action, Span<float> observation)
    {
        int a = DiscreteAction(action, 2, "CartPole");
        double x = State[0], xDot = State[1], theta = State[2], thetaDot = State[3];

        // 1. Forces and accelerations from the current state.
        double force = a == 1 ? ForceMag : -ForceMag;
        double cosTheta = Math.Cos(theta);
        double sinTheta = Math.Sin(theta);
        double temp = (force + (PoleMassLength * (thetaDot * thetaDot) * sinTheta)) / TotalMass;
        double thetaAcc = ((Gravity * sinTheta) - (cosTheta * temp)) / (Length * ((4.0 / 3.0) - (MassPole * (cosTheta * cosTheta) / TotalMass)));
        double xAcc = temp - (PoleMassLength * thetaAcc * cosTheta / TotalMass);

        // 2. Integrate: explicit Euler uses the old values throughout; semi-implicit updates velocities first.
        if (!SemiImplicitEuler)
        {
            x += Tau * xDot;
            xDot += Tau * xAcc;
            theta += Tau * thetaDot;
            thetaDot += Tau * thetaAcc;
        }
        else
        {
            xDot += Tau * xAcc;
            x += Tau * xDot;
            thetaDot += Tau * thetaAcc;
            theta += Tau * thetaDot;
        }
        State[0] = x;
        State[1] = xDot;
        State[2] = theta;
        State[3] = thetaDot;

        // 3. Termination and reward (+1 on the terminating step, 0 after it).
        bool terminated = x < -XThreshold || x > XThreshold || theta < -ThetaThresholdRadians || theta > ThetaThresholdRadians;
        double reward;
        if (!terminated)
        {
            reward = SuttonBartoReward ? 0.0 : 1.0;
        }
        else if (_stepsBeyondTerminated < 0)
        {
            _stepsBeyondTerminated = 0;
            reward = SuttonBartoReward ? -1.0 : 1.0;
        }
        else
        {
            _stepsBeyondTerminated++;
            reward = SuttonBartoReward ? -1.0 : 0.0;
        }
        WriteObservation(observation);
        return new StepResult(reward, terminated, false);
    }
}
