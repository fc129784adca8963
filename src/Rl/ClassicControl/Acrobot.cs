using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.ClassicControl;

/// <summary>
/// Acrobot-v1, ported from Gymnasium's <c>classic_control/acrobot.py</c> ("book" dynamics): one RK4 step over
/// dt = 0.2 s with the torque appended to the state, then the angles wrapped into [−π, π] and the velocities
/// clipped. Reset draws 4 × U(−0.1, 0.1) and casts to float32. Reward −1 per step, 0 on the terminal step.
/// State layout: [θ1, θ2, θ̇1, θ̇2]; observation [cosθ1, sinθ1, cosθ2, sinθ2, θ̇1, θ̇2].
/// </summary>
public sealed class Acrobot : ClassicControlEnvironment
{
    private const double Dt = 0.2;
    private const double LinkLength1 = 1.0;
    private const double LinkMass1 = 1.0;
    private const double LinkMass2 = 1.0;
    private const double LinkComPos1 = 0.5;
    private const double LinkComPos2 = 0.5;
    private const double LinkMoi = 1.0;
    private const double Gravity = 9.8;

    /// <summary>Velocity limits 4π and 9π.</summary>
    public const double MaxVel1 = 4 * Math.PI;

    /// <inheritdoc cref="MaxVel1"/>
    public const double MaxVel2 = 9 * Math.PI;

    private static readonly double[] AvailableTorque = [-1.0, 0.0, 1.0];

    // RK4 scratch: the augmented state [θ1, θ2, θ̇1, θ̇2, torque] and the four slopes.
    private readonly double[] _y = new double[5];
    private readonly double[] _tmp = new double[5];
    private readonly double[] _k1 = new double[5];
    private readonly double[] _k2 = new double[5];
    private readonly double[] _k3 = new double[5];
    private readonly double[] _k4 = new double[5];

    /// <summary>Creates Acrobot-v1.</summary>
    public Acrobot() : base(4)
    {
        float[] high = [1, 1, 1, 1, (float)MaxVel1, (float)MaxVel2];
        ObservationSpace = new BoxSpace(high.Select(h => -h).ToArray(), high);
    }

    /// <inheritdoc/>
    public override Space ObservationSpace { get; }

    /// <inheritdoc/>
    public override Space ActionSpace { get; } = new DiscreteSpace(3);

    /// <inheritdoc/>
    protected override void ResetState()
    {
        for (int i = 0; i < 4; i++)
        {
            State[i] = (float)Random.Uniform(-0.1, 0.1);
        }
    }

    /// <inheritdoc/>
    protected override void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)Math.Cos(State[0]);
        observation[1] = (float)Math.Sin(State[0]);
        observation[2] = (float)Math.Cos(State[1]);
        observation[3] = (float)Math.Sin(State[1]);
        observation[4] = (float)State[2];
        observation[5] = (float)State[3];
    }

    /// <inheritdoc/>
    public override StepResult Step(ReadOnlySpan<float> action, Span<float> observation)
    {
        int a = DiscreteAction(action, 3, "Acrobot");

        // 1. Augment the state with the torque (its derivative is 0) and take one RK4 step over [0, dt].
        State.CopyTo(_y, 0);
        _y[4] = AvailableTorque[a];
        Rk4Step(_y, Dt);

        // 2. Wrap the angles, clip the velocities.
        State[0] = Wrap(_y[0], -Math.PI, Math.PI);
        State[1] = Wrap(_y[1], -Math.PI, Math.PI);
        State[2] = Math.Min(Math.Max(_y[2], -MaxVel1), MaxVel1);
        State[3] = Math.Min(Math.Max(_y[3], -MaxVel2), MaxVel2);

        // 3. Terminal when the tip is above the bar: −cosθ1 − cos(θ2 + θ1) > 1.
        bool terminated = -Math.Cos(State[0]) - Math.Cos(State[1] + State[0]) > 1.0;
        WriteObservation(observation);
        return new StepResult(terminated ? 0.0 : -1.0, terminated, false);
    }

    /// <summary>Gymnasium's <c>rk4(derivs, y0, [0, dt])</c>: y ← y + dt/6·(k1 + 2k2 + 2k3 + k4).</summary>
    private void Rk4Step(double[] y, double dt)
    {
        double dt2 = dt / 2.0;
        Derivatives(y, _k1);
        for (int i = 0; i < 5; i++)
        {
            _tmp[i] = y[i] + (dt2 * _k1[i]);
        }
        Derivatives(_tmp, _k2);
        for (int i = 0; i < 5; i++)
        {
            _tmp[i] = y[i] + (dt2 * _k2[i]);
        }
        Derivatives(_tmp, _k3);
        for (int i = 0; i < 5; i++)
        {
            _tmp[i] = y[i] + (dt * _k3[i]);
        }
        Derivatives(_tmp, _k4);
        for (int i = 0; i < 5; i++)
        {
            y[i] += dt / 6.0 * (_k1[i] + (2 * _k2[i]) + (2 * _k3[i]) + _k4[i]);
        }
    }

    /// <summary>Gymnasium's <c>_dsdt</c> ("book" variant), term for term and in the same order.</summary>
    internal static void Derivatives(ReadOnlySpan<double> s, Span<double> ds)
    {
        const double m1 = LinkMass1, m2 = LinkMass2, l1 = LinkLength1, lc1 = LinkComPos1, lc2 = LinkComPos2;
        const double i1 = LinkMoi, i2 = LinkMoi, g = Gravity;
        double a = s[4];
        double theta1 = s[0], theta2 = s[1], dtheta1 = s[2], dtheta2 = s[3];
        double d1 = (m1 * (lc1 * lc1)) + (m2 * ((l1 * l1) + (lc2 * lc2) + (2 * l1 * lc2 * Math.Cos(theta2)))) + i1 + i2;
        double d2 = (m2 * ((lc2 * lc2) + (l1 * lc2 * Math.Cos(theta2)))) + i2;
        double phi2 = m2 * lc2 * g * Math.Cos(theta1 + theta2 - (Math.PI / 2.0));
        double phi1 = (-m2 * l1 * lc2 * (dtheta2 * dtheta2) * Math.Sin(theta2))
            - (2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.Sin(theta2))
            + (((m1 * lc1) + (m2 * l1)) * g * Math.Cos(theta1 - (Math.PI / 2)))
            + phi2;
        double ddtheta2 = (a + (d2 / d1 * phi1) - (m2 * l1 * lc2 * (dtheta1 * dtheta1) * Math.Sin(theta2)) - phi2)
            / ((m2 * (lc2 * lc2)) + i2 - ((d2 * d2) / d1));
        double ddtheta1 = -((d2 * ddtheta2) + phi1) / d1;
        ds[0] = dtheta1;
        ds[1] = dtheta2;
        ds[2] = ddtheta1;
        ds[3] = ddtheta2;
        ds[4] = 0.0;
    }

    /// <summary>Gymnasium's <c>wrap</c>: shifts x by whole periods until it lies in [m, M].</summary>
    internal static double Wrap(double x, double m, double big)
    {
        double diff = big - m;
        while (x > big)
        {
            x -= diff;
        }
        while (x < m)
        {
            x += diff;
        }
        return x;
    }
}
